package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBashCompletion loads "redline completion bash" into bash and asks
// it to complete command lines as bash does at a Tab.
func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	var script, stderr bytes.Buffer
	if code := run([]string{"redline", "completion", "bash"}, strings.NewReader(""), &script, &stderr); code != 0 {
		t.Fatalf("exit status %d: %s", code, stderr.String())
	}
	file := filepath.Join(t.TempDir(), "redline.bash")
	if err := os.WriteFile(file, script.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		words []string // the last is the word being completed
		want  string
	}{
		{[]string{"redline", "com"}, "compare completion"},
		{[]string{"redline", "hi"}, "history"},
		{[]string{"redline", "compare", "--fo"}, "--format --formatting --follow-symlinks"},
		{[]string{"redline", "compare", "-f", ""}, "html text json ansi markdown docx"},
		{[]string{"redline", "compare", "old.md", "--color", "a"}, "auto always"},
		{[]string{"redline", "history", "--format", ""}, "html text json"},
		{[]string{"redline", "git", "--from", "d"}, "docx"},
		{[]string{"redline", "completion", ""}, "bash zsh fish"},
		{[]string{"redline", "help", "tr"}, "trace tracked"},
		{[]string{"redline", "compare", "-o", ""}, ""}, // file names, from bash
		{[]string{"redline", "compare", "old"}, ""},    // file names, from bash
		{[]string{"redline", "--no-p"}, "--no-pager"},  // global flag
		{[]string{"redline", "trace", "--ph"}, "--phrase --phrases"},
	} {
		var words []string
		for _, w := range tc.words {
			words = append(words, "'"+w+"'")
		}
		prog := "source " + file + "\nCOMP_WORDS=(" + strings.Join(words, " ") + ")\nCOMP_CWORD=" +
			itoa(len(tc.words)-1) + "\n_redline\necho \"${COMPREPLY[*]}\"\n"
		out, err := exec.Command("bash", "--norc", "--noprofile", "-c", prog).CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", tc.words, err, out)
		}
		if got := strings.TrimSpace(string(out)); got != tc.want {
			t.Errorf("complete %q: %q, want %q", tc.words, got, tc.want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestShellSyntax checks the zsh and fish scripts with their shells, where
// they are installed.
func TestShellSyntax(t *testing.T) {
	for _, sh := range []string{"zsh", "fish"} {
		if _, err := exec.LookPath(sh); err != nil {
			t.Logf("no %s: its script is checked by the scripts' tests only", sh)
			continue
		}
		var script, stderr bytes.Buffer
		if code := run([]string{"redline", "completion", sh}, strings.NewReader(""), &script, &stderr); code != 0 {
			t.Fatalf("%s: exit status %d: %s", sh, code, stderr.String())
		}
		cmd := exec.Command(sh, "-n")
		cmd.Stdin = &script
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", sh, err, out)
		}
	}
}

// TestManPage checks that docs/redline.1 is what "redline man" writes
// (REDLINE_UPDATE_MAN=1 rewrites it), and that groff reads it without a
// warning.
func TestManPage(t *testing.T) {
	var page, stderr bytes.Buffer
	if code := run([]string{"redline", "man"}, strings.NewReader(""), &page, &stderr); code != 0 {
		t.Fatalf("exit status %d: %s", code, stderr.String())
	}
	const file = "../../docs/redline.1"
	if os.Getenv("REDLINE_UPDATE_MAN") != "" {
		if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shipped, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shipped, page.Bytes()) {
		t.Errorf("docs/redline.1 is not what redline man writes: run REDLINE_UPDATE_MAN=1 go test ./cmd/redline -run TestManPage")
	}
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("no groff")
	}
	cmd := exec.Command("groff", "-man", "-ww", "-z", "-Tutf8")
	cmd.Stdin = &page
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("groff: %v\n%s", err, out)
	}
}
