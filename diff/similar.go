package diff

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// shortBlock is the number of distinct words under which a block is
// compared by its words alone, without word pairs: for a heading of two
// words, one word added is not most of the text.
const shortBlock = 4

// gramSet holds the sorted, distinct hashes of a block's lower-cased words
// and word pairs together: a word's hash is odd, a pair's even, so that
// the words are the odd members and need no set of their own.
type gramSet struct {
	all    []uint64
	nWords int // the number of distinct words (odd members of all)
	// rep holds how often each gram occurs, only for a block whose grams
	// repeat (see repetitive); nil for most, which keeps a gram set in 64
	// bytes (it was 88, in 96).
	rep *gramCounts
	// seq holds the hashes of a short text's words in order, lower-cased
	// and with hyphenated words taken apart (see looseWords); nil for
	// longer texts.
	seq []uint64
}

// gramCounts are the counts of a gram set's grams: counts[k] is how often
// all[k] occurs in the block, total their sum.
type gramCounts struct {
	counts []uint32
	total  int
}

// similarity returns the Dice coefficient of two blocks' grams: over words
// and word pairs, or over words alone when either block is short.
func similarity(a, b *gramSet) float64 {
	if a.nWords < shortBlock || b.nWords < shortBlock {
		return diceOdd(a, b)
	}
	return max(dice(a.all, b.all), bagDice(a, b))
}

// grams returns the gram set of a normalized text.
func grams(key string) *gramSet {
	var g *gramSet
	if isASCII(key) {
		g = gramsASCII(key)
	} else {
		g = gramsUnicode(key)
	}
	if len(key) <= maxSeqBytes {
		g.seq = looseWords(key)
	}
	return g
}

// gramsUnicode is grams for any text, token by token (see plainTokenEnd).
func gramsUnicode(key string) *gramSet {
	all := make([]uint64, 0, len(key)/3+1)
	var prev uint64
	for start, end := 0, 0; start < len(key); start = end {
		end = plainTokenEnd(key, start)
		tok := key[start:end]
		if !isWordRune(firstRune(tok)) {
			continue
		}
		h := hashLower(tok) // odd
		all = appendGrams(all, prev, h)
		prev = h
	}
	return newGramSet(all)
}

// gramsASCII is grams for ASCII text in one pass: each word is hashed
// (as hashLower does) while it is read, where gramsUnicode cuts the token,
// looks at its first rune, then hashes it. Most drafts are ASCII, and
// grams of every unpaired block were a fifth of Compare.
func gramsASCII(key string) *gramSet {
	all := make([]uint64, 0, len(key)/3+1)
	var prev uint64
	for i := 0; i < len(key); {
		if !asciiWordByte[key[i]] {
			i++ // white space and punctuation: no gram
			continue
		}
		// A word (asciiTokenEnd): word bytes, and ' or - between two.
		h := uint64(fnvOffset)
		for {
			h ^= uint64(asciiLower[key[i]])
			h *= fnvPrime
			i++
			if i == len(key) {
				break
			}
			if c := key[i]; !asciiWordByte[c] &&
				!((c == '\'' || c == '-') && i+1 < len(key) && asciiWordByte[key[i+1]]) {
				break
			}
		}
		h |= 1
		all = appendGrams(all, prev, h)
		prev = h
	}
	return newGramSet(all)
}

// appendGrams appends to all the hash h of a word (odd) and, when there
// was a word before it (prev, not 0), the hash of the pair (even).
func appendGrams(all []uint64, prev, h uint64) []uint64 {
	all = append(all, h)
	if prev != 0 {
		all = append(all, pairHash(prev, h)&^1)
	}
	return all
}

// newGramSet returns the gram set of a block's word and pair hashes.
func newGramSet(all []uint64) *gramSet {
	total := len(all)
	sortHashes(all)
	g := &gramSet{}
	if repetitive(total, countDistinct(all)) {
		var counts []uint32
		g.all, counts = compactCounting(all)
		g.rep = &gramCounts{counts: counts, total: total}
	} else {
		g.all = slices.Compact(all)
	}
	for _, h := range g.all {
		g.nWords += int(h & 1)
	}
	return g
}

// repetitive reports whether a block of total grams, distinct of them
// different, repeats its grams so much that their set says little of its
// length: a long paragraph, whose vocabulary stops growing while its text
// does. Sets of distinct grams then make Dice fall with the block's size
// for the same edit rate (each edit's new words and pairs weigh against
// the vocabulary, not the text), so such blocks keep their grams' counts
// and are weighed as multisets too (see bagDice).
func repetitive(total, distinct int) bool { return total >= 2*distinct && total >= 64 }

