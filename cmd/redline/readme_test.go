package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// readmeOutput marks a README block that shows a command's output:
// "<!-- output: SCRIPT FILE [abridged] -->" before the fence, SCRIPT a
// testscript of testdata/script whose FILE the script compares with the
// command's real output (cmp).
var readmeOutput = regexp.MustCompile(`(?m)^( *)<!-- output: (\S+) (\S+)( abridged)? -->\n *` + "```" + `[a-z]*\n`)

// TestReadmeOutputs holds every README block marked as a command's output
// to the file of the testscript that checks that output, so that the
// README cannot drift from what the commands print: a block is the file
// whole, or, marked abridged, runs of the file's lines in order with
// lines "…" standing for lines left out.
func TestReadmeOutputs(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	marks := readmeOutput.FindAllStringSubmatchIndex(text, -1)
	if len(marks) < 4 {
		t.Fatalf("%d README blocks marked as output, want 4 or more", len(marks))
	}
	for _, m := range marks {
		indent := text[m[2]:m[3]]
		script, file, abridged := text[m[4]:m[5]], text[m[6]:m[7]], m[8] >= 0
		end := strings.Index(text[m[1]:], "\n"+indent+"```")
		if end < 0 {
			t.Errorf("%s %s: README block not closed", script, file)
			continue
		}
		var lines []string
		for _, l := range strings.Split(text[m[1]:m[1]+end], "\n") {
			lines = append(lines, strings.TrimPrefix(l, indent))
		}
		ar, err := txtar.ParseFile(filepath.Join("testdata/script", script))
		if err != nil {
			t.Errorf("README block %s %s: %v", script, file, err)
			continue
		}
		var want string
		found := false
		for _, f := range ar.Files {
			if f.Name == file {
				want, found = string(f.Data), true
			}
		}
		if !found {
			t.Errorf("README block %s %s: the script has no file %s", script, file, file)
			continue
		}
		wantLines := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
		if !abridged {
			if got := strings.Join(lines, "\n"); got != strings.Join(wantLines, "\n") {
				t.Errorf("README block %s %s differs from the command's output:\nREADME:\n%s\noutput:\n%s", script, file, got, want)
			}
			continue
		}
		if err := abridgedOf(lines, wantLines); err != "" {
			t.Errorf("README block %s %s (abridged): %s", script, file, err)
		}
	}
}

// abridgedOf checks that lines are runs of want in order, a line "…"
// between runs standing for lines left out (at the start or end too);
// it returns what is wrong, or "".
func abridgedOf(lines, want []string) string {
	var runs [][]string
	run := []string{}
	startsOpen := len(lines) > 0 && lines[0] == "…"
	endsOpen := len(lines) > 0 && lines[len(lines)-1] == "…"
	for _, l := range lines {
		if l == "…" {
			if len(run) > 0 {
				runs = append(runs, run)
			}
			run = []string{}
			continue
		}
		run = append(run, l)
	}
	if len(run) > 0 {
		runs = append(runs, run)
	}
	at := 0
	for k, r := range runs {
		i := indexRun(want, r, at)
		if i < 0 {
			return "no run of the output's lines from " + r[0]
		}
		if k == 0 && !startsOpen && i != 0 {
			return "does not start as the output does (mark lines left out with …)"
		}
		at = i + len(r)
	}
	if !endsOpen && at != len(want) {
		return "does not end as the output does (mark lines left out with …)"
	}
	return ""
}

// indexRun returns the first index from at where run occurs in lines, or
// -1.
func indexRun(lines, run []string, at int) int {
	for i := at; i+len(run) <= len(lines); i++ {
		match := true
		for j, l := range run {
			if lines[i+j] != l {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
