package diff

import (
	"slices"

	"github.com/redline-diff/redline/draft"
	"sort"
	"strings"
	"unicode"
)

// Twins. Anchoring pairs the blocks whose texts are unique in both drafts
// and stand in the same order; a block whose verbatim twin stands out of
// that order (a paragraph moved, every paragraph shuffled) was left to
// the pairing by similarity, which could give it to a merely similar
// neighbour in its gap, and its twin to another. pairTwins takes every
// such twin first: an exact (normalized) match is always taken before any
// similarity pairing.

// pairTwins pairs each block left unpaired by anchoring with its twin in
// the other draft, where it has exactly one among the unpaired blocks of
// each draft: first by text, then by text with case, hyphens and
// punctuation set aside (looseKey). (Not by label and text: paragraph
// numbers are renumbered, and among copies of one text the same number
// is often another copy; copies are matched in order later, see
// moveCopies, and a stub by its label, see alike and moveLabelTwins.) Twins in the same
// gap are paired in order (the longest chain of them); the others are
// moves, which the final ordering (reorder) may yet put in place.
func (al *aligner) pairTwins() {
	var olds, news []int
	for i, j := range al.oldPair {
		if j < 0 {
			olds = append(olds, i)
		}
	}
	for j, i := range al.newPair {
		if i < 0 {
			news = append(news, j)
		}
	}
	if len(olds) == 0 || len(news) == 0 {
		return
	}
	sameGap := al.sameGap()
	var twins [][2]int
	twins = appendTwins(twins, &olds, &news,
		func(i int) int32 { return al.old.ids[i] },
		func(j int) int32 { return al.new.ids[j] }, nil)
	// By a hash of the loose form, the forms compared only for twins found
	// (a hash computed in place costs no copy of every unpaired text).
	twins = appendTwins(twins, &olds, &news,
		func(i int) uint64 { return looseHash(al.old.key(i)) },
		func(j int) uint64 { return looseHash(al.new.key(j)) },
		func(i, j int) bool { return looseKey(al.old.key(i)) == looseKey(al.new.key(j)) })
	al.placeTwins(twins, sameGap)
}

// appendTwins appends to twins the pairs of olds and news with the same
// key, where exactly one of each has it and ok (if not nil) accepts them,
// and removes them from the lists. An empty key (a text without words) is
// no one's twin.
func appendTwins[K comparable](twins [][2]int, olds, news *[]int, oldKey, newKey func(int) K, ok func(i, j int) bool) [][2]int {
	type seen struct{ old, new, nOld, nNew int }
	var zero K
	byKey := make(map[K]*seen, len(*olds))
	for _, i := range *olds {
		if k := oldKey(i); k != zero {
			s := byKey[k]
			if s == nil {
				s = &seen{}
				byKey[k] = s
			}
			s.old, s.nOld = i, s.nOld+1
		}
	}
	for _, j := range *news {
		if s := byKey[newKey(j)]; s != nil {
			s.new, s.nNew = j, s.nNew+1
		}
	}
	takenOld, takenNew := map[int]bool{}, map[int]bool{}
	for _, j := range *news {
		if s := byKey[newKey(j)]; s != nil && s.nOld == 1 && s.nNew == 1 && (ok == nil || ok(s.old, j)) {
			twins = append(twins, [2]int{s.old, j})
			takenOld[s.old], takenNew[j] = true, true
		}
	}
	*olds = slices.DeleteFunc(*olds, func(i int) bool { return takenOld[i] })
	*news = slices.DeleteFunc(*news, func(j int) bool { return takenNew[j] })
	return twins
}

// placeTwins pairs in order the longest chain of twins that share a gap,
// and records the others as moves.
func (al *aligner) placeTwins(twins [][2]int, sameGap func(i, j int) bool) {
	slices.SortFunc(twins, func(a, b [2]int) int { return a[1] - b[1] })
	var inGap [][2]int
	for _, t := range twins {
		if sameGap(t[0], t[1]) {
			inGap = append(inGap, t)
		}
	}
	inOrder := map[[2]int]bool{}
	for _, t := range longestIncreasing(inGap) {
		inOrder[t] = true
		al.pair(t[0], t[1])
	}
	for _, t := range twins {
		if !inOrder[t] {
			al.oldMoved[t[0]], al.moved[t[1]] = int32(t[1]), int32(t[0])
		}
	}
}

// sameGap returns a function that reports whether old block i and new
// block j stand in the same gap between the pairs made so far.
func (al *aligner) sameGap() func(i, j int) bool {
	type gap struct{ o0, o1, n0, n1 int }
	var gaps []gap
	al.forEachGap(0, len(al.oldPair), 0, len(al.newPair), func(o0, o1, n0, n1 int) {
		gaps = append(gaps, gap{o0, o1, n0, n1})
	})
	return func(i, j int) bool {
		k := sort.Search(len(gaps), func(k int) bool { return gaps[k].o1 > i })
		return k < len(gaps) && gaps[k].o0 <= i && gaps[k].n0 <= j && j < gaps[k].n1
	}
}

