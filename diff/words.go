package diff

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Words returns the word diff of two texts as spans: the SpanEqual and
// SpanDelete texts concatenate to old, the SpanEqual and SpanInsert texts to
// new. Tokens (words, white space, punctuation, ideographs) are compared by
// their normal form, so that a change of white space or of Unicode
// normalization alone gives a delete and an insert of the same words, never
// a change of words; Normalize tells the two apart.
//
// The raw token diff is cleaned up so that it reads as a careful human's
// markup: an equality made only of white space and punctuation, or of one
// or two function words ("the", "of"), between two changes is folded into
// one replacement, as is a short equality between two longer changes.
func Words(old, new string) ([]Span, error) {
	if old == new {
		if old == "" {
			return nil, nil
		}
		return []Span{{Op: SpanEqual, Text: old}}, nil
	}
	if spans, ok := wordsWindowed(old, new, windowMargin); ok {
		return spans, nil
	}
	return wordsWhole(old, new)
}

// wordsWhole is Words on the whole of both texts.
func wordsWhole(old, new string) ([]Span, error) {
	a, b := newTokenSeq(old), newTokenSeq(new)
	defer a.release()
	defer b.release()
	segs, err := diffTokens(a, b, 0, a.len(), 0, b.len())
	if err != nil {
		return nil, err
	}
	segs = cleanup(segs, a, b)
	return spans(segs, a, b), nil
}

// windowMargin is how far, in bytes, the window of wordsWindowed reaches
// past the first and last differing bytes: a few words, so that sliding an
// edit (see slideEdits) seldom reaches the window's edge.
const windowMargin = 24

// wordsWindowed is Words for the common case of a long paragraph edited
// in a few words: only a window of the two texts around the bytes that
// differ is cut into tokens, and the bytes both texts share before and
// after it are one token each, the window's head and tail. The result is
// the one Words gives on the whole texts, or ok is false:
//
//   - The window's edges fall where ASCII white space meets an ASCII
//     character that is not, which is always between two tokens, and
//     tokens never look behind their start nor past white space, so the
//     window's tokens are the whole texts' tokens there.
//   - The head and tail are the same bytes in both texts, so the whole
//     texts' tokens there are equal too, and the token diff sets them
//     aside with the common prefix and suffix (diffGo); the middle it
//     passes to go-diff is the same tokens. The one way the head and tail
//     could part from the whole is the common prefix running into one
//     text's tail and not the other's: that is checked.
//   - The cleanup folds only equalities between two changes, never the
//     first or last; it slides a lone edit over neighbouring tokens, and
//     if that looks at the head or tail token, the window is given up.
//   - Texts short enough for one go-diff call (maxDiffTokens) only, so
//     that the whole texts would take the same path.
//
// FuzzWords holds it to the whole texts' diff on every input, with every
// margin.
func wordsWindowed(old, new string, margin int) ([]Span, bool) {
	if min(len(old), len(new)) > maxDiffTokens {
		return nil, false
	}
	p := commonPrefixLen(old, new)
	sfx := commonSuffixLen(old[p:], new[p:])
	lo := 0
	if p-1-margin > 0 {
		lo = windowEdgeBefore(old, p-1-margin)
	}
	hiOld, hiNew := len(old), len(new)
	if from := len(old) - sfx + 1 + margin; from < len(old) {
		if k := windowEdgeAfter(old, from); k < len(old) {
			hiOld, hiNew = k, k-len(old)+len(new)
		}
	}
	if lo == 0 && hiOld == len(old) || !isASCII(old[lo:hiOld]) || !isASCII(new[lo:hiNew]) {
		return nil, false
	}
	a, b := newWindowSeq(old, lo, hiOld), newWindowSeq(new, lo, hiNew)
	defer a.release()
	defer b.release()
	head, tail := commonEnds(a, b, 0, a.len(), 0, b.len())
	if a.tail && (head == a.len()-1) != (head == b.len()-1) {
		return nil, false // the common prefix ran into one text's tail
	}
	segs, err := diffGoEnds(a, b, 0, a.len(), 0, b.len(), head, tail)
	if err != nil {
		return nil, false // Words reports it
	}
	segs = cleanup(segs, a, b)
	if a.touched || b.touched {
		return nil, false
	}
	return spans(segs, a, b), true
}

