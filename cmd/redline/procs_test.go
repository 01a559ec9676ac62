package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/redline-diff/redline/internal/draftgen"
)

// TestSameOutputAnyCores checks that every format is byte-identical on one
// core and on many: word diffs, reading and folder work run in parallel,
// and their results must land in a fixed order.
func TestSameOutputAnyCores(t *testing.T) {
	d := draftgen.Generate(3, 200<<10)
	ed := draftgen.Edit(d, 4, draftgen.Edits{WordRate: 0.03, ParaRate: 0.1, SectionMoves: 1, MoveRate: 0.05})
	dir := t.TempDir()
	old, new := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	if err := os.WriteFile(old, d.Markdown(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(new, ed.Markdown(), 0o644); err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, format := range []string{"html", "json", "text", "markdown"} {
		var outs []string
		for _, procs := range []int{1, 4} {
			runtime.GOMAXPROCS(procs)
			var stdout, stderr bytes.Buffer
			if code := run([]string{"redline", "compare", "-f", format, old, new}, strings.NewReader(""), &stdout, &stderr); code != exitDiffer {
				t.Fatalf("%s on %d cores: exit %d: %s", format, procs, code, stderr.String())
			}
			outs = append(outs, stdout.String())
		}
		if outs[0] != outs[1] {
			t.Errorf("%s differs between 1 and 4 cores", format)
		}
	}
}
