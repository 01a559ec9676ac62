//go:build unix

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redline-diff/redline/internal/draftgen"
)

// writeFolders writes n generated drafts of about size bytes to dir/old
// and their edited copies (2% of words, 5% of paragraphs) to dir/new.
func writeFolders(tb testing.TB, dir string, n, size int) (string, string) {
	tb.Helper()
	old, new := filepath.Join(dir, "old"), filepath.Join(dir, "new")
	for i := range n {
		d := draftgen.Generate(uint64(i+1), size)
		ed := draftgen.Edit(d, uint64(1000+i), draftgen.Edits{WordRate: 0.02, ParaRate: 0.05})
		name := filepath.Join(fmt.Sprintf("part-%d", i%10), fmt.Sprintf("draft-%03d.md", i))
		for _, f := range []struct {
			root string
			data []byte
		}{{old, d.Markdown()}, {new, ed.Markdown()}} {
			path := filepath.Join(f.root, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(path, f.data, 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return old, new
}

// cpuTime returns the user and system time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkFolder200 compares a folder of 200 drafts of 50 KB with its
// edited copy, writing the index and 200 pages, and reports the cores kept
// busy (CPU time over elapsed time; GOMAXPROCS is the most there can be).
func BenchmarkFolder200(b *testing.B) {
	old, new := writeFolders(b, b.TempDir(), 200, 50_000)
	out := filepath.Join(b.TempDir(), "out")
	args := []string{"redline", "compare", old, new, "-o", out}
	var cpu, wall time.Duration
	for b.Loop() {
		c0, t0 := cpuTime(), time.Now()
		if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != exitDiffer {
			b.Fatalf("exit status %d", code)
		}
		cpu, wall = cpu+cpuTime()-c0, wall+time.Since(t0)
	}
	b.ReportMetric(cpu.Seconds()/wall.Seconds(), "cores-busy")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "GOMAXPROCS")
}

// TestFolderDeterministic compares a folder of generated drafts on one
// core and on all of them (at least four workers) and checks that the
// index, listing and pages are byte-identical.
func TestFolderDeterministic(t *testing.T) {
	old, new := writeFolders(t, t.TempDir(), 24, 4_000)
	outputs := make([]map[string][]byte, 2)
	for k, procs := range []int{1, max(4, runtime.NumCPU())} {
		prev := runtime.GOMAXPROCS(procs)
		out := filepath.Join(t.TempDir(), "out")
		var stdout bytes.Buffer
		code := run([]string{"redline", "compare", "-f", "json", old, new}, strings.NewReader(""), &stdout, io.Discard)
		code2 := run([]string{"redline", "compare", old, new, "-o", out}, strings.NewReader(""), io.Discard, io.Discard)
		runtime.GOMAXPROCS(prev)
		if code != exitDiffer || code2 != exitDiffer {
			t.Fatalf("exit statuses %d and %d, want 1", code, code2)
		}
		outputs[k] = readTree(t, out)
		outputs[k]["(listing)"] = stdout.Bytes()
	}
	if len(outputs[0]) != 24+2 {
		t.Errorf("%d files written, want 24 pages, the index and the listing", len(outputs[0]))
	}
	for name, data := range outputs[0] {
		if !bytes.Equal(data, outputs[1][name]) {
			t.Errorf("%s differs between one core and several", name)
		}
	}
}

// readTree returns the files under root by relative path.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := make(map[string][]byte)
	err := filepath.Walk(root, func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
