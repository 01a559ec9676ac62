package draft

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file turns the words of a PDF's pages, with their boxes, into the
// lines of a paginated plain text in reading order (pages apart by form
// feeds, two columns one after the other), and its footnotes into notes
// to be placed after the paragraphs that refer to them. The rules are
// told in the package comment ("PDF").

// pdfWord is a word on a page and its box, in points from the top left.
type pdfWord struct {
	x0, y0, x1, y1 float64
	text           string
	sup            bool // raised and smaller than the line's other words: a superscript
}

// pdfLine is a line of words as pdftotext found it.
type pdfLine struct {
	x0, y0, x1, y1 float64
	words          []pdfWord
	height         float64 // the height of its tallest word
	side           int8    // 0: spans the page or one column; -1, 1: left or right of the gutter
	furniture      string  // its row's key, if it stands at a page's head or foot (see pageFurniture)
}

// pdfPage is one page's lines.
type pdfPage struct {
	width, height float64
	lines         []*pdfLine
	kept          int // the lines kept: not page furniture (see pageFurniture)
}

// errNoPages is parseBBox's error for output without a page.
var errNoPages = errors.New("pdftotext's output holds no page")

// maxPDFPageWords bounds the words of one page read (the whole output is
// bounded by pdftotext's): a page of a draft holds a few thousand.
const maxPDFPageWords = 200_000

// maxPDFWord bounds the bytes of one word kept: no word is longer.
const maxPDFWord = 4096

// parseBBox reads pdftotext's -bbox-layout XHTML: pages, lines, words.
// Poppler writes one element a line (<page width= height=>, <line …>,
// <word xMin= yMin= xMax= yMax=>text</word>), which is read as it comes
// without an XML parser, five times as fast. It fails with errPDFTooMuch
// once the words kept pass budget bytes (each counted as 64 bytes and its
// text).
func parseBBox(r io.Reader, budget int64) ([]pdfPage, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var pages []pdfPage
	var page *pdfPage
	var line *pdfLine
	var long []byte
	words := 0
	for {
		raw, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer: kept up to maxPDFWord bytes
			// past it, the rest dropped (no word is longer).
			long = append(long[:0], raw...)
			for err == bufio.ErrBufferFull {
				raw, err = br.ReadSlice('\n')
				if len(long) < cap(raw)+maxPDFWord {
					long = append(long, raw[:min(len(raw), cap(raw)+maxPDFWord-len(long))]...)
				}
			}
			raw = long
		}
		if err != nil && err != io.EOF {
			if errors.Is(err, errPDFTooMuch) {
				return nil, err
			}
			return nil, fmt.Errorf("pdftotext's output cannot be read: %v", err)
		}
		t := bytes.TrimSpace(raw)
		switch {
		case bytes.HasPrefix(t, []byte("<word ")):
			if line == nil {
				break
			}
			end := bytes.IndexByte(t, '>')
			if end < 0 {
				break
			}
			text := bytes.TrimSuffix(t[end+1:], []byte("</word>"))
			w := pdfWord{x0: fattr(t[:end], "xMin"), y0: fattr(t[:end], "yMin"), x1: fattr(t[:end], "xMax"), y1: fattr(t[:end], "yMax")}
			if w.text = normalizePDFWord(html.UnescapeString(string(text[:min(len(text), maxPDFWord)]))); w.text == "" {
				break
			}
			if words++; words > maxPDFPageWords {
				return nil, fmt.Errorf("page %d holds more than %d words", len(pages), maxPDFPageWords)
			}
			line.words = append(line.words, w)
			if budget -= 64 + int64(len(w.text)); budget < 0 {
				return nil, errPDFTooMuch
			}
		case bytes.HasPrefix(t, []byte("<line ")):
			if page != nil {
				line = &pdfLine{x0: fattr(t, "xMin"), y0: fattr(t, "yMin"), x1: fattr(t, "xMax"), y1: fattr(t, "yMax")}
				page.lines = append(page.lines, line)
			}
		case bytes.HasPrefix(t, []byte("</line>")):
			line = nil
		case bytes.HasPrefix(t, []byte("<page ")):
			pages = append(pages, pdfPage{width: fattr(t, "width"), height: fattr(t, "height")})
			page, line, words = &pages[len(pages)-1], nil, 0
		case bytes.HasPrefix(t, []byte("</page>")):
			page, line = nil, nil
		}
		if err == io.EOF {
			break
		}
	}
	if pages == nil {
		return nil, errNoPages
	}
	return pages, nil
}

