package diff

import (
	"strings"
	"testing"

	"github.com/redline-diff/redline/doc"
)

// FuzzWords checks that the word diff of any two texts is lossless and
// deterministic.
func FuzzWords(f *testing.F) {
	f.Add("States agreed to the principles.", "States take into account the principles.")
	f.Add("", "New text")
	f.Add("l'État partie", "l’État membre")
	f.Add("各国同意合作。", "各国决定合作。")
	f.Add("a\r\nb\tc", "a b  c")
	f.Add("Cafe\u0301", "Café")
	f.Fuzz(func(t *testing.T, old, new string) {
		spans, err := Words(old, new)
		if err != nil {
			t.Fatal(err)
		}
		if o, n := rebuild(spans); o != old || n != new {
			t.Fatalf("not lossless: %q %q from %q %q", o, n, old, new)
		}
		again, _ := Words(old, new)
		if markup(again) != markup(spans) {
			t.Fatal("not deterministic")
		}
	})
}

// FuzzCompare checks the invariants of Compare on drafts made of the
// lines of two texts.
func FuzzCompare(f *testing.F) {
	f.Add("a\nb\nc", "a\nc\nb")
	f.Add("x\nx\nx", "x\nx")
	f.Add("States agreed.\n\nStates noted.", "States concluded.\nStates noted that.")
	f.Fuzz(func(t *testing.T, old, new string) {
		a, b := linesDraft(old), linesDraft(new)
		r, err := Compare(a, b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
		again, _ := Compare(a, b, Options{})
		if outline(again) != outline(r) {
			t.Fatal("not deterministic")
		}
	})
}

func linesDraft(s string) *doc.Document {
	d := &doc.Document{}
	for i, l := range strings.Split(s, "\n") {
		d.Blocks = append(d.Blocks, doc.Block{Text: l, Line: i + 1})
	}
	return d
}
