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
// run of two or more consecutive moved steps that were consecutive in the
// old draft (blocks deleted in between do not break a run).
func (r *Result) MovedSections() []MovedSection {
	deleted := make([]bool, len(r.Old.Blocks))
	for _, st := range r.Steps {
		if st.Op == Deleted {
			deleted[st.Old[0]] = true
		}
	}
	var out []MovedSection
	for k := 0; k < len(r.Steps); {
		end := k + 1
		for r.Steps[k].Moved && end < len(r.Steps) && r.Steps[end].Moved &&
			followsInOld(deleted, r.Steps[end-1].Old, r.Steps[end].Old[0]) {
			end++
		}
		if end-k >= 2 {
			out = append(out, r.movedSection(k, end))
		}
		k = end
	}
	return out
}

// followsInOld reports whether old block next comes right after the
// blocks prev, but for deleted blocks.
func followsInOld(deleted []bool, prev []int, next int) bool {
	i := prev[len(prev)-1] + 1
	for i < next && deleted[i] {
		i++
	}
	return i == next
}

func (r *Result) movedSection(k, end int) MovedSection {
	first, last := &r.Steps[k], &r.Steps[end-1]
	s := MovedSection{
		Steps: [2]int{k, end},
		Old:   [2]int{first.Old[0], last.Old[len(last.Old)-1] + 1},
		New:   [2]int{first.New[0], last.New[len(last.New)-1] + 1},
	}
	// It moved up if the step after it stood after it in the old draft.
	for n := end; n < len(r.Steps); n++ {
		if st := &r.Steps[n]; len(st.Old) > 0 && !st.Moved {
			s.Up = st.Old[0] < s.Old[0]
			return s
		}
	}
	return s
}
