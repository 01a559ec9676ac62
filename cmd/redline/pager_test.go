//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/creack/pty"
)

// onTerminal runs the test binary as redline with standard output a
// pseudo-terminal and the environment env (over one without the colour
// and pager variables), and returns what the terminal showed, standard
// error, and the exit status.
func onTerminal(t *testing.T, env []string, args ...string) (screen, stderr string, code int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 50, Cols: 120}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	// The terminal is the child's controlling terminal and standard input
	// and output, as in a terminal window: less reads its keys from it.
	cmd.Stdin, cmd.Stdout = tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	cmd.Env = []string{"REDLINE_TEST_AS_COMMAND=1", "PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TERM=xterm"}
	cmd.Env = append(cmd.Env, env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close() // the child and its pager hold it now
	var out bytes.Buffer
	_, err = io.Copy(&out, ptmx) // until every holder of the terminal has closed it
	if err != nil && !errors.Is(err, syscall.EIO) {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return out.String(), errBuf.String(), cmd.ProcessState.ExitCode()
}

// TestPager checks paging on a pseudo-terminal, as git pages: through
// $PAGER with LESS=FRX unless LESS is set, coloured; not with --no-pager
// or under git's own pager (GIT_PAGER_IN_USE); and a pager that quits
// early is no error.
func TestPager(t *testing.T) {
	dir := t.TempDir()
	old, new := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	write := func(name, s string) {
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(old, "1. States agreed that the rules apply.\n\n2. Nothing else.\n")
	write(new, "1. States concluded that the rules apply.\n\n2. Nothing else.\n")
	const fakePager = `PAGER=printf 'paged LESS=%s LV=%s\n' "$LESS" "$LV"; cat`

	screen, stderr, code := onTerminal(t, []string{fakePager}, "compare", old, new)
	if code != exitDiffer || stderr != "" {
		t.Fatalf("paged: exit status %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"paged LESS=FRX LV=-c", "--- " + old, "\x1b[9;31magreed\x1b[m"} {
		if !strings.Contains(screen, want) {
			t.Errorf("paged: the terminal shows no %q:\n%q", want, screen)
		}
	}

	screen, _, _ = onTerminal(t, []string{fakePager, "LESS=R"}, "compare", old, new)
	if !strings.Contains(screen, "paged LESS=R LV=-c") {
		t.Errorf("LESS=R: the pager did not get the reader's LESS:\n%q", screen)
	}

	screen, _, _ = onTerminal(t, []string{"REDLINE_PAGER=sed s/^/redline-pager:/", fakePager}, "compare", old, new)
	if !strings.Contains(screen, "redline-pager:\x1b[1m--- ") || strings.Contains(screen, "paged") {
		t.Errorf("REDLINE_PAGER: not the pager used:\n%q", screen)
	}

	for _, tc := range []struct {
		name string
		env  []string
		args []string
	}{
		{"--no-pager", []string{fakePager}, []string{"compare", "--no-pager", old, new}},
		{"--no-pager before the command", []string{fakePager}, []string{"--no-pager", "compare", old, new}},
		{"GIT_PAGER_IN_USE", []string{fakePager, "GIT_PAGER_IN_USE=true"}, []string{"compare", old, new}},
		{"PAGER=cat", []string{"PAGER=cat"}, []string{"compare", old, new}},
		{"PAGER empty", []string{"PAGER="}, []string{"compare", old, new}},
		{"git-extdiff", []string{fakePager}, []string{"git-extdiff", "report.md", old, "0000000", "100644", new, "0000000", "100644"}},
	} {
		screen, stderr, code := onTerminal(t, tc.env, tc.args...)
		if code != exitDiffer || stderr != "" {
			t.Errorf("%s: exit status %d, stderr %q", tc.name, code, stderr)
		}
		if strings.Contains(screen, "paged") || !strings.Contains(screen, "\x1b[9;31magreed\x1b[m") {
			t.Errorf("%s: want the coloured redline, not paged:\n%q", tc.name, screen)
		}
	}

	// Nothing to write, nothing paged: -q, and -o FILE.
	screen, _, code = onTerminal(t, []string{fakePager}, "compare", "-q", old, new)
	if code != exitDiffer || strings.Contains(screen, "paged") {
		t.Errorf("-q: exit status %d, terminal %q", code, screen)
	}

	// A pager that quits before reading all (the reader pressed q) is no
	// error: the exit status is the comparison's.
	var long, longer strings.Builder
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&long, "%d. Paragraph %d says that States agreed on point %d.\n\n", i, i, i)
		fmt.Fprintf(&longer, "%d. Paragraph %d says that States concluded on point %d.\n\n", i, i, i)
	}
	write(old, long.String())
	write(new, longer.String())
	screen, stderr, code = onTerminal(t, []string{"PAGER=head -n 3"}, "compare", old, new)
	if code != exitDiffer || stderr != "" {
		t.Errorf("pager quit early: exit status %d, stderr %q", code, stderr)
	}
	if n := strings.Count(screen, "\n"); n != 3 {
		t.Errorf("pager quit early: %d lines on the terminal, want 3:\n%q", n, screen)
	}
}

// TestPagerLess pages through the real less -FRX, where it is installed:
// output that fits on the screen is shown and less quits by itself.
func TestPagerLess(t *testing.T) {
	if _, err := exec.LookPath("less"); err != nil {
		t.Skip("no less")
	}
	dir := t.TempDir()
	old, new := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	os.WriteFile(old, []byte("1. States agreed.\n"), 0o644)
	os.WriteFile(new, []byte("1. States concluded.\n"), 0o644)
	screen, stderr, code := onTerminal(t, nil, "compare", old, new)
	if code != exitDiffer || stderr != "" {
		t.Fatalf("exit status %d, stderr %q", code, stderr)
	}
	if !strings.Contains(screen, "\x1b[9;31magreed\x1b[m") {
		t.Errorf("less -FRX did not show the coloured redline:\n%q", screen)
	}
}
