package diff

import "github.com/redline-diff/redline/draft"

// Volume is how much a revision changed, in a whole draft or a section.
type Volume struct {
	// Paragraphs counts the alignment steps that change words or order:
	// all but equal steps and changes of cross-references alone
	// (Step.NumberingOnly).
	Paragraphs int
	// WordsInserted and WordsDeleted count words as Stats does (Step.Words).
	WordsInserted, WordsDeleted int
}

// Words returns the words inserted and deleted.
func (v Volume) Words() int { return v.WordsInserted + v.WordsDeleted }

// add adds the volume of one step.
func (v *Volume) add(st *Step) {
	if st.Op != Equal && !st.NumberingOnly() {
		v.Paragraphs++
	}
	ins, del := st.Words()
	v.WordsInserted += ins
	v.WordsDeleted += del
}

// SectionVolume is the change volume of one section in each revision. A
// section is a heading (of any level) and the blocks after it up to the
// next heading; it keeps its identity across drafts through its
// heading's (see History). The blocks before the first heading form a
// section without a heading.
type SectionVolume struct {
	// Thread is the identity of the section's heading, or -1 for the
	// blocks before the first heading.
	Thread int
	// Draft and Block locate the heading in the latest draft that holds
	// it; Block is -1 for the section without a heading.
	Draft, Block int
	// Revisions[k] is what Revisions[k] changed in the section: the steps
	// whose first new block stands in it, and the deleted blocks that
	// stood in it.
	Revisions []Volume
}

// Sections returns the change volume of every section that ever stood in
// a draft: the last draft's sections in its order, and those removed
// earlier where they stood; the section without a heading first, when
// any draft has blocks before its first heading.
func (h *History) Sections() []SectionVolume {
	of := make([][]int, len(h.Drafts)) // of[k][i]: section of block i of draft k
	for k, d := range h.Drafts {
		of[k] = h.sectionsOf(k, d)
	}
	rows := h.sectionOrder()
	at := make(map[int]int, len(rows)) // thread → row
	for n, t := range rows {
		at[t] = n
	}
	out := make([]SectionVolume, len(rows))
	for n, t := range rows {
		out[n] = h.sectionVolume(t)
	}
	for k := range h.revisions {
		r := h.revisionOnce(k)
		for s := range r.Steps {
			st := &r.Steps[s]
			sec := stepSection(st, of[k], of[k+1])
			out[at[sec]].Revisions[k].add(st)
		}
	}
	return out
}

// sectionsOf returns the section (its heading's thread, or -1) of each
// block of draft k.
func (h *History) sectionsOf(k int, d *draft.Document) []int {
	of := make([]int, len(d.Blocks))
	cur := -1
	for i, b := range d.Blocks {
		if b.Kind == draft.Heading {
			cur = int(h.identity[k][i])
		}
		of[i] = cur
	}
	return of
}

// stepSection returns the section of a step: that of its first new
// block, or of its old block when it was deleted.
func stepSection(st *Step, oldOf, newOf []int) int {
	if st.New.Len() > 0 {
		return newOf[st.New.First()]
	}
	return oldOf[st.Old.First()]
}

// sectionOrder returns the section threads in the order of Sections:
// the last draft's headings, then each earlier draft's headings not seen
// yet, each placed after the heading that preceded it in its draft.
func (h *History) sectionOrder() []int {
	var order []int
	seen := make(map[int]bool)
	for k := h.Last(); k >= 0; k-- {
		pos := 0 // where the next unseen heading of draft k goes
		for i, b := range h.Drafts[k].Blocks {
			if b.Kind != draft.Heading {
				continue
			}
			t := int(h.identity[k][i])
			if seen[t] {
				pos = indexOf(order, t) + 1
				continue
			}
			seen[t] = true
			order = insertAt(order, pos, t)
			pos++
		}
	}
	if h.hasPreamble() {
		order = insertAt(order, 0, -1)
	}
	return order
}

// hasPreamble reports whether any draft has blocks before its first
// heading.
func (h *History) hasPreamble() bool {
	for _, d := range h.Drafts {
		if len(d.Blocks) > 0 && d.Blocks[0].Kind != draft.Heading {
			return true
		}
	}
	return false
}

// sectionVolume returns an empty row for section thread t, named by its
// heading in the latest draft that holds it.
func (h *History) sectionVolume(t int) SectionVolume {
	v := SectionVolume{Thread: t, Draft: h.Last(), Block: -1, Revisions: make([]Volume, len(h.revisions))}
	if t >= 0 {
		th := &h.threads[t]
		v.Draft, v.Block = int(th.last), int(th.lastBlock)
	}
	return v
}

func indexOf(s []int, v int) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func insertAt(s []int, i, v int) []int {
	s = append(s, 0)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}