// isWindowEdge reports whether a window may start or end at k of s: ASCII
// white space before k, an ASCII byte that is not white space at k.
func isWindowEdge(s string, k int) bool {
	return s[k-1] < utf8.RuneSelf && asciiKinds[s[k-1]] == tokSpace &&
		s[k] < utf8.RuneSelf && asciiKinds[s[k]] != tokSpace
}

// windowEdgeBefore returns the greatest window edge at or before k (k ≥
// 1), or 0.
func windowEdgeBefore(s string, k int) int {
	for ; k > 0; k-- {
		if isWindowEdge(s, k) {
			return k
		}
	}
	return 0
}

// windowEdgeAfter returns the least window edge at or after k (k ≥ 1), or
// len(s).
func windowEdgeAfter(s string, k int) int {
	for ; k < len(s); k++ {
		if isWindowEdge(s, k) {
			return k
		}
	}
	return len(s)
}

// commonPrefixLen returns the length of the longest common byte prefix of
// a and b, comparing eight bytes at a time.
func commonPrefixLen(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+8 <= n; i += 8 {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(a[i:]), 8)) ^
			binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(b[i:]), 8))
		if x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffixLen returns the length of the longest common byte suffix of
// a and b.
func commonSuffixLen(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+8 <= n; i += 8 {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(a[len(a)-i-8:]), 8)) ^
			binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(b[len(b)-i-8:]), 8))
		if x != 0 {
			return i + bits.LeadingZeros64(x)/8
		}
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// tokenSeq is a text cut into tokens, with each token's comparison key and
// a running count of words, so that the words of any range are O(1).
type tokenSeq struct {
	text  string
	ends  []int    // token i is text[start(i):ends[i]]
	keys  []string // comparison key of each token; empty for ASCII text (see key)
	words []int32  // words[i] is the number of word tokens before token i
	// A window (see wordsWindowed) has the text before it as its first
	// token when head is set, and the text after it as its last when tail
	// is; touched records that the cleanup looked at either.
	head, tail, touched bool
}

// tokenSeqs keeps released sequences, whose arrays the next word diff
// reuses: the spans of a diff are pieces of its texts, never of these.
var tokenSeqs sync.Pool

// newTokenSeq cuts s into tokens; release the sequence when done.
func newTokenSeq(s string) *tokenSeq {
	t := getTokenSeq(s)
	if cap(t.ends) < len(s)/3+8 {
		t.ends = make([]int, 0, len(s)/3+8)
	}
	if isASCII(s) {
		// The common case, in one pass: tokens cut as tokenize cuts
		// ASCII text, and counted as words by their first byte.
		t.ends, t.words = tokenizeASCII(t.ends[:0], t.words[:0], s)
		return t
	}
	t.ends = tokenize(t.ends[:0], s)
	t.words = grown(t.words, len(t.ends)+1)
	t.words[0] = 0
	t.keys = grown(t.keys, len(t.ends))
	for i := range t.ends {
		tok := t.tok(i)
		t.keys[i] = tokenKey(tok)
		t.words[i+1] = t.words[i]
		if isWordRune(firstRune(tok)) {
			t.words[i+1]++
		}
	}
	return t
}

// newWindowSeq cuts s[lo:hi], ASCII, into tokens, with s[:lo] and s[hi:]
// as one token each when not empty (see wordsWindowed); release the
// sequence when done.
func newWindowSeq(s string, lo, hi int) *tokenSeq {
	t := getTokenSeq(s)
	t.head, t.tail = lo > 0, hi < len(s)
	t.ends, t.words = t.ends[:0], append(t.words[:0], 0)
	if t.head {
		t.ends, t.words = append(t.ends, lo), append(t.words, 0)
	}
	t.ends, t.words = tokenizeASCIIRange(t.ends, t.words, s, lo, hi)
	if t.tail {
		t.ends, t.words = append(t.ends, len(s)), append(t.words, t.words[len(t.words)-1])
	}
	return t
}

// getTokenSeq returns a released sequence, or a new one, for text s.
func getTokenSeq(s string) *tokenSeq {
	t, _ := tokenSeqs.Get().(*tokenSeq)
	if t == nil {
		t = new(tokenSeq)
	}
	t.text, t.keys = s, t.keys[:0]
	t.head, t.tail, t.touched = false, false, false
	return t
}

