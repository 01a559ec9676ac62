package draft

import (
	"bytes"
	"strings"
	"unicode"
)

// This file reads the parts of a Markdown draft that are plain — ATX
// headings, numbered paragraphs ("12. States agreed"), running text and
// blank lines, every line flush left — without goldmark. Most of a
// negotiated text is such a part, and goldmark's syntax tree, made and
// walked for each, was half the time of reading a draft. The blocks are
// those the walk over goldmark's tree makes (markdownReader.node): the
// same builder calls with the same text. Any line that could open another
// construct, or make these ones read otherwise, sends the whole part to
// goldmark (see plainLine). FuzzPlainMarkdown holds the result to
// goldmark's, on drafts of plain lines and of lines that only look plain.

// plainKind classifies a line of a plain part.
type plainKind uint8

const (
	plainBlank   plainKind = iota // an empty line
	plainHeading                  // "## A. Title"
	plainItem                     // "12. Text"
	plainText                     // running text
)

// plainLineInfo is a classified line of a plain part: its kind, and
// where its content (after the marker) starts.
type plainLineInfo struct {
	kind    plainKind
	content int // offset in the line of the heading's or item's text
	start   int // offset of the line in the part
	end     int // offset of its end (its line feed, or the part's end)
}

// readPlain adds the blocks of the part being read (r.src) if it is plain,
// and reports whether it was; it adds nothing otherwise.
func (r *markdownReader) readPlain() bool {
	src := r.src
	if bytes.IndexByte(src, '\r') >= 0 {
		return false // a line end of its own in CommonMark (prepare leaves none)
	}
	lines := r.plainLines[:0]
	for start := 0; start < len(src); {
		end := start + bytes.IndexByte(src[start:], '\n')
		if end < start {
			end = len(src)
		}
		kind, content, ok := plainLine(src[start:end])
		if !ok {
			r.plainLines = lines // kept for the next part
			return false
		}
		// A numbered line right after running text would interrupt a
		// paragraph, which only a list starting at 1 does: left to goldmark.
		if kind == plainItem && len(lines) > 0 && lines[len(lines)-1].kind == plainText && !inItem(lines) {
			r.plainLines = lines
			return false
		}
		lines = append(lines, plainLineInfo{kind, content, start, end})
		start = end + 1
	}
	r.plainLines = lines
	for k := 0; k < len(lines); {
		ln := lines[k]
		switch ln.kind {
		case plainBlank:
			k++
		case plainHeading:
			// One line, as the walk joins a heading's lines (joinLines).
			r.heading(ln.content-1, trimRightSpace(r.text[ln.start+ln.content:ln.end]), r.line(ln.start))
			k++
		default:
			// A paragraph or item: its first line and the running text
			// right after it (continuation lines, lazy ones in an item).
			end := k + 1
			for end < len(lines) && lines[end].kind == plainText {
				end++
			}
			r.plainBlock(lines[k:end])
			k = end
		}
	}
	return true
}

// inItem reports whether the last line of lines, running text, continues
// a list item: the lines since the last blank line or heading start with
// an item.
func inItem(lines []plainLineInfo) bool {
	for k := len(lines) - 1; k >= 0; k-- {
		switch lines[k].kind {
		case plainItem:
			return true
		case plainBlank, plainHeading:
			return false
		}
	}
	return false
}

// plainBlock adds a paragraph (lines all running text) or a list item
// (the first line an item) as the walk over goldmark's tree does: the
// running text split into sub-paragraphs (splitRunningText), an item's
// first one its text and the rest paragraphs one level down.
func (r *markdownReader) plainBlock(lines []plainLineInfo) {
	src := make([]sourceLine, 0, len(lines))
	for _, ln := range lines {
		src = append(src, sourceLine{trimRightSpace(r.text[ln.start+ln.content : ln.end]), r.line(ln.start)})
	}
	parts := splitRunningText(src)
	if lines[0].kind == plainText {
		for _, part := range parts {
			r.paragraph(Paragraph, topLevel, joinLines(part), part[0].num)
		}
		return
	}
	first := lines[0]
	// The label ("12.") is copied: a view would leave it in the draft's
	// text, and the many label comparisons of renumbering and rendering
	// would each read another part of a large draft (see markerAt).
	label := strings.Clone(r.text[first.start : first.start+first.content-1])
	text := ""
	if len(parts) > 0 {
		text = joinLines(parts[0])
		parts = parts[1:]
	}
	r.item(topLevel.level, label, text, src[0].num)
	inner := scope{level: topLevel.level + 1, owner: topLevel.level}
	for _, part := range parts {
		r.paragraph(Paragraph, inner, joinLines(part), part[0].num)
	}
}

// trimRightSpace returns s without trailing white space, as the walk over
// goldmark's tree trims each source line (appendSegment).
func trimRightSpace(s string) string {
	return strings.TrimRightFunc(s, unicode.IsSpace)
}

// plainLine classifies a line of a Markdown draft (without its line
// feed), and reports false if it is none of the plain kinds, or might
// read otherwise in CommonMark: any line indented, ending in white space
// or holding inline markup (see hasInlineMarkup); a heading of more than six "#", without a space after them, or
// ending in "#" (a closing sequence); a number of more than nine digits, a
// number with ")" or without exactly one space after its full stop; and
// any line, or item text, that starts with a character that may open a
// block (see plainStart).
func plainLine(line []byte) (kind plainKind, content int, ok bool) {
	if len(line) == 0 {
		return plainBlank, 0, true
	}
	if last := line[len(line)-1]; last == ' ' || last == '\t' || hasInlineMarkup(line) {
		return 0, 0, false
	}
	switch c := line[0]; {
	case c == '#':
		n := 0
		for n < len(line) && line[n] == '#' {
			n++
		}
		if n > 6 || n+1 >= len(line) || line[n] != ' ' || line[n+1] == ' ' || line[n+1] == '\t' ||
			line[len(line)-1] == '#' {
			return 0, 0, false
		}
		return plainHeading, n + 1, true
	case '0' <= c && c <= '9':
		n := digits(line)
		if n == len(line) || line[n] != '.' && line[n] != ')' {
			return plainText, 0, true // "2021 figures", a number alone
		}
		if n > 9 || line[n] != '.' || n+2 >= len(line) || line[n+1] != ' ' || !plainStart(line[n+2:]) {
			return 0, 0, false
		}
		return plainItem, n + 2, true
	case plainStart(line):
		return plainText, 0, true
	}
	return 0, 0, false
}

// plainStart reports whether text starting s opens no block in CommonMark
// (nor a table row, a link reference definition or a nested list): a
// letter, any character beyond ASCII, an opening bracket or quotation
// mark, or digits not followed by "." or ")".
func plainStart(s []byte) bool {
	switch c := s[0]; {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c >= 0x80, c == '(', c == '"', c == '\'':
		return true
	case '0' <= c && c <= '9':
		n := digits(s)
		return n == len(s) || s[n] != '.' && s[n] != ')'
	}
	return false
}

// digits returns the length of the run of ASCII digits that starts s.
func digits(s []byte) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}