// taken reports whether old block i or new block j is already paired,
// moved (to a twin) or part of a group, and so to be paired with no other
// block.
func (al *aligner) taken(i, j int) bool {
	return !al.oldFree(i) || !al.newFree(j)
}

// moveCopies matches, in order, the copies of a text left unpaired in
// both drafts after the pairing in gaps (a run of identical paragraphs on
// the far side of a moved section): the first old copy with the first new
// one, and so on, as moves, which reorder may yet put in place. Copies
// are alike, so the order is the best guess, and it keeps the run whole
// for reorder to weigh.
func (al *aligner) moveCopies() {
	type copies struct{ old, new []int }
	byID := map[int32]*copies{}
	for i := range al.oldPair {
		if al.oldFree(i) {
			c := byID[al.old.ids[i]]
			if c == nil {
				c = &copies{}
				byID[al.old.ids[i]] = c
			}
			c.old = append(c.old, i)
		}
	}
	for j := range al.newPair {
		if c := byID[al.new.ids[j]]; c != nil && al.newFree(j) {
			c.new = append(c.new, j)
		}
	}
	for _, c := range byID {
		if len(c.old) < 2 && len(c.new) < 2 {
			continue // a lone pair of twins is findMoves' to weigh
		}
		for k := range min(len(c.old), len(c.new)) {
			al.oldMoved[c.old[k]], al.moved[c.new[k]] = int32(c.new[k]), int32(c.old[k])
		}
	}
}

// moveLabelTwins matches, as moves, the blocks left free in both drafts
// whose label is held by exactly one free block of that kind in each,
// when they are alike enough (for a short block, its label is enough; see
// alike): a section's heading cut to a stub ("§ 24 (repealed)") beyond
// its old gap shares no word with the heading it was, and is found by its
// label alone.
func (al *aligner) moveLabelTwins() {
	type key struct {
		heading bool
		label   string
	}
	var olds, news []int
	for i := range al.oldPair {
		if al.oldFree(i) && al.old.blocks[i].Label != "" {
			olds = append(olds, i)
		}
	}
	for j := range al.newPair {
		if al.newFree(j) && al.new.blocks[j].Label != "" {
			news = append(news, j)
		}
	}
	keyOf := func(b draft.Block) key { return key{b.Kind == draft.Heading, b.Label} }
	twins := appendTwins(nil, &olds, &news,
		func(i int) key { return keyOf(al.old.blocks[i]) },
		func(j int) key { return keyOf(al.new.blocks[j]) },
		func(i, j int) bool { return al.similarityAtLeast(i, j) >= al.threshold })
	for _, t := range twins {
		al.oldMoved[t[0]], al.moved[t[1]] = int32(t[1]), int32(t[0])
	}
}

// reassignCopies runs once the order is settled: where copies of one
// old text are linked (each to a block of the new draft, its copy or an
// edited one) and some of those links are moves, it links them again in
// order, the first old copy with the first of those new blocks and so on,
// and settles the order again (reorder). Copies are alike, so which goes
// with which is free; in order, the fewest are shown moved (a paragraph
// moved into a run of copies no longer leaves the copies beyond it
// moved, and a copy edited in place stays in place).
func (al *aligner) reassignCopies() {
	type links struct {
		old, new []int
		moved    bool
	}
	byID := map[int32]*links{}
	for j := range al.newPair {
		i, moved := int(al.newPair[j]), false
		if i < 0 {
			i, moved = int(al.moved[j]), true
		}
		if i < 0 || al.oldGroupEnd(i) != i+1 || al.newGroupEnd(j) != j+1 {
			continue
		}
		l := byID[al.old.ids[i]]
		if l == nil {
			l = &links{}
			byID[al.old.ids[i]] = l
		}
		l.old, l.new = append(l.old, i), append(l.new, j)
		l.moved = l.moved || moved
	}
	again := false
	var saved [6][]int32
	for _, l := range byID {
		if !l.moved || len(l.old) < 2 {
			continue
		}
		if !again {
			again = true
			for k, a := range al.linkArrays() {
				saved[k] = slices.Clone(*a)
			}
		}
		slices.Sort(l.old) // l.new is in order already
		for k := range l.old {
			i, j := l.old[k], l.new[k]
			al.oldPair[i], al.newPair[j], al.oldMoved[i], al.moved[j] = -1, -1, int32(j), int32(i)
		}
	}
	if !again {
		return
	}
	// In order is fewest moved where the copies make up the runs they
	// stand in; where copies of a few texts are interleaved (a draft of
	// one-word paragraphs drawn from twenty words), linking the k-th old
	// copy with the k-th new one shifts every link after an edit and
	// leaves most of them out of order: 823,733 of 900,496 one-word
	// paragraphs shown moved, against 42,646 before. The links in order
	// are kept only if they move fewer blocks.
	before := countMoved(saved[3])
	al.reorder()
	if countMoved(al.moved) > before {
		for k, a := range al.linkArrays() {
			*a = saved[k]
		}
	}
}

