package diff

import "unicode"

// BlameSpan is a run of a block's text introduced by one draft.
type BlameSpan struct {
	// Draft is the index of the draft that introduced the text.
	Draft int
	Text  string
}

// Blame returns, for each block of the last draft, its text cut into
// spans by the draft that introduced each word: the spans of a block
// concatenate to its text exactly, and adjacent spans have different
// drafts.
//
// It follows the word diffs of the revisions forward: the first draft's
// text is its own; in each revision, inserted text belongs to the new
// draft and unchanged text keeps the draft it had. A deletion and an
// insertion that differ only in layout (Span.Layout: white space, line
// breaks, Unicode form) are not new words: each word keeps the draft
// of the word it re-lays out. The cost is linear in the drafts' total
// length; the result is computed on the first call and kept.
func (h *History) Blame() [][]BlameSpan {
	h.blameOnce.Do(func() { h.blame = h.computeBlame() })
	return h.blame
}

// attribution is the blame of one text as runs: run n covers the text
// from the end of run n-1 to end, and was introduced by draft.
type attribution []blameRun

type blameRun struct {
	end, draft int32 // 8 bytes: a draft of a million paragraphs has a million attributions
}

// add appends the text up to end as introduced by draft, joining it to the
// last run when that has the same draft.
func (a attribution) add(end, draft int) attribution {
	n := len(a)
	switch {
	case end <= a.end():
		return a
	case n > 0 && int(a[n-1].draft) == draft:
		a[n-1].end = int32(end)
		return a
	}
	return append(a, blameRun{int32(end), int32(draft)})
}

// end returns the length of the text attributed so far.
func (a attribution) end() int {
	if len(a) == 0 {
		return 0
	}
	return int(a[len(a)-1].end)
}

// start returns where run i begins.
func (a attribution) start(i int) int {
	if i == 0 {
		return 0
	}
	return int(a[i-1].end)
}

func (h *History) computeBlame() [][]BlameSpan {
	cur := make([]attribution, len(h.Drafts[0].Blocks))
	for i, b := range h.Drafts[0].Blocks {
		cur[i] = attribution(nil).add(len(b.Text), 0)
	}
	for k := range h.revisions {
		r := h.revisionOnce(k)
		next := make([]attribution, len(r.New.Blocks))
		for s := range r.Steps {
			blameStep(r, &r.Steps[s], k, cur, next)
		}
		cur = next
	}
	out := make([][]BlameSpan, len(cur))
	for i, b := range h.Drafts[h.Last()].Blocks {
		out[i] = blameSpans(b.Text, cur[i])
	}
	return out
}

// blameStep attributes the new blocks of one step of revision k (draft k
// to k+1), given the attributions cur of draft k's blocks.
func blameStep(r *Result, st *Step, k int, cur, next []attribution) {
	if st.New.Len() == 0 {
		return
	}
	old := joinAttributions(r, st, cur, k)
	m := &blameMapper{old: old, draft: k + 1}
	spans := st.Spans
	for n := 0; n < len(spans); n++ {
		if spans[n].Layout && n+1 < len(spans) { // a pair: see Span.Layout
			m.relayout(spans[n], spans[n+1])
			n++
			continue
		}
		m.span(spans[n])
	}
	cutPieces(r, st, m.out, next)
}

// joinAttributions returns the attribution of the step's old blocks'
// texts joined with Sep (the separator counted as the old draft's).
func joinAttributions(r *Result, st *Step, cur []attribution, k int) attribution {
	if st.Old.Len() == 1 {
		return cur[st.Old.First()]
	}
	var out attribution
	base := 0
	for n, i := range st.Old.All() {
		if n > 0 {
			base += len(Sep)
			out = out.add(base, k)
		}
		for _, ru := range cur[i] {
			out = out.add(base+int(ru.end), int(ru.draft))
		}
		base += len(r.Old.Blocks[i].Text)
	}
	return out
}

