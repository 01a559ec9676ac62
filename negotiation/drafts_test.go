package negotiation

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// The facts checked here are those of testdata/drafts/FACTS.md, sections
// 9 ("Brackets, draft by draft") and 10 ("Negotiation facts").

var draftNames = []string{"zero-draft.md", "rev1.md", "rev2.md", "final.md"}

func readDraft(t testing.TB, name string) (*draft.Document, string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "drafts", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := draft.Read(name, data, draft.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	return d, string(data)
}

func compare(t *testing.T, old, new *draft.Document) *diff.Result {
	t.Helper()
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func shippedLexicon(t *testing.T) *Lexicon {
	t.Helper()
	lex, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func TestDraftsBracketCounts(t *testing.T) {
	want := []int{2, 3, 4, 0} // FACTS.md §9 and §10
	for k, name := range draftNames {
		d, src := readDraft(t, name)
		got := CountBrackets(d)
		if got != want[k] {
			t.Errorf("%s: %d bracketed passages, want %d", name, got, want[k])
		}
		// The drafts have no brackets other than negotiation ones, none
		// nested: one passage per "[".
		if n := strings.Count(src, "["); n != got {
			t.Errorf("%s: %d passages but %d \"[\" in the file", name, got, n)
		}
	}
}

// fates writes each bracket as "fate old-label→new-label tag".
func fates(a *Analysis) []string {
	var out []string
	for _, b := range a.Brackets {
		s := b.Fate.String() + " "
		if b.Old != nil {
			s += b.Old.Label
		}
		s += "→"
		if b.New != nil {
			s += b.New.Label
		}
		if b.Tag != "" {
			s += " " + b.Tag
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

func TestDraftsBracketFates(t *testing.T) {
	docs := make([]*draft.Document, len(draftNames))
	for k, n := range draftNames {
		docs[k], _ = readDraft(t, n)
	}
	tests := []struct {
		old, new int
		want     []string
	}{
		{0, 1, []string{ // zero 14 agreed, zero 15 unchanged, Rev.1 33(c) and 40 new
			"agreed 14.→17.", "still-open 15.→18.", "opened →(c)", "opened →40.",
		}},
		{1, 2, []string{ // Rev.1 18 and 40 dropped, 33(c) agreed; Rev.2 19, 29 bis, 46 ×2 new
			"dropped 18.→", "agreed (c)→(c)", "dropped 40.→",
			"opened →19.", "opened →29 bis.", "opened →46. Alt 1", "opened →46. Alt 2",
		}},
		{2, 3, []string{ // 19 agreed, 29 bis dropped, Alt 2 chosen over Alt 1
			"agreed 19.→27.", "dropped 29 bis.→", "dropped 46.→ Alt 1", "alternative-chosen 46.→46. Alt 2",
		}},
		{0, 3, []string{ // net: zero 14 agreed (final 25), zero 15 dropped (final 26)
			"agreed 14.→25.", "dropped 15.→",
		}},
	}
	for _, tt := range tests {
		a := Analyze(compare(t, docs[tt.old], docs[tt.new]), nil, Options{})
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if got := fates(a); !slices.Equal(got, want) {
			t.Errorf("%s → %s:\n got %q\nwant %q", draftNames[tt.old], draftNames[tt.new], got, want)
		}
		for _, b := range a.Brackets {
			if b.Edited || b.Existing {
				t.Errorf("%s → %s: %+v edited or over existing text; the series has neither", draftNames[tt.old], draftNames[tt.new], b)
			}
		}
	}
}

func TestDraftsSeries(t *testing.T) {
	docs := make([]*draft.Document, len(draftNames))
	for k, n := range draftNames {
		docs[k], _ = readDraft(t, n)
	}
	h, err := diff.NewHistory(docs, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := AnalyzeHistory(h, nil, Options{})
	if !slices.Equal(s.Remaining, []int{2, 3, 4, 0}) {
		t.Errorf("remaining %v, want [2 3 4 0]", s.Remaining)
	}
	// FACTS §9: 2 passages in the zero draft, 2 new in Rev.1, 4 new in
	// Rev.2: 8 lineages, all settled by the final.
	if len(s.Lineages) != 8 {
		t.Fatalf("%d lineages, want 8: %+v", len(s.Lineages), s.Lineages)
	}
	for _, l := range s.Lineages {
		if l.Fate == Open || l.Settled < 1 {
			t.Errorf("lineage %+v not settled", l)
		}
	}
	// "[and international humanitarian law]": zero 15, Rev.1 18, dropped in Rev.2.
	ihl := s.Lineages[1]
	var path []string
	for _, a := range ihl.Path {
		path = append(path, draftNames[a.Draft]+" "+a.Label)
	}
	if !slices.Equal(path, []string{"zero-draft.md 15.", "rev1.md 18."}) || ihl.Fate != Dropped || ihl.Settled != 2 {
		t.Errorf("IHL bracket lineage %q %s in draft %d, want zero 15, Rev.1 18, dropped in draft 2", path, ihl.Fate, ihl.Settled)
	}
	// Alt 2: opened in Rev.2 46, chosen in the final.
	alt2 := s.Lineages[len(s.Lineages)-1]
	if alt2.Fate != Chosen || alt2.Settled != 3 || alt2.Kept == nil || alt2.Kept.Label != "46." {
		t.Errorf("Alt 2 lineage %+v, want chosen in final 46", alt2)
	}
}

// findSignal returns the signals of a of kind whose from and to are as
// given and whose old (or new) label is label.
func findSignal(a *Analysis, kind SignalKind, from, to, label string) []Signal {
	var out []Signal
	for _, s := range a.Signals {
		l := ""
		switch {
		case s.Old != nil:
			l = s.Old.Label
		case s.New != nil:
			l = s.New.Label
		}
		if s.Kind == kind && s.From == from && s.To == to && l == label {
			out = append(out, s)
		}
	}
	return out
}

func TestDraftsSignals(t *testing.T) {
	docs := make([]*draft.Document, len(draftNames))
	for k, n := range draftNames {
		docs[k], _ = readDraft(t, n)
	}
	lex := shippedLexicon(t)
	analyze := func(i, j int) *Analysis {
		return Analyze(compare(t, docs[i], docs[j]), lex, Options{})
	}
	zr1, r1r2, r2f := analyze(0, 1), analyze(1, 2), analyze(2, 3)
	for _, a := range []*Analysis{zr1, r1r2, r2f} {
		if !slices.Equal(a.Languages, []string{"en"}) {
			t.Errorf("languages %v, want [en]", a.Languages)
		}
	}
	tests := []struct {
		name     string
		a        *Analysis
		kind     SignalKind
		from, to string
		label    string // old label (new label for an addition)
		newLabel string
	}{
		// FACTS §7: Rev.2 48 → final 49 "States agreed to take into account" → "States take into account".
		{"agreed to take into account", r2f, Weakened, "States agreed", "States take into account", "48.", "49."},
		// FACTS §5: zero 6 → Rev.1 6 "States agreed that" → "States concluded that".
		{"agreed → concluded", zr1, Weakened, "States agreed", "States concluded", "6.", "6."},
		// FACTS §6: the IHL sentence of Rev.1 19 deleted (Rev.2 20).
		{"IHL sentence", r1r2, ReferenceDropped, "international humanitarian law", "", "19.", ""},
		// FACTS §6: "[and international humanitarian law]" dropped in Rev.1 18 → Rev.2 18.
		{"IHL bracket", r1r2, ReferenceDropped, "international humanitarian law", "", "18.", ""},
		// FACTS §6: the areas-of-disagreement paragraph on IHL (Rev.1 49) deleted.
		{"IHL disagreement", r1r2, ReferenceDropped, "international humanitarian law", "", "49.", ""},
		// FACTS §6: Rev.2 19 "legally binding obligations" new.
		{"legally binding", r1r2, ReferenceAdded, "", "legally binding", "19.", ""},
		// FACTS §5: zero 7 → Rev.1 7 "undermine human rights" deleted.
		{"human rights zero 7", zr1, ReferenceDropped, "human rights", "", "7.", ""},
		// FACTS §7: Rev.2 27 → final 18 ", with full respect for human rights" deleted.
		{"human rights Rev.2 27", r2f, ReferenceDropped, "human rights", "", "27.", ""},
	}
	for _, tt := range tests {
		got := findSignal(tt.a, tt.kind, tt.from, tt.to, tt.label)
		if len(got) != 1 {
			t.Errorf("%s: %d signals %s %q→%q at %s, want 1; all: %v", tt.name, len(got), tt.kind, tt.from, tt.to, tt.label, tt.a.Signals)
			continue
		}
		if tt.newLabel != "" && (got[0].New == nil || got[0].New.Label != tt.newLabel) {
			t.Errorf("%s: new place %+v, want label %s", tt.name, got[0].New, tt.newLabel)
		}
		// The IHL bracket of Rev.1 18 and the bracketed paragraph Rev.2 19
		// are proposals; the other terms stand in agreed text.
		if bracketed := tt.name == "IHL bracket" || tt.name == "legally binding"; got[0].Bracketed != bracketed {
			t.Errorf("%s: bracketed %v, want %v", tt.name, got[0].Bracketed, bracketed)
		}
	}
	// Every signal points at the term as written in its block.
	for k, a := range []*Analysis{zr1, r1r2, r2f} {
		for _, s := range a.Signals {
			for side, p := range []*Place{s.Old, s.New} {
				d := docs[k+side]
				if p != nil && (p.Text == "" || d.Blocks[p.Block].Text[p.Start:p.End] != p.Text) {
					t.Errorf("signal %v: place %+v is not its block's text", s, p)
				}
			}
		}
	}
	// "human rights": 8, 6, 5, 3 occurrences (FACTS §1). Every occurrence
	// lost between consecutive drafts is one dropped reference: 2 + 1 + 2.
	for k, a := range []*Analysis{zr1, r1r2, r2f} {
		want := []int{2, 1, 2}[k]
		got := 0
		for _, s := range a.Signals {
			if s.Kind == ReferenceDropped && s.From == "human rights" {
				got++
			}
		}
		if got != want {
			t.Errorf("%s → %s: %d \"human rights\" dropped, want %d", draftNames[k], draftNames[k+1], got, want)
		}
	}
}

// CountTerms agrees with the grep counts of FACTS §1 and §10.
func TestDraftsCountTerms(t *testing.T) {
	lex := shippedLexicon(t)
	want := map[string][]int{ // term → zero, Rev.1, Rev.2, final
		"references/international humanitarian law": {3, 3, 0, 0},
		"references/human rights":                   {8, 6, 5, 3},
		"references/legally binding":                {0, 0, 1, 1},
		"obligation/shall":                          {1, 1, 1, 1},
		"obligation/should":                         {8, 8, 7, 8},
		"hedges/voluntary":                          {4, 4, 4, 4},
		"hedges/non-binding":                        {1, 1, 1, 1},
		"hedges/if appropriate":                     {0, 0, 1, 1},
		"commitment/States agreed":                  {7, 5, 2, 0},
	}
	for k, name := range draftNames {
		d, _ := readDraft(t, name)
		counts := CountTerms(d, lex, nil)
		got := map[string]int{}
		for _, c := range counts {
			if c.Lang != "en" {
				t.Fatalf("%s: counted in %s, want en only", name, c.Lang)
			}
			got[c.List+"/"+c.Term] = c.Count
		}
		for term, w := range want {
			if got[term] != w[k] {
				t.Errorf("%s: %s counted %d, want %d", name, term, got[term], w[k])
			}
		}
	}
}
