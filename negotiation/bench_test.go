package negotiation

import (
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// BenchmarkAnalyzeDrafts reads Rev.2 → final (brackets and signals), the
// shipped lexicons already loaded.
func BenchmarkAnalyzeDrafts(b *testing.B) {
	t := &testing.T{}
	old, _ := readDraft(t, "rev2.md")
	new, _ := readDraft(t, "final.md")
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		b.Fatal(err)
	}
	lex, err := Shipped()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Analyze(r, lex, Options{})
	}
}

// BenchmarkAnalyzeLarge reads a comparison of about 1 MB a side: the
// zero draft and Rev.1 repeated, so every kind of change recurs.
func BenchmarkAnalyzeLarge(b *testing.B) {
	t := &testing.T{}
	_, zero := readDraft(t, "zero-draft.md")
	_, rev1 := readDraft(t, "rev1.md")
	n := 1 << 20 / len(zero)
	old, err := draft.Read("old.md", []byte(strings.Repeat(zero+"\n", n)), draft.Markdown)
	if err != nil {
		b.Fatal(err)
	}
	new, err := draft.Read("new.md", []byte(strings.Repeat(rev1+"\n", n)), draft.Markdown)
	if err != nil {
		b.Fatal(err)
	}
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		b.Fatal(err)
	}
	lex, err := Shipped()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(zero) * n))
	for b.Loop() {
		Analyze(r, lex, Options{})
	}
}

// BenchmarkAnalyzeHostile reads one-paragraph drafts built to find
// quadratic corners: deep nesting, thousands of alternatives, quotations,
// scale terms and hedges in one block. Each should cost about as much as
// the comparison itself.
func BenchmarkAnalyzeHostile(b *testing.B) {
	inputs := []struct{ name, old, new string }{
		{"opens", strings.Repeat("[", 50000), strings.Repeat("[", 49999) + "a"},
		{"nest", strings.Repeat("[a ", 5000) + strings.Repeat("]", 5000), strings.Repeat("[a ", 4999) + strings.Repeat("]", 5000)},
		{"alternatives", strings.Repeat("[a] or ", 10000), strings.Repeat("a or ", 10000)},
		{"quotes", strings.Repeat("\"shall\" ", 10000), strings.Repeat("\"should\" ", 10000)},
		{"terms", strings.Repeat("shall ", 10000), strings.Repeat("should ", 10000)},
		{"hedges", strings.Repeat("where appropriate human rights ", 5000), strings.Repeat("as appropriate ", 5000)},
	}
	lex, err := Shipped()
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			old, _ := draft.Read("old", []byte(in.old), draft.Text)
			new, _ := draft.Read("new", []byte(in.new), draft.Text)
			r, err := diff.Compare(old, new, diff.Options{})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				Analyze(r, lex, Options{Brackets: On})
			}
		})
	}
}
