package draft

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// readText reads the plain-text draft called name (valid UTF-8, line ends
// already LF) into blocks, with the warnings it has to give. The paragraph
// rule is described in the package comment and in layout.breaksBefore;
// headings in textHeading; pages in paginate; tables of contents in
// findContents; words broken across lines in rejoin.
func readText(name, src string) ([]Block, []string) {
	pages := paginate(src)
	s := lineSource{src: src, edits: pages.edits}
	contents := findContents(s, pages.paginated)
	l := measureLayout(s)
	r := textReader{source: s, brokenWords: pages.paginated}
	// A paragraph gives one block, seldom more, and blank lines part most
	// paragraphs; the room is made at once, for growing a slice of a
	// million blocks step by step costs more than reading them.
	r.blocks = make([]Block, 0, l.blankLines+l.blankLines/16+1)
	// The first paragraph may be a title if others follow: it is added
	// when the next block arrives, or at the end.
	var first []sourceLine
	n := 0
	l.eachParagraph(s, contents, func(p []sourceLine, kind Kind) {
		if n == 1 && first != nil {
			r.add(first, true)
			first = nil
		}
		switch {
		case kind == Contents:
			r.contents(p)
		case n == 0:
			first = slices.Clone(p)
		default:
			r.add(p, false)
		}
		n++
	})
	if first != nil {
		r.add(first, false)
	}
	var warnings []string
	if k := pages.furniture; k > 0 {
		warnings = append(warnings, fmt.Sprintf("%s: %d page %s removed", name, k,
			plural(k, "header or footer", "headers and footers")))
	}
	return r.blocks, warnings
}

// lineSource is a source's lines as the text reader reads them: with the
// edits that leave out the furniture of its pages.
type lineSource struct {
	src   string
	edits []pageEdit
}

// reader returns a reader of the lines from the first.
func (s lineSource) reader() lineReader {
	return lineReader{rest: s.src, edits: s.edits}
}

// lineReader reads the lines of a source one at a time, each without
// trailing white space. The lines are read again for each pass over them
// rather than listed: a list of the lines of a draft of a million short
// paragraphs took more memory than its blocks.
type lineReader struct {
	rest  string     // the source after the lines read
	num   int        // the number of the last line read
	edits []pageEdit // the edits of the lines not yet read
}

// next returns the next line, or false at the end of the source. Lines
// that an edit leaves out are passed over; a blank line is read at the
// first of them if the edit says so.
func (r *lineReader) next() (sourceLine, bool) {
	for r.rest != "" {
		line, rest, _ := strings.Cut(r.rest, "\n")
		r.rest = rest
		r.num++
		for len(r.edits) > 0 && r.edits[0].last < r.num {
			r.edits = r.edits[1:] // (an edit passed over: none, edits being disjoint)
		}
		if len(r.edits) == 0 || r.num < r.edits[0].first {
			return sourceLine{strings.TrimRightFunc(line, unicode.IsSpace), r.num}, true
		}
		e := r.edits[0]
		if r.num >= e.last {
			r.edits = r.edits[1:]
		}
		if r.num == e.first && e.blank {
			return sourceLine{"", r.num}, true
		}
	}
	return sourceLine{}, false
}

// layout is what the reader learns about how a text is laid out, before
// it decides where its paragraphs end.
type layout struct {
	// width is the estimated wrap width W: the 90th percentile of the
	// widths (in characters) of the non-blank lines.
	width int
	// unwrapped is set when lines are whole paragraphs: fewer than 40% of
	// the lines (of three or more) are at least 3/4 of W wide.
	unwrapped bool
	// ragged is set when lines were broken by hand rather than wrapped to
	// a width: of the lines that certainly continue the line before (they
	// start with a lower-case letter), more than one in five has a first
	// word that would have fitted on the line before.
	ragged bool
	// blankSeparated is set when blank lines separate paragraphs: there is
	// at least one blank-line break for every 10 non-blank lines.
	blankSeparated bool
	// blankLines is the number of blank lines.
	blankLines int
}