// countDistinct returns the number of different members of sorted s.
func countDistinct(s []uint64) int {
	n := 0
	for k := range s {
		if k == 0 || s[k] != s[k-1] {
			n++
		}
	}
	return n
}

// compactCounting returns the distinct members of sorted s and how often
// each occurs.
func compactCounting(s []uint64) ([]uint64, []uint32) {
	var counts []uint32
	out := s[:0]
	for k, h := range s {
		if k > 0 && h == s[k-1] {
			counts[len(counts)-1]++
			continue
		}
		out = append(out, h)
		counts = append(counts, 1)
	}
	return out, counts
}

// bagDice returns the Dice coefficient of two blocks' grams counted as
// multisets, 2·Σmin(a,b)/(|a|+|b|), when either keeps counts (a block
// without counts has each of its grams once); otherwise 0, for then the
// sets say as much. For the same share of words edited it is the same at
// any length.
func bagDice(a, b *gramSet) float64 {
	if a.rep == nil && b.rep == nil {
		return 0
	}
	count := func(g *gramSet, k int) int {
		if g.rep == nil {
			return 1
		}
		return int(g.rep.counts[k])
	}
	size := func(g *gramSet) int {
		if g.rep == nil {
			return len(g.all)
		}
		return g.rep.total
	}
	common := 0
	x, y := a.all, b.all
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			common += min(count(a, i), count(b, j))
			i++
			j++
		}
	}
	return 2 * float64(common) / float64(size(a)+size(b))
}

// asciiWordByte tells the bytes that are ASCII word characters
// (asciiKinds tokWord), asciiLower lower-cases A–Z: both by any byte, so
// that indexing them needs no bounds check.
var (
	asciiWordByte = func() (t [256]bool) {
		for c := range asciiKinds {
			t[c] = asciiKinds[c] == tokWord
		}
		return t
	}()
	asciiLower = func() (t [256]byte) {
		for c := range t {
			t[c] = byte(c)
			if 'A' <= c && c <= 'Z' {
				t[c] += 'a' - 'A'
			}
		}
		return t
	}()
)

// gramSketch is a bit per member of a gram set, by the member's top
// bits, and the number of members that found their bit set already. Two
// sets share at most as many members as their sketches share bits, plus
// the members either set lost that way (sharedAtMost): a bound found in
// a few dozen operations, where counting takes a pass over both sets, and
// one that tells most pairs of unlike paragraphs apart from the threshold.
type gramSketch struct {
	bits [sketchWords]uint64
	lost int
}

const (
	sketchBits  = 11 // 2048 bits, for paragraphs of up to some hundred words and pairs
	sketchWords = 1 << sketchBits / 64
)

// fill sets the sketch of g.
func (sk *gramSketch) fill(g *gramSet) {
	for _, h := range g.all {
		b := h >> (64 - sketchBits)
		if sk.bits[b/64]&(1<<(b%64)) != 0 {
			sk.lost++
		}
		sk.bits[b/64] |= 1 << (b % 64)
	}
}

// sharedAtMost returns a bound on the members the two sketched sets
// share: each shared member sets a bit in both, and at most lost members
// of a set share a bit with another of its members.
func (sk *gramSketch) sharedAtMost(other *gramSketch) int {
	n := 0
	for k := range sk.bits {
		n += bits.OnesCount64(sk.bits[k] & other.bits[k])
	}
	return n + min(sk.lost, other.lost)
}

// diceOdd returns the Dice coefficient of the words (odd members) of two
// gram sets.
func diceOdd(a, b *gramSet) float64 {
	if a.nWords+b.nWords == 0 {
		return 1
	}
	common := 0
	x, y := a.all, b.all
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i]&1 == 0:
			i++
		case y[j]&1 == 0:
			j++
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			common++
			i++
			j++
		}
	}
	return 2 * float64(common) / float64(a.nWords+b.nWords)
}

// sortedSet sorts s and drops repeated members.
func sortedSet(s []uint64) []uint64 {
	sortHashes(s)
	return slices.Compact(s)
}

