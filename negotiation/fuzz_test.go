package negotiation

import (
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// FuzzAnalyze compares two texts and checks that Analyze does not panic
// and that every place it returns is a stretch of its block's text.
func FuzzAnalyze(f *testing.F) {
	f.Add("1. States [shall] [or] [should] cooperate.\n\n2. [Alt 1: a] [Alt 2: b]\n", "1. States should cooperate where appropriate.\n\n2. b\n")
	f.Add("States agreed [in its entirety] that human rights apply.", "States take into account that rights apply [1].")
	f.Add("Les droits de l’homme doivent être respectés.", "Les droits humains devraient être respectés, le cas échéant.")
	f.Add("[a [b [c]]] \"shall\" «doit»", "[a b [c]] should")
	lex, err := Shipped()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		od, err1 := draft.Read("old", []byte(old), draft.Text)
		nd, err2 := draft.Read("new", []byte(new), draft.Text)
		if err1 != nil || err2 != nil {
			return
		}
		r, err := diff.Compare(od, nd, diff.Options{})
		if err != nil {
			return
		}
		a := Analyze(r, lex, Options{Brackets: On})
		check := func(what string, d *draft.Document, p *Place) {
			if p == nil {
				return
			}
			if p.Block < 0 || p.Block >= len(d.Blocks) || p.Start < 0 || p.Start > p.End || p.End > len(d.Blocks[p.Block].Text) ||
				d.Blocks[p.Block].Text[p.Start:p.End] != p.Text || d.Blocks[p.Block].Label != p.Label {
				t.Fatalf("%s place %+v is not a stretch of its block", what, p)
			}
		}
		for _, b := range a.Brackets {
			check("bracket old", od, b.Old)
			check("bracket new", nd, b.New)
			if b.Step < 0 || b.Step >= len(r.Steps) {
				t.Fatalf("bracket %+v: step out of range", b)
			}
		}
		for _, s := range a.Signals {
			check("signal old", od, s.Old)
			check("signal new", nd, s.New)
			if s.Old == nil && s.New == nil {
				t.Fatalf("signal %v has no place", s)
			}
		}
	})
}
