package draft

import (
	"slices"
	"strings"
)

// This file finds the page numbers of a paginated draft without form feeds
// (see pageNumberChains), which mark its page breaks for paginate.

// digitValue returns the value of a run of ASCII digits, or -1 for more
// than 9 of them.
func digitValue(digits string) int {
	if len(digits) > 9 {
		return -1
	}
	v := 0
	for i := 0; i < len(digits); i++ {
		v = 10*v + int(digits[i]-'0')
	}
	return v
}

// numberedLine is a line that may carry a page number (see
// pageNumberCandidate), with its key and numbers.
type numberedLine struct {
	key   uint64
	line  int
	nums  [maxDigitRuns]int
	count int // how many of nums there are
}

// pageNumberCandidate reports whether a line could be a page's number or a
// running head holding it: at most maxHeadingWidth characters, not ending
// a sentence nor starting with a paragraph label, and either a number in
// at most three words ("12", "- 12 -", "Page 12") or a first or last word
// that is a number, perhaps in brackets or dashes ("Page 3 of 20",
// "A/HRC/55/L.12 3", "… [Page 12]", "12 Report of the Group").
func pageNumberCandidate(line string) bool {
	line = strings.TrimSpace(line)
	first, _, _ := strings.Cut(line, " ")
	last := line[strings.LastIndexAny(line, " \t")+1:]
	if !pageNumberWord(first) && !pageNumberWord(last) &&
		!(fewWords(line, 3) && strings.ContainsAny(line, "0123456789")) {
		return false
	}
	return textWidth(line) <= maxHeadingWidth && !endsSentence(line) && !startsWithLabel(line)
}

// pageNumberWord reports whether word is a number of at most four digits,
// perhaps in brackets or dashes: "12", "[12]", "12]", "-12-".
func pageNumberWord(word string) bool {
	digits := 0
	for i := 0; i < len(word); i++ {
		if '0' <= word[i] && word[i] <= '9' {
			digits++
		}
	}
	return 0 < digits && digits <= 4 && strings.Trim(word, "0123456789[]()-–—") == ""
}

// fewWords reports whether s has at most n words (runs of other than
// spaces and tabs).
func fewWords(s string, n int) bool {
	words, inWord := 0, false
	for i := 0; i < len(s); i++ {
		switch space := s[i] == ' ' || s[i] == '\t'; {
		case space:
			inWord = false
		case !inWord:
			if words++; words > n {
				return false
			}
			inWord = true
		}
	}
	return true
}

// pageNumberChains finds the page numbers of a draft without form feeds:
// for lines of the same key (see furnitureKey), the longest chain in which
// one number counts up by one or two from line to line (two: heads that
// alternate between odd and even pages), the others staying the same, is
// a chain of page numbers if it has at least three lines, the median gap
// between them is at least minPageLines lines, and three in four gaps (the
// last, to a last page that may be short, not counted) are within half and
// twice the median. It returns each chain's lines in
// order. Each line is looked at once; the lines of each key are then
// chained in a time linear in their number.
func pageNumberChains(src string) []numberChain {
	var found []numberedLine
	var nums []int
	for rest, num := src, 1; rest != ""; num++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if !pageNumberCandidate(line) {
			continue
		}
		var key uint64
		var ok bool
		if key, nums, ok = furnitureKey(line, nums[:0]); !ok || len(nums) == 0 {
			continue
		}
		nl := numberedLine{key: key, line: num, count: len(nums)}
		for i := range nl.nums {
			nl.nums[i] = -2 // no such number: never counts up
		}
		copy(nl.nums[:], nums)
		found = append(found, nl)
	}
	slices.SortStableFunc(found, func(a, b numberedLine) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	var chains []numberChain
	for len(found) > 0 {
		n := 1
		for n < len(found) && found[n].key == found[0].key {
			n++
		}
		if n >= 3 {
			if chain := pageChain(found[:n]); chain.lines != nil {
				chains = append(chains, chain)
			}
		}
		found = found[n:]
	}
	return chains
}

// numberChain is a chain of page numbers.
type numberChain struct {
	lines []int // the lines, in order
	first int   // the number on the first
}

// pageChain returns the longest chain of page numbers among lines of one
// key (see pageNumberChains), or none (nil lines).
func pageChain(lines []numberedLine) numberChain {
	var best numberChain
	for c := range lines[0].count {
		if chain := countingChain(lines, c); len(chain.lines) > len(best.lines) {
			best = chain
		}
	}
	if len(best.lines) < 3 || !regularGaps(best.lines) {
		return numberChain{}
	}
	return best
}

// countingChain returns the lines of the longest chain in which number c
// counts up by one or two from line to line and the other numbers stay
// the same: a dynamic programme over the lines in order, each line's
// chain the longest ending one or two below its number.
func countingChain(lines []numberedLine, c int) numberChain {
	type end struct{ length, index int }
	// key identifies the numbers of a line with number c taken as v.
	key := func(nl numberedLine, v int) uint64 {
		const prime = 1099511628211
		h := uint64(14695981039346656037)
		for i, x := range nl.nums[:nl.count] {
			if i == c {
				x = v
			}
			h = (h ^ uint64(x)) * prime
		}
		return h
	}
	ends := make(map[uint64]end) // the longest chain ending at the numbers keyed
	from := make([]int, len(lines))
	bestLen, bestEnd := 0, -1
	for i, nl := range lines {
		from[i] = -1
		length := 1
		if v := nl.nums[c]; v >= 0 {
			for _, step := range []int{1, 2} {
				if e, ok := ends[key(nl, v-step)]; ok && e.length+1 > length {
					length, from[i] = e.length+1, e.index
				}
			}
		}
		if k := key(nl, nl.nums[c]); ends[k].length <= length {
			ends[k] = end{length, i}
		}
		if length > bestLen {
			bestLen, bestEnd = length, i
		}
	}
	chain := numberChain{lines: make([]int, 0, bestLen)}
	for i := bestEnd; i >= 0; i = from[i] {
		chain.lines = append(chain.lines, lines[i].line)
		chain.first = lines[i].nums[c]
	}
	slices.Reverse(chain.lines)
	return chain
}

// medianGap returns the median of the gaps between lines (in order, at
// least two).
func medianGap(lines []int) int {
	gaps := make([]int, len(lines)-1)
	for i := range gaps {
		gaps[i] = lines[i+1] - lines[i]
	}
	slices.Sort(gaps)
	return gaps[len(gaps)/2]
}

// regularGaps reports whether the gaps between lines (in order) are those
// of pages: a median of at least minPageLines, three in four within half
// and twice the median, not counting the last (a last page may be short).
func regularGaps(lines []int) bool {
	median := medianGap(lines)
	if median < minPageLines {
		return false
	}
	gaps := max(1, len(lines)-2)
	regular := 0
	for i := 1; i <= gaps; i++ {
		if g := lines[i] - lines[i-1]; 2*g >= median && g <= 2*median {
			regular++
		}
	}
	return 4*regular >= 3*gaps
}
