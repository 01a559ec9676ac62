package diff

import (
	"slices"
	"strings"
	"testing"

	"github.com/redline-diff/redline/draft"
)

// TestBreaks: the Sep that joins the pieces of a split or merge is one
// span marked Break; a block's own "\n\n" (a Word paragraph with two line
// breaks) is text, never a break.
func TestBreaks(t *testing.T) {
	para := func(label, text string) draft.Block {
		return draft.Block{Kind: draft.Paragraph, Label: label, Text: text}
	}
	tests := []struct {
		name     string
		old, new []draft.Block
		op       Op
		// want: the spans as op:text, a break as op:|text|
		want []string
	}{
		{
			name: "split of a paragraph with two line breaks",
			old:  []draft.Block{para("1.", "States agreed on the text.\n\nThey noted the report of the Group. They decided to meet again in the spring of next year.")},
			new: []draft.Block{para("1.", "States agreed on the text.\n\nThey noted the report of the Group."),
				para("2.", "They decided to meet again in the spring of next year.")},
			op:   Split,
			want: []string{"equal:States agreed on the text.\n\nThey noted the report of the Group.", "delete: ", "insert:|\n\n|"},
		},
		{
			name: "merge of a paragraph with two line breaks",
			old: []draft.Block{para("1.", "States agreed on the text.\n\nThey noted the report of the Group."),
				para("2.", "They decided to meet again in the spring of next year.")},
			new:  []draft.Block{para("1.", "States agreed on the text.\n\nThey noted the report of the Group. They decided to meet again in the spring of next year.")},
			op:   Merged,
			want: []string{"equal:States agreed on the text.\n\nThey noted the report of the Group.", "delete:|\n\n|", "insert: "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Compare(&draft.Document{Name: "old", Blocks: tt.old}, &draft.Document{Name: "new", Blocks: tt.new}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Check(); err != nil {
				t.Fatal(err)
			}
			var st *Step
			for k := range r.Steps {
				if r.Steps[k].Op == tt.op {
					st = &r.Steps[k]
				}
			}
			if st == nil {
				t.Fatalf("no %s step in %+v", tt.op, r.Steps)
			}
			var got []string
			for _, sp := range st.Spans {
				text := sp.Text
				if sp.Break {
					text = "|" + text + "|"
				}
				got = append(got, sp.Op.String()+":"+text)
			}
			got = slices.DeleteFunc(got, func(s string) bool { return strings.HasPrefix(s, "equal:They decided") })
			if !slices.Equal(got[:min(len(got), len(tt.want))], tt.want) {
				t.Errorf("spans\n got %q\nwant %q (then the rest)", got, tt.want)
			}
		})
	}
}

// TestBreaksRegrouped: a boundary whose two bytes the word diff put in
// two spans becomes one span; the texts rebuild as before, and runs that
// hold no part of a boundary are left alone.
func TestBreaksRegrouped(t *testing.T) {
	tests := []struct {
		name   string
		spans  []Span
		bounds []int
		side   SpanOp
		want   []string
	}{
		{"kept and inserted", []Span{{Op: SpanEqual, Text: "a\n"}, {Op: SpanInsert, Text: "\nb"}}, []int{1}, SpanInsert,
			[]string{"equal:a", "delete:\n", "insert:|\n\n|", "insert:b"}},
		{"inserted and kept, a deletion between", []Span{{Op: SpanEqual, Text: "a"}, {Op: SpanInsert, Text: "\n"}, {Op: SpanDelete, Text: "x"}, {Op: SpanEqual, Text: "\nb"}}, []int{1}, SpanInsert,
			[]string{"equal:a", "delete:x\n", "insert:|\n\n|", "equal:b"}},
		{"kept and deleted, merge", []Span{{Op: SpanEqual, Text: "a\n"}, {Op: SpanDelete, Text: "\n"}, {Op: SpanInsert, Text: " "}, {Op: SpanEqual, Text: "b c"}, {Op: SpanDelete, Text: "d"}, {Op: SpanInsert, Text: "e"}}, []int{1}, SpanDelete,
			[]string{"equal:a", "delete:|\n\n|", "insert:\n ", "equal:b c", "delete:d", "insert:e"}},
		{"whole already", []Span{{Op: SpanEqual, Text: "a\n\nb"}}, []int{1}, SpanInsert,
			[]string{"equal:a", "equal:|\n\n|", "equal:b"}},
		{"two boundaries in one insertion", []Span{{Op: SpanEqual, Text: "a"}, {Op: SpanInsert, Text: "\n\nb\n\n"}, {Op: SpanEqual, Text: "c"}}, []int{1, 4}, SpanInsert,
			[]string{"equal:a", "insert:|\n\n|", "insert:b", "insert:|\n\n|", "equal:c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rebuild := func(spans []Span) (old, new string) {
				for _, sp := range spans {
					if sp.Op != SpanInsert {
						old += sp.Text
					}
					if sp.Op != SpanDelete {
						new += sp.Text
					}
				}
				return old, new
			}
			spans := cutAtBounds(tt.spans, tt.bounds, tt.side)
			if !breaksWhole(spans, tt.bounds, tt.side) {
				spans = regroupBreaks(spans, tt.bounds, tt.side)
			}
			spans = flagBreaks(spans, tt.bounds, tt.side)
			var got []string
			for _, sp := range spans {
				text := sp.Text
				if sp.Break {
					text = "|" + text + "|"
				}
				got = append(got, sp.Op.String()+":"+text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
			o1, n1 := rebuild(tt.spans)
			o2, n2 := rebuild(spans)
			if o1 != o2 || n1 != n2 {
				t.Errorf("texts changed: old %q → %q, new %q → %q", o1, o2, n1, n2)
			}
		})
	}
}

// TestBreaksInHistory: a split at a paragraph's own blank line (the old
// text the same as the new pieces joined) keeps its break marked when a
// History makes the revision again from its compact form.
func TestBreaksInHistory(t *testing.T) {
	para := func(label, text string) draft.Block {
		return draft.Block{Kind: draft.Paragraph, Label: label, Text: text}
	}
	first := "States agreed on the text of the declaration as a whole."
	second := "They decided to meet again in the spring of next year."
	drafts := []*draft.Document{
		{Name: "a", Blocks: []draft.Block{para("1.", first+"\n\n"+second)}},
		{Name: "b", Blocks: []draft.Block{para("1.", first), para("2.", second)}},
		{Name: "c", Blocks: []draft.Block{para("1.", first), para("2.", second)}},
	}
	h, err := NewHistory(drafts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := h.Revision(0)
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	if r.Steps[0].Op != Split {
		t.Fatalf("want a split, got %+v", r.Steps)
	}
}
