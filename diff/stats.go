package diff

// Stats counts what changed between two drafts.
type Stats struct {
	// Blocks counts alignment steps by op.
	Equal, Changed, Inserted, Deleted, Moved, Split, Merged int
	// Renumbered counts paired blocks whose label changed.
	Renumbered int
	// Reformatted counts equal blocks whose texts differ only in white
	// space, line ends, invisible characters or Unicode normal form.
	Reformatted int
	// WordsInserted and WordsDeleted are the sums of Step.Words: words in
	// insert and delete spans, but for cross-references that follow the
	// renumbering and changes of layout alone.
	WordsInserted, WordsDeleted int
	// Formatted counts steps whose formatting changed (Step.Formatting),
	// whether or not their words did; a change of formatting alone counts
	// no word.
	Formatted int
}

// Stats returns the counts of r's steps and words.
func (r *Result) Stats() Stats {
	var s Stats
	for i := range r.Steps {
		st := &r.Steps[i]
		switch st.Op {
		case Equal:
			s.Equal++
			if len(st.Spans) > 1 || len(st.Spans) == 1 && st.Spans[0].Op != SpanEqual {
				s.Reformatted++
			}
		case Changed:
			s.Changed++
		case Inserted:
			s.Inserted++
		case Deleted:
			s.Deleted++
		case Moved:
			s.Moved++
		case Split:
			s.Split++
		case Merged:
			s.Merged++
		}
		if r.Renumbered(st) {
			s.Renumbered++
		}
		if st.Formatting {
			s.Formatted++
		}
		ins, del := st.Words()
		s.WordsInserted += ins
		s.WordsDeleted += del
	}
	return s
}

// Renumbered reports whether a step pairs blocks of both drafts and the
// label of its first old block differs from that of its first new block.
func (r *Result) Renumbered(st *Step) bool {
	if st.Old.Len() == 0 || st.New.Len() == 0 {
		return false
	}
	return r.OldLabel(st) != r.NewLabel(st)
}

// OldLabel returns the label of the step's first old block, or "".
func (r *Result) OldLabel(st *Step) string {
	if st.Old.Len() == 0 {
		return ""
	}
	return r.Old.Blocks[st.Old.First()].Label
}

// NewLabel returns the label of the step's first new block, or "".
func (r *Result) NewLabel(st *Step) string {
	if st.New.Len() == 0 {
		return ""
	}
	return r.New.Blocks[st.New.First()].Label
}

// TextChanged reports whether any step changes words or order: any step
// but an equal one, or a changed one whose only changes are
// cross-references that follow the renumbering.
func (r *Result) TextChanged() bool {
	for i := range r.Steps {
		if st := &r.Steps[i]; st.Op != Equal && !st.NumberingOnly() {
			return true
		}
	}
	return false
}

// NumberingOnly reports whether a changed step's only changes are
// cross-references that follow the renumbering.
func (st *Step) NumberingOnly() bool {
	if st.Op != Changed {
		return false
	}
	for _, sp := range st.Spans {
		if sp.Op != SpanEqual && !sp.Renumbered {
			return false
		}
	}
	return true
}

// Differs reports whether the drafts differ: in text or order, in
// formatting (see Step.Formatting), or, unless ignoreNumbering is set, in
// the labels of paired blocks.
func (r *Result) Differs(ignoreNumbering bool) bool {
	if r.TextChanged() || r.FormattingChanged() {
		return true
	}
	if ignoreNumbering {
		return false
	}
	for i := range r.Steps {
		if r.Renumbered(&r.Steps[i]) || r.Steps[i].NumberingOnly() {
			return true
		}
	}
	return false
}

// FormattingChanged reports whether any step's formatting changed (see
// Step.Formatting).
func (r *Result) FormattingChanged() bool {
	for i := range r.Steps {
		if r.Steps[i].Formatting {
			return true
		}
	}
	return false
}
