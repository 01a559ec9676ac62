package negotiation

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
)

// Fate is what a revision did to a bracketed passage.
type Fate uint8

// The fates. Their String forms are the JSON names.
const (
	// Agreed: the brackets were removed and the text kept, possibly edited.
	Agreed Fate = iota
	// Dropped: the text was removed with its brackets (or its paragraph).
	Dropped
	// Open: the text is still in brackets, edited or not.
	Open
	// Chosen: one of a group of alternatives kept without brackets; the
	// other alternatives of its group were dropped.
	Chosen
	// Opened: a new bracketed passage, over new text or over text the old
	// draft had without brackets (Bracket.Existing).
	Opened
)

var fateNames = [...]string{"agreed", "dropped", "still-open", "alternative-chosen", "opened"}

// String returns the fate's JSON name, e.g. "alternative-chosen".
func (f Fate) String() string {
	if int(f) < len(fateNames) {
		return fateNames[f]
	}
	return "unknown"
}

// MarshalText writes the fate's name.
func (f Fate) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText reads a fate's name.
func (f *Fate) UnmarshalText(b []byte) error {
	for k, n := range fateNames {
		if n == string(b) {
			*f = Fate(k)
			return nil
		}
	}
	return fmt.Errorf("unknown bracket fate %q", b)
}

