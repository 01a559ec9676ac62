package diff

import (
	"fmt"
	"strings"

	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/par"
)

// Options tune Compare. The zero value gives the defaults.
type Options struct {
	// MatchThreshold is the least similarity (0–1: the Dice coefficient of
	// the two blocks' sets of lower-cased words and word pairs) at which two
	// different blocks are paired as one edited block, in place or moved,
	// rather than shown as a deletion and an insertion. It keeps that
	// meaning for rewrites; a block found almost whole in another (whole
	// sentences added or taken away) pairs whatever the length ratio, a
	// higher threshold asking for more of it to be found (see doc.go).
	// Zero means DefaultMatchThreshold.
	MatchThreshold float64
}

// DefaultMatchThreshold is the MatchThreshold used when none is set. At
// 0.5, a paragraph keeps its identity through the rewording of about a
// third of its words; one with most of its words new is shown as deleted
// and replaced.
const DefaultMatchThreshold = 0.5

// Compare aligns the blocks of two drafts and diffs the words of each
// aligned pair. The word diffs run on all cores; the result does not
// depend on their number. The error is non-nil only for an invalid option
// or a failure inside the word diff.
func Compare(old, new *draft.Document, opt Options) (*Result, error) {
	th := opt.MatchThreshold
	if th == 0 {
		th = DefaultMatchThreshold
	}
	if th < 0 || th > 1 {
		return nil, fmt.Errorf("match threshold %g is not between 0 and 1", th)
	}
	al := newAligner(old, new, th)
	al.align()
	al.dropTexts()
	r := &Result{Old: old, New: new, Steps: al.steps()}
	if err := fillSpans(r); err != nil {
		return nil, err
	}
	return r, nil
}

// steps lists the alignment in reading order of the new draft, each
// deleted block where it stood: after the blocks that preceded it, ahead
// of the blocks inserted in its place.
func (al *aligner) steps() []Step {
	nOld, nNew := len(al.oldPair), len(al.newPair)
	// nextOld[j] is the old block of the first in-order pair at or after new block j.
	nextOld := make([]int32, nNew+1)
	nextOld[nNew] = int32(nOld)
	for j := nNew - 1; j >= 0; j-- {
		nextOld[j] = nextOld[j+1]
		if al.newPair[j] >= 0 {
			nextOld[j] = al.newPair[j]
		}
	}
	n := 0 // the steps' count, so that the slice is made once
	for j := range nNew {
		if al.newPart[j] < 0 {
			n++
		}
	}
	for i := range nOld {
		if al.oldPair[i] < 0 && al.oldMoved[i] < 0 && al.oldPart[i] < 0 {
			n++
		}
	}
	steps := make([]Step, 0, n)
	i := 0 // the first old block not yet placed
	flush := func(limit int) {
		for ; i < limit; i++ {
			if al.oldPair[i] < 0 && al.oldMoved[i] < 0 && al.oldPart[i] < 0 {
				steps = append(steps, Step{Op: Deleted, Old: OneBlock(i)})
			}
		}
	}
	for j := 0; j < nNew; j++ {
		switch o := int(al.newPair[j]); {
		case al.newPart[j] >= 0:
			// part of the split headed by an earlier block
		case o >= 0:
			flush(o)
			steps = append(steps, al.pairStep(o, j))
			i = al.oldGroupEnd(o)
		case al.moved[j] >= 0:
			st := al.pairStep(int(al.moved[j]), j)
			if st.Op == Equal || st.Op == Changed {
				st.Op = Moved
			}
			st.Moved = true
			steps = append(steps, st)
		default:
			flush(int(nextOld[j]))
			steps = append(steps, Step{Op: Inserted, New: OneBlock(j)})
		}
	}
	flush(nOld)
	return steps
}

