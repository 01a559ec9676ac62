package diff

import (
	"slices"
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
// each draft: first by label and text, then by text, then by text with
// case, hyphens and punctuation set aside (looseKey). Twins in the same
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
	type labelled struct {
		label string
		id    int32
	}
	var twins [][2]int
	twins = appendTwins(twins, &olds, &news,
		func(i int) labelled { return labelled{al.old.blocks[i].Label, al.old.ids[i]} },
		func(j int) labelled { return labelled{al.new.blocks[j].Label, al.new.ids[j]} })
	twins = appendTwins(twins, &olds, &news,
		func(i int) int32 { return al.old.ids[i] },
		func(j int) int32 { return al.new.ids[j] })
	twins = appendTwins(twins, &olds, &news,
		func(i int) string { return looseKey(al.old.key(i)) },
		func(j int) string { return looseKey(al.new.key(j)) })
	al.placeTwins(twins)
}

// appendTwins appends to twins the pairs of olds and news with the same
// key, where exactly one of each has it, and removes them from the lists.
// An empty key (a text without words) is no one's twin.
func appendTwins[K comparable](twins [][2]int, olds, news *[]int, oldKey func(int) K, newKey func(int) K) [][2]int {
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
		if s := byKey[newKey(j)]; s != nil && s.nOld == 1 && s.nNew == 1 {
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
func (al *aligner) placeTwins(twins [][2]int) {
	type gap struct{ o0, o1, n0, n1 int }
	var gaps []gap
	al.forEachGap(0, len(al.oldPair), 0, len(al.newPair), func(o0, o1, n0, n1 int) {
		gaps = append(gaps, gap{o0, o1, n0, n1})
	})
	sameGap := func(i, j int) bool {
		k := sort.Search(len(gaps), func(k int) bool { return gaps[k].o1 > i })
		return k < len(gaps) && gaps[k].o0 <= i && gaps[k].n0 <= j && j < gaps[k].n1
	}
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

// taken reports whether old block i or new block j is already moved to a
// twin, and so to be paired with no other block.
func (al *aligner) taken(i, j int) bool {
	return al.oldMoved[i] >= 0 || al.moved[j] >= 0
}

// looseKey returns a text's words, lower-cased, hyphenated words taken
// apart, one space between them: "Never-Indexed Literals" and "never
// indexed literals." have the same.
func looseKey(text string) string {
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
