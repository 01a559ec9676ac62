package diff

import (
	"fmt"
	"strings"
)

// Check verifies the invariants of a result: every block of each draft
// appears in exactly one step; each step's indices suit its op; and the
// spans are lossless, the equal and delete texts rebuilding the step's old
// text and the equal and insert texts its new text. It returns the first
// violation found, or nil.
func (r *Result) Check() error {
	seenOld := make([]int, len(r.Old.Blocks))
	seenNew := make([]int, len(r.New.Blocks))
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
	}
	if err := allSeen(seenOld, "old"); err != nil {
		return err
	}
	return allSeen(seenNew, "new")
}

// checkShape checks that a step's block counts fit its op.
func checkShape(st *Step) error {
	no, nn := len(st.Old), len(st.New)
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

func markSeen(seen []int, idx []int, name string) error {
	for _, i := range idx {
		if i < 0 || i >= len(seen) {
			return fmt.Errorf("%s block %d out of range", name, i)
		}
		if seen[i]++; seen[i] > 1 {
			return fmt.Errorf("%s block %d appears twice", name, i)
		}
	}
	return nil
}

func allSeen(seen []int, name string) error {
	for i, n := range seen {
		if n == 0 {
			return fmt.Errorf("%s block %d is in no step", name, i)
		}
	}
	return nil
}

// checkSpans checks that a step's spans rebuild its two texts.
func (r *Result) checkSpans(st *Step) error {
	var old, new strings.Builder
	for _, sp := range st.Spans {
		if sp.Op != SpanInsert {
			old.WriteString(sp.Text)
		}
		if sp.Op != SpanDelete {
			new.WriteString(sp.Text)
		}
	}
	if old.String() != r.oldText(st) {
		return fmt.Errorf("spans rebuild old text %q, want %q", old.String(), r.oldText(st))
	}
	if new.String() != r.newText(st) {
		return fmt.Errorf("spans rebuild new text %q, want %q", new.String(), r.newText(st))
	}
	return nil
}
