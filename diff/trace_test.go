package diff_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// change formats a struck or added occurrence as "draft old→new: text ⇒
// replacement".
func change(h *diff.History, c diff.PhraseChange) string {
	return fmt.Sprintf("%d %s→%s: %s ⇒ %s", c.Draft, label(h, c.Draft-1, c.OldBlock), label(h, c.Draft, c.NewBlock), c.Text, c.Replacement)
}

func changes(h *diff.History, cs []diff.PhraseChange) []string {
	var out []string
	for _, c := range cs {
		out = append(out, change(h, c))
	}
	return out
}

// TestTraceStatesAgreed: FACTS.md §1, §5–7: 7, 5, 2, 0, and each struck
// occurrence's draft, labels and replacement.
func TestTraceStatesAgreed(t *testing.T) {
	h := shipped(t)
	tr, err := h.Trace("States agreed")
	if err != nil {
		t.Fatal(err)
	}
	if got := tr[0].Counts; !slices.Equal(got, []int{7, 5, 2, 0}) {
		t.Errorf("counts %v, want [7 5 2 0]", got)
	}
	want := []string{
		"1 6.→6.: States agreed ⇒ States concluded",
		"1 41.→44.: States agreed ⇒ States considered",
		"2 17.→17.: States agreed ⇒ States reaffirmed",
		"2 32.→33.: States agreed ⇒ States recognized",
		"2 38.→39.: States agreed ⇒ States confirmed",
		"3 26.→17.: States agreed ⇒ The",
		"3 48.→49.: States agreed ⇒ States take",
	}
	if got := changes(h, tr[0].Struck); !slices.Equal(got, want) {
		t.Errorf("struck:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(tr[0].Added) != 0 {
		t.Errorf("added %v, want none", changes(h, tr[0].Added))
	}
	if !tr[0].Lost() || !tr[0].Changed() {
		t.Error("Lost or Changed false")
	}
}

// TestTraceHumanitarianLaw: the phrase (3, 3, 0, 0, all three struck in
// Rev.2: the bracket dropped, the sentence deleted, the paragraph deleted
// with its section) and the sentence itself (in zero 16 and Rev.1 19, gone
// from Rev.2 20).
func TestTraceHumanitarianLaw(t *testing.T) {
	h := shipped(t)
	const sentence = "In this regard, States noted that international humanitarian law applies to the use of ICTs in situations of armed conflict."
	tr, err := h.Trace("international humanitarian law", sentence)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tr[0].Counts, []int{3, 3, 0, 0}) || !slices.Equal(tr[1].Counts, []int{1, 1, 0, 0}) {
		t.Errorf("counts %v and %v", tr[0].Counts, tr[1].Counts)
	}
	want := []string{
		"2 18.→18.: international humanitarian law ⇒ ",
		"2 19.→20.: international humanitarian law ⇒ ",
		"2 49.→: international humanitarian law ⇒ ",
	}
	if got := changes(h, tr[0].Struck); !slices.Equal(got, want) {
		t.Errorf("struck %q, want %q", got, want)
	}
	if got := changes(h, tr[1].Struck); !slices.Equal(got, []string{"2 19.→20.: " + sentence + " ⇒ "}) {
		t.Errorf("sentence struck %q", got)
	}
	if tr[0].Lost() {
		t.Error("Lost in the last step, but the final changed nothing")
	}
	// The Rev.2 20 paragraph keeps its first and last sentences.
	c := tr[1].Struck[0]
	if st := h.Revision(1).Steps[c.Step]; st.Op != diff.Changed {
		t.Errorf("the sentence's step is %s, want changed", st.Op)
	}
}

// TestTraceAdded: occurrences that appear, where and when.
func TestTraceAdded(t *testing.T) {
	h := shipped(t)
	tr, err := h.Trace("legally binding", "healthcare", "avoid and refrain from")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		counts []int
		added  string
	}{
		{[]int{0, 0, 1, 1}, "2 →19.: legally binding ⇒ "},
		{[]int{0, 1, 1, 1}, "1 →11.: healthcare ⇒ "},
		{[]int{0, 0, 0, 1}, "3 26.→17.: avoid and refrain from ⇒ "},
	}
	for n, tt := range tests {
		if !slices.Equal(tr[n].Counts, tt.counts) {
			t.Errorf("%s: counts %v, want %v", tr[n].Phrase, tr[n].Counts, tt.counts)
		}
		if got := changes(h, tr[n].Added); len(got) != 1 || got[0] != tt.added {
			t.Errorf("%s: added %q, want %q", tr[n].Phrase, got, tt.added)
		}
	}
}

