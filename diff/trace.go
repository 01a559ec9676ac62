package diff

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PhraseTrace follows one phrase ("States agreed", "international
// humanitarian law") through the drafts of a History.
type PhraseTrace struct {
	Phrase string
	// Counts[k] is the number of occurrences in draft k.
	Counts []int
	// Struck lists the occurrences that a revision took out, Added those it
	// put in; each in order of revision, then of the revision's steps,
	// then of the text.
	Struck, Added []PhraseChange
}

// PhraseChange is one occurrence of a phrase that a revision struck or
// added.
type PhraseChange struct {
	// Draft is the draft that made the change: a struck occurrence stood
	// in draft Draft-1 and is gone from draft Draft; an added one is new
	// in draft Draft.
	Draft int
	// OldBlock and NewBlock are the blocks of drafts Draft-1 and Draft
	// that hold the occurrence and its place: -1 for none (a deleted
	// paragraph has no new block, an inserted one no old block).
	OldBlock, NewBlock int
	// Step is the index of the step in Revisions[Draft-1].Steps.
	Step int
	// Text is the occurrence as written: in the old block for a struck
	// occurrence, in the new block for an added one.
	Text string
	// Replacement is, for a struck occurrence, the new text that stands in
	// its place (the occurrence's words through the word diff: "States
	// concluded" for "States agreed"), "" when its words were deleted
	// without replacement; when only some of its words were kept and
	// nothing inserted there, the kept words and the next word of the new
	// text ("States take" for "States agreed" in "States agreed to take
	// into account" → "States take into account"). For an added
	// occurrence, the old text that stood in its place.
	Replacement string
}

// Lost reports whether the phrase has fewer occurrences in the last
// draft than in the one before.
func (t *PhraseTrace) Lost() bool {
	n := len(t.Counts)
	return n >= 2 && t.Counts[n-1] < t.Counts[n-2]
}

// Changed reports whether any revision struck or added an occurrence.
func (t *PhraseTrace) Changed() bool {
	return len(t.Struck) > 0 || len(t.Added) > 0
}

// Trace follows each phrase through the drafts. Matching ignores case
// (Unicode simple folding) and treats any run of white space, line
// breaks included, as one space; a phrase that starts or ends with a
// letter or digit matches only whole words there ("States agreed" is not
// found in "States agreedly"). Phrases are found in the blocks' texts,
// not in their labels. An occurrence survives a revision when the word
// diff carries it into a place that holds an occurrence in the new draft
// (even reworded in case or layout); otherwise it is struck, and an
// occurrence of the new draft that none carries into is added. The error
// is non-nil for a phrase without words.
func (h *History) Trace(phrases ...string) ([]PhraseTrace, error) {
	out := make([]PhraseTrace, len(phrases))
	for n, p := range phrases {
		m, err := newPhraseMatcher(p)
		if err != nil {
			return nil, err
		}
		out[n] = h.trace(p, m)
	}
	return out, nil
}

// phraseMatcher finds a phrase's occurrences in a text.
type phraseMatcher struct {
	re                 *regexp.Regexp
	wordStart, wordEnd bool // the phrase starts, ends with a letter or digit
}

func newPhraseMatcher(phrase string) (*phraseMatcher, error) {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return nil, fmt.Errorf("phrase %q has no words", phrase)
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(`(?i)` + strings.Join(words, `[\s\p{Zs}]+`))
	if err != nil {
		return nil, fmt.Errorf("phrase %q: %v", phrase, err)
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(phrase))
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(phrase))
	return &phraseMatcher{re: re, wordStart: isPhraseWordRune(first), wordEnd: isPhraseWordRune(last)}, nil
}

func isPhraseWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// find returns the byte ranges of the occurrences in text.
func (m *phraseMatcher) find(text string) [][2]int {
	var out [][2]int
	for p := 0; p < len(text); {
		loc := m.re.FindStringIndex(text[p:])
		if loc == nil {
			break
		}
		a, b := p+loc[0], p+loc[1]
		if m.wholeWords(text, a, b) {
			out = append(out, [2]int{a, b})
			p = b
			continue
		}
		_, size := utf8.DecodeRuneInString(text[a:])
		p = a + size
	}
	return out
}

