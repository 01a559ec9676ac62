package draft

import (
	"strings"
	"unicode"
)

// lineRange is a run of lines, by their 1-based numbers, inclusive.
type lineRange struct {
	first, last int
}

// contentsEntry reports whether line is an entry of a table of contents:
// a title holding a letter, then dot leaders (at least three dots, spaced
// or not) or a gap of two or more spaces or a tab, then a page number of
// at most four digits at the end of the line. It returns the page number
// and whether the entry has leaders.
func contentsEntry(line string) (page int, leaders, ok bool) {
	if line == "" || line[len(line)-1] < '0' || line[len(line)-1] > '9' {
		return 0, false, false // (most lines: at once)
	}
	line = strings.TrimRightFunc(line, unicode.IsSpace)
	digits := len(line) - len(strings.TrimRight(line, "0123456789"))
	if digits == 0 || digits > 4 {
		return 0, false, false
	}
	title := strings.TrimRight(line[:len(line)-digits], ". \t")
	gap := line[len(title) : len(line)-digits]
	dots := strings.Count(gap, ".")
	leaders = dots >= 3
	spaced := strings.Contains(gap, "  ") || strings.Contains(gap, "\t")
	if !leaders && (dots > 0 || !spaced) || !strings.ContainsFunc(title, unicode.IsLetter) {
		return 0, false, false
	}
	return digitValue(line[len(line)-digits:]), leaders, true
}

// maxContentsGap is the most lines, blank or wrapped titles, between two
// entries of one table of contents.
const maxContentsGap = 2

// findContents returns the runs of lines of s that are tables of contents:
// runs of entries (see contentsEntry), with at most maxContentsGap blank
// lines, or lines of a wrapped title that does not end a sentence, between
// two of them. A run is a table of contents if it has at least three
// entries and either half of them have dot leaders or, in a paginated
// draft, their page numbers never decrease.
func findContents(s lineSource, paginated bool) []lineRange {
	var found []lineRange
	var run contentsRun
	for r := s.reader(); ; {
		line, ok := r.next()
		if !ok {
			break
		}
		page, leaders, entry := contentsEntry(line.text)
		switch {
		case entry:
			if run.entries > 0 {
				run.increasing = run.increasing && page >= run.page
				run.extend(line.num, page, leaders)
				continue
			}
			run = contentsRun{first: line.num, increasing: true}
			run.extend(line.num, page, leaders)
		case run.entries == 0:
		case line.text == "" && !run.wrapped:
			run.gap++
		case line.text != "" && !endsSentence(line.text) && textWidth(line.text) <= maxHeadingWidth:
			run.gap++
			run.wrapped = true
		default:
			found = run.close(found, paginated)
			run = contentsRun{}
		}
		if run.gap > maxContentsGap {
			found = run.close(found, paginated)
			run = contentsRun{}
		}
	}
	return run.close(found, paginated)
}

// contentsRun is a run of lines that may be a table of contents.
type contentsRun struct {
	first, last int  // its lines so far, up to the last entry
	entries     int  // how many entries it has
	leaders     int  // how many of them have leaders
	page        int  // the last entry's page number
	increasing  bool // no page number is less than the one before
	gap         int  // lines since the last entry
	wrapped     bool // one of them is a wrapped title
}

// extend adds an entry at line num.
func (c *contentsRun) extend(num, page int, leaders bool) {
	c.last, c.page, c.gap, c.wrapped = num, page, 0, false
	c.entries++
	if leaders {
		c.leaders++
	}
}

// close appends the run to found if it is a table of contents.
func (c contentsRun) close(found []lineRange, paginated bool) []lineRange {
	if c.entries >= 3 && (2*c.leaders >= c.entries || paginated && c.increasing) {
		found = append(found, lineRange{c.first, c.last})
	}
	return found
}
