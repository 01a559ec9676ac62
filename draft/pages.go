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
// ("Pages", under "Plain text"); paginate is where it starts. Drafts
// without form feeds are paged by their page numbers: pagenumbers.go.

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
// the breaks it marks (see runsOn). It returns the zero pagination for a
// draft without pages.
func paginate(src string) pagination {
	formFeeds := strings.IndexByte(src, '\f') >= 0
	var chains []numberChain
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
	if !formFeeds {
		anchors = p.unnumberedBreaks(chains, anchors)
	}
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
func (p *pager) numberAnchors(chains []numberChain) []pageAnchor {
	var anchors []pageAnchor
	for _, chain := range chains {
		for _, k := range chain.lines {
			p.furniture[k] = true
			anchors = append(anchors, pageAnchor{up: k - 1, down: k + 1, line: k})
		}
	}
	slices.SortFunc(anchors, func(a, b pageAnchor) int { return a.line - b.line })
	return anchors
}

// unnumberedBreaks returns anchors with the page break before the first
// page of each chain of numbers that does not start at 1, where the
// numbers are at the foot of their pages (a first page is often left
// unnumbered): the break is at the running head of that page, a line
// whose key (see furnitureKey) is that of the first line under another
// break, when it is furniture there; it is looked for from half a page to
// a page and a half (by the median gap) above the first number, nearest a
// page first.
func (p *pager) unnumberedBreaks(chains []numberChain, anchors []pageAnchor) []pageAnchor {
	heads := make(map[uint64]bool)
	for _, a := range anchors {
		for k := a.down; k <= min(p.lines.n, a.down+zoneReach); k++ {
			if !p.lines.blank(k) {
				if key, _, ok := furnitureKey(p.lines.text(k), nil); ok && p.furniture[k] {
					heads[key] = true
				}
				break
			}
		}
	}
	added := false
	for _, chain := range chains {
		if chain.first <= 1 || len(heads) == 0 {
			continue
		}
		at, gap := chain.lines[0], medianGap(chain.lines)
		for d := 0; d <= gap/2; d++ {
			for _, k := range []int{at - gap - d, at - gap + d} {
				if k < 1 || k >= at || p.furniture[k] || p.lines.blank(k) {
					continue
				}
				if key, _, ok := furnitureKey(p.lines.text(k), nil); ok && heads[key] {
					p.furniture[k] = true
					anchors = append(anchors, pageAnchor{up: k - 1, down: k + 1, line: k})
					added = true
					d = gap // found
					break
				}
			}
		}
	}
	if added {
		slices.SortFunc(anchors, func(a, b pageAnchor) int { return a.line - b.line })
	}
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
// between two lines of the same paragraph is left out whole, any other
// replaced by one blank line. A break that holds more blank lines than
// most do ends a paragraph; where blank lines separate paragraphs, so does
// one whose next line does not continue the line before (see
// continuesAcross); elsewhere the paragraph rule decides, on the text
// without the break.
func (p *pager) edits(breaks []pageBreak, l layout) pagination {
	out := pagination{paginated: true}
	for k := 1; k <= p.lines.n; k++ {
		if p.furniture[k] {
			out.furniture++
		}
	}
	// The page's own blank lines: the number of blank lines most breaks
	// between two lines of text hold (the fewer, if as many hold
	// another); a break with more holds a blank line that ends a
	// paragraph.
	counts := make(map[int]int)
	padding, most := 0, 0
	for _, b := range breaks {
		if !b.inner() {
			continue
		}
		n := p.blanks(b)
		if counts[n]++; counts[n] > most || counts[n] == most && n < padding {
			padding, most = n, counts[n]
		}
	}
	for _, b := range breaks {
		if b.last < b.first || !b.inner() && !p.holdsFurniture(b) {
			continue
		}
		join := b.inner() && p.blanks(b) <= padding &&
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
