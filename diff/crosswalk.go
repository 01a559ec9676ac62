package diff

import (
	"strings"
	"unicode"
)

// LabelPair is one row of a numbering crosswalk: the labels of a block of
// the old draft and of the new block it became.
type LabelPair struct {
	Old, New           string
	OldBlock, NewBlock int
}

// Crosswalk returns, for every block of the old draft that has a place in
// the new one (equal, changed, moved, or a piece of a split or merge), its
// label and the label of the block it became, in reading order of the new
// draft; pairs in which neither block has a label are left out.
func (r *Result) Crosswalk() []LabelPair {
	// Counted first, so that the list of tens of thousands of pairs is
	// made once at its size.
	n := 0
	r.eachLabelPair(func(LabelPair) { n++ })
	out := make([]LabelPair, 0, n)
	r.eachLabelPair(func(p LabelPair) { out = append(out, p) })
	return out
}

// eachLabelPair calls f with each pair of Crosswalk in order.
func (r *Result) eachLabelPair(f func(LabelPair)) {
	for k := range r.Steps {
		// Only a step's blocks are read, not copied whole: fillSpans
		// calls this while it sets the steps' spans.
		old, new := r.Steps[k].Old, r.Steps[k].New
		if old.Len() == 0 || new.Len() == 0 {
			continue
		}
		for n, i := range old.All() {
			for m, j := range new.All() {
				if n > 0 && m > 0 {
					continue // a split or merge maps its first block on each side
				}
				if p := (LabelPair{r.Old.Blocks[i].Label, r.New.Blocks[j].Label, i, j}); p.Old != "" || p.New != "" {
					f(p)
				}
			}
		}
	}
}

// renumberedNumbers returns the numbers of the old labels that changed,
// each with its new number ("22" → "25"). Where "paragraph 22" became
// "paragraph 25" and old paragraph 22 is new paragraph 25, the deleted
// "22" and inserted "25" are not an edit of the text but the numbering's:
// markRefs marks them Renumbered.
func (r *Result) renumberedNumbers() map[string]string {
	renumbered := make(map[string]string)
	r.eachLabelPair(func(p LabelPair) {
		if o, n := labelNumber(p.Old), labelNumber(p.New); o != "" && n != "" && o != n {
			renumbered[o] = n
		}
	})
	return renumbered
}

// markRefs marks each delete–insert pair of numbers that stands after a
// reference word and follows the crosswalk.
func markRefs(spans []Span, renumbered map[string]string) {
	for k := 1; k+1 < len(spans); k++ {
		del, ins := &spans[k], &spans[k+1]
		if del.Op != SpanDelete || ins.Op != SpanInsert || spans[k-1].Op != SpanEqual {
			continue
		}
		if renumbered[del.Text] == ins.Text && ins.Text != "" && endsWithRefWord(spans[k-1].Text) {
			del.Renumbered, ins.Renumbered = true, true
		}
	}
}

// refWords are the words that introduce a reference to a paragraph.
var refWords = []string{"paragraph", "paragraphs", "para.", "paras.", "para", "paras", "¶", "op", "pp",
	"paragraphe", "paragraphes", "párrafo", "párrafos"}

// endsWithRefWord reports whether text ends with a reference word and a
// space ("… set out in paragraph "), or with "and "/"to " after one
// ("paragraphs 12 and ").
func endsWithRefWord(text string) bool {
	t := strings.ToLower(strings.TrimRightFunc(text, unicode.IsSpace))
	if len(t) == len(text) {
		return false
	}
	for _, w := range refWords {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	return false
}

// labelNumber returns the number a label carries ("22." → "22",
// "22 bis" → "22 bis", "(a)" → ""), as references write it.
func labelNumber(label string) string {
	l := strings.TrimRight(label, ".)")
	if l == "" || l[0] < '0' || l[0] > '9' {
		return ""
	}
	return l
}
