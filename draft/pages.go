package draft

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds the pages of a paginated plain-text draft (an
// Internet-Draft, a PDF extraction) and the page furniture on them: running
// heads, footers and page numbers. The rule is told in the package comment
// ("Pagination"); paginate is where it starts.

// pageEdit is a run of lines that the line reader leaves out at a page
// break: page furniture, form feeds and the blank lines about them.
type pageEdit struct {
	first, last int  // 1-based numbers of the first and last line left out
	blank       bool // one blank line is read in their place: the paragraph ends at the break
}

// pagination is what paginate learnt of a draft.
type pagination struct {
	edits     []pageEdit // in order of lines, disjoint
	furniture int        // lines of page furniture left out
	paginated bool       // the draft has pages
}

// Limits of the search for furniture.
const (
	// zoneDepth is how many lines at the head and at the foot of a page
	// may be furniture.
	zoneDepth = 3
	// zoneReach is how many blank lines and lines of furniture a look for
	// the next line of a page's head or foot passes over.
	zoneReach = 16
	// minPageLines is the fewest lines a page without form feeds is taken
	// to have, as a median: a numbered line recurring more often is a
	// heading, not a page number.
	minPageLines = 10
	// maxDigitRuns is the most numbers a line of furniture holds.
	maxDigitRuns = 4
)

// paginate finds the page breaks of src and the furniture about them.
// Pages are broken by form feeds; a draft without any is paginated only if
// a page number recurs (see pageNumberChains) and the text runs on across
// at least one in five of the breaks it marks, mid-sentence. It returns the
// zero pagination for a draft without pages.
func paginate(src string) pagination {
	formFeeds := strings.IndexByte(src, '\f') >= 0
	var chains [][]int
	if !formFeeds {
		if chains = pageNumberChains(src); len(chains) == 0 {
			return pagination{}
		}
	}
	p := &pager{lines: newPageLines(src)}
	p.furniture = make([]bool, p.lines.n+2)
	var anchors []pageAnchor
	if formFeeds {
		anchors = p.formFeedAnchors()
	} else {
		anchors = p.numberAnchors(chains)
	}
	p.findFurniture(anchors)
	breaks := p.breaks(anchors)
	l := measureLayout(lineSource{src: src})
	if !formFeeds && !p.runsOn(breaks, l) {
		return pagination{}
	}
	return p.edits(breaks, l)
}

// pageLines gives the lines of a source by number, as lineReader reads
// them, and says which are blank or hold a form feed.
type pageLines struct {
	src    string
	starts []int   // starts[k-1] is the offset of line k
	class  []uint8 // class[k-1] of line k: blankLine, formFeedLine, or both
	n      int     // the number of lines
}

// The classes of a line.
const (
	blankLine    = 1 << iota // only white space (form feeds included)
	formFeedLine             // holding a form feed
)

// newPageLines indexes the lines of src.
func newPageLines(src string) pageLines {
	lines := strings.Count(src, "\n") + 1
	pl := pageLines{src: src, starts: make([]int, 0, lines), class: make([]uint8, 0, lines)}
	for i := 0; i < len(src); {
		pl.starts = append(pl.starts, i)
		line := src[i:]
		j := strings.IndexByte(line, '\n')
		if j >= 0 {
			line = line[:j]
		}
		var class uint8
		if strings.TrimSpace(line) == "" {
			class |= blankLine
		}
		if strings.IndexByte(line, '\f') >= 0 {
			class |= formFeedLine
		}
		pl.class = append(pl.class, class)
		if j < 0 {
			break
		}
		i += j + 1
	}
	pl.n = len(pl.starts)
	return pl
}

// raw returns line k (1 ≤ k ≤ n) as in the source, without its line end.
func (pl pageLines) raw(k int) string {
	end := len(pl.src)
	if k < pl.n {
		end = pl.starts[k] - 1
	}
	return pl.src[pl.starts[k-1]:end]
}

// text returns line k as lineReader reads it: without trailing white space.
func (pl pageLines) text(k int) string {
	return strings.TrimRightFunc(pl.raw(k), unicode.IsSpace)
}

// blank reports whether line k holds only white space (form feeds
// included).
func (pl pageLines) blank(k int) bool {
	return pl.class[k-1]&blankLine != 0
}

// formFeed reports whether line k holds a form feed.
func (pl pageLines) formFeed(k int) bool {
	return pl.class[k-1]&formFeedLine != 0
}

// pageAnchor is a place where one page ends and the next begins: the
// lines at or before up are the end of a page, those at or after down
// the start of the next.
type pageAnchor struct {
	up, down int
	line     int // the line that marks the break: a form feed's or a page number's
}

// pager finds a draft's furniture.
type pager struct {
	lines     pageLines
	furniture []bool // furniture[k]: line k is furniture
}

// formFeedAnchors returns a page break at each line holding a form feed.
// A form feed at the end of a line ends the page with that line; anywhere
// else it starts the next page at that line.
func (p *pager) formFeedAnchors() []pageAnchor {
	n := 0
	for _, class := range p.lines.class {
		n += int(class&formFeedLine) / formFeedLine
	}
	anchors := make([]pageAnchor, 0, n)
	for k := 1; k <= p.lines.n; k++ {
		if !p.lines.formFeed(k) {
			continue
		}
		raw := p.lines.raw(k)
		i := strings.LastIndexByte(raw, '\f')
		if strings.TrimSpace(raw[:i]) != "" && strings.TrimSpace(raw[i+1:]) == "" {
			anchors = append(anchors, pageAnchor{up: k, down: k + 1, line: k})
		} else {
			anchors = append(anchors, pageAnchor{up: k - 1, down: k, line: k})
		}
	}
	return anchors
}

// numberAnchors returns a page break at each page number of chains, each
// a line of furniture, in order of lines.
func (p *pager) numberAnchors(chains [][]int) []pageAnchor {
	var anchors []pageAnchor
	for _, chain := range chains {
		for _, k := range chain {
			p.furniture[k] = true
			anchors = append(anchors, pageAnchor{up: k - 1, down: k + 1, line: k})
		}
	}
	slices.SortFunc(anchors, func(a, b pageAnchor) int { return a.line - b.line })
	return anchors
}

// skippable reports whether line k is passed over when looking for the
// text of a page: blank or furniture.
func (p *pager) skippable(k int) bool {
	return p.furniture[k] || p.lines.blank(k)
}

// nextLine returns the first line from k on, going up or down, that is not
// skippable, passing over at most zoneReach lines; 0 if there is none.
func (p *pager) nextLine(k int, up bool) int {
	step := 1
	if up {
		step = -1
	}
	for range zoneReach {
		if k < 1 || k > p.lines.n {
			return 0
		}
		if !p.skippable(k) {
			return k
		}
		k += step
	}
	return 0
}

// findFurniture marks the lines of furniture: at the foot of each page (up
// from each break and from the end of the draft) and at its head (down
// from each break and from the start), the first zoneDepth lines that are
// not blank, nearest first, as long as each is furniture: it neither ends
// a sentence nor starts with a paragraph label, and its key (see
// furnitureKey) is that of the line at the same place on at least two
// pages and on at least a third of them. A line of text stops the search
// on its page.
func (p *pager) findFurniture(anchors []pageAnchor) {
	for _, up := range []bool{true, false} {
		cursors := make([]int, 0, len(anchors)+1)
		for _, a := range anchors {
			cursors = append(cursors, a.down)
			if up {
				cursors[len(cursors)-1] = a.up
			}
		}
		if up {
			cursors = append(cursors, p.lines.n)
		} else {
			cursors = append(cursors, 1)
		}
		p.findZone(cursors, up)
	}
}

// findZone marks the furniture of one end of the pages (see
// findFurniture), looking from each cursor up or down.
func (p *pager) findZone(cursors []int, up bool) {
	pages := len(cursors)
	found := make([]int, len(cursors))
	keys := make([]uint64, len(cursors))
	for range zoneDepth {
		counts := make(map[uint64]int)
		seen := make(map[int]bool) // a line met from two breaks counts once
		for i, c := range cursors {
			k := p.nextLine(c, up)
			found[i] = 0
			if k == 0 || seen[k] {
				continue
			}
			seen[k] = true
			text := p.lines.text(k)
			key, _, ok := furnitureKey(text, nil)
			if !ok || endsSentence(text) || startsWithLabel(trimLeft(text)) {
				continue
			}
			found[i], keys[i] = k, key
			counts[key]++
		}
		open := cursors[:0]
		for i := range cursors {
			k := found[i]
			if n := counts[keys[i]]; k == 0 || n < 2 || 3*n < pages {
				continue
			}
			p.furniture[k] = true
			if up {
				open = append(open, k-1)
			} else {
				open = append(open, k+1)
			}
		}
		if cursors = open; len(cursors) == 0 {
			return
		}
		found, keys = found[:len(cursors)], keys[:len(cursors)]
	}
}

// pageBreak is the run of lines between the last line of text on one page
// and the first on the next: blank lines, form feeds and furniture.
type pageBreak struct {
	first, last int // the run's lines; last < first for none
	prev, next  int // the lines of text about it; 0 at the start or end of the draft
}

// breaks returns the page breaks about the anchors, and about the start
// and end of the draft where they hold furniture, in order and disjoint.
func (p *pager) breaks(anchors []pageAnchor) []pageBreak {
	var out []pageBreak
	add := func(from int) {
		if len(out) > 0 && from <= out[len(out)-1].last+1 {
			return // within the break before (one page number under another)
		}
		prev, next := from-1, from
		for prev >= 1 && p.skippable(prev) {
			prev--
		}
		for next <= p.lines.n && p.skippable(next) {
			next++
		}
		if len(out) > 0 && prev < out[len(out)-1].first {
			return // (the lines up from here are the break before)
		}
		b := pageBreak{first: prev + 1, last: next - 1, prev: prev, next: next}
		if b.next > p.lines.n {
			b.next = 0
		}
		out = append(out, b)
	}
	add(1)
	for _, a := range anchors {
		add(a.down)
	}
	add(p.lines.n + 1)
	return out
}

// inner reports whether text stands on both sides of b.
func (b pageBreak) inner() bool {
	return b.prev > 0 && b.next > 0
}

// runsOn reports whether the text runs on, mid-sentence, across at least
// one of the breaks between pages and one in ten of them: the line before
// the break neither ends a clause (see endsClause) nor is heading-like,
// and the line after starts in lower case, or the line before is a full
// one (at least 4/5 of the wrap width) and the line after neither starts
// with a label nor is heading-like. That is the evidence that recurring
// numbered lines are page numbers rather than headings, which never stand
// mid-sentence.
func (p *pager) runsOn(breaks []pageBreak, l layout) bool {
	inner, runOn := 0, 0
	for _, b := range breaks {
		if !b.inner() {
			continue
		}
		inner++
		prev, next := p.lines.text(b.prev), trimLeft(p.lines.text(b.next))
		if endsClause(prev) || headingLike(prev) {
			continue
		}
		if startsLower(next) || 5*textWidth(prev) >= 4*l.width && !startsWithLabel(next) && !headingLike(next) {
			runOn++
		}
	}
	return runOn > 0 && 10*runOn >= inner
}

// edits returns the edits that leave the breaks out of the text: a break
// between two lines of the same paragraph (see continuesAcross) is left
// out whole, any other replaced by one blank line.
func (p *pager) edits(breaks []pageBreak, l layout) pagination {
	out := pagination{paginated: true}
	for k := 1; k <= p.lines.n; k++ {
		if p.furniture[k] {
			out.furniture++
		}
	}
	// The fewest blank lines between the pages of a paragraph: a break
	// with more holds the blank line that ends a paragraph.
	padding := -1
	for _, b := range breaks {
		if b.inner() && (padding < 0 || p.blanks(b) < padding) {
			padding = p.blanks(b)
		}
	}
	for _, b := range breaks {
		if b.last < b.first || !b.inner() && !p.holdsFurniture(b) {
			continue
		}
		join := b.inner() && p.blanks(b) == padding &&
			(!l.blankSeparated || l.continuesAcross(p.lines.text(b.prev), p.lines.text(b.next)))
		out.edits = append(out.edits, pageEdit{first: b.first, last: b.last, blank: b.inner() && !join})
	}
	return out
}

// blanks returns the number of blank lines in b, not counting form feeds.
func (p *pager) blanks(b pageBreak) int {
	n := 0
	for k := b.first; k <= b.last; k++ {
		if !p.furniture[k] && p.lines.blank(k) && !p.lines.formFeed(k) {
			n++
		}
	}
	return n
}

// holdsFurniture reports whether b holds a line of furniture or a form
// feed.
func (p *pager) holdsFurniture(b pageBreak) bool {
	for k := b.first; k <= b.last; k++ {
		if p.furniture[k] || p.lines.formFeed(k) {
			return true
		}
	}
	return false
}

// continuesAcross reports whether line next, the first of a page, goes on
// with the paragraph whose last line, on the page before, is prev: neither
// is heading-like; next is no bullet ("o  ", "*  "), and starts in lower
// case, or does not start with a label after a line that ends a clause,
// is not indented less than prev, and prev does not end a sentence unless
// next's first word would not have fitted on it (prev was wrapped).
func (l layout) continuesAcross(prev, next string) bool {
	cur := trimLeft(next)
	switch {
	case headingLike(prev) || headingLike(next) || startsBullet(cur):
		return false
	case startsLower(cur):
		return true
	case startsWithLabel(cur) && endsClause(prev):
		return false
	case len(next)-len(cur) < len(prev)-len(trimLeft(prev)):
		return false
	case endsSentence(prev):
		return !l.fits(textWidth(prev), cur)
	}
	return true
}

// startsBullet reports whether s starts with a bullet of a plain-text list:
// one of o * - • · – and white space.
func startsBullet(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("o*-•·–", r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[size:])
	return unicode.IsSpace(next)
}

// furnitureKey returns a line's key, the same for lines that differ only
// in their numbers and in the width of their runs of white space: a hash
// (FNV-1a) of the line trimmed, each run of digits read as one '#' and
// each run of white space as one space. It appends the numbers to nums
// (a number of more than 9 digits as -1). It fails (ok false) for a line
// that is blank, wider than maxHeadingWidth+20 characters or has more than
// maxDigitRuns numbers.
func furnitureKey(line string, nums []int) (key uint64, _ []int, ok bool) {
	line = strings.TrimSpace(line)
	if line == "" || len(line) > maxHeadingWidth+20 && textWidth(line) > maxHeadingWidth+20 {
		return 0, nums, false
	}
	const offset, prime = 14695981039346656037, 1099511628211
	key = offset
	runs := 0
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case '0' <= c && c <= '9':
			j := i
			for j < len(line) && '0' <= line[j] && line[j] <= '9' {
				j++
			}
			if runs++; runs > maxDigitRuns {
				return 0, nums, false
			}
			nums = append(nums, digitValue(line[i:j]))
			c, i = '#', j
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f' || line[i] == '\v') {
				i++
			}
			c = ' '
		default:
			i++
		}
		key = (key ^ uint64(c)) * prime
	}
	return key, nums, true
}

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
// between them is at least minPageLines lines, and three in four gaps are
// within half and twice the median. It returns each chain's lines in
// order. Each line is looked at once; the lines of each key are then
// chained in a time linear in their number.
func pageNumberChains(src string) [][]int {
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
	var chains [][]int
	for len(found) > 0 {
		n := 1
		for n < len(found) && found[n].key == found[0].key {
			n++
		}
		if n >= 3 {
			if chain := pageChain(found[:n]); chain != nil {
				chains = append(chains, chain)
			}
		}
		found = found[n:]
	}
	return chains
}