// pairStep returns the step of the group headed by old block i and new
// block j: equal, changed, split or merged.
func (al *aligner) pairStep(i, j int) Step {
	st := Step{Old: BlockRange(i, al.oldGroupEnd(i)), New: BlockRange(j, al.newGroupEnd(j))}
	switch {
	case st.Old.Len() > 1:
		st.Op = Merged
	case st.New.Len() > 1:
		st.Op = Split
	case al.old.ids[i] == al.new.ids[j] && !al.headingChanged(i, j):
		st.Op = Equal // a heading made a paragraph, or the reverse, is changed, its words the same
	default:
		st.Op = Changed
	}
	return st
}

// dropTexts lets go of the grams and normalized texts, which steps does
// not need, before it makes the steps. (The aligner must not weigh texts
// after this; steps reads only the blocks' kinds.)
func (al *aligner) dropTexts() {
	al.old.grams, al.new.grams = nil, nil
	al.old.keys, al.new.keys = nil, nil
}

// fillSpans computes the spans of every step, word-diffing the pairs whose
// texts differ on all cores (line by line where the blocks keep their
// line layout: see LineByLine), marks the changes of layout alone (see
// markLayout), notes the steps whose formatting changed
// (see Step.Formatting), and marks the cross-references that follow
// the renumbering (see markRefs). Results land at their step's index, so
// the output does not depend on scheduling.
func fillSpans(r *Result) error {
	// The crosswalk's renumbered numbers, which the word diffs' spans are
	// marked by (see markRefs), depend on the alignment alone: they are
	// gathered while the steps that need no word diff are filled.
	renumbered := make(chan map[string]string, 1)
	go func() { renumbered <- r.renumberedNumbers() }()
	var work []int
	for k := range r.Steps {
		if st := &r.Steps[k]; r.fillTrivialSpans(st) {
			st.Spans = r.markBreaks(st)
			st.Formatting = r.formattingChanged(st)
		} else {
			work = append(work, k)
		}
	}
	numbers := <-renumbered
	errs := make([]error, len(work))
	par.For(len(work), func(w int) {
		st := &r.Steps[work[w]]
		if r.LineByLine(st) {
			st.Spans, errs[w] = Lines(r.oldText(st), r.newText(st))
			st.Spans = r.markBreaks(st)
		} else {
			st.Spans, errs[w] = Words(r.oldText(st), r.newText(st))
			st.Spans = r.markBreaks(st)
			st.Spans = markRefs(st.Spans, numbers) // a lone span, as trivial steps have, has no pair to mark
			markLayout(st.Spans)
		}
		st.Formatting = r.formattingChanged(st)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// fillTrivialSpans sets the spans of a step that needs no word diff and
// reports whether it did.
func (r *Result) fillTrivialSpans(st *Step) bool {
	sp, ok := trivialSpans(r, st)
	if ok {
		st.Spans = appendSpan(nil, sp.Op, sp.Text)
	}
	return ok
}

// trivialSpans returns the one span of a step that needs no word diff
// (its text empty when the step has no spans at all), and whether the
// step is one: the same text on both sides, or one side empty.
func trivialSpans(r *Result, st *Step) (Span, bool) {
	old, new := r.oldText(st), r.newText(st)
	switch {
	case old == new:
		return Span{Op: SpanEqual, Text: old}, true
	case st.New.Len() == 0:
		return Span{Op: SpanDelete, Text: old}, true
	case st.Old.Len() == 0:
		return Span{Op: SpanInsert, Text: new}, true
	}
	return Span{}, false
}

func appendSpan(spans []Span, op SpanOp, text string) []Span {
	if text == "" {
		return spans
	}
	return append(spans, Span{Op: op, Text: text})
}

// oldText returns the text of the step's old blocks, joined with Sep.
func (r *Result) oldText(st *Step) string { return joinTexts(r.Old, st.Old) }

// newText returns the text of the step's new blocks, joined with Sep.
func (r *Result) newText(st *Step) string { return joinTexts(r.New, st.New) }

func joinTexts(d *draft.Document, b Blocks) string {
	switch b.Len() {
	case 0:
		return ""
	case 1:
		return d.Blocks[b.First()].Text
	}
	var sb strings.Builder
	for k, i := range b.All() {
		if k > 0 {
			sb.WriteString(Sep)
		}
		sb.WriteString(d.Blocks[i].Text)
	}
	return sb.String()
}
