package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-diff/redline/internal/draftgen"
)

// BenchmarkCompare1MB runs "redline compare" end to end (read both files,
// align, diff, render) on two generated 1 MB drafts: 2% of words edited,
// 5% of paragraphs deleted, inserted, moved, split or merged, one section
// moved, everything renumbered.
func BenchmarkCompare1MB(b *testing.B) {
	for _, format := range []string{"html", "text", "json"} {
		b.Run(format, func(b *testing.B) { benchCompare(b, 1<<20, format) })
	}
}

func benchCompare(b *testing.B, size int, format string) {
	old, new := writePair(b, size)
	args := []string{"redline", "compare", "-f", format, old, new}
	b.SetBytes(int64(2 * size))
	b.ReportAllocs()
	for b.Loop() {
		if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != exitDiffer {
			b.Fatalf("exit status %d", code)
		}
	}
}

// writePair writes a generated draft of about size bytes and its edited
// copy to files and returns their paths.
func writePair(b *testing.B, size int) (string, string) {
	b.Helper()
	d := draftgen.Generate(1, size)
	ed := draftgen.Edit(d, 2, draftgen.Edits{WordRate: 0.02, ParaRate: 0.05, SectionMoves: 1})
	dir := b.TempDir()
	old, new := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	if err := os.WriteFile(old, d.Markdown(), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(new, ed.Markdown(), 0o644); err != nil {
		b.Fatal(err)
	}
	return old, new
}

// BenchmarkCompareSize runs "redline compare" to HTML on pairs of 100 KB,
// 1 MB and 10 MB: ns/op should grow about tenfold a step (near-linear).
func BenchmarkCompareSize(b *testing.B) {
	for _, s := range []struct {
		name string
		size int
	}{{"100K", 100 << 10}, {"1M", 1 << 20}, {"10M", 10 << 20}} {
		b.Run(s.name, func(b *testing.B) { benchCompare(b, s.size, "html") })
	}
}