// pageChain returns the lines of the longest chain of page numbers among
// lines of one key, in order of lines (see pageNumberChains), or nil.
func pageChain(lines []numberedLine) []int {
	var best []int
	for c := range lines[0].count {
		if chain := countingChain(lines, c); len(chain) > len(best) {
			best = chain
		}
	}
	if len(best) < 3 || !regularGaps(best) {
		return nil
	}
	return best
}

// countingChain returns the lines of the longest chain in which number c
// counts up by one or two from line to line and the other numbers stay
// the same: a dynamic programme over the lines in order, each line's
// chain the longest ending one or two below its number.
func countingChain(lines []numberedLine, c int) []int {
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
	chain := make([]int, 0, bestLen)
	for i := bestEnd; i >= 0; i = from[i] {
		chain = append(chain, lines[i].line)
	}
	slices.Reverse(chain)
	return chain
}

// regularGaps reports whether the gaps between lines (in order) are those
// of pages: a median of at least minPageLines, three in four within half
// and twice the median.
func regularGaps(lines []int) bool {
	gaps := make([]int, len(lines)-1)
	for i := range gaps {
		gaps[i] = lines[i+1] - lines[i]
	}
	sorted := slices.Sorted(slices.Values(gaps))
	median := sorted[len(sorted)/2]
	if median < minPageLines {
		return false
	}
	regular := 0
	for _, g := range gaps {
		if 2*g >= median && g <= 2*median {
			regular++
		}
	}
	return 4*regular >= 3*len(gaps)
}