// measureLayout estimates the layout of the lines of s.
func measureLayout(s lineSource) layout {
	// The widths are counted by value rather than listed: a draft has few
	// distinct line widths and may have millions of lines.
	counts := make(map[int]int)
	n, blank, breaks := 0, 0, 0
	seen, afterBlank := false, false
	for r := s.reader(); ; {
		line, ok := r.next()
		if !ok {
			break
		}
		if line.text == "" {
			blank++
			afterBlank = true
			continue
		}
		counts[textWidth(line.text)]++
		n++
		if seen && afterBlank {
			breaks++ // a run of blank lines between non-blank lines
		}
		seen, afterBlank = true, false
	}
	if n == 0 {
		return layout{blankLines: blank}
	}
	widths := slices.Sorted(maps.Keys(counts))
	w := nthWidth(widths, counts, (n*9+9)/10-1)
	long := 0
	for _, x := range widths[sortedIndexAtLeast(widths, (3*w+3)/4):] {
		long += counts[x]
	}
	l := layout{width: w, unwrapped: n >= 3 && long*10 < n*4, blankLines: blank}
	l.ragged = l.isRagged(s)
	l.blankSeparated = n <= 10*breaks
	return l
}

// nthWidth returns the k-th smallest width (0-based), given the distinct
// widths in order and how many lines have each.
func nthWidth(widths []int, counts map[int]int, k int) int {
	for _, x := range widths {
		if k < counts[x] {
			return x
		}
		k -= counts[x]
	}
	return widths[len(widths)-1]
}

// isRagged reports whether the lines look broken by hand (see layout).
func (l layout) isRagged(s lineSource) bool {
	continuations, fitting := 0, 0
	r := s.reader()
	line, _ := r.next()
	for prev := line.text; ; prev = line.text {
		var ok bool
		if line, ok = r.next(); !ok {
			break
		}
		cur := trimLeft(line.text)
		if prev == "" || !startsLower(cur) {
			continue
		}
		continuations++
		if l.fits(textWidth(prev), cur) {
			fitting++
		}
	}
	return continuations >= 3 && fitting*5 > continuations
}

// sortedIndexAtLeast returns the index of the first value ≥ v in sorted.
func sortedIndexAtLeast(sorted []int, v int) int {
	i, _ := slices.BinarySearch(sorted, v)
	return i
}

// textWidth is the width of s in characters (runes; a tab counts as one).
func textWidth(s string) int {
	return utf8.RuneCountInString(s)
}

// eachParagraph calls emit with each paragraph of the lines of s in order:
// blank lines always end one, and breaksBefore decides within a run of
// non-blank lines. The lines of each range in contents (in order) are
// emitted as one paragraph of kind Contents, without their blank lines;
// the others as of kind Paragraph. The lines passed to emit are valid only
// until it returns.
func (l layout) eachParagraph(s lineSource, contents []lineRange, emit func([]sourceLine, Kind)) {
	var para []sourceLine // the lines of the paragraph being read
	r := s.reader()
	cur, ok := r.next()
	for ok {
		if len(contents) > 0 && cur.num >= contents[0].first {
			if len(para) > 0 {
				emit(para, Paragraph)
			}
			para = para[:0]
			for ; ok && cur.num <= contents[0].last; cur, ok = r.next() {
				if cur.text != "" {
					para = append(para, cur)
				}
			}
			if len(para) > 0 {
				emit(para, Contents)
			}
			para, contents = para[:0], contents[1:]
			continue
		}
		next, more := r.next()
		switch {
		case cur.text == "":
			if len(para) > 0 {
				emit(para, Paragraph)
			}
			para = para[:0]
		case len(para) > 0 && l.breaksBefore(para[len(para)-1].text, cur.text, next.text):
			emit(para, Paragraph)
			para = append(para[:0], cur)
		default:
			para = append(para, cur)
		}
		cur, ok = next, more
	}
	if len(para) > 0 {
		emit(para, Paragraph)
	}
}

// breaksBefore reports whether a new paragraph starts at line cur, which
// follows line prev with no blank line between them; next is the line
// after cur ("" if blank or none). The rules, in order:
//
//  1. A heading-like line (see headingLike) stands alone: a paragraph
//     starts after it, and at it if the line before ends a sentence, the
//     line after is blank or starts with a label, or its first word would
//     have fitted on the line before (see fits).
//  2. A line starting with a paragraph label starts a paragraph if the line
//     before it ends a clause (see opensSubBlock) or is shorter than 4/5
//     of W.
//  3. If blank lines separate paragraphs and lines are wrapped, no other
//     line starts a paragraph.
//  4. A line starting with a lower-case letter continues the paragraph.
//  5. If lines are whole paragraphs (not wrapped), every line starts one.
//  6. If lines were broken by hand (ragged), no other line starts one.
//  7. In text wrapped to a width, a line starts a paragraph if its first
//     word would have fitted at the end of the line before (so the break
//     was not made by wrapping) and that line ends a sentence or is
//     shorter than 3/5 of W.
func (l layout) breaksBefore(prev, cur, next string) bool {
	cur = strings.TrimLeftFunc(cur, unicode.IsSpace)
	prevWidth := textWidth(prev)
	if headingLike(prev) || headingLike(cur) && (endsSentence(prev) || next == "" ||
		startsWithLabel(trimLeft(next)) || l.fits(prevWidth, cur)) {
		return true
	}
	switch {
	case startsWithLabel(cur):
		return opensSubBlock(prev, cur) || 5*prevWidth < 4*l.width && !endsWithReference(prev)
	case l.blankSeparated && !l.unwrapped:
		return false
	case startsLower(cur):
		return false
	case l.unwrapped:
		return true
	case l.ragged:
		return false
	}
	return l.fits(prevWidth, cur) && (endsSentence(prev) || 5*prevWidth < 3*l.width)
}