// linkArrays returns the aligner's links and groups, which reorder and
// reassignCopies change.
func (al *aligner) linkArrays() [6]*[]int32 {
	return [6]*[]int32{&al.oldPair, &al.newPair, &al.oldMoved, &al.moved, &al.oldPart, &al.newPart}
}

// countMoved returns the number of new blocks moved[j] links to an old
// block.
func countMoved(moved []int32) int {
	n := 0
	for _, i := range moved {
		if i >= 0 {
			n++
		}
	}
	return n
}

// settleInPlace runs once the order is settled: among identical blocks
// paired in order, it slides the pairs so that a block deleted and one
// inserted stand in one gap (see slideToPartners), then pairs by
// similarity the blocks left free in each gap, as pairGap did before the
// order changed.
func (al *aligner) settleInPlace() {
	var pairs [][2]int
	for j, i := range al.newPair {
		if i >= 0 {
			pairs = append(pairs, [2]int{int(i), j})
		}
	}
	free := func(side, x int) bool { // not moved, nor part of a group
		switch side {
		case 0:
			return al.oldMoved[x] < 0 && al.oldPart[x] < 0
		case 1:
			return al.moved[x] < 0 && al.newPart[x] < 0
		}
		i, j := pairs[x][0], pairs[x][1]
		return al.oldGroupEnd(i) == i+1 && al.newGroupEnd(j) == j+1
	}
	before := slices.Clone(pairs)
	slideToPartners(al.old.ids, al.new.ids, pairs, 0, myersBudget, free)
	slideToPartners(al.old.ids, al.new.ids, pairs, 1, myersBudget, free)
	for k, p := range before {
		if p != pairs[k] {
			al.oldPair[p[0]], al.newPair[p[1]] = -1, -1
		}
	}
	for k, p := range pairs {
		if p != before[k] {
			al.pair(p[0], p[1])
		}
	}
	al.forEachGap(0, len(al.oldPair), 0, len(al.newPair), func(o0, o1, n0, n1 int) {
		if (o1-o0)*(n1-n0) <= dpCells && al.someFree(o0, o1, al.oldFree) && al.someFree(n0, n1, al.newFree) {
			al.pairByDP(o0, o1, n0, n1)
		}
	})
}

// someFree reports whether a block of k0:k1 is free.
func (al *aligner) someFree(k0, k1 int, free func(int) bool) bool {
	for k := k0; k < k1; k++ {
		if free(k) {
			return true
		}
	}
	return false
}

// looseKey returns a text's words, lower-cased, hyphenated words taken
// apart, one space between them: "Never-Indexed Literals" and "never
// indexed literals." have the same.
func looseKey(text string) string {
	if isASCII(text) {
		return looseKeyASCII(text)
	}
	var b strings.Builder
	b.Grow(len(text))
	word := false
	for _, r := range text {
		if isIdeograph(r) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) {
			if !word && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			word = !isIdeograph(r)
			continue
		}
		word = false
	}
	return b.String()
}

// looseHash returns a hash of looseKey(text), never 0 but for a text
// without words, computed without making the key for ASCII text.
func looseHash(text string) uint64 {
	if !isASCII(text) {
		k := looseKey(text)
		if k == "" {
			return 0
		}
		return hashString(k)
	}
	h, words, word := uint64(fnvOffset), 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if !word && words > 0 {
				h = (h ^ ' ') * fnvPrime
			}
			if !word {
				words++
			}
			h = (h ^ uint64(asciiLower[c])) * fnvPrime
			word = true
			continue
		}
		word = false
	}
	if words == 0 {
		return 0
	}
	return h | 1
}

// looseKeyASCII is looseKey for ASCII text, byte by byte: it runs over
// every unpaired block, most of them ASCII.
func looseKeyASCII(text string) string {
	b := make([]byte, 0, len(text))
	word := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if !word && len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, asciiLower[c])
			word = true
			continue
		}
		word = false
	}
	return string(b)
}

// headingChanged reports whether one of old block i and new block j is a
// heading and the other not: a kind change a reader sees. (A list item
// read as a paragraph by another reader is no change.)
func (al *aligner) headingChanged(i, j int) bool {
	return (al.old.blocks[i].Kind == draft.Heading) != (al.new.blocks[j].Kind == draft.Heading)
}

// alike returns how alike old block i and new block j are (see alike).
func (al *aligner) alike(i, j int) float64 {
	a, b := &al.old.blocks[i], &al.new.blocks[j]
	lab := labelInfo{a: a.Label != "", b: b.Label != "", same: a.Label != "" && a.Label == b.Label}
	return alike(al.old.gramsOf(i), al.new.gramsOf(j), al.threshold, lab)
}

// kindChanged returns how alike old block i and new block j are, one a
// heading and the other not, when they have nearly the same words (at
// least halfway between the threshold and 1 alike): a heading that became
// a paragraph, or the reverse, is a changed block whose kind changed.
// Otherwise it returns 0: a heading is no paragraph of other words.
func (al *aligner) kindChanged(i, j int) float64 {
	if s := al.alike(i, j); s >= (1+al.threshold)/2 {
		return s
	}
	return 0
}