// wholeWords reports whether text[a:b] does not start or end inside a word.
func (m *phraseMatcher) wholeWords(text string, a, b int) bool {
	if before, _ := utf8.DecodeLastRuneInString(text[:a]); m.wordStart && a > 0 && isPhraseWordRune(before) {
		return false
	}
	after, _ := utf8.DecodeRuneInString(text[b:])
	return !(m.wordEnd && b < len(text) && isPhraseWordRune(after))
}

// trace follows one phrase: occurrences per block of each draft, found
// once, then matched across each revision's steps.
func (h *History) trace(phrase string, m *phraseMatcher) PhraseTrace {
	t := PhraseTrace{Phrase: phrase, Counts: make([]int, len(h.Drafts))}
	occ := h.occurrences(0, m)
	t.Counts[0] = countOccurrences(occ)
	for k := range h.revisions {
		r := h.revisionOnce(k)
		next := h.occurrences(k+1, m)
		t.Counts[k+1] = countOccurrences(next)
		for s := range r.Steps {
			struck, added := traceStep(r, s, occ, next)
			for n := range struck {
				struck[n].Draft = k + 1
			}
			for n := range added {
				added[n].Draft = k + 1
			}
			t.Struck = append(t.Struck, struck...)
			t.Added = append(t.Added, added...)
		}
		occ = next
	}
	return t
}

// occurrences returns the occurrences in each block of draft k.
func (h *History) occurrences(k int, m *phraseMatcher) [][][2]int {
	blocks := h.Drafts[k].Blocks
	out := make([][][2]int, len(blocks))
	for i := range blocks {
		out[i] = m.find(blocks[i].Text)
	}
	return out
}

func countOccurrences(occ [][][2]int) int {
	n := 0
	for _, o := range occ {
		n += len(o)
	}
	return n
}

// stepTexts are one side of a step: the blocks' texts joined with Sep,
// where each block starts in it, and the occurrences at their offsets in
// the joined text.
type stepSide struct {
	blocks Blocks
	starts []int
	occ    [][2]int
	text   string
}

func newStepSide(r *Result, idx Blocks, old bool, occ [][][2]int) stepSide {
	s := stepSide{blocks: idx}
	d := r.New
	if old {
		d = r.Old
	}
	base := 0
	for n, i := range idx.All() {
		if n > 0 {
			base += len(Sep)
		}
		s.starts = append(s.starts, base)
		for _, o := range occ[i] {
			s.occ = append(s.occ, [2]int{base + o[0], base + o[1]})
		}
		base += len(d.Blocks[i].Text)
	}
	s.text = joinTexts(d, idx)
	return s
}

// blockAt returns the block of the side that holds offset o, or -1 when
// the side has none.
func (s *stepSide) blockAt(o int) int {
	if s.blocks.Len() == 0 {
		return -1
	}
	n := len(s.starts) - 1
	for n > 0 && s.starts[n] > o {
		n--
	}
	return s.blocks.At(n)
}

// traceStep matches the occurrences of one step's old and new blocks
// through its spans and returns those struck and added.
func traceStep(r *Result, s int, oldOcc, newOcc [][][2]int) (struck, added []PhraseChange) {
	st := &r.Steps[s]
	old := newStepSide(r, st.Old, true, oldOcc)
	new := newStepSide(r, st.New, false, newOcc)
	if len(old.occ) == 0 && len(new.occ) == 0 {
		return nil, nil
	}
	sm := newSpanMap(st.Spans)
	matchedNew := make([]bool, len(new.occ))
	for _, o := range old.occ {
		a, b := sm.toNew(o[0], o[1])
		if n := overlapping(new.occ, matchedNew, a, b); n >= 0 {
			matchedNew[n] = true
			continue
		}
		if a < b && !sm.insertsIn(a, b) {
			b = nextWordEnd(new.text, b) // "States agreed" → "States take", not "States"
		}
		struck = append(struck, PhraseChange{
			OldBlock: old.blockAt(o[0]), NewBlock: new.blockAt(a), Step: s,
			Text: old.text[o[0]:o[1]], Replacement: new.text[a:b],
		})
	}
	for n, o := range new.occ {
		if matchedNew[n] {
			continue
		}
		a, b := sm.toOld(o[0], o[1])
		added = append(added, PhraseChange{
			OldBlock: old.blockAt(a), NewBlock: new.blockAt(o[0]), Step: s,
			Text: new.text[o[0]:o[1]], Replacement: old.text[a:b],
		})
	}
	return struck, added
}

