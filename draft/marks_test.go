package draft

import (
	"slices"
	"testing"
)

func TestNormalizeMarks(t *testing.T) {
	em := func(s, e int32) Mark { return Mark{Start: s, End: e, Style: Emphasis} }
	for _, c := range []struct {
		name     string
		in, want []Mark
	}{
		{"none", nil, nil},
		{"empty dropped", []Mark{em(3, 3)}, nil},
		{"rejoined kept", []Mark{{Start: 3, End: 3, Style: Rejoined, Value: "-\n"}}, []Mark{{Start: 3, End: 3, Style: Rejoined, Value: "-\n"}}},
		{"touching runs merged", []Mark{em(4, 8), em(0, 4)}, []Mark{em(0, 8)}},
		{"overlapping merged", []Mark{em(0, 5), em(2, 9)}, []Mark{em(0, 9)}},
		{"apart kept apart", []Mark{em(0, 2), em(3, 5)}, []Mark{em(0, 2), em(3, 5)}},
		{"other style not merged", []Mark{em(0, 4), {Start: 4, End: 8, Style: Strong}}, []Mark{em(0, 4), {Start: 4, End: 8, Style: Strong}}},
		{"links to different places", []Mark{{0, 4, Link, "a"}, {4, 8, Link, "b"}}, []Mark{{0, 4, Link, "a"}, {4, 8, Link, "b"}}},
		{"longer first", []Mark{{0, 2, Strong, ""}, em(0, 6)}, []Mark{em(0, 6), {0, 2, Strong, ""}}},
	} {
		if got := NormalizeMarks(slices.Clone(c.in)); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestBuilderMarks(t *testing.T) {
	var b builder
	// "  12. The *Council* agreed  " with emphasis on "Council" at 10:17.
	b.paragraph(Paragraph, topLevel, "  12. The Council agreed  ", 1, Mark{Start: 10, End: 17, Style: Emphasis})
	got := b.blocks[0]
	want := Block{Kind: Paragraph, Label: "12.", Text: "The Council agreed", Line: 1}.WithMarks([]Mark{{Start: 4, End: 11, Style: Emphasis}})
	if !got.Equal(want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if s := got.Text[got.Marks()[0].Start:got.Marks()[0].End]; s != "Council" {
		t.Errorf("mark covers %q", s)
	}
}

func TestBuilderMarksLabelLikeText(t *testing.T) {
	var b builder
	b.paragraph(Paragraph, topLevel, "12. 12. x", 1, Mark{Start: 4, End: 7, Style: Strong})
	if got := b.blocks[0]; got.Label != "12." || got.Text != "12. x" || len(got.Marks()) != 1 || got.Marks()[0].Start != 0 || got.Marks()[0].End != 3 {
		t.Errorf("got %+v", got)
	}
}

// TestMarkWindow checks that successive stretches get the marks within
// them, a mark reaching over several stretches in each.
func TestMarkWindow(t *testing.T) {
	marks := []Mark{{0, 12, Emphasis, ""}, {2, 3, Strong, ""}, {6, 6, Rejoined, "-\n"}, {7, 9, CodeSpan, ""}}
	var w markWindow
	got := [][]Mark{w.in(marks, 0, 4), w.in(marks, 5, 8), w.in(marks, 9, 14)}
	want := [][]Mark{
		{{0, 4, Emphasis, ""}, {2, 3, Strong, ""}},
		{{0, 3, Emphasis, ""}, {1, 1, Rejoined, "-\n"}, {2, 3, CodeSpan, ""}},
		{{0, 3, Emphasis, ""}},
	}
	for k := range want {
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("stretch %d: got %v, want %v", k, got[k], want[k])
		}
	}
}