// release keeps t for reuse unless it is very large, dropping its hold
// on the text.
func (t *tokenSeq) release() {
	clear(t.keys)
	t.text, t.keys = "", t.keys[:0]
	if cap(t.ends) <= 1<<16 {
		tokenSeqs.Put(t)
	}
}

// grown returns s resized to n, reusing its array when large enough.
func grown[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// key returns the comparison key of token i (see tokenKey). An ASCII
// text's keys are not stored: each is its token, or one space. A window's
// head and tail tokens have keys no token of text has, so that each is
// equal only to the other window's.
func (t *tokenSeq) key(i int) string {
	if len(t.keys) > 0 {
		return t.keys[i]
	}
	if t.head && i == 0 {
		return windowHeadKey
	}
	if t.tail && i == len(t.ends)-1 {
		return windowTailKey
	}
	tok := t.tok(i)
	if asciiKinds[tok[0]] == tokSpace {
		return " "
	}
	return tok
}

// windowHeadKey and windowTailKey are the keys of a window's head and
// tail: a token of text is one character or a run of one kind, never a
// NUL followed by letters.
const (
	windowHeadKey = "\x00head"
	windowTailKey = "\x00tail"
)

func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 { // eight bytes at a time: every block's key goes through here
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (t *tokenSeq) len() int { return len(t.ends) }

func (t *tokenSeq) start(i int) int {
	if i == 0 {
		return 0
	}
	return t.ends[i-1]
}

func (t *tokenSeq) tok(i int) string { return t.text[t.start(i):t.ends[i]] }

// span returns the text of tokens [i, j).
func (t *tokenSeq) span(i, j int) string {
	if i >= j {
		return ""
	}
	return t.text[t.start(i):t.ends[j-1]]
}

// wordCount returns the number of words among tokens [i, j).
func (t *tokenSeq) wordCount(i, j int) int { return int(t.words[j] - t.words[i]) }

func isWordRune(r rune) bool {
	k := classify(r)
	return k == tokWord || k == tokIdeo
}

// tokenKey is the comparison key of a token: one space for any white
// space, the NFC form otherwise.
func tokenKey(tok string) string {
	if classify(firstRune(tok)) == tokSpace {
		return " "
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] >= utf8.RuneSelf {
			return norm.NFC.String(strings.Map(dropIgnorable, tok))
		}
	}
	return tok
}

func dropIgnorable(r rune) rune {
	if isIgnorable(r) {
		return -1
	}
	return r
}

// seg is one step of a token-level edit: an equality of n tokens on both
// sides (equal), or a change replacing old tokens by new ones.
type seg struct {
	equal    bool
	old, new int
}

// diffTokens diffs tokens [i0,i1) of a against [j0,j1) of b. Ranges longer
// than maxDiffTokens are diffed sentence by sentence first.
func diffTokens(a, b *tokenSeq, i0, i1, j0, j1 int) ([]seg, error) {
	if i1-i0 > maxDiffTokens && j1-j0 > maxDiffTokens {
		return diffLong(a, b, i0, i1, j0, j1)
	}
	return diffTokensFlat(a, b, i0, i1, j0, j1)
}

// tokenRunes returns the runes of the keys of tokens [i0, i1) of t.
func tokenRunes(table *runeTable, t *tokenSeq, i0, i1 int) []rune {
	rs := make([]rune, i1-i0)
	for i := range rs {
		rs[i] = table.rune(t.key(i0 + i))
	}
	return rs
}

// run is a run of go-diff's output, counted in units (tokens or sentences).
type run struct {
	op       SpanOp
	old, new int
}

// runsToSegs turns go-diff runs into segs, joining each group of
// consecutive deletions and insertions into one change.
func runsToSegs(runs []run) []seg {
	var segs []seg
	for _, r := range runs {
		eq := r.op == SpanEqual
		if len(segs) > 0 && !eq && !segs[len(segs)-1].equal {
			segs[len(segs)-1].old += r.old
			segs[len(segs)-1].new += r.new
			continue
		}
		segs = append(segs, seg{eq, r.old, r.new})
	}
	return segs
}

// diffLong diffs two long token ranges hierarchically: sentences are
// compared first, by their normalized text, and only the sentences that
// differ are diffed word by word, so that no go-diff call sees a whole
// long block.
func diffLong(a, b *tokenSeq, i0, i1, j0, j1 int) ([]seg, error) {
	sa, sb := sentences(a, i0, i1), sentences(b, j0, j1)
	if len(sa) < 2 && len(sb) < 2 {
		return diffTokensFlat(a, b, i0, i1, j0, j1)
	}
	table := getRuneTable(len(sa) + len(sb))
	defer putRuneTable(table)
	ra, rb := sentenceRunes(table, a, sa, i1), sentenceRunes(table, b, sb, j1)
	runs, err := diffRunesAnchored(ra, rb)
	if err != nil {
		return nil, err
	}
	var segs []seg
	si, sj := 0, 0 // sentence positions
	for k := 0; k < len(runs); k++ {
		r := runs[k]
		if r.op == SpanEqual {
			n := sentenceEnd(sa, si+r.old, i1) - sentenceEnd(sa, si, i1)
			m := sentenceEnd(sb, sj+r.new, j1) - sentenceEnd(sb, sj, j1)
			segs = append(segs, seg{n == m, n, m}) // same key, so n == m
			si, sj = si+r.old, sj+r.new
			continue
		}
		// Gather the whole change group, then diff its words.
		di, dj := 0, 0
		for ; k < len(runs) && runs[k].op != SpanEqual; k++ {
			di, dj = di+runs[k].old, dj+runs[k].new
		}
		k--
		ti0, ti1 := sentenceEnd(sa, si, i1), sentenceEnd(sa, si+di, i1)
		tj0, tj1 := sentenceEnd(sb, sj, j1), sentenceEnd(sb, sj+dj, j1)
		sub, err := diffTokensFlat(a, b, ti0, ti1, tj0, tj1)
		if err != nil {
			return nil, err
		}
		segs = append(segs, sub...)
		si, sj = si+di, sj+dj
	}
	return segs, nil
}

// diffRunesAnchored is diffRunes for the sentences of a long paragraph:
// the sentences that occur once in each, in the longest chain in the same
// order in both (as in patience diff), are equal, and go-diff runs only on
// the sentences between them. go-diff's cost grows with the product of
// the length and the edits (O(N·D)): on a 7 MB paragraph of 70,000
// sentences with 2% of its words edited, a quarter of its sentences
// differ, and one go-diff call over all of them took seconds (7.8 s
// including the word diffs); a gap between anchors holds a few. Strings of
// up to maxDiffTokens sentences, and those without an anchor, go to
// go-diff whole, as before.
func diffRunesAnchored(a, b []rune) ([]run, error) {
	if len(a) <= maxDiffTokens || len(b) <= maxDiffTokens {
		return diffRunes(a, b)
	}
	ha, hb := make([]uint64, len(a)), make([]uint64, len(b))
	for i, r := range a {
		ha[i] = uint64(r)
	}
	for j, r := range b {
		hb[j] = uint64(r)
	}
	anchors := uniqueRuns(ha, hb, 1, func(i, j int) bool { return a[i] == b[j] })
	if len(anchors) == 0 {
		return diffRunes(a, b)
	}
	var runs []run
	add := func(rs ...run) {
		for _, r := range rs {
			if n := len(runs); n > 0 && runs[n-1].op == r.op && r.op == SpanEqual {
				runs[n-1].old += r.old
				runs[n-1].new += r.new
				continue
			}
			runs = append(runs, r)
		}
	}
	pi, pj := 0, 0
	for _, an := range append(anchors, [2]int{len(a), len(b)}) {
		if an[0] > pi || an[1] > pj {
			sub, err := diffRunes(a[pi:an[0]], b[pj:an[1]])
			if err != nil {
				return nil, err
			}
			add(sub...)
		}
		if an[0] < len(a) {
			add(run{SpanEqual, 1, 1})
		}
		pi, pj = an[0]+1, an[1]+1
	}
	return runs, nil
}

// diffTokensFlat diffs two token ranges in one go-diff call when they are
// short; longer ranges are anchored first (see diffAnchored).
func diffTokensFlat(a, b *tokenSeq, i0, i1, j0, j1 int) ([]seg, error) {
	if i1-i0 > maxDiffTokens && j1-j0 > maxDiffTokens {
		return diffAnchored(a, b, i0, i1, j0, j1)
	}
	return diffGo(a, b, i0, i1, j0, j1)
}

// diffGo diffs two token ranges in one go-diff call.
// The common prefix and suffix are set aside first, as go-diff would,
// but before the tokens are mapped to runes: in a lightly edited
// paragraph they are most of it.
func diffGo(a, b *tokenSeq, i0, i1, j0, j1 int) ([]seg, error) {
	head, tail := commonEnds(a, b, i0, i1, j0, j1)
	return diffGoEnds(a, b, i0, i1, j0, j1, head, tail)
}

// commonEnds returns how many tokens [i0,i1) of a and [j0,j1) of b have in
// common at the start, and then, of those left, at the end.
func commonEnds(a, b *tokenSeq, i0, i1, j0, j1 int) (head, tail int) {
	for i0+head < i1 && j0+head < j1 && a.key(i0+head) == b.key(j0+head) {
		head++
	}
	for i0+head < i1-tail && j0+head < j1-tail && a.key(i1-tail-1) == b.key(j1-tail-1) {
		tail++
	}
	return head, tail
}

// diffGoEnds is diffGo once the common head and tail are known.
func diffGoEnds(a, b *tokenSeq, i0, i1, j0, j1, head, tail int) ([]seg, error) {
	var segs []seg
	if head > 0 {
		segs = appendEqual(segs, head)
	}
	mid, err := diffGoMiddle(a, b, i0+head, i1-tail, j0+head, j1-tail)
	if err != nil {
		return nil, err
	}
	for _, sg := range mid {
		if sg.equal {
			segs = appendEqual(segs, sg.old)
		} else if sg.old > 0 || sg.new > 0 {
			segs = append(segs, sg)
		}
	}
	if tail > 0 {
		segs = appendEqual(segs, tail)
	}
	return segs, nil
}

// diffGoMiddle diffs two token ranges that differ at both ends.
func diffGoMiddle(a, b *tokenSeq, i0, i1, j0, j1 int) ([]seg, error) {
	if i0 == i1 || j0 == j1 || (i1-i0)*(j1-j0) <= maxDisjointCheck && disjoint(a, b, i0, i1, j0, j1) {
		// go-diff, finding nothing in common, would give deletions and
		// insertions only: one change.
		return []seg{{false, i1 - i0, j1 - j0}}, nil
	}
	table := getRuneTable(i1 - i0 + j1 - j0)
	defer putRuneTable(table)
	ra := tokenRunes(table, a, i0, i1)
	rb := tokenRunes(table, b, j0, j1)
	if table.full() {
		return []seg{{false, i1 - i0, j1 - j0}}, nil
	}
	runs, err := diffRunes(ra, rb)
	if err != nil {
		return nil, err
	}
	return runsToSegs(runs), nil
}

// maxDisjointCheck bounds the key comparisons diffGoMiddle makes to find
// that two short ranges have no token in common, as a word replaced by
// another, the commonest edit, does.
const maxDisjointCheck = 64

// disjoint reports whether no token of [i0,i1) of a has the key of a token
// of [j0,j1) of b.
func disjoint(a, b *tokenSeq, i0, i1, j0, j1 int) bool {
	for i := i0; i < i1; i++ {
		for j := j0; j < j1; j++ {
			if a.key(i) == b.key(j) {
				return false
			}
		}
	}
	return true
}

// diffAnchored diffs two long token ranges without a long go-diff call.
// The common prefix and suffix are equal; runs of shingleLen tokens that
// occur once in each range, in the same order in both (the longest such
// chain, as in patience diff), are equal too; the gaps between them are
// diffed again. A gap without such a run and too long for go-diff on both
// sides is one replacement, which keeps the cost near-linear whatever the
// input.
func diffAnchored(a, b *tokenSeq, i0, i1, j0, j1 int) ([]seg, error) {
	var head, tail []seg
	for i0 < i1 && j0 < j1 && a.key(i0) == b.key(j0) {
		head = appendEqual(head, 1)
		i0, j0 = i0+1, j0+1
	}
	for i0 < i1 && j0 < j1 && a.key(i1-1) == b.key(j1-1) {
		tail = appendEqual(tail, 1)
		i1, j1 = i1-1, j1-1
	}
	mid, err := diffBetweenAnchors(a, b, i0, i1, j0, j1)
	if err != nil {
		return nil, err
	}
	return append(append(head, mid...), tail...), nil
}

func appendEqual(segs []seg, n int) []seg {
	if len(segs) > 0 && segs[len(segs)-1].equal {
		segs[len(segs)-1].old += n
		segs[len(segs)-1].new += n
		return segs
	}
	return append(segs, seg{true, n, n})
}

// shingleLen is the length in tokens of the runs that anchor long diffs:
// about four words with the spaces between them.
const shingleLen = 8

// diffBetweenAnchors is diffAnchored past the common prefix and suffix.
func diffBetweenAnchors(a, b *tokenSeq, i0, i1, j0, j1 int) ([]seg, error) {
	if i1-i0 <= maxDiffTokens || j1-j0 <= maxDiffTokens {
		if (i1-i0)*(j1-j0) <= maxDiffTokens*maxDiffTokens*4 {
			return diffGo(a, b, i0, i1, j0, j1)
		}
		return []seg{{false, i1 - i0, j1 - j0}}, nil
	}
	anchors := uniqueShingles(a, b, i0, i1, j0, j1)
	if len(anchors) == 0 {
		return []seg{{false, i1 - i0, j1 - j0}}, nil
	}
	var segs []seg
	pi, pj := i0, j0
	for _, an := range anchors {
		if an[0] > pi || an[1] > pj {
			sub, err := diffTokensFlat(a, b, pi, an[0], pj, an[1])
			if err != nil {
				return nil, err
			}
			segs = append(segs, sub...)
		}
		segs = appendEqual(segs, shingleLen)
		pi, pj = an[0]+shingleLen, an[1]+shingleLen
	}
	if pi < i1 || pj < j1 {
		sub, err := diffTokensFlat(a, b, pi, i1, pj, j1)
		if err != nil {
			return nil, err
		}
		segs = append(segs, sub...)
	}
	return segs, nil
}

// uniqueShingles returns the start positions (i, j) of runs of shingleLen
// tokens that occur exactly once in a[i0:i1] and once in b[j0:j1] with the
// same keys: the longest chain of them in the same order in both, without
// overlaps.
func uniqueShingles(a, b *tokenSeq, i0, i1, j0, j1 int) [][2]int {
	same := func(i, j int) bool { return sameKeys(a, b, i0+i, j0+j) }
	out := uniqueRuns(keyHashes(a, i0, i1), keyHashes(b, j0, j1), shingleLen, same)
	for k := range out {
		out[k][0] += i0
		out[k][1] += j0
	}
	return out
}

// keyHashes returns the hashes of the keys of tokens [i0, i1).
func keyHashes(t *tokenSeq, i0, i1 int) []uint64 {
	hs := make([]uint64, i1-i0)
	for k := range hs {
		hs[k] = hashString(t.key(i0 + k))
	}
	return hs
}

// sameKeys reports whether the runs of shingleLen tokens at a[i] and b[j]
// have the same keys (a hash may collide).
func sameKeys(a, b *tokenSeq, i, j int) bool {
	for k := 0; k < shingleLen; k++ {
		if a.key(i+k) != b.key(j+k) {
			return false
		}
	}
	return true
}

// sentences returns the token indices at which the sentences of tokens
// [i0,i1) start, the first being i0. A sentence ends after final
// punctuation followed by white space (or after an ideographic full stop).
func sentences(t *tokenSeq, i0, i1 int) []int {
	starts := []int{i0}
	for i := i0; i < i1-1; i++ {
		switch t.key(i) {
		case ".", ";", "?", "!", ":", "؟", "؛":
			if t.key(i+1) == " " {
				starts = append(starts, i+2)
				i++
			}
		case "。", "；", "？", "！":
			starts = append(starts, i+1)
		}
	}
	if starts[len(starts)-1] >= i1 {
		starts = starts[:len(starts)-1]
	}
	return starts
}

// sentenceEnd returns the token index at which sentence k starts, or i1
// past the last.
func sentenceEnd(starts []int, k, i1 int) int {
	if k >= len(starts) {
		return i1
	}
	return starts[k]
}

// sentenceRunes gives each sentence (starts as from sentences, the last
// ending at i1) the rune of its normalized text.
func sentenceRunes(table *runeTable, t *tokenSeq, starts []int, i1 int) []rune {
	rs := make([]rune, len(starts))
	var key strings.Builder
	for k, s := range starts {
		e := i1
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		key.Reset()
		for i := s; i < e; i++ {
			key.WriteString(t.key(i))
		}
		rs[k] = table.rune(key.String())
	}
	return rs
}
