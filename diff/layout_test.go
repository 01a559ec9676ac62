package diff

import (
	"testing"

	"github.com/redline-diff/redline/draft"
)

func TestLayoutOnly(t *testing.T) {
	del := func(s string) Span { return Span{Op: SpanDelete, Text: s} }
	ins := func(s string) Span { return Span{Op: SpanInsert, Text: s} }
	for _, c := range []struct {
		name string
		a, b Span
		want bool
	}{
		{"newline for space", del("\n"), ins(" "), true},
		{"insert first", ins(" "), del("\n  "), true},
		{"NFD to NFC", del("Cafe\u0301"), ins("Café"), true},
		{"CRLF", del("agreed\r\nthat"), ins("agreed\nthat"), true},
		{"no-break space", del(" :"), ins("\u00a0:"), true},
		{"direction mark after a space", del(" "), ins(" \u200f"), true},
		{"space become a direction mark", del(" "), ins("\u200f"), false},
		{"words differ", del("agreed"), ins("concluded"), false},
		{"case differs", del("States"), ins("states"), false},
		{"space dropped", del(" "), ins(""), false},
		{"edge space differs", del(" b"), ins("b"), false},
		{"paragraph break", del("\n\n"), ins(" "), false},
		{"two deletes", del("a"), del("a"), false},
		{"equal", Span{Text: "a"}, ins("a"), false},
		{"renumbered", Span{Op: SpanDelete, Text: "12", Renumbered: true}, Span{Op: SpanInsert, Text: "12", Renumbered: true}, false},
	} {
		if got := layoutOnly(c.a, c.b); got != c.want {
			t.Errorf("%s: layoutOnly(%q, %q) = %v, want %v", c.name, c.a.Text, c.b.Text, got, c.want)
		}
	}
}

// TestMarkLayout checks that pairs are taken from the first span on, each
// span in one pair at most, and that Step.Words leaves them out.
func TestMarkLayout(t *testing.T) {
	spans := []Span{
		{Op: SpanInsert, Text: "Café"},
		{Op: SpanDelete, Text: "Cafe\u0301"},
		{Op: SpanInsert, Text: "Cafe\u0301"}, // pairs with the delete before it only when that is free
		{Op: SpanEqual, Text: " is "},
		{Op: SpanDelete, Text: "open"},
		{Op: SpanInsert, Text: "closed"},
	}
	markLayout(spans)
	want := []bool{true, true, false, false, false, false}
	for k, sp := range spans {
		if sp.Layout != want[k] {
			t.Errorf("span %d %q: Layout %v, want %v", k, sp.Text, sp.Layout, want[k])
		}
	}
	st := Step{Op: Changed, Spans: spans}
	if ins, del := st.Words(); ins != 2 || del != 1 {
		t.Errorf("Words() = %d, %d; want 2 inserted (Café, closed), 1 deleted (open)", ins, del)
	}
}

// TestCompareLayout checks that Compare marks a change of normal form as
// layout, counts no word for it, and leaves a re-indented line of code a
// change.
func TestCompareLayout(t *testing.T) {
	doc := func(blocks ...draft.Block) *draft.Document { return &draft.Document{Name: "d", Blocks: blocks} }
	para := func(text string) draft.Block { return draft.Block{Kind: draft.Paragraph, Label: "1.", Text: text} }
	code := func(text string) draft.Block { return draft.Block{Kind: draft.Code, Text: text} }
	for _, c := range []struct {
		name     string
		old, new *draft.Document
		ins, del int
	}{
		{"NFD and an edit", doc(para("The café is red.")), doc(para("The cafe\u0301 is dark green.")), 2, 1},
		{"NFD alone", doc(para("The café is red.")), doc(para("The cafe\u0301 is red.")), 0, 0},
		{"re-wrapped", doc(para("The café\nis red.")), doc(para("The café is red.")), 0, 0},
		{"re-indented code", doc(code("if x {\n\ty()\n}")), doc(code("if x {\n    y()\n}")), 1, 1},
	} {
		r, err := Compare(c.old, c.new, Options{})
		if err != nil {
			t.Fatal(err)
		}
		s := r.Stats()
		if s.WordsInserted != c.ins || s.WordsDeleted != c.del {
			t.Errorf("%s: Stats %d inserted, %d deleted; want %d, %d", c.name, s.WordsInserted, s.WordsDeleted, c.ins, c.del)
		}
		for k := range r.Steps {
			st := &r.Steps[k]
			for _, sp := range st.Spans {
				if sp.Layout && r.LineByLine(st) {
					t.Errorf("%s: step %d, compared line by line, has a layout span %q", c.name, k, sp.Text)
				}
			}
		}
	}
}

// TestCheckLayout checks that Check refuses a change of words marked as a
// change of layout, which renderers would show as unchanged text.
func TestCheckLayout(t *testing.T) {
	old := &draft.Document{Blocks: []draft.Block{{Text: "a red door"}}}
	new := &draft.Document{Blocks: []draft.Block{{Text: "a blue door"}}}
	one := OneBlock(0)
	for _, c := range []struct {
		name  string
		spans []Span
		ok    bool
	}{
		{"unmarked", []Span{{Text: "a "}, {Op: SpanDelete, Text: "red"}, {Op: SpanInsert, Text: "blue"}, {Text: " door"}}, true},
		{"words marked", []Span{{Text: "a "}, {Op: SpanDelete, Text: "red", Layout: true}, {Op: SpanInsert, Text: "blue", Layout: true}, {Text: " door"}}, false},
		{"half a pair", []Span{{Text: "a "}, {Op: SpanDelete, Text: "red", Layout: true}, {Op: SpanInsert, Text: "blue"}, {Text: " door"}}, false},
	} {
		r := &Result{Old: old, New: new, Steps: []Step{{Op: Changed, Old: one, New: one, Spans: c.spans}}}
		if err := r.Check(); (err == nil) != c.ok {
			t.Errorf("%s: Check() = %v", c.name, err)
		}
	}
}
