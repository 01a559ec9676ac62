package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
)

// wordCounts are the words inserted and deleted one output reports.
type wordCounts struct{ ins, del int }

// TestLayoutCountsAgree checks that a change of Unicode normal form alone
// (a composed "café" become a decomposed one) is no change of words in any
// output: with one real edit beside it, the page header, the departures
// table, the text redline, --stat and the JSON stats all count the edit's
// words alone; with none, every output counts 0 and the exit status is 0
// (the drafts have the same text: README, "Exit status").
func TestLayoutCountsAgree(t *testing.T) {
	const (
		nfc   = "1. The caf\u00e9 is open every day.\n\n"
		nfd   = "1. The cafe\u0301 is open every day.\n\n"
		red   = "2. The door is red.\n"
		green = "2. The door is dark green.\n"
	)
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	old := write("old.md", nfc+red)
	edited := write("edited.md", nfd+green)
	nfdOnly := write("nfd.md", nfd+red)
	for _, c := range []struct {
		name string
		new  string
		want wordCounts
		code int
	}{
		{"NFD and one edit", edited, wordCounts{2, 1}, exitDiffer},
		{"NFD only", nfdOnly, wordCounts{0, 0}, exitSame},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := layoutOutputs(t, dir, old, c.new, c.code)
			for output, n := range got {
				if n != c.want {
					t.Errorf("%s: %d inserted, %d deleted; want %d, %d", output, n.ins, n.del, c.want.ins, c.want.del)
				}
			}
		})
	}
}

// layoutOutputs runs every output on old and new, checks each exit status
// is code, and returns the words each output counts.
func layoutOutputs(t *testing.T, dir, old, new string, code int) map[string]wordCounts {
	t.Helper()
	page := filepath.Join(dir, "page.html")
	outs := make(map[string]string)
	for name, args := range map[string][]string{
		"page":  {"-o", page},
		"text":  {"-f", "text"},
		"stat":  {"--stat"},
		"json":  {"-f", "json"},
		"ansi":  {"-f", "ansi"},
		"quiet": {"-q"},
	} {
		var stdout, stderr bytes.Buffer
		got := run(append(append([]string{"redline", "compare"}, args...), old, new), strings.NewReader(""), &stdout, &stderr)
		if got != code {
			t.Errorf("%s: exit status %d, want %d (%s)", name, got, code, stderr.String())
		}
		outs[name] = stdout.String()
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]wordCounts{
		"page header":      pageHeaderWords(t, string(html)),
		"departures table": departureWords(string(html)),
		"text redline":     markedWords(outs["text"], `\[-(.*?)-\]`, `\{\+(.*?)\+\}`),
		"--stat":           statWords(t, outs["stat"]),
		"JSON stats":       jsonWords(t, outs["json"]),
	}
}

// pageHeaderWords returns the page header's word counts: its Words
// summary, or none when it says there are no differences.
func pageHeaderWords(t *testing.T, page string) wordCounts {
	if strings.Contains(page, "No differences: ") {
		return wordCounts{}
	}
	m := regexp.MustCompile(`Words:</span> <span class="count"><strong>(\d+)</strong> inserted</span> <span class="count"><strong>(\d+)</strong> deleted`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("page has no Words summary")
	}
	return wordCounts{atoi(m[1]), atoi(m[2])}
}

// departureWords sums the departures table's rows (none when no step
// changed).
func departureWords(page string) wordCounts {
	var n wordCounts
	for _, m := range regexp.MustCompile(`<span class="w-del">−(\d+)</span> <span class="w-ins">\+(\d+)</span>`).FindAllStringSubmatch(page, -1) {
		n.del += atoi(m[1])
		n.ins += atoi(m[2])
	}
	return n
}

// markedWords counts the words of a text redline's deletions and
// insertions.
func markedWords(out, del, ins string) wordCounts {
	count := func(re string) int {
		n := 0
		for _, m := range regexp.MustCompile(re).FindAllStringSubmatch(out, -1) {
			n += diff.CountWords(m[1])
		}
		return n
	}
	return wordCounts{count(ins), count(del)}
}

func statWords(t *testing.T, out string) wordCounts {
	if out == "" { // nothing differs
		return wordCounts{}
	}
	m := regexp.MustCompile(`\| \+(\d+) -(\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("--stat line without counts: %q", out)
	}
	return wordCounts{atoi(m[1]), atoi(m[2])}
}

func jsonWords(t *testing.T, out string) wordCounts {
	var res struct {
		Stats struct {
			Ins int `json:"words_inserted"`
			Del int `json:"words_deleted"`
		} `json:"stats"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return wordCounts{res.Stats.Ins, res.Stats.Del}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