// overlapping returns the first unmatched occurrence that overlaps [a, b),
// or -1.
func overlapping(occ [][2]int, matched []bool, a, b int) int {
	for n, o := range occ {
		if !matched[n] && o[0] < b && a < o[1] {
			return n
		}
	}
	return -1
}

// spanMap maps offsets between a step's old and new text through its
// spans. A change is a maximal run of spans other than equal; an
// occurrence that starts or ends inside a change maps to the whole of the
// change on the other side, so that "States [-agreed-]{+concluded+}"
// maps "States agreed" to "States concluded".
type spanMap struct {
	spans []mappedSpan
}

// mappedSpan is a span with its ranges in the old and new text and the
// ranges of its change on each side (its own ranges for an equal span).
type mappedSpan struct {
	op                   SpanOp
	old, new             [2]int
	changeOld, changeNew [2]int
}

func newSpanMap(spans []Span) *spanMap {
	m := &spanMap{spans: make([]mappedSpan, len(spans))}
	o, n := 0, 0
	for i, sp := range spans {
		ms := mappedSpan{op: sp.Op, old: [2]int{o, o}, new: [2]int{n, n}}
		if sp.Op != SpanInsert {
			o += len(sp.Text)
		}
		if sp.Op != SpanDelete {
			n += len(sp.Text)
		}
		ms.old[1], ms.new[1] = o, n
		m.spans[i] = ms
	}
	m.groupChanges()
	return m
}

// groupChanges sets the change ranges of the spans.
func (m *spanMap) groupChanges() {
	for i := 0; i < len(m.spans); {
		if m.spans[i].op == SpanEqual {
			m.spans[i].changeOld, m.spans[i].changeNew = m.spans[i].old, m.spans[i].new
			i++
			continue
		}
		j := i
		for j < len(m.spans) && m.spans[j].op != SpanEqual {
			j++
		}
		co := [2]int{m.spans[i].old[0], m.spans[j-1].old[1]}
		cn := [2]int{m.spans[i].new[0], m.spans[j-1].new[1]}
		for ; i < j; i++ {
			m.spans[i].changeOld, m.spans[i].changeNew = co, cn
		}
	}
}

// toNew maps old text [a, b) to the new text.
func (m *spanMap) toNew(a, b int) (int, int) {
	return m.mapRange(a, b, func(s *mappedSpan) ([2]int, [2]int, [2]int) { return s.old, s.new, s.changeNew })
}

// toOld maps new text [a, b) to the old text.
func (m *spanMap) toOld(a, b int) (int, int) {
	return m.mapRange(a, b, func(s *mappedSpan) ([2]int, [2]int, [2]int) { return s.new, s.old, s.changeOld })
}

// mapRange maps [a, b) from one side to the other; side returns a span's
// range on this side and the other, and its change's range on the other.
// Spans are found by binary search: their ranges on each side ascend.
func (m *spanMap) mapRange(a, b int, side func(*mappedSpan) (from, to, change [2]int)) (int, int) {
	first := m.spanHolding(a, side)
	last := m.spanHolding(b-1, side)
	if first < 0 || last < 0 {
		return 0, 0
	}
	from, to, change := side(&m.spans[first])
	start := change[0]
	if m.spans[first].op == SpanEqual {
		start = to[0] + a - from[0]
	}
	from, to, change = side(&m.spans[last])
	end := change[1]
	if m.spans[last].op == SpanEqual {
		end = to[0] + b - from[0]
	}
	return start, max(start, end)
}

// spanHolding returns the span that holds the byte at offset o on the
// side, or -1.
func (m *spanMap) spanHolding(o int, side func(*mappedSpan) (from, to, change [2]int)) int {
	i := sort.Search(len(m.spans), func(i int) bool {
		from, _, _ := side(&m.spans[i])
		return from[1] > o
	})
	if i == len(m.spans) {
		return -1
	}
	return i
}

// insertsIn reports whether any inserted text lies in new text [a, b).
func (m *spanMap) insertsIn(a, b int) bool {
	for _, s := range m.spans {
		if s.op == SpanInsert && s.new[0] < b && a < s.new[1] {
			return true
		}
	}
	return false
}

// nextWordEnd returns the end of the first word at or after offset i of
// text, or i when no word follows.
func nextWordEnd(text string, i int) int {
	start := i
	for _, end := range tokenize(nil, text[i:]) {
		if isWordRune(firstRune(text[start : i+end])) {
			return i + end
		}
		start = i + end
	}
	return i
}