// Place is a stretch of one block's text: byte offsets into the block's
// Text, and that text.
type Place struct {
	Block int    `json:"block"`
	Label string `json:"label,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Bracket is a bracketed passage of a comparison and its fate.
type Bracket struct {
	Fate Fate `json:"fate"`
	// Step is the index, in the comparison's Steps, of the step holding
	// the passage.
	Step int `json:"step"`
	// Old is the passage in the old draft, brackets included (nil for an
	// opened one). New is where it stands in the new draft: the passage,
	// brackets included, when it is still open or opened; the kept text
	// when it was agreed or chosen; nil when it was dropped.
	Old *Place `json:"old,omitempty"`
	New *Place `json:"new,omitempty"`
	// Tag is the passage's tag ("Alt 2", "Proposal by Group X"), Depth
	// its nesting depth (old side, or new side for an opened passage).
	Tag   string `json:"tag,omitempty"`
	Depth int    `json:"depth,omitempty"`
	// Group numbers a group of alternatives within the comparison (from
	// 1); 0 for a passage that is not an alternative.
	Group int `json:"group,omitempty"`
	// Edited is set when the passage's text changed (agreed, open or
	// chosen with edits).
	Edited bool `json:"edited,omitempty"`
	// Existing is set on an opened passage whose text the old draft had,
	// without brackets.
	Existing bool `json:"existing,omitempty"`
	// Moved is set on a passage still open that moved to another
	// paragraph: Old and New are then in different steps (Step is the old
	// one's).
	Moved bool `json:"moved,omitempty"`
}

// classifyBrackets finds the fate of every bracketed passage of r, step by
// step, in reading order; oldPs and newPs are the drafts' passages
// (DocumentPassages).
func classifyBrackets(r *diff.Result, oldPs, newPs [][]Passage) []Bracket {
	if oldPs == nil && newPs == nil {
		return nil
	}
	var out []Bracket
	groups := 0
	for s := range r.Steps {
		st := &r.Steps[s]
		if !hasPassages(oldPs, st.Old) && !hasPassages(newPs, st.New) {
			continue
		}
		c := stepBrackets{step: s, old: newSide(r.Old, st.Old), new: newSide(r.New, st.New), segs: segments(st.Spans)}
		c.oldPs, c.newPs = joined(&c.old, oldPs), joined(&c.new, newPs)
		c.parent = parents(c.newPs)
		out = append(out, c.classify(&groups)...)
	}
	return followMoves(out)
}

func hasPassages(ps [][]Passage, bs diff.Blocks) bool {
	if ps == nil {
		return false
	}
	for _, i := range bs.All() {
		if len(ps[i]) > 0 {
			return true
		}
	}
	return false
}

// joined returns the passages of a side's blocks with offsets into the
// side's joined text; Group is made unique across the blocks.
func joined(s *side, ps [][]Passage) []Passage {
	var out []Passage
	for k, i := range s.blocks {
		if ps == nil {
			break
		}
		first := len(out)
		for _, p := range ps[i] {
			b := s.base[k]
			p.Start, p.End, p.Body = p.Start+b, p.End+b, p.Body+b
			if p.Group > 0 {
				p.Group += first
			}
			out = append(out, p)
		}
	}
	return out
}

// stepBrackets classifies the passages of one step.
type stepBrackets struct {
	step         int
	old, new     side
	segs         []segment
	oldPs, newPs []Passage
	parent       []int // parent[k]: the new passage around newPs[k], or -1
}

func (c *stepBrackets) classify(groups *int) []Bracket {
	out := make([]Bracket, 0, len(c.oldPs)+len(c.newPs))
	claimed := make([]bool, len(c.newPs))
	for _, p := range c.oldPs {
		out = append(out, c.fateOf(p, claimed))
	}
	c.chooseAlternatives(out)
	numberGroups(out, c.oldPs, groups)
	var opened []Bracket
	var openedPs []Passage
	for k, p := range c.newPs {
		if claimed[k] {
			continue
		}
		b := Bracket{Fate: Opened, Step: c.step, New: c.new.place(p.Start, p.End), Tag: p.Tag, Depth: p.Depth}
		total, kept := newWords(c.new.text, c.segs, p.Body, p.End-1)
		b.Existing = len(c.old.blocks) > 0 && total > 0 && 2*kept > total
		opened = append(opened, b)
		openedPs = append(openedPs, p)
	}
	numberGroups(opened, openedPs, groups)
	return append(out, opened...)
}

// fateOf decides what became of the old passage p: dropped when less than
// half its letters and digits are kept; still open when most of those kept
// stand inside a new passage (which it then claims); agreed otherwise.
func (c *stepBrackets) fateOf(p Passage, claimed []bool) Bracket {
	b := Bracket{Step: c.step, Old: c.old.place(p.Start, p.End), Tag: p.Tag, Depth: p.Depth, Fate: Dropped}
	if len(c.new.blocks) == 0 {
		return b
	}
	total, kept, mapped := keptWords(c.old.text, c.segs, p.Body, p.End-1)
	if total == 0 {
		if k := oldSegment(c.segs, p.Start); k >= 0 && c.segs[k].op == diff.SpanEqual {
			total, kept, mapped = 1, 1, []int{c.segs[k].n0 + p.Start - c.segs[k].o0 + 1}
		}
	}
	if total == 0 || 2*kept < total {
		return b
	}
	if k := c.holder(mapped); k >= 0 {
		claimed[k] = true
		q := c.newPs[k]
		b.Fate, b.New = Open, c.new.place(q.Start, q.End)
		b.Edited = kept < total || c.wordsInserted(q.Body, q.End-1)
		return b
	}
	end := c.mappedEnd(p, mapped)
	b.Fate, b.New = Agreed, c.new.place(mapped[0], end)
	b.Edited = kept < total || c.wordsInserted(mapped[0], end)
	return b
}

// wordsInserted reports whether the new range [a, b) has letters or
// digits the old text did not have. Changes of punctuation, white space
// or brackets alone are not edits of a passage's words.
func (c *stepBrackets) wordsInserted(a, b int) bool {
	total, kept := newWords(c.new.text, c.segs, a, b)
	return kept < total
}

// holder returns the index of the new passage holding most of the mapped
// offsets (sorted), the innermost of those holding as many, or -1 if none
// holds more than half of them. Such a passage holds the median offset,
// so only the innermost passage holding it and its ancestors (at most
// maxDepth of them) are looked at.
func (c *stepBrackets) holder(mapped []int) int {
	m := mapped[len(mapped)/2]
	best, bestN := -1, 0
	k := sort.Search(len(c.newPs), func(k int) bool { return c.newPs[k].Start >= m }) - 1
	for ; k >= 0; k = c.parent[k] {
		q := c.newPs[k]
		if q.End-1 <= m {
			continue
		}
		n := sort.SearchInts(mapped, q.End-1) - sort.SearchInts(mapped, q.Start+1)
		if 2*n > len(mapped) && n > bestN { // ancestors come later: a tie keeps the inner one
			best, bestN = k, n
		}
	}
	return best
}

// parents returns the index of each passage's parent in ps, -1 for an
// outermost one.
func parents(ps []Passage) []int {
	out := make([]int, len(ps))
	var stack []int
	for k, p := range ps {
		for len(stack) > 0 && ps[stack[len(stack)-1]].End <= p.Start {
			stack = stack[:len(stack)-1]
		}
		out[k] = -1
		if len(stack) > 0 {
			out[k] = stack[len(stack)-1]
		}
		stack = append(stack, k)
	}
	return out
}

// mappedEnd returns the new offset just after the last kept letter or
// digit of p's body (mapped holds the new offsets of the kept ones).
func (c *stepBrackets) mappedEnd(p Passage, mapped []int) int {
	last := mapped[len(mapped)-1]
	_, n := utf8.DecodeRuneInString(c.new.text[last:])
	return last + n
}

// chooseAlternatives marks the one agreed alternative of a group whose
// other alternatives were all dropped as the chosen one.
func (c *stepBrackets) chooseAlternatives(out []Bracket) {
	type group struct{ members, agreed, others int }
	groups := map[int]*group{}
	for k, p := range c.oldPs {
		if p.Group == 0 {
			continue
		}
		g := groups[p.Group]
		if g == nil {
			g = &group{agreed: -1}
			groups[p.Group] = g
		}
		g.members++
		switch {
		case out[k].Fate == Agreed && g.agreed < 0:
			g.agreed = k
		case out[k].Fate != Dropped:
			g.others++
		}
	}
	for _, g := range groups {
		if g.members >= 2 && g.agreed >= 0 && g.others == 0 {
			out[g.agreed].Fate = Chosen
		}
	}
}

// numberGroups renumbers the groups of bs (whose passages are ps) from
// *groups+1 on, in order.
func numberGroups(bs []Bracket, ps []Passage, groups *int) {
	seen := map[int]int{}
	for k, p := range ps {
		if p.Group == 0 {
			continue
		}
		if seen[p.Group] == 0 {
			*groups++
			seen[p.Group] = *groups
		}
		bs[k].Group = seen[p.Group]
	}
}
