package diff

// MovedSection is a run of consecutive moved steps whose blocks were
// consecutive in the old draft too: a section (often a heading and its
// paragraphs) that moved as a whole.
type MovedSection struct {
	// Steps are the indices of its first and past-last steps in Result.Steps.
	Steps [2]int
	// Old and New are its block ranges [start, end) in each draft.
	Old, New [2]int
	// Up is set when the section moved towards the start of the draft.
	Up bool
}

// MovedSections returns the moved sections of r in reading order: every
// run of two or more moved steps that were consecutive in the old draft.
// Blocks deleted from the section do not break a run, nor do blocks
// inserted into it, which belong to the section.
func (r *Result) MovedSections() []MovedSection {
	deleted := make([]bool, len(r.Old.Blocks))
	for _, st := range r.Steps {
		if st.Op == Deleted {
			deleted[st.Old.First()] = true
		}
	}
	var out []MovedSection
	for k := 0; k < len(r.Steps); k++ {
		if !r.Steps[k].Moved {
			continue
		}
		end, moves := k+1, 1 // end: past the last moved step of the run
		for n := k + 1; n < len(r.Steps); n++ {
			st := &r.Steps[n]
			if st.Op == Inserted {
				continue
			}
			if !st.Moved || !followsInOld(deleted, r.Steps[end-1].Old, st.Old.First()) {
				break
			}
			end, moves = n+1, moves+1
		}
		if moves >= 2 {
			out = append(out, r.movedSection(k, end))
		}
		k = end - 1
	}
	return out
}

// followsInOld reports whether old block next comes right after the
// blocks prev, but for deleted blocks.
func followsInOld(deleted []bool, prev Blocks, next int) bool {
	i := prev.Last() + 1
	for i < next && deleted[i] {
		i++
	}
	return i == next
}

func (r *Result) movedSection(k, end int) MovedSection {
	first, last := &r.Steps[k], &r.Steps[end-1]
	s := MovedSection{
		Steps: [2]int{k, end},
		Old:   [2]int{first.Old.First(), last.Old.Last() + 1},
		New:   [2]int{first.New.First(), last.New.Last() + 1},
	}
	// It moved up if the step after it stood after it in the old draft.
	for n := end; n < len(r.Steps); n++ {
		if st := &r.Steps[n]; st.Old.Len() > 0 && !st.Moved {
			s.Up = st.Old.First() < s.Old[0]
			return s
		}
	}
	return s
}