// blameMapper carries the attribution of a step's old text over to its new
// text, span by span.
type blameMapper struct {
	old            attribution
	cursor         int // first run of old that may overlap oldPos
	oldPos, newPos int
	draft          int // the new draft
	out            attribution
}

// span carries one span: equal text keeps its drafts, inserted text is
// the new draft's, deleted text is skipped.
func (m *blameMapper) span(sp Span) {
	n := len(sp.Text)
	switch sp.Op {
	case SpanEqual:
		m.carry(m.oldPos, m.oldPos+n, m.newPos)
		m.oldPos += n
		m.newPos += n
	case SpanDelete:
		m.oldPos += n
	case SpanInsert:
		m.newPos += n
		m.out = m.out.add(m.newPos, m.draft)
	}
}

// carry appends the attribution of old text [a, b) placed at new offset c.
func (m *blameMapper) carry(a, b, c int) {
	m.seek(a)
	for i := m.cursor; i < len(m.old) && a < b; i++ {
		end := min(int(m.old[i].end), b)
		m.out = m.out.add(c+end-a, int(m.old[i].draft))
		c += end - a
		a = end
	}
}

// draftOf returns the latest draft among those of old text [a, b), or
// the new draft when it has none.
func (m *blameMapper) draftOf(a, b int) int {
	m.seek(a)
	d := -1
	for i := m.cursor; i < len(m.old) && m.old.start(i) < b; i++ {
		d = max(d, int(m.old[i].draft))
	}
	if d < 0 {
		return m.draft
	}
	return d
}

// seek moves the cursor to the first run that ends after old offset a.
func (m *blameMapper) seek(a int) {
	for m.cursor < len(m.old) && int(m.old[m.cursor].end) <= a {
		m.cursor++
	}
}

// relayout carries a delete and insert pair that differ only in layout:
// each word of the new text keeps the latest draft of the old word it
// re-lays out, white space going with the word after it (or, at the end,
// before it; white space alone keeps the draft of the white space it
// replaces).
func (m *blameMapper) relayout(a, b Span) {
	del, ins := a, b
	if a.Op == SpanInsert {
		del, ins = b, a
	}
	oldWords, newWords := wordBounds(del.Text), wordBounds(ins.Text)
	if len(oldWords) != len(newWords) {
		m.span(a)
		m.span(b)
		return
	}
	d := m.draftOf(m.oldPos, m.oldPos+len(del.Text)) // for white space alone
	for n, w := range newWords {
		d = m.draftOf(m.oldPos+oldWords[n][0], m.oldPos+oldWords[n][1])
		m.out = m.out.add(m.newPos+w[1], d)
	}
	m.out = m.out.add(m.newPos+len(ins.Text), d) // white space after the last word
	m.oldPos += len(del.Text)
	m.newPos += len(ins.Text)
}

// wordBounds returns the byte ranges of the white-space-separated words
// of s.
func wordBounds(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		space := unicode.IsSpace(r)
		switch {
		case space && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// cutPieces cuts the attribution of a step's new text (its new blocks'
// texts joined with Sep) into the attributions of the new blocks.
func cutPieces(r *Result, st *Step, joined attribution, next []attribution) {
	base, n := 0, 0
	for _, j := range st.New.All() {
		end := base + len(r.New.Blocks[j].Text)
		var a attribution
		for ; n < len(joined) && int(joined[n].end) <= base; n++ {
		}
		for i := n; i < len(joined) && base < end; i++ {
			a = a.add(min(int(joined[i].end), end)-base, int(joined[i].draft))
			if int(joined[i].end) >= end {
				break
			}
		}
		next[j] = a
		base = end + len(Sep)
	}
}

// blameSpans turns an attribution of text into spans.
func blameSpans(text string, a attribution) []BlameSpan {
	out := make([]BlameSpan, 0, len(a))
	start := 0
	for _, ru := range a {
		if end := int(ru.end); end > start {
			out = append(out, BlameSpan{Draft: int(ru.draft), Text: text[start:end]})
		}
		start = int(ru.end)
	}
	return out
}