// TestTraceCounts checks every phrase of FACTS.md §1 against the files,
// and that each revision's struck and added occurrences account for the
// change of count.
func TestTraceCounts(t *testing.T) {
	h := shipped(t)
	facts := map[string][]int{
		"human rights": {8, 6, 5, 3}, "COVID-19": {0, 1, 1, 1}, "national points of contact": {0, 1, 1, 1},
		"supply chains": {0, 0, 1, 1}, "Programme of Action": {0, 0, 1, 1}, "Chair's summary": {0, 0, 1, 1},
		"eleven voluntary, non-binding norms": {1, 1, 1, 1}, "Alt 1:": {0, 0, 1, 0}, "[": {2, 3, 4, 0},
	}
	var phrases []string
	for p := range facts {
		phrases = append(phrases, p)
	}
	slices.Sort(phrases)
	traces, err := h.Trace(phrases...)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range traces {
		if !slices.Equal(tr.Counts, facts[tr.Phrase]) {
			t.Errorf("%q: counts %v, want %v", tr.Phrase, tr.Counts, facts[tr.Phrase])
		}
		for k := 1; k < len(tr.Counts); k++ {
			struck, added := 0, 0
			for _, c := range tr.Struck {
				struck += b2i(c.Draft == k)
			}
			for _, c := range tr.Added {
				added += b2i(c.Draft == k)
			}
			if tr.Counts[k] != tr.Counts[k-1]-struck+added {
				t.Errorf("%q in draft %d: %d = %d - %d + %d does not hold", tr.Phrase, k, tr.Counts[k], tr.Counts[k-1], struck, added)
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestTraceMatching is the table of what matches: case, white space and
// line breaks ignored, whole words at word ends.
func TestTraceMatching(t *testing.T) {
	tests := []struct {
		phrase, text string
		want         int
	}{
		{"States agreed", "States agreed that", 1},
		{"states agreed", "STATES AGREED", 1},
		{"States agreed", "States\nagreed and States  \t agreed", 2},
		{"States agreed", "States\u00a0agreed", 1},
		{"States agreed", "States agreedly", 0},
		{"States agreed", "NonStates agreed", 0},
		{"  States   agreed ", "States agreed", 1},
		{"[", "[a] [b]", 2},
		{"Alt 1:", "[Alt 1: x]", 1},
		{"a.b", "axb a.b", 1},
		{"ÉTATS", "les États", 1},
	}
	for _, tt := range tests {
		d := &draft.Document{Name: "d", Blocks: []draft.Block{{Text: tt.text}}}
		e := &draft.Document{Name: "e", Blocks: []draft.Block{{Text: "other"}}}
		h, err := diff.NewHistory([]*draft.Document{d, e}, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		tr, err := h.Trace(tt.phrase)
		if err != nil {
			t.Fatal(err)
		}
		if tr[0].Counts[0] != tt.want {
			t.Errorf("%q in %q: %d, want %d", tt.phrase, tt.text, tr[0].Counts[0], tt.want)
		}
	}
}

// TestTraceSurvivesRelayout: an occurrence re-cased or re-wrapped is not
// struck; one replaced is, with its replacement.
func TestTraceSurvivesRelayout(t *testing.T) {
	tests := []struct {
		old, new     string
		struck, adds []string
	}{
		{"States agreed that x.", "States\nagreed that x.", nil, nil},
		{"States agreed that x.", "STATES AGREED that x.", nil, nil},
		{"States agreed that x.", "States decided that x.", []string{"States agreed ⇒ States decided"}, nil},
		{"Some text here.", "Some text here. States agreed.", nil, []string{"States agreed ⇒ "}},
		{"A, States agreed, B.", "A, B.", []string{"States agreed ⇒ "}, nil},
	}
	for _, tt := range tests {
		d := &draft.Document{Name: "d", Blocks: []draft.Block{{Text: tt.old}}}
		e := &draft.Document{Name: "e", Blocks: []draft.Block{{Text: tt.new}}}
		h, err := diff.NewHistory([]*draft.Document{d, e}, diff.Options{MatchThreshold: 0.1})
		if err != nil {
			t.Fatal(err)
		}
		tr, _ := h.Trace("States agreed")
		var struck, adds []string
		for _, c := range tr[0].Struck {
			struck = append(struck, c.Text+" ⇒ "+c.Replacement)
		}
		for _, c := range tr[0].Added {
			adds = append(adds, c.Text+" ⇒ "+c.Replacement)
		}
		if !slices.Equal(struck, tt.struck) || !slices.Equal(adds, tt.adds) {
			t.Errorf("%q → %q: struck %q added %q, want %q and %q", tt.old, tt.new, struck, adds, tt.struck, tt.adds)
		}
	}
}

func TestTraceEmptyPhrase(t *testing.T) {
	h := shipped(t)
	if _, err := h.Trace("ok", "  "); err == nil {
		t.Error("a phrase of white space: no error")
	}
}