// sortHashes sorts hashes, which are spread evenly over all 64-bit
// values: by their top bits into two to four buckets per hash, then by
// insertion within the buckets, most holding none or one. It sorts a
// block's grams several times faster than slices.Sort, whose comparisons
// of random values the processor cannot predict; the result is the same.
func sortHashes(s []uint64) {
	n := len(s)
	if n < 32 || n > maxBucketHashes {
		slices.Sort(s)
		return
	}
	b := bits.Len(uint(n)) + 1 // 2^b buckets: n/2^b is between ¼ and ½
	shift := 64 - b
	sc := sortScratch.Get().(*hashSortScratch)
	defer sortScratch.Put(sc)
	starts, out := sc.starts[:1<<b+1], sc.out[:n]
	clear(starts)
	for _, h := range s {
		starts[h>>shift+1]++
	}
	for k := 1; k < len(starts); k++ {
		starts[k] += starts[k-1]
	}
	for _, h := range s {
		k := h >> shift
		out[starts[k]] = h
		starts[k]++
	}
	for i := 1; i < n; i++ {
		h, j := out[i], i
		for ; j > 0 && out[j-1] > h; j-- {
			out[j] = out[j-1]
		}
		out[j] = h
	}
	copy(s, out)
}

// hashSortScratch is sortHashes' working memory, pooled.
type hashSortScratch struct {
	starts [maxBucketHashes*4 + 1]int32
	out    [maxBucketHashes]uint64
}

var sortScratch = sync.Pool{New: func() any { return new(hashSortScratch) }}

// maxBucketHashes is the most hashes sortHashes sorts by buckets, in
// arrays on the stack; longer lists (a very long paragraph) go to
// slices.Sort.
const maxBucketHashes = 2048

// hashString is FNV-1a, inline to spare an allocation per word.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h | 1 // never 0, which marks "no previous word"
}

// hashLower is hashString of strings.ToLower(s), without the copy for ASCII.
func hashLower(s string) uint64 {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return hashString(strings.ToLower(s))
		}
	}
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(asciiLower[s[i]])
		h *= fnvPrime
	}
	return h | 1
}

// The 64-bit FNV-1a hash's constants.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// pairHash combines the hashes of two consecutive words.
func pairHash(a, b uint64) uint64 {
	h := a*0x9e3779b97f4a7c15 ^ b
	h ^= h >> 31
	return h * 0xbf58476d1ce4e5b9
}

// similarityAtLeast returns similarity(a, b) when it is at least th, and
// otherwise some value below th: it gives up as soon as the members left
// to compare cannot bring the shared ones up to th. Where only the pairs
// at least th alike count (pairByDP), most pairs of a gap are far apart,
// and are told so in a fraction of the comparisons.
func similarityAtLeast(a, b *gramSet, th float64) float64 {
	if a.nWords < shortBlock || b.nWords < shortBlock {
		return diceOdd(a, b)
	}
	if a.rep != nil || b.rep != nil {
		return similarity(a, b)
	}
	x, y := a.all, b.all
	n := len(x) + len(y)
	if n == 0 {
		return 1
	}
	common, ok := shared(x, y, minShared(n, th))
	if !ok {
		return 0 // below th whatever is left
	}
	return 2 * float64(common) / float64(n)
}

// shared returns the number of members two sorted sets share, or ok false
// as soon as the members left to compare cannot bring it up to need.
func shared(x, y []uint64, need int) (common int, ok bool) {
	for i, j := 0, 0; i < len(x) && j < len(y); {
		if common+min(len(x)-i, len(y)-j) < need {
			return common, false
		}
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			common++
			i++
			j++
		}
	}
	return common, common >= need
}

// minShared returns the least number k of shared members of two sets of n
// members in all whose Dice coefficient, computed as dice computes it, is
// at least th; n+1 if there is none.
func minShared(n int, th float64) int {
	at := func(k int) bool { return 2*float64(k)/float64(n) >= th }
	k := max(0, min(n, int(th*float64(n)/2)))
	for k > 0 && at(k-1) {
		k--
	}
	for k <= n && !at(k) {
		k++
	}
	return k
}

// dice returns the Dice coefficient 2|A∩B|/(|A|+|B|) of two sorted sets.
func dice(a, b []uint64) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	common, _ := shared(a, b, 0)
	return 2 * float64(common) / float64(len(a)+len(b))
}

// minContained is the least share of the shorter block's grams found in
// the longer one for the two to count as one block that gained or lost
// whole sentences (see alike).
const minContained = 0.75

// maxSeqBytes is the longest normalized text whose words are kept in
// order (gramSet.seq) for comparing short blocks.
const maxSeqBytes = 160

// labelInfo says how two blocks' labelInfo weigh in comparing short blocks:
// each label counts as labelWords words, and the same label on both as
// that many words in common.
type labelInfo struct {
	a, b, same bool // a has a label, b has one, they are the same
}

