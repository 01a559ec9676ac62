//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redline-diff/redline/internal/draftgen"
)

// TestSIGTERMRemovesTemporaryFile stops redline with SIGTERM while it
// writes its page: the temporary file goes, and no output is left.
func TestSIGTERMRemovesTemporaryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes two 3 MB drafts")
	}
	redline, err := exec.LookPath("redline") // the test binary, put on PATH by TestMain
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	d := draftgen.Generate(7, 3<<20)
	ed := draftgen.Edit(d, 8, draftgen.Edits{WordRate: 0.02, ParaRate: 0.05})
	old, new := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	os.WriteFile(old, d.Markdown(), 0o644)
	os.WriteFile(new, ed.Markdown(), 0o644)
	for try := 0; try < 3; try++ {
		cmd := exec.Command(redline, "compare", old, new, "-o", filepath.Join(dir, "out.html"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		if waitForTemp(dir, ".out.html", done) == "" {
			os.Remove(filepath.Join(dir, "out.html"))
			continue // finished before it was seen writing
		}
		cmd.Process.Signal(syscall.SIGTERM)
		err := <-done
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+15 {
			t.Errorf("exit: %v, want status 143", err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".out.html*")); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
		if _, err := os.Stat(filepath.Join(dir, "out.html")); err == nil {
			t.Errorf("out.html written although stopped")
		}
		return
	}
	t.Skip("the page was written too fast to be stopped while writing")
}

// waitForTemp polls dir for a file whose name starts with prefix, and
// returns its name, or "" once the command is done.
func waitForTemp(dir, prefix string, done chan error) string {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), prefix) {
				return e.Name()
			}
		}
		select {
		case err := <-done:
			done <- err
			return ""
		case <-time.After(200 * time.Microsecond):
		}
	}
	return ""
}
