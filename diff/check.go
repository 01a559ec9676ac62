package diff

import (
	"fmt"
	"strings"
)

// Check verifies the invariants of a result: every block of each draft
// appears in exactly one step; each step's indices suit its op; and the
// spans are lossless, the equal and delete texts rebuilding the step's old
// text and the equal and insert texts its new text; and the spans marked
// Layout are layout-only pairs (see Span.Layout); and each Sep that joins
// two blocks of a split or merge is one span marked Break, and no other
// span is (see Span.Break). It returns the first
// violation found, or nil.
func (r *Result) Check() error {
	seenOld := make([]uint8, len(r.Old.Blocks))
	seenNew := make([]uint8, len(r.New.Blocks))
	for k := range r.Steps {
		st := &r.Steps[k]
		if err := checkShape(st); err != nil {
			return fmt.Errorf("step %d: %w", k, err)
		}
		if err := markSeen(seenOld, st.Old, "old"); err != nil {
			return fmt.Errorf("step %d: %w", k, err)
		}
		if err := markSeen(seenNew, st.New, "new"); err != nil {
			return fmt.Errorf("step %d: %w", k, err)
		}
		if err := r.checkSpans(st); err != nil {
			return fmt.Errorf("step %d (%s): %w", k, st.Op, err)
		}
		if err := checkLayout(st.Spans); err != nil {
			return fmt.Errorf("step %d (%s): %w", k, st.Op, err)
		}
		if err := r.checkBreaks(st); err != nil {
			return fmt.Errorf("step %d (%s): %w", k, st.Op, err)
		}
	}
	if err := allSeen(seenOld, "old"); err != nil {
		return err
	}
	return allSeen(seenNew, "new")
}

// checkShape checks that a step's block counts fit its op.
func checkShape(st *Step) error {
	no, nn := st.Old.Len(), st.New.Len()
	ok := false
	switch st.Op {
	case Equal, Changed, Moved:
		ok = no == 1 && nn == 1
	case Inserted:
		ok = no == 0 && nn == 1
	case Deleted:
		ok = no == 1 && nn == 0
	case Split:
		ok = no == 1 && nn >= 2
	case Merged:
		ok = no >= 2 && nn == 1
	}
	if !ok {
		return fmt.Errorf("op %s with %d old and %d new blocks", st.Op, no, nn)
	}
	switch st.Op {
	case Moved:
		ok = st.Moved
	case Equal, Changed, Inserted, Deleted:
		ok = !st.Moved
	}
	if !ok {
		return fmt.Errorf("op %s with Moved %v", st.Op, st.Moved)
	}
	return nil
}

func markSeen(seen []uint8, b Blocks, name string) error {
	for _, i := range b.All() {
		if i < 0 || i >= len(seen) {
			return fmt.Errorf("%s block %d out of range", name, i)
		}
		if seen[i]++; seen[i] > 1 {
			return fmt.Errorf("%s block %d appears twice", name, i)
		}
	}
	return nil
}

func allSeen(seen []uint8, name string) error {
	for i, n := range seen {
		if n == 0 {
			return fmt.Errorf("%s block %d is in no step", name, i)
		}
	}
	return nil
}

// checkSpans checks that a step's spans rebuild its two texts.
//
// The texts are matched span by span, without being rebuilt, for Check
// runs before every rendering; only a failure builds them, to say what
// went wrong.
func (r *Result) checkSpans(st *Step) error {
	wantOld, wantNew := r.oldText(st), r.newText(st)
	restOld, restNew := wantOld, wantNew
	ok := true
	for _, sp := range st.Spans {
		if sp.Op != SpanInsert {
			restOld, ok = cutPrefix(restOld, sp.Text, ok)
		}
		if sp.Op != SpanDelete {
			restNew, ok = cutPrefix(restNew, sp.Text, ok)
		}
	}
	if ok && restOld == "" && restNew == "" {
		return nil
	}
	var old, new strings.Builder
	for _, sp := range st.Spans {
		if sp.Op != SpanInsert {
			old.WriteString(sp.Text)
		}
		if sp.Op != SpanDelete {
			new.WriteString(sp.Text)
		}
	}
	if old.String() != wantOld {
		return fmt.Errorf("spans rebuild old text %q, want %q", old.String(), wantOld)
	}
	return fmt.Errorf("spans rebuild new text %q, want %q", new.String(), wantNew)
}

// checkLayout checks that the spans marked Layout are layout-only pairs
// (see layoutOnly), read from the first span on, so that no renderer
// shows a change of words as unchanged text.
func checkLayout(spans []Span) error {
	for k := 0; k < len(spans); k++ {
		if !spans[k].Layout {
			continue
		}
		if k+1 == len(spans) || !spans[k+1].Layout || !layoutOnly(spans[k], spans[k+1]) {
			return fmt.Errorf("span %d (%q) marked layout without a layout-only pair", k, spans[k].Text)
		}
		k++
	}
	return nil
}

// cutPrefix returns s without prefix and whether it began with it, once
// ok is false staying false.
func cutPrefix(s, prefix string, ok bool) (string, bool) {
	if !ok {
		return s, false
	}
	return strings.CutPrefix(s, prefix)
}

// checkBreaks checks that each boundary between the blocks of the side of
// st with several is one span marked Break, and that no other span is.
func (r *Result) checkBreaks(st *Step) error {
	var bounds []int
	side := SpanInsert
	switch {
	case st.New.Len() > 1:
		bounds = boundaries(r.New, st.New)
	case st.Old.Len() > 1:
		bounds, side = boundaries(r.Old, st.Old), SpanDelete
	}
	k, off := 0, 0
	for i, sp := range st.Spans {
		if !onSide(sp.Op, side) {
			if sp.Break {
				return fmt.Errorf("span %d (%s %q) marked break on the side without pieces", i, sp.Op, sp.Text)
			}
			continue
		}
		at := k < len(bounds) && bounds[k] == off
		switch {
		case at && (!sp.Break || sp.Text != Sep):
			return fmt.Errorf("the break between pieces %d and %d is not one span marked break (span %d: %q)", k, k+1, i, sp.Text)
		case !at && sp.Break:
			return fmt.Errorf("span %d (%q) marked break where no piece ends", i, sp.Text)
		case at:
			k++
		}
		off += len(sp.Text)
	}
	if k != len(bounds) {
		return fmt.Errorf("%d of %d breaks between pieces marked", k, len(bounds))
	}
	return nil
}