// labelWords is the weight of a label among a short block's words: in a
// heading or a stub ("§ 24 (repealed)"), the label names the block as
// much as its few words do.
const labelWords = 2

// alike returns how alike two blocks are as the aligner weighs them (0–1),
// given their grams, the threshold th and their labelInfo; below th it may
// return any value below th (see similarityAtLeast). Beyond similarity:
//
//   - A short block (fewer than shortBlock words) is also compared by its
//     words in order, lower-cased, hyphenated words taken apart, and its
//     label (seqSimilarity): "Never Indexed Literals" is
//     "Never-indexed literals", and "§ 24 (repealed)" is like "§ 24 Free
//     use". A short block and a block of the same label are at least th
//     alike: in its place, "§ 24 (repealed)" is "§ 24 Free use"
//     repealed, however few words they share.
//   - A block found almost whole in another (at least minContained of its
//     grams, and not short) is that block with sentences added or taken
//     away, whatever their lengths: it weighs c·(1+th)/2 for the share c
//     of its grams found, from th or a little below at minContained to
//     halfway between th and 1 when whole. It pairs, then, however long
//     the other grew, and still ranks below a pair of closely alike
//     blocks; a higher threshold asks for more of it to be found.
func alike(a, b *gramSet, th float64, lab labelInfo) float64 {
	if a.nWords < shortBlock || b.nWords < shortBlock {
		s := max(diceOdd(a, b), seqSimilarity(a.seq, b.seq, lab))
		if lab.same {
			s = max(s, th)
		}
		return s
	}
	if a.rep != nil || b.rep != nil {
		return similarity(a, b)
	}
	x, y := a.all, b.all
	n := len(x) + len(y)
	if n == 0 {
		return 1
	}
	short := min(len(x), len(y))
	contained := minSharedContained(short, th)
	common, ok := shared(x, y, min(minShared(n, th), contained))
	if !ok {
		return 0
	}
	s := 2 * float64(common) / float64(n)
	if common >= contained {
		s = max(s, float64(common)/float64(short)*(1+th)/2)
	}
	return s
}

// minSharedContained returns the least number of grams of a block of
// short grams that must be found in another for the containment rule of
// alike to pair them at threshold th.
func minSharedContained(short int, th float64) int {
	c := max(minContained, 2*th/(1+th))
	k := int(c * float64(short))
	for float64(k) < c*float64(short) || float64(k)/float64(short)*(1+th)/2 < th {
		k++
	}
	return k
}

// mayBeAlike reports whether two blocks, by their sketches, may be at
// least th alike as alike weighs them: false only when they surely are
// not.
func mayBeAlike(a, b *gramSet, ska, skb *gramSketch, th float64) bool {
	if a.nWords < shortBlock || b.nWords < shortBlock || a.rep != nil || b.rep != nil {
		return true
	}
	need := min(minShared(len(a.all)+len(b.all), th), minSharedContained(min(len(a.all), len(b.all)), th))
	return ska.sharedAtMost(skb) >= need
}

// seqSimilarity returns the Dice coefficient of two short blocks' words
// in order: twice their longest common subsequence over their lengths,
// labelInfo counting as labelWords words each (see labelInfo). It is 0 when
// either text is too long to have its words kept.
func seqSimilarity(a, b []uint64, lab labelInfo) float64 {
	if a == nil || b == nil {
		return 0
	}
	n := len(a) + len(b)
	common := wordLCS(a, b)
	if lab.a {
		n += labelWords
	}
	if lab.b {
		n += labelWords
	}
	if lab.same {
		common += labelWords
	}
	if n == 0 {
		return 0
	}
	return 2 * float64(common) / float64(n)
}

// wordLCS returns the length of the longest common subsequence of two
// short lists (O(len(a)·len(b))).
func wordLCS(a, b []uint64) int {
	row := make([]int, len(b)+1)
	for _, x := range a {
		diag := 0
		for j, y := range b {
			up := row[j+1]
			switch {
			case x == y:
				row[j+1] = diag + 1
			case row[j] > up:
				row[j+1] = row[j]
			}
			diag = up
		}
	}
	return row[len(b)]
}

// looseWords returns the hashes of the words of a text in order,
// lower-cased, every run of letters and digits a word of its own (so a
// hyphen or apostrophe parts words), each ideograph a word.
func looseWords(text string) []uint64 {
	out := []uint64{}
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, hashLower(text[start:end]))
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case isIdeograph(r):
			flush(i)
			out = append(out, hashLower(string(r)))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(text))
	return out
}
