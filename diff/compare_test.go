package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redline-diff/redline/draft"
)

// mkDraft builds a document from lines "LABEL|text" or "text"; a line
// starting with "#" is a heading.
func mkDraft(lines ...string) *draft.Document {
	d := &draft.Document{Name: "draft"}
	for i, l := range lines {
		b := draft.Block{Kind: draft.Paragraph, Line: int32(i + 1)}
		if strings.HasPrefix(l, "#") {
			b.Kind, l = draft.Heading, strings.TrimPrefix(l, "#")
		}
		if label, text, ok := strings.Cut(l, "|"); ok {
			b.Label, l = label, text
		}
		b.Text = l
		d.Blocks = append(d.Blocks, b)
	}
	return d
}

// outline describes a result as "op old>new" per step, e.g. "changed 1>2".
func outline(r *Result) string {
	var parts []string
	for _, st := range r.Steps {
		parts = append(parts, fmt.Sprintf("%s %s>%s", st.Op, ints(st.Old), ints(st.New)))
	}
	return strings.Join(parts, ", ")
}

func ints(xs Blocks) string {
	s := make([]string, xs.Len())
	for i, x := range xs.All() {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, "+")
}

var (
	pA = "States recalled the importance of an open, secure, stable, accessible and peaceful ICT environment."
	pB = "States noted that a number of States are developing ICT capabilities for military purposes."
	pC = "The Group recommended that States continue to study how international law applies to the use of ICTs."
	pD = "Capacity-building was recognized as an important aspect of cooperation and a voluntary act of both donor and recipient."
	pE = "States concluded that national points of contact are a confidence-building measure in their own right."
	pF = "The Chair will prepare a summary of the discussions, which will be annexed to this report for information."
)

