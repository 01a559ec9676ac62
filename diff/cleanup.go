package diff

import "strings"

// cleanup makes a token-level edit read like a careful human's markup: an
// equality between two changes is folded into one replacement when it is
// only white space and punctuation, when it is one or two function words
// ("the", "of the") or characters of an unspaced script (see
// unspacedOnly), or when it is short beside the changes on both sides
// (its words fewer than half of either change's). Folding repeats until
// nothing more folds, so that a rewrite reads as one replacement, never as
// fragments held together by a shared "the".
//
// Then each lone insertion or deletion slides to where its edges fall on
// white space or punctuation, if it can: "基础{+设施，包括医疗+}设施" and
// "基础设施{+，包括医疗设施+}" are the same edit, and only the second reads
// right.
func cleanup(segs []seg, a, b *tokenSeq) []seg {
	for pass := 0; pass < 32; pass++ {
		var folded bool
		segs, folded = foldEqualities(segs, a, b)
		if !folded {
			break
		}
	}
	return slideEdits(segs, a, b)
}

// slideEdits moves every insertion or deletion that stands between two
// equalities to the place, among those that give the same texts, where its
// edges score best (see edgeScore); of equal scores, the leftmost.
func slideEdits(segs []seg, a, b *tokenSeq) []seg {
	i, j := 0, 0
	for k := range segs {
		s := segs[k]
		if !s.equal && (s.old == 0) != (s.new == 0) && k > 0 && k+1 < len(segs) && segs[k-1].equal && segs[k+1].equal {
			t, at, n := b, j, s.new
			if s.new == 0 {
				t, at, n = a, i, s.old
			}
			off := bestSlide(t, at, n, segs[k-1].old, segs[k+1].old)
			segs[k-1].old, segs[k-1].new = segs[k-1].old+off, segs[k-1].new+off
			segs[k+1].old, segs[k+1].new = segs[k+1].old-off, segs[k+1].new-off
			i, j = i+off, j+off
		}
		i, j = i+s.old, j+s.new
	}
	return dropEmpty(segs)
}

// bestSlide returns the best offset for the n tokens of t at position at,
// which may move left by up to before tokens and right by up to after.
func bestSlide(t *tokenSeq, at, n, before, after int) int {
	left, right := 0, 0
	for left < before && t.key(at-left-1) == t.key(at+n-left-1) {
		left++
	}
	for right < after && t.key(at+right) == t.key(at+n+right) {
		right++
	}
	if t.head && at-left-1 <= 0 || t.tail && at+n+right >= t.len()-1 {
		t.touched = true // the edges weighed include a window's head or tail
	}
	best, bestScore := 0, -1
	for off := -left; off <= right; off++ {
		if sc := edgeScore(t, at+off-1, at+off) + edgeScore(t, at+off+n-1, at+off+n); sc > bestScore {
			best, bestScore = off, sc
		}
	}
	return best
}

// edgeScore rates the boundary between tokens x and y of t: best at either
// end of the text, then at white space, then at punctuation; worst
// between two words or ideographs.
func edgeScore(t *tokenSeq, x, y int) int {
	if x < 0 || y >= t.len() {
		return 6
	}
	kx, ky := classify(firstRune(t.tok(x))), classify(firstRune(t.tok(y)))
	switch {
	case kx == tokSpace || ky == tokSpace:
		return 4
	case kx == tokPunct || ky == tokPunct:
		return 3
	}
	return 0
}

// dropEmpty removes empty equalities and joins the changes they parted.
func dropEmpty(segs []seg) []seg {
	out := segs[:0]
	for _, s := range segs {
		if s.equal && s.old == 0 {
			continue
		}
		if n := len(out); n > 0 && !s.equal && !out[n-1].equal {
			out[n-1].old += s.old
			out[n-1].new += s.new
			continue
		}
		out = append(out, s)
	}
	return out
}

// foldEqualities makes one left-to-right pass of cleanup's folding.
func foldEqualities(segs []seg, a, b *tokenSeq) ([]seg, bool) {
	out := make([]seg, 0, len(segs))
	folded := false
	i, j := 0, 0   // token positions at the start of segs[k]
	pi, pj := 0, 0 // token positions at the start of out's last seg
	for k := 0; k < len(segs); k++ {
		s := segs[k]
		n := len(out)
		if s.equal && n > 0 && !out[n-1].equal && k+1 < len(segs) && !segs[k+1].equal {
			prev, next := out[n-1], segs[k+1]
			before := max(a.wordCount(pi, pi+prev.old), b.wordCount(pj, pj+prev.new))
			after := max(a.wordCount(i+s.old, i+s.old+next.old), b.wordCount(j+s.new, j+s.new+next.new))
			if foldable(a, i, i+s.old, before, after) {
				out[n-1] = seg{false, prev.old + s.old + next.old, prev.new + s.new + next.new}
				i, j = i+s.old+next.old, j+s.new+next.new
				k++
				folded = true
				continue
			}
		}
		out = append(out, s)
		pi, pj = i, j
		i, j = i+s.old, j+s.new
	}
	return out, folded
}