// fattr returns the attribute name="…" of the tag t as a number, 0 if it
// is none.
func fattr(t []byte, name string) float64 {
	i := bytes.Index(t, []byte(" "+name+"=\""))
	if i < 0 {
		return 0
	}
	v := t[i+len(name)+3:]
	end := bytes.IndexByte(v, '"')
	if end < 0 {
		return 0
	}
	f, err := strconv.ParseFloat(string(v[:end]), 64)
	if err != nil || f != f || f > 1e7 || f < -1e7 {
		return 0
	}
	return f
}

// pdfLigatures are the Latin ligatures of Alphabetic Presentation Forms,
// U+FB00 to U+FB06, as letters.
var pdfLigatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

// normalizePDFWord returns a word as text: ligatures (ﬁ) as their letters,
// soft hyphens and bidi embedding controls left out (a soft hyphen ending
// the word is a hyphen: the word is broken there), white space trimmed.
func normalizePDFWord(w string) string {
	w = strings.TrimSpace(w)
	if !strings.ContainsFunc(w, pdfSpecial) {
		return w
	}
	var b strings.Builder
	for i, r := range w {
		switch {
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(pdfLigatures[r-0xFB00])
		case r == 0xAD && i+2 == len(w):
			b.WriteByte('-')
		case r == 0xAD, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F:
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

func pdfSpecial(r rune) bool {
	return r >= 0xFB00 && r <= 0xFB06 || r == 0xAD || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F
}

// pdfNote is a footnote found at a page's foot.
type pdfNote struct {
	mark string // the mark that refers to it: "1", "*"
	text string
	ref  int // the index in the output lines of the line that refers to it, -1 if none
}

// outLine is a line of the text layoutPages writes.
type outLine struct {
	text      string
	pageStart bool // the first line of a page after the first: a form feed goes before it
	blank     bool // a blank line goes before it: a paragraph ends
	continues bool // it follows the line before in one column: a word broken there may be rejoined
	joinUp    bool // it goes on a heading in the same larger type: one line with the line before
	marks     []string
}

// layoutPages returns the text of pages as a paginated plain text, the
// footnotes found at their feet, each with the line of that text (a
// 1-based line number) that refers to it, and the number of lines left
// out as page furniture.
func layoutPages(pages []pdfPage) (text string, notes []pdfNote, furnitureLines int) {
	var lines []outLine
	for k := range pages {
		preparePage(&pages[k])
	}
	furniture := pageFurniture(pages)
	doc := documentGutter(pages, furniture)
	for k := range pages {
		pageLines, pageNotes := layoutPage(&pages[k], furniture, doc)
		furnitureLines += len(pages[k].lines) - pages[k].kept
		if k > 0 {
			if len(pageLines) == 0 {
				pageLines = []outLine{{}}
			}
			pageLines[0].pageStart = true
		}
		first := len(lines)
		for _, n := range pageNotes {
			n.ref = -1
			for i, l := range pageLines {
				if slices.Contains(l.marks, n.mark) {
					n.ref = first + i
					break
				}
			}
			notes = append(notes, n)
		}
		lines = append(lines, pageLines...)
	}
	rejoinPDFLines(lines)
	joinHeadingLines(lines)
	// The text, and where each output line lands in it.
	var b strings.Builder
	lineNo := make([]int, len(lines))
	n := 0
	for i, l := range lines {
		if l.text == "" && !l.pageStart && i > 0 {
			lineNo[i] = max(n, 1) // its one word moved up (rejoinPDFLines)
			continue
		}
		if l.pageStart {
			b.WriteString("\f\n")
			n++
		} else if l.blank && i > 0 {
			b.WriteByte('\n')
			n++
		}
		b.WriteString(l.text)
		b.WriteByte('\n')
		n++
		lineNo[i] = n
	}
	for i := range notes {
		if notes[i].ref >= 0 {
			notes[i].ref = lineNo[notes[i].ref]
		}
	}
	return b.String(), notes, furnitureLines
}

// layoutPage returns the lines of a page in reading order and the notes at
// its foot.
func layoutPage(p *pdfPage, furniture map[string]int, doc gutter) ([]outLine, []pdfNote) {
	lines := keptLines(p, furniture)
	p.kept = len(lines)
	if len(lines) == 0 {
		return nil, nil
	}
	heights := make([]float64, 0, len(lines))
	for _, l := range lines {
		heights = append(heights, l.height)
	}
	slices.Sort(heights)
	body := heights[len(heights)/2]
	gl, gr, columns := findGutter(lines, p.width)
	if !columns && doc.ok && fitsGutter(lines, p.width, doc) {
		gl, gr, columns = doc.left, doc.right, true
	}
	if columns {
		g := gutter{gl, gr, true}
		for _, l := range lines {
			l.side = g.side(l)
		}
	}
	// Top to bottom; the footnotes of each column (or of the page) apart.
	slices.SortStableFunc(lines, func(a, b *pdfLine) int {
		if a.y0 != b.y0 {
			return cmpFloat(a.y0, b.y0)
		}
		return cmpFloat(a.x0, b.x0)
	})
	marks := map[string]bool{}
	for _, l := range lines {
		for _, w := range l.words[1:] {
			if w.sup && noteMark(w.text) {
				marks[w.text] = true
			}
		}
		if w := l.words[0]; w.sup && noteMark(w.text) && l.y0 < p.height*0.4 {
			marks[w.text] = true
		}
	}
	var notes []pdfNote
	inNote := make(map[*pdfLine]bool)
	if len(marks) > 0 {
		for _, side := range []int8{-1, 0, 1} {
			notes = append(notes, footnotes(lines, side, body, p.height, marks, inNote)...)
		}
	}
	// Reading order: lines spanning the page as they come; between them,
	// the left column's lines, then the right's.
	var order []*pdfLine
	var left, right []*pdfLine
	flush := func() {
		order = append(append(order, left...), right...)
		left, right = left[:0], right[:0]
	}
	for _, l := range lines {
		switch {
		case inNote[l]:
		case l.side < 0:
			left = append(left, l)
		case l.side > 0:
			right = append(right, l)
		default:
			flush()
			order = append(order, l)
		}
	}
	flush()
	pitch := medianPitch(order, body)
	out := make([]outLine, 0, len(order))
	for i, l := range order {
		o := outLine{text: lineText(l)}
		for _, w := range l.words {
			if w.sup && noteMark(w.text) {
				o.marks = append(o.marks, w.text)
			}
		}
		if i > 0 && len(out) > 0 {
			// A line beside the one before, on its baseline, far from it
			// (a page's head: a date at the left, a title at the right)
			// is one line of text, as pdftotext -layout writes it.
			prev := order[i-1]
			if prev.side == l.side && l.x0 > prev.x1 && math.Abs(l.y1-prev.y1) < 0.3*min(l.height, prev.height) {
				last := &out[len(out)-1]
				if l.x0-prev.x1 < 3*max(l.height, prev.height) {
					last.text += " " + o.text // a justified line's wide spaces
				} else {
					last.text += "    " + o.text
				}
				last.marks = append(last.marks, o.marks...)
				continue
			}
		}
		if i > 0 {
			prev := order[i-1]
			step := l.y1 - prev.y1
			scale := max(l.height, prev.height) / max(body, 1)
			sameColumn := prev.side == l.side
			o.continues = sameColumn && step > 0 || prev.side < 0 && l.side > 0
			o.blank = sameColumn && (step <= 0 || step > 1.2*pitch*max(scale, 1)) ||
				!sameColumn && !o.continues
			// A heading's lines (in a larger type than the body's, the
			// same as the line before) are one line of text, as the
			// heading would be on a wider page.
			o.joinUp = o.continues && !o.blank && sameColumn && l.height >= 1.15*body &&
				math.Abs(l.height-prev.height) < 0.1*l.height
		}
		out = append(out, o)
	}
	return out, notes
}

// preparePage leaves out a page's empty lines, joins those that stand on
// one baseline (mergeLines) and finds their superscripts.
func preparePage(p *pdfPage) {
	lines := p.lines[:0]
	for _, l := range p.lines {
		if len(l.words) > 0 {
			lines = append(lines, l)
		}
	}
	p.lines = mergeLines(lines)
	for _, l := range p.lines {
		findSuperscripts(l)
	}
}

// pageFurniture counts, for each row of lines (those on one baseline) in
// the top or bottom eighth of a page, the pages that hold a row of the
// same text (digits aside) at the same height: a running head or foot, a
// page number, where a PDF writer (Chromium) prints more numbers in them
// than the text reader's rule allows. It sets each line's furniture key;
// rows found on at least half the pages, and two, are left out (see
// keptLines), the others go on to that rule.
func pageFurniture(pages []pdfPage) map[string]int {
	seen := map[string]int{}
	for k := range pages {
		p := &pages[k]
		setFurnitureKeys(p)
		onPage := map[string]bool{}
		for _, l := range p.lines {
			if key := l.furniture; key != "" && !onPage[key] {
				onPage[key] = true
				seen[key]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	for key, n := range seen {
		if n < need {
			delete(seen, key)
		} else {
			seen[key] = 2
		}
	}
	return seen
}

// setFurnitureKeys sets the furniture key of each line of p in its top or
// bottom eighth: the row's height on the page in steps of 4 points and
// the texts of its lines from left to right, runs of digits as one "#".
func setFurnitureKeys(p *pdfPage) {
	if p.height <= 0 {
		return
	}
	var zone []*pdfLine
	for _, l := range p.lines {
		if l.y0 <= p.height/8 || l.y1 >= p.height*7/8 {
			zone = append(zone, l)
		}
	}
	slices.SortStableFunc(zone, func(a, b *pdfLine) int {
		if c := cmpFloat(a.y1, b.y1); c != 0 {
			return c
		}
		return cmpFloat(a.x0, b.x0)
	})
	for i := 0; i < len(zone); {
		j := i + 1
		for j < len(zone) && zone[j].y1-zone[i].y1 < 0.3*max(zone[i].y1-zone[i].y0, 1) {
			j++
		}
		row := zone[i:j]
		slices.SortStableFunc(row, func(a, b *pdfLine) int { return cmpFloat(a.x0, b.x0) })
		var b strings.Builder
		b.WriteString(strconv.Itoa(int(row[0].y0 / 4)))
		for _, l := range row {
			b.WriteString(" |")
			digit := false
			for _, w := range l.words {
				b.WriteByte(' ')
				for _, r := range w.text {
					if r >= '0' && r <= '9' {
						if !digit {
							b.WriteByte('#')
						}
						digit = true
						continue
					}
					digit = false
					b.WriteRune(r)
				}
			}
		}
		for _, l := range row {
			l.furniture = b.String()
		}
		i = j
	}
}

// mergeLines joins lines that pdftotext gave apart though they stand on
// one baseline a small gap apart (less than their height), as a note's
// number and its text, or the parts of a line that a diacritic's taller
// box set apart.
func mergeLines(lines []*pdfLine) []*pdfLine {
	slices.SortStableFunc(lines, func(a, b *pdfLine) int {
		if c := cmpFloat(a.y0, b.y0); c != 0 {
			return c
		}
		return cmpFloat(a.x0, b.x0)
	})
	out := lines[:0]
	for _, l := range lines {
		merged := false
		for _, o := range out[max(0, len(out)-8):] { // the lines just above: a bounded look
			h := min(o.y1-o.y0, l.y1-l.y0)
			overlap := min(o.y1, l.y1) - max(o.y0, l.y0)
			if h <= 0 || overlap <= 0.7*h {
				continue
			}
			// (A diacritic may reach a little over the other part.)
			switch {
			case l.x0 >= o.x1-h && l.x0 >= o.x0 && l.x0-o.x1 < h:
				o.words = append(o.words, l.words...)
			case l.x1 <= o.x0+h && l.x0 < o.x0 && o.x0-l.x1 < h:
				o.words = append(l.words, o.words...)
			default:
				continue
			}
			o.x0, o.x1, o.y0, o.y1 = min(o.x0, l.x0), max(o.x1, l.x1), min(o.y0, l.y0), max(o.y1, l.y1)
			merged = true
			break
		}
		if !merged {
			out = append(out, l)
		}
	}
	return out
}

// findSuperscripts marks the words of l that are raised above its
// baseline and smaller than its tallest word, and sets l.height.
func findSuperscripts(l *pdfLine) {
	for _, w := range l.words {
		l.height = max(l.height, w.y1-w.y0)
	}
	base := 0.0
	for _, w := range l.words {
		if w.y1-w.y0 >= 0.85*l.height {
			base = max(base, w.y1)
		}
	}
	for i := range l.words {
		w := &l.words[i]
		w.sup = w.y1-w.y0 < 0.85*l.height && w.y1 < base-0.15*l.height
	}
}

// noteMark reports whether s can be a note's mark: up to three digits or
// one of * † ‡ § ¶.
func noteMark(s string) bool {
	n := 0
	for _, r := range s {
		n++
		if (r < '0' || r > '9') && !strings.ContainsRune("*†‡§¶", r) {
			return false
		}
	}
	return n > 0 && n <= 3
}

// footnotes finds the notes at the foot of the lines on side of a page:
// from the first line in its lower 60% that is smaller than the body
// text and starts with a mark the page's text refers to, every smaller
// line after it, each line starting with another such mark starting
// another note. The lines taken are set in inNote.
func footnotes(lines []*pdfLine, side int8, body, height float64, marks map[string]bool, inNote map[*pdfLine]bool) []pdfNote {
	small := func(l *pdfLine) bool { return l.height < 0.92*body }
	startsNote := func(l *pdfLine) bool {
		return small(l) && len(l.words) > 1 && marks[l.words[0].text] && l.y0 > 0.4*height
	}
	var notes []pdfNote
	var texts []string
	started := false
	for _, l := range lines {
		if l.side != side || inNote[l] {
			continue
		}
		if !started && !startsNote(l) {
			continue
		}
		started = true
		if !small(l) {
			continue // a page number below the notes
		}
		inNote[l] = true
		words := l.words
		if startsNote(l) {
			if len(notes) > 0 {
				notes[len(notes)-1].text = joinNoteLines(texts)
			}
			notes = append(notes, pdfNote{mark: words[0].text})
			texts = texts[:0]
			words = words[1:]
		}
		texts = append(texts, wordsText(words))
	}
	if len(notes) > 0 {
		notes[len(notes)-1].text = joinNoteLines(texts)
	}
	return notes
}

// joinNoteLines joins the lines of a note by spaces, a word broken by a
// hyphen at a line's end and continued in lower case rejoined.
func joinNoteLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			r, _ := utf8.DecodeRuneInString(l)
			if strings.HasSuffix(prev, "-") && len(prev) > 1 && unicode.IsLower(r) {
				s := b.String()
				b.Reset()
				b.WriteString(s[:len(s)-1])
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// lineText returns the text of a line: its words but note marks, apart by
// spaces but where they touch, in logical order (a line mostly in a
// right-to-left script, which pdftotext gives in visual order, reversed).
func lineText(l *pdfLine) string {
	words := make([]pdfWord, 0, len(l.words))
	for _, w := range l.words {
		if !(w.sup && noteMark(w.text)) {
			words = append(words, w)
		}
	}
	return wordsText(words)
}

// wordsText joins words as lineText says.
func wordsText(words []pdfWord) string {
	rtl := 0
	ltr := 0
	for _, w := range words {
		for _, r := range w.text {
			switch {
			case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana):
				rtl++
			case unicode.IsLetter(r):
				ltr++
			}
		}
	}
	var b strings.Builder
	if rtl > ltr {
		// A paragraph number at the left of the line leads it, as one at
		// the right would (the paragraph set left to right).
		first := 0
		if len(words) > 1 && !strings.ContainsFunc(words[0].text, unicode.IsLetter) &&
			strings.ContainsFunc(words[0].text, unicode.IsDigit) {
			b.WriteString(words[0].text)
			first = 1
		}
		var end string
		for i := len(words) - 1; i >= first; i-- {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			w := visualToLogical(words[i].text)
			if i == len(words)-1 {
				// A paragraph set left to right puts the full stop after
				// right-to-left text at its right, on the first word.
				if r, size := utf8.DecodeRuneInString(w); size < len(w) && strings.ContainsRune(".!?:;،؛؟", r) {
					w, end = w[size:], w[:size]
				}
			}
			b.WriteString(w)
		}
		b.WriteString(end)
		return b.String()
	}
	for i, w := range words {
		if i > 0 && w.x0-words[i-1].x1 > 0.08*min(w.y1-w.y0, words[i-1].y1-words[i-1].y0) {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// visualToLogical reverses a word given in visual order whose letters are
// right to left, keeping runs of digits and Latin letters as they are.
func visualToLogical(w string) string {
	if !strings.ContainsFunc(w, func(r rune) bool {
		return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana)
	}) {
		return w
	}
	runes := []rune(w)
	slices.Reverse(runes)
	for i := 0; i < len(runes); {
		j := i
		for j < len(runes) && runes[j] < 0x80 && (unicode.IsDigit(runes[j]) || unicode.IsLetter(runes[j])) {
			j++
		}
		if j > i {
			slices.Reverse(runes[i:j])
			i = j
		} else {
			i++
		}
	}
	return string(runes)
}

// keptLines returns the lines of p that are not page furniture.
func keptLines(p *pdfPage, furniture map[string]int) []*pdfLine {
	lines := make([]*pdfLine, 0, len(p.lines))
	for _, l := range p.lines {
		if l.furniture == "" || furniture[l.furniture] < 2 {
			lines = append(lines, l)
		}
	}
	return lines
}

// gutter is the gap between two columns.
type gutter struct {
	left, right float64
	ok          bool
}

// side returns the column l stands in: -1 left, 1 right, 0 none (it
// crosses the middle of the gap, or stands in the gap, as a page number).
func (g gutter) side(l *pdfLine) int8 {
	mid := (g.left + g.right) / 2
	switch {
	case l.x0 < mid && l.x1 > mid, l.x0 >= g.left && l.x1 <= g.right:
		return 0
	case l.x1 <= mid:
		return -1
	}
	return 1
}

// documentGutter returns the gap between the columns of a document whose
// pages (of those with ten lines or more) are mostly in two columns: the
// median of their gaps' edges. A page too short to show its columns (the
// last, balanced) is read in these if its lines allow (see fitsGutter).
func documentGutter(pages []pdfPage, furniture map[string]int) gutter {
	var lefts, rights []float64
	full := 0
	for k := range pages {
		lines := keptLines(&pages[k], furniture)
		if len(lines) < 10 {
			continue
		}
		full++
		if l, r, ok := findGutter(lines, pages[k].width); ok {
			lefts, rights = append(lefts, l), append(rights, r)
		}
	}
	if len(lefts) == 0 || 2*len(lefts) < full {
		return gutter{}
	}
	slices.Sort(lefts)
	slices.Sort(rights)
	return gutter{lefts[len(lefts)/2], rights[len(rights)/2], true}
}

// fitsGutter reports whether the lines of a page stand in the columns of
// g: at most one in ten (of those wider than a tenth of the page) crosses
// its gap, and some stand on either side.
func fitsGutter(lines []*pdfLine, width float64, g gutter) bool {
	n, cross, left, right := 0, 0, 0, 0
	for _, l := range lines {
		if l.x1-l.x0 < width/10 {
			continue
		}
		n++
		switch g.side(l) {
		case -1:
			left++
		case 1:
			right++
		default:
			cross++
		}
	}
	return left > 0 && right > 0 && cross <= n/10
}

// findGutter returns the gap between two columns of the page's lines, if
// they stand in two: in the middle of the page, the widest stretch that
// at most one line in ten crosses (lines shorter than a tenth of the
// page, such as a page number, not counted), narrowed to the lines on
// either side of its middle, at least 6 points wide, with at least a
// quarter of the lines (and five) on either side. A line across its
// middle, or in it, spans the page (see gutter.side).
func findGutter(lines []*pdfLine, width float64) (left, right float64, ok bool) {
	if width <= 0 || len(lines) < 10 {
		return 0, 0, false
	}
	const bins = 512
	step := width / bins
	var cover [bins]int
	n := 0
	for _, l := range lines {
		if l.x1-l.x0 < width/10 {
			continue
		}
		n++
		a := max(0, min(bins-1, int(l.x0/step)))
		z := max(0, min(bins-1, int(l.x1/step)))
		for k := a; k <= z; k++ {
			cover[k]++
		}
	}
	best, bestRun, run := -1, 0, 0
	for k := bins * 3 / 10; k < bins*7/10; k++ {
		if cover[k] <= n/10 {
			run++
			if run > bestRun {
				best, bestRun = k-run+1, run
			}
		} else {
			run = 0
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	middle := (float64(best) + float64(bestRun)/2) * step
	left, right = 0, width
	for _, l := range lines {
		switch {
		case l.x1-l.x0 < width/10:
		case l.x1 <= middle:
			left = max(left, l.x1)
		case l.x0 >= middle:
			right = min(right, l.x0)
		}
	}
	if right-left < 6 {
		return 0, 0, false
	}
	nl, nr := 0, 0
	for _, l := range lines {
		switch {
		case l.x1 <= left:
			nl++
		case l.x0 >= right:
			nr++
		}
	}
	need := max(5, len(lines)/4)
	return left, right, nl >= need && nr >= need
}

// medianPitch returns the median distance between the baselines of lines
// that follow each other in one column, the line spacing of the body text
// (body if there is none).
func medianPitch(lines []*pdfLine, body float64) float64 {
	var steps []float64
	for i := 1; i < len(lines); i++ {
		if lines[i].side == lines[i-1].side {
			if s := lines[i].y1 - lines[i-1].y1; s > 0 && s < 4*body {
				steps = append(steps, s)
			}
		}
	}
	if len(steps) == 0 {
		return max(body, 1)
	}
	slices.Sort(steps)
	return steps[len(steps)/2]
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// rejoinPDFLines marks the words that a line's end broke with a hyphen
// (PDF writers hyphenate as they justify). A word that goes on in lower
// case, where the draft does not hold it hyphenated more often than
// whole, was broken there: its hyphen becomes a soft hyphen (U+00AD),
// which the text reader drops as it rejoins the word, keeping a Rejoined
// mark ("se-⏎cure" is "secure"). A hyphenated word ("non-⏎State") is
// joined: the next line's first word moves up to the line before. Lines
// that follow each other in a column are rejoined, and the first line of
// a page with the last of the page before (whose heads and feet the text
// reader passes over); other lines are left to the text reader's rule.
func rejoinPDFLines(lines []outLine) {
	var counts map[string]int
	for i := 1; i < len(lines); i++ {
		prev, cur := &lines[i-1], &lines[i]
		if !(cur.continues || cur.pageStart) || cur.blank || !strings.HasSuffix(prev.text, "-") {
			continue
		}
		stemStart := strings.LastIndexByte(prev.text, ' ') + 1
		stem := prev.text[stemStart : len(prev.text)-1]
		last, _ := utf8.DecodeLastRuneInString(stem)
		first, _ := utf8.DecodeRuneInString(cur.text)
		if !unicode.IsLetter(last) || !unicode.IsLetter(first) {
			continue
		}
		rest, after, _ := strings.Cut(cur.text, " ")
		if counts == nil {
			counts = pdfWordCounts(lines)
		}
		bare := strings.TrimRightFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		joined := counts[strings.ToLower(stem+bare)]
		hyphenated := counts[strings.ToLower(stem+"-"+bare)]
		switch {
		case unicode.IsLower(first) && hyphenated <= joined:
			prev.text = prev.text[:len(prev.text)-1] + softHyphen
		case cur.continues:
			prev.text += rest
			cur.text = after
			prev.marks = append(prev.marks, cur.marks...)
			cur.marks = nil
		}
	}
}

// joinHeadingLines joins each line marked joinUp to the line before, as
// the heading would stand on a wider page: a word broken at the line's
// end (see rejoinPDFLines) rejoined, without its soft hyphen.
func joinHeadingLines(lines []outLine) {
	to := -1 // the line joined to
	for i := range lines {
		l := &lines[i]
		if !l.joinUp || to < 0 || l.text == "" {
			if l.text != "" || l.pageStart {
				to = i
			}
			continue
		}
		prev := &lines[to]
		switch {
		case strings.HasSuffix(prev.text, softHyphen):
			prev.text = strings.TrimSuffix(prev.text, softHyphen) + l.text
		case strings.HasSuffix(prev.text, "-"):
			prev.text += l.text
		default:
			prev.text += " " + l.text
		}
		prev.marks = append(prev.marks, l.marks...)
		l.text, l.marks = "", nil
	}
}

// pdfWordCounts counts the words of lines, punctuation trimmed, in lower
// case.
func pdfWordCounts(lines []outLine) map[string]int {
	counts := map[string]int{}
	for _, l := range lines {
		for _, w := range strings.Fields(l.text) {
			counts[strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))]++
		}
	}
	return counts
}

// placeNotes puts each note after the block holding the line that refers
// to it, as a Paragraph one level down labelled "note" and its mark, as
// Word's footnotes are read; a note whose reference was not found goes
// at the end.
func placeNotes(blocks []Block, notes []pdfNote) []Block {
	if len(notes) == 0 {
		return blocks
	}
	after := make(map[int][]Block)
	var orphans []Block
	for _, n := range notes {
		if n.text == "" {
			continue
		}
		nb := newBlock(Paragraph, 1, "note "+n.mark, n.text, max(n.ref, 1))
		k := -1
		if n.ref > 0 {
			k, _ = slices.BinarySearchFunc(blocks, n.ref, func(b Block, line int) int { return cmpInt(int(b.Line), line+1) })
			k-- // the last block starting at or before the line
		}
		if k < 0 {
			nb.Line = int32(min(len(blocks), 1<<30))
			orphans = append(orphans, nb)
			continue
		}
		nb.Line = blocks[k].Line
		after[k] = append(after[k], nb)
	}
	out := make([]Block, 0, len(blocks)+len(notes))
	for k, b := range blocks {
		out = append(append(out, b), after[k]...)
	}
	return append(out, orphans...)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
