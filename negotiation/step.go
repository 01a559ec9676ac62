package negotiation

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// side is one side (old or new) of a step: its blocks' texts joined with
// diff.Sep, as the step's spans are, and where each block starts.
type side struct {
	doc    *draft.Document
	blocks []int // block indices
	base   []int // offset of each block's text in text
	text   string
}

func newSide(doc *draft.Document, bs diff.Blocks) side {
	s := side{doc: doc}
	n := 0
	for _, i := range bs.All() {
		if len(s.blocks) > 0 {
			n += len(diff.Sep)
		}
		s.blocks = append(s.blocks, i)
		s.base = append(s.base, n)
		n += len(doc.Blocks[i].Text)
	}
	if len(s.blocks) == 1 {
		s.text = doc.Blocks[s.blocks[0]].Text
		return s
	}
	buf := make([]byte, 0, n)
	for k, i := range s.blocks {
		if k > 0 {
			buf = append(buf, diff.Sep...)
		}
		buf = append(buf, doc.Blocks[i].Text...)
	}
	s.text = string(buf)
	return s
}

// at returns the position (in s.blocks) of the block holding offset off.
func (s *side) at(off int) int {
	k := sort.SearchInts(s.base, off+1) - 1
	return max(k, 0)
}

// place returns the Place of [start, end) of the joined text, cut to the
// block where it starts.
func (s *side) place(start, end int) *Place {
	k := s.at(start)
	i, b := s.blocks[k], s.base[k]
	text := s.doc.Blocks[i].Text
	st, en := min(start-b, len(text)), min(end-b, len(text))
	return &Place{Block: i, Label: s.doc.Blocks[i].Label, Start: st, End: en, Text: text[st:en]}
}

// segment is one span of a step's word diff, as ranges of the old and new
// joined texts (a deletion is empty on the new side, an insertion on the
// old side).
type segment struct {
	op             diff.SpanOp
	o0, o1, n0, n1 int
}

// segments returns the spans of st as segments.
func segments(spans []diff.Span) []segment {
	segs := make([]segment, 0, len(spans))
	o, n := 0, 0
	for _, sp := range spans {
		sg := segment{op: sp.Op, o0: o, o1: o, n0: n, n1: n}
		switch sp.Op {
		case diff.SpanEqual:
			sg.o1, sg.n1 = o+len(sp.Text), n+len(sp.Text)
		case diff.SpanDelete:
			sg.o1 = o + len(sp.Text)
		case diff.SpanInsert:
			sg.n1 = n + len(sp.Text)
		}
		o, n = sg.o1, sg.n1
		segs = append(segs, sg)
	}
	return segs
}

// oldSegment returns the index of the segment holding old offset off (an
// equal or deleted one), or -1.
func oldSegment(segs []segment, off int) int {
	k := sort.Search(len(segs), func(k int) bool { return segs[k].o1 > off })
	if k < len(segs) && segs[k].o0 <= off {
		return k
	}
	return -1
}

// newSegment is oldSegment for the new side.
func newSegment(segs []segment, off int) int {
	k := sort.Search(len(segs), func(k int) bool { return segs[k].n1 > off })
	if k < len(segs) && segs[k].n0 <= off {
		return k
	}
	return -1
}

// keptWords counts the letters and digits of the old range [a, b): all of
// them, and those the new text kept; mapped lists, for each kept run, the
// new offset of its first letter or digit.
func keptWords(text string, segs []segment, a, b int) (total, kept int, mapped []int) {
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			total++
			if k := oldSegment(segs, i); k >= 0 && segs[k].op == diff.SpanEqual {
				kept++
				mapped = append(mapped, segs[k].n0+i-segs[k].o0)
			}
		}
		i += n
	}
	return total, kept, mapped
}

// newWords counts the letters and digits of the new range [a, b), and
// those that stood in the old text.
func newWords(text string, segs []segment, a, b int) (total, kept int) {
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			total++
			if k := newSegment(segs, i); k >= 0 && segs[k].op == diff.SpanEqual {
				kept++
			}
		}
		i += n
	}
	return total, kept
}
