//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOutputToFIFO writes the redline into a named pipe: it must go into
// the pipe, as into /dev/null or /dev/stdout, not into a temporary file
// renamed over it (which, run as root, once replaced /dev/null with a
// regular file).
func TestOutputToFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	// Opened for reading and writing, the pipe neither blocks this open
	// nor the command's, and holds the short text redline while the
	// command runs.
	r, err := os.OpenFile(fifo, os.O_RDWR|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	compareTextTo(t, dir, fifo)
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v, %v", fi.Mode(), err)
	}
	r.SetReadDeadline(time.Now().Add(2 * time.Second))
	buf := make([]byte, 1<<16)
	n, err := r.Read(buf)
	if err != nil || !strings.Contains(string(buf[:n]), "agreed") {
		t.Errorf("read %q from the pipe (%v), want the redline", buf[:n], err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".out.*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestOutputThroughSymlink writes through a symbolic link: the link stays,
// and the file it names gets the redline.
func TestOutputThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "pages")
	os.Mkdir(sub, 0o755)
	target, link := filepath.Join(sub, "latest.txt"), filepath.Join(dir, "out.txt")
	os.WriteFile(target, []byte("old page"), 0o644)
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	compareTextTo(t, dir, link)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if got, _ := os.ReadFile(target); !strings.Contains(string(got), "agreed") {
		t.Errorf("the linked file holds %q, want the redline", got)
	}
}

// compareTextTo writes two one-paragraph drafts to dir and runs "redline
// compare -f text" on them with -o out, which must exit 1 (they differ).
func compareTextTo(t *testing.T, dir, out string) {
	t.Helper()
	old, new := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
	os.WriteFile(old, []byte("1. States agreed to cooperate.\n"), 0o644)
	os.WriteFile(new, []byte("1. States decided to cooperate.\n"), 0o644)
	var stderr bytes.Buffer
	if code := run([]string{"redline", "compare", "-f", "text", old, new, "-o", out}, nil, io.Discard, &stderr); code != 1 {
		t.Fatalf("exit status %d, want 1 (the drafts differ); stderr: %s", code, stderr.String())
	}
}