// fits reports whether the first word of line would have fitted at the end
// of a line prevWidth wide, within the wrap width: if so, the line break
// between them was not made by wrapping.
func (l layout) fits(prevWidth int, line string) bool {
	firstWord, _, _ := strings.Cut(line, " ")
	return prevWidth+1+textWidth(firstWord) <= l.width
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// maxHeadingWidth is the widest line (in characters) read as a heading.
const maxHeadingWidth = 80

// headingLike reports whether a line looks like a section heading: at most
// maxHeadingWidth characters, not ending in . ; : or , and either starting
// with a section label ("A.", "IV.", "§ 12", "第十二章", see
// divisionLevel) or written in capitals.
func headingLike(line string) bool {
	line = strings.TrimSpace(line)
	if textWidth(line) > maxHeadingWidth {
		return false
	}
	label, rest := splitLabel(line)
	_, form := matchLabel(label)
	switch {
	case form == sectionLetter || form == sectionRoman || divisionLevel(form) > 0:
		return rest == "" || !endsStatement(rest)
	case label != "":
		return false
	}
	return !endsStatement(rest) && isCapitals(rest)
}

// endsStatement reports whether s ends in . ; : or , or their full-width
// forms (a heading does not).
func endsStatement(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".;:,。；：，", r)
}

// isCapitals reports whether s has at least two letters and no lower-case
// letters.
func isCapitals(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// textReader turns plain-text paragraphs into blocks.
type textReader struct {
	builder
	lastSection string // label of the last lettered section heading ("H.")
	source      lineSource
	brokenWords bool       // rejoin words broken without a hyphen (see rejoin)
	words       dictionary // the draft's words, made when first needed
}

// add adds one paragraph; title tells whether it is the first of several.
func (r *textReader) add(p []sourceLine, title bool) {
	if level := r.headingLevel(p, title); level > 0 {
		r.heading(level, joinLines(p), p[0].num)
		return
	}
	text, marks := r.rejoin(p)
	r.paragraph(Paragraph, topLevel, text, p[0].num, marks...)
}

// contents adds the lines of a table of contents as one block, as written.
func (r *textReader) contents(p []sourceLine) {
	r.outline.reset()
	r.builder.add(newBlock(Contents, 0, "", strings.TrimSpace(joinLines(p)), p[0].num))
}

// headingLevel returns the heading level of a plain-text paragraph, or 0
// if it is not a heading. A heading is a single line that is headingLike or
// is the title (the first of several paragraphs, without a label, not
// ending in . ; : or ,). Level 1 is for the title, roman-numbered ("IV.")
// and capitalised headings, level 2 for lettered sections ("B."), others
// as divisionLevel says ("第一章" 1, "§ 12" 2). A single
// I, V or X after the sections H, U or W is a letter, not a numeral.
func (r *textReader) headingLevel(p []sourceLine, title bool) int {
	if len(p) != 1 {
		return 0
	}
	line := strings.TrimSpace(p[0].text)
	label, rest := splitLabel(line)
	_, form := matchLabel(label)
	switch {
	case !headingLike(line) && !(title && label == "" && !endsStatement(rest)):
		return 0
	case divisionLevel(form) > 0:
		return divisionLevel(form)
	case form == sectionRoman && !r.continuesLetters(label):
		return 1
	case form == sectionLetter || form == sectionRoman:
		r.lastSection = label
		return 2
	}
	return 1
}

// continuesLetters reports whether the section label "I.", "V." or "X."
// follows the lettered section before it ("H.", "U.", "W.").
func (r *textReader) continuesLetters(label string) bool {
	next := map[string]string{"H.": "I.", "U.": "V.", "W.": "X."}
	return next[r.lastSection] == label
}