// foldable reports whether the equality of tokens [i0,i1) of t, between
// changes of before and after words, should be folded into them.
func foldable(t *tokenSeq, i0, i1, before, after int) bool {
	words := t.wordCount(i0, i1)
	switch {
	case words == 0:
		return true
	case words <= 2 && functionWordsOnly(t, i0, i1):
		return before+after >= 2
	case words <= 2 && unspacedOnly(t, i0, i1):
		return before >= 1 && after >= 1
	}
	return 2*words < before && 2*words < after
}

// unspacedOnly reports whether tokens [i0,i1) are all characters of a
// script written without spaces (ideographs, kana, hangul), each a word of
// its own: one or two of them shared between two rewritten phrases are no
// more a phrase of their own than "the" is, and are folded the same way
// ("[-加强-]{+完善+}对[-全国-]{+地方+}" reads "[-加强对全国-]{+完善对地方+}").
func unspacedOnly(t *tokenSeq, i0, i1 int) bool {
	for i := i0; i < i1; i++ {
		if classify(firstRune(t.tok(i))) != tokIdeo {
			return false
		}
	}
	return true
}

// functionWordsOnly reports whether every word among tokens [i0,i1) is a
// function word.
func functionWordsOnly(t *tokenSeq, i0, i1 int) bool {
	for i := i0; i < i1; i++ {
		if t.wordCount(i, i+1) == 1 && !functionWords[strings.ToLower(t.key(i))] {
			return false
		}
	}
	return true
}

// functionWords are words too common to hold two changes apart, in the
// languages drafts circulate in first (English, French, Spanish).
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true,
	"on": true, "and": true, "or": true, "for": true, "by": true, "with": true,
	"as": true, "at": true, "that": true, "which": true, "is": true, "are": true,
	"be": true, "its": true, "their": true, "this": true, "these": true, "from": true,
	"le": true, "la": true, "les": true, "de": true, "des": true, "du": true,
	"et": true, "à": true, "en": true, "un": true, "une": true, "au": true, "aux": true,
	"el": true, "los": true, "las": true, "y": true, "del": true, "que": true, "o": true,
}

// spans turns segs into lossless spans. Inside an equality, tokens whose
// keys match but whose text differs (white space, normal form) become a
// delete and an insert of their own texts.
func spans(segs []seg, a, b *tokenSeq) []Span {
	return segSpans(segs, a, b, equalSpans)
}

// segSpans turns segs into lossless spans: a change a delete and an
// insert of its texts, an equality n tokens from a's i and b's j the
// spans equal gives them.
func segSpans(segs []seg, a, b *tokenSeq, equal func(a, b *tokenSeq, i, j, n int, add func(SpanOp, string))) []Span {
	var out []Span
	add := func(op SpanOp, text string) { out = addSpan(out, op, text) }
	i, j := 0, 0
	for _, s := range segs {
		if !s.equal {
			add(SpanDelete, a.span(i, i+s.old))
			add(SpanInsert, b.span(j, j+s.new))
		} else {
			equal(a, b, i, j, s.old, add)
		}
		i, j = i+s.old, j+s.new
	}
	return out
}

// addSpan appends a span to out, joining it to a span of the same op, and
// keeping the deletions of a run of changes ahead of its insertions.
func addSpan(out []Span, op SpanOp, text string) []Span {
	if text == "" {
		return out
	}
	n := len(out)
	if n > 0 && out[n-1].Op == op {
		out[n-1].Text += text
		return out
	}
	if op == SpanDelete && n > 0 && out[n-1].Op == SpanInsert {
		if n > 1 && out[n-2].Op == SpanDelete {
			out[n-2].Text += text
			return out
		}
		ins := out[n-1]
		out[n-1] = Span{Op: SpanDelete, Text: text}
		return append(out, ins)
	}
	return append(out, Span{Op: op, Text: text})
}

// equalSpans emits n tokens that compare equal, from position i of a and
// j of b: runs of identical text as one equal span, differing tokens as a
// delete and an insert.
func equalSpans(a, b *tokenSeq, i, j, n int, add func(SpanOp, string)) {
	if a.span(i, i+n) == b.span(j, j+n) {
		add(SpanEqual, a.span(i, i+n))
		return
	}
	start := 0
	for k := 0; k < n; k++ {
		if a.tok(i+k) == b.tok(j+k) {
			continue
		}
		add(SpanEqual, a.span(i+start, i+k))
		add(SpanDelete, a.tok(i+k))
		add(SpanInsert, b.tok(j+k))
		start = k + 1
	}
	add(SpanEqual, a.span(i+start, i+n))
}