func TestCompareAlignment(t *testing.T) {
	tests := []struct {
		name     string
		old, new *draft.Document
		want     string
	}{
		{"identical", mkDraft(pA, pB), mkDraft(pA, pB), "equal 0>0, equal 1>1"},
		{"empty both", mkDraft(), mkDraft(), ""},
		{"all new", mkDraft(), mkDraft(pA), "inserted >0"},
		{"all gone", mkDraft(pA), mkDraft(), "deleted 0>"},
		{"renumbered", mkDraft("1.|"+pA, "2.|"+pB), mkDraft("3.|"+pA, "4.|"+pB), "equal 0>0, equal 1>1"},
		{"changed in place", mkDraft(pA, pB, pC),
			mkDraft(pA, strings.Replace(pB, "noted", "expressed concern", 1), pC),
			"equal 0>0, changed 1>1, equal 2>2"},
		{"inserted and deleted", mkDraft(pA, pB, pC), mkDraft(pA, pD, pC), "equal 0>0, deleted 1>, inserted >1, equal 2>2"},
		{"moved", mkDraft(pA, pB, pC, pD, pE), mkDraft(pA, pC, pD, pB, pE),
			"equal 0>0, equal 2>1, equal 3>2, moved 1>3, equal 4>4"},
		{"moved and edited", mkDraft(pA, pB, pC, pD, pE), mkDraft(pA, pC, pD, strings.Replace(pB, "military", "offensive military", 1), pE),
			"equal 0>0, equal 2>1, equal 3>2, moved 1>3, equal 4>4"},
		{"boilerplate not crossed", mkDraft(pA, pF, pB, pF, pC), mkDraft(pA, pF, pB, pF, pC, pF),
			"equal 0>0, equal 1>1, equal 2>2, equal 3>3, equal 4>4, inserted >5"},
		{"mostly new is not a change", mkDraft(pA, pB, pC),
			mkDraft(pA, "States noted proposals for a programme of action to advance responsible behaviour.", pC),
			"equal 0>0, deleted 1>, inserted >1, equal 2>2"},
		{"headings pair with headings", mkDraft("#A.|Introduction", pA), mkDraft("#A.|Introduction and background", pA),
			"changed 0>0, equal 1>1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkOutline(t, tt.old, tt.new, tt.want) })
	}
}

// checkOutline compares two drafts, checks the result's invariants, and
// its outline against want.
func checkOutline(t *testing.T, old, new *draft.Document, want string) {
	t.Helper()
	r, err := Compare(old, new, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	if got := outline(r); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCompareRenumbering(t *testing.T) {
	r, err := Compare(mkDraft("1.|"+pA, "2.|"+pB, "3.|"+pC), mkDraft("1.|"+pA, "3.|"+pB, "4.|"+pC), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Stats()
	if s.Renumbered != 2 || s.WordsInserted+s.WordsDeleted != 0 {
		t.Errorf("stats = %+v, want 2 renumbered and no word changed", s)
	}
	if r.TextChanged() || !r.Differs(false) || r.Differs(true) {
		t.Errorf("TextChanged=%v Differs(false)=%v Differs(true)=%v, want false true false",
			r.TextChanged(), r.Differs(false), r.Differs(true))
	}
}

func TestCompareThreshold(t *testing.T) {
	for _, th := range []float64{-0.1, 1.5} {
		if _, err := Compare(mkDraft(), mkDraft(), Options{MatchThreshold: th}); err == nil {
			t.Errorf("threshold %g: no error", th)
		}
	}
}

func TestCompareSplitMerge(t *testing.T) {
	long := pA + " " + pB
	tests := []struct {
		name     string
		old, new *draft.Document
		want     string
	}{
		{"split", mkDraft(pC, long, pD), mkDraft(pC, pA, pB, pD), "equal 0>0, split 1>1+2, equal 2>3"},
		{"split and edited", mkDraft(pC, long, pD), mkDraft(pC, pA, strings.Replace(pB, "military", "offensive", 1), pD),
			"equal 0>0, split 1>1+2, equal 2>3"},
		{"merged", mkDraft(pC, pA, pB, pD), mkDraft(pC, long, pD), "equal 0>0, merged 1+2>1, equal 3>2"},
		{"split in three", mkDraft(pC, pA+" "+pB+" "+pE, pD), mkDraft(pC, pA, pB, pE, pD), "equal 0>0, split 1>1+2+3, equal 2>4"},
		{"insertion is not a piece", mkDraft(pC, pA, pD), mkDraft(pC, pA, pF, pD), "equal 0>0, equal 1>1, inserted >2, equal 2>3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkOutline(t, tt.old, tt.new, tt.want) })
	}
}

func TestCompareReformatted(t *testing.T) {
	r, err := Compare(mkDraft("States\nagreed.", "Café", pA), mkDraft("States agreed.", "Cafe\u0301", pA), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Stats(); s.Equal != 3 || s.Reformatted != 2 || r.Differs(false) {
		t.Errorf("stats %+v, differs %v; want 3 equal, 2 reformatted, no differences", s, r.Differs(false))
	}
}

// TestCompareRepetitive checks a draft of repeated short paragraphs, where
// no paragraph's text is unique: runs of paragraphs anchor the alignment.
func TestCompareRepetitive(t *testing.T) {
	words := strings.Fields("agreed concluded norms law Charter security")
	var old, new []string
	for i := range 20000 {
		w := words[(i*7+i/3)%len(words)]
		old = append(old, w)
		if i%1000 == 500 {
			w = "amended"
		}
		new = append(new, w)
	}
	r, err := Compare(mkDraft(old...), mkDraft(new...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Stats(); s.Equal != 19980 || s.Deleted != 20 || s.Inserted != 20 {
		t.Errorf("stats %+v, want 19,980 equal and 20 replaced", s)
	}
}

func TestCheckRejects(t *testing.T) {
	good := func() *Result {
		r, err := Compare(mkDraft(pA, pB), mkDraft(pB, pA), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	tests := []struct {
		name  string
		spoil func(r *Result)
	}{
		{"moved flag on an equal step", func(r *Result) {
			for k := range r.Steps {
				if r.Steps[k].Op == Equal {
					r.Steps[k].Moved = true
				}
			}
		}},
		{"moved step without the flag", func(r *Result) {
			for k := range r.Steps {
				r.Steps[k].Moved = false
			}
		}},
		{"block twice", func(r *Result) { r.Steps[1].Old = r.Steps[0].Old }},
		{"lossy spans", func(r *Result) { r.Steps[0].Spans = nil }},
		{"index out of range", func(r *Result) { r.Steps[0].New = OneBlock(7) }},
	}
	if err := good().Check(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		r := good()
		tt.spoil(r)
		if r.Check() == nil {
			t.Errorf("%s: Check passed", tt.name)
		}
	}
}
