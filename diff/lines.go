package diff

import "strings"

// Lines returns the line diff of two texts as spans, the way blocks whose
// kind keeps its line layout (code, a table of contents, front matter:
// draft.Kind.LineByLine) are compared: each line is one token, compared
// as written, white space and indentation included, so that a changed
// line is the old line deleted and the new one inserted, as git shows
// code. The spans are lossless, as Words's are.
//
// A line is compared without its line break, so that the last line of a
// text, which has none, still matches the same line followed by more in
// the other text: appending a line gives an equal last line and an
// inserted "\n" plus the new line, never the old last line replaced.
//
// Lines are diffed by go-diff in one call when there are few; long texts
// are anchored on runs of lines unique to both (see diffAnchored). There
// is no cleanup: a line is already a whole unit, and git's readers expect
// its shape.
func Lines(old, new string) ([]Span, error) {
	if old == new {
		if old == "" {
			return nil, nil
		}
		return []Span{{Op: SpanEqual, Text: old}}, nil
	}
	a, b := newLineSeq(old), newLineSeq(new)
	defer a.release()
	defer b.release()
	segs, err := diffTokensFlat(a, b, 0, a.len(), 0, b.len())
	if err != nil {
		return nil, err
	}
	return lineSpans(segs, a, b), nil
}

// newLineSeq cuts s into lines, each ending after its line break (the last
// maybe without one), keyed by its text without the break; release the
// sequence when done. Its word counts are not kept: only Lines uses it,
// and it makes no cleanup that weighs words.
func newLineSeq(s string) *tokenSeq {
	t := getTokenSeq(s)
	t.ends, t.keys, t.words = t.ends[:0], t.keys[:0], t.words[:0]
	for start := 0; start < len(s); {
		end := len(s)
		key := s[start:]
		if k := strings.IndexByte(key, '\n'); k >= 0 {
			end, key = start+k+1, key[:k]
		}
		t.ends = append(t.ends, end)
		t.keys = append(t.keys, key)
		start = end
	}
	if len(t.keys) == 0 {
		t.keys = append(t.keys, "") // never read: key needs stored keys (see tokenSeq.key)
	}
	return t
}

// lineSpans turns the segs of a line diff into lossless spans. Lines of
// the same key paired in an equality differ at most in their line break
// (the last line of one text has none): the line is equal, the break
// deleted or inserted.
func lineSpans(segs []seg, a, b *tokenSeq) []Span {
	return segSpans(segs, a, b, equalLines)
}

// equalLines gives the spans of an equality of n lines from a's i and b's
// j (see lineSpans).
func equalLines(a, b *tokenSeq, i, j, n int, add func(SpanOp, string)) {
	start := 0
	for k := 0; k < n; k++ {
		x, y := a.tok(i+k), b.tok(j+k)
		if x == y {
			continue
		}
		add(SpanEqual, a.span(i+start, i+k))
		p := min(len(x), len(y)) // the line without its break
		add(SpanEqual, x[:p])
		add(SpanDelete, x[p:])
		add(SpanInsert, y[p:])
		start = k + 1
	}
	add(SpanEqual, a.span(i+start, i+n))
}

// LineByLine reports whether the step's blocks were compared line by line
// (see Lines): every block of the step, on both sides, is of a kind that
// keeps its line layout. Renderers show such a step's text as lines.
func (r *Result) LineByLine(st *Step) bool {
	n := 0
	for _, i := range st.Old.All() {
		if !r.Old.Blocks[i].Kind.LineByLine() {
			return false
		}
		n++
	}
	for _, j := range st.New.All() {
		if !r.New.Blocks[j].Kind.LineByLine() {
			return false
		}
		n++
	}
	return n > 0
}
