package draft

// This file reads Markdown's inline markup (emphasis, code spans, links,
// inline HTML, escapes and entities) into the text a reader sees and the
// marks of its formatting. It imports goldmark, as markdown.go and
// table.go do.

import (
	"bytes"
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// inlineTriggers are the bytes at which CommonMark's inline syntax may
// start something other than text: emphasis and strong ("*", "_"), code
// spans, inline HTML and autolinks ("<"), entities ("&"), backslash
// escapes and strikethrough ("~"). A link needs "](" as well, checked
// apart (see hasInlineMarkup): a bracket alone, as in "[Alt 1: …]", is
// text, for link reference definitions are not read.
const inlineTriggers = "*_`<&\\~"

// hasInlineMarkup reports whether b may hold inline markup, that is
// whether its visible text may differ from its source. Without it, the
// text is taken from the source as written, without goldmark's inline
// pass.
func hasInlineMarkup(b []byte) bool {
	return bytes.ContainsAny(b, inlineTriggers) || bytes.Contains(b, []byte("](")) || bytes.Contains(b, []byte("{{")) ||
		bytes.Contains(b, []byte("{:")) || bytes.Contains(b, []byte("{#"))
}

// inlineText is the visible text of a block's inline content being built:
// its lines, their source line numbers and the marks of its formatting.
type inlineText struct {
	r     *markdownReader
	sb    strings.Builder
	nums  []int  // the source line of each line of sb
	marks []Mark // at offsets in sb
	open  []Mark // inline HTML formatting tags open, End unset
	// cell is set in a table cell, where "\|" is a pipe even in code.
	cell bool
	// hidden is the element whose content shows nothing ("script") while
	// it is open, or "".
	hidden string
}

// visibleLines returns the text a reader sees of block node n (whose
// children are inline nodes) as lines with their source line numbers,
// and the marks of its formatting at offsets in the lines joined by line
// breaks (see joinLines). Each line loses its trailing white space.
func (r *markdownReader) visibleLines(n ast.Node) ([]sourceLine, []Mark) {
	_, cell := n.(*extast.TableCell)
	t := inlineText{r: r, nums: []int{r.firstLine(n)}, cell: cell}
	t.children(n)
	return t.lines()
}

// children reads the inline children of n.
func (t *inlineText) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t.node(c)
	}
}

// node reads one inline node.
func (t *inlineText) node(n ast.Node) {
	src := t.r.src
	switch n := n.(type) {
	case *ast.Text:
		if t.hidden != "" {
			break
		}
		if n.IsRaw() {
			t.sb.Write(n.Segment.Value(src))
		} else {
			t.sb.WriteString(kramdownText(decodeMarkdownText(n.Segment.Value(src))))
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			t.newline(t.r.line(n.Segment.Stop) + 1)
		}
	case *ast.String:
		t.sb.Write(n.Value)
	case *ast.CodeSpan:
		start := t.sb.Len()
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if text, ok := c.(*ast.Text); ok {
				value := text.Segment.Value(src)
				if t.cell {
					value = bytes.ReplaceAll(value, []byte("\\|"), []byte("|"))
				}
				t.sb.Write(bytes.TrimSuffix(value, []byte("\n")))
				if bytes.HasSuffix(value, []byte("\n")) {
					t.sb.WriteByte(' ') // a line end in a code span is a space
				}
			}
		}
		t.mark(start, CodeSpan, "")
	case *ast.Emphasis:
		start := t.sb.Len()
		t.children(n)
		style := Emphasis
		if n.Level >= 2 {
			style = Strong
		}
		t.mark(start, style, "")
	case *extast.Strikethrough:
		start := t.sb.Len()
		t.children(n)
		t.mark(start, Strikethrough, "")
	case *ast.Link:
		start := t.sb.Len()
		t.children(n)
		t.mark(start, Link, decodeMarkdownText(n.Destination))
	case *ast.Image:
		t.children(n) // its alt text, which is what a reader is given
	case *ast.AutoLink:
		start := t.sb.Len()
		label := n.Label(src)
		t.sb.Write(label)
		address := string(n.URL(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(address), "mailto:") {
			address = "mailto:" + address
		}
		t.mark(start, Link, address)
	case *ast.RawHTML:
		var tag []byte
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			tag = append(tag, seg.Value(src)...)
		}
		t.htmlTag(tag)
	default:
		t.children(n)
	}
}

// mark adds a mark of style from start to the end of the text so far.
func (t *inlineText) mark(start int, style Style, value string) {
	if end := t.sb.Len(); end > start {
		t.marks = append(t.marks, Mark{Start: int32(start), End: int32(end), Style: style, Value: value})
	}
}

// newline ends a line; the next starts on source line num.
func (t *inlineText) newline(num int) {
	t.sb.WriteByte('\n')
	t.nums = append(t.nums, max(num, t.nums[len(t.nums)-1]))
}

// htmlStyles are the inline HTML elements read as formatting.
var htmlStyles = map[string]Style{
	"em": Emphasis, "i": Emphasis, "cite": Emphasis, "dfn": Emphasis, "var": Emphasis,
	"strong": Strong, "b": Strong,
	"code": CodeSpan, "kbd": CodeSpan, "samp": CodeSpan, "tt": CodeSpan,
	"del": Strikethrough, "s": Strikethrough, "strike": Strikethrough,
	"sup": Superscript, "sub": Subscript,
}

// htmlTag reads an inline HTML tag, comment or declaration: a line break
// for <br>, the start or end of a mark for a formatting element and for a
// link (<a href>); anything else shows nothing.
func (t *inlineText) htmlTag(tag []byte) {
	name, closing, attrs := htmlTagName(tag)
	switch {
	case t.hidden != "":
		if closing && name == t.hidden {
			t.hidden = ""
		}
	case htmlSkipped[name] && !closing:
		t.hidden = name
	case name == "br" && !closing:
		t.newline(t.nums[len(t.nums)-1])
	case name == "a" && !closing:
		t.open = append(t.open, Mark{Start: int32(t.sb.Len()), Style: Link, Value: htmlAttr(attrs, "href")})
	case name == "a":
		t.closeTag(Link)
	case htmlStyles[name] != 0 && !closing:
		t.open = append(t.open, Mark{Start: int32(t.sb.Len()), Style: htmlStyles[name]})
	case htmlStyles[name] != 0:
		t.closeTag(htmlStyles[name])
	}
}

// closeTag closes the innermost open tag of style, if any.
func (t *inlineText) closeTag(style Style) {
	for k := len(t.open) - 1; k >= 0; k-- {
		if t.open[k].Style == style {
			m := t.open[k]
			t.open = append(t.open[:k], t.open[k+1:]...)
			t.mark(int(m.Start), m.Style, m.Value)
			return
		}
	}
}

// lines returns the text built as lines, each without trailing white
// space, and the marks at offsets in the lines joined by line breaks.
// Tags left open close at the end.
func (t *inlineText) lines() ([]sourceLine, []Mark) {
	for len(t.open) > 0 {
		t.closeTag(t.open[len(t.open)-1].Style)
	}
	text := t.sb.String()
	// shift[k] is how many bytes of trailing space were removed before
	// line k; an offset past the end of a trimmed line moves to its end.
	lines := make([]sourceLine, 0, len(t.nums))
	type cut struct{ from, to, removed int }
	var cuts []cut
	removed, start := 0, 0
	for k := 0; ; k++ {
		end := strings.IndexByte(text[start:], '\n')
		last := end < 0
		if last {
			end = len(text)
		} else {
			end += start
		}
		line := strings.TrimRightFunc(text[start:end], unicode.IsSpace)
		num := t.nums[min(k, len(t.nums)-1)]
		lines = append(lines, sourceLine{line, num})
		cuts = append(cuts, cut{start + len(line), end, removed})
		removed += end - start - len(line)
		if last {
			break
		}
		start = end + 1
	}
	move := func(off int32) int32 {
		o := int(off)
		// The line the offset is on: cuts are in order of their ends.
		if k := sort.Search(len(cuts), func(k int) bool { return o <= cuts[k].to }); k < len(cuts) {
			return int32(min(o, cuts[k].from) - cuts[k].removed)
		}
		return int32(o - removed)
	}
	marks := t.marks
	for k := range marks {
		marks[k].Start, marks[k].End = move(marks[k].Start), move(marks[k].End)
	}
	return lines, marks
}

// markWindow gives the marks of successive stretches of a text, each
// after the one before, in time linear in the marks and stretches: it
// keeps the marks that reach past the stretch it gave last.
type markWindow struct {
	next int    // the first mark not yet looked at
	open []Mark // marks looked at that may reach later stretches
}

// in returns the marks (sorted by Start) that fall within text[start:end],
// moved to offsets from start; nil for none. Each call's start is at least
// the last call's end.
func (w *markWindow) in(marks []Mark, start, end int) []Mark {
	var out []Mark
	keep := w.open[:0]
	add := func(m Mark) {
		s, e := max(int(m.Start), start), min(int(m.End), end)
		if s < e || s == e && m.Style == Rejoined && s == int(m.Start) {
			out = append(out, Mark{Start: int32(s - start), End: int32(e - start), Style: m.Style, Value: m.Value})
		}
		if int(m.End) > end {
			keep = append(keep, m)
		}
	}
	for _, m := range w.open {
		add(m)
	}
	for ; w.next < len(marks) && int(marks[w.next].Start) <= end; w.next++ {
		add(marks[w.next])
	}
	w.open = keep
	return out
}

// decodeMarkdownText returns the text that Markdown source s, outside code,
// shows: backslash escapes of ASCII punctuation resolved, and entity and
// numeric character references ("&amp;", "&#8212;") decoded, in one pass
// as CommonMark reads them ("\&amp;" shows "&amp;"). A NUL reference shows
// U+FFFD.
func decodeMarkdownText(s []byte) string {
	if !bytes.ContainsAny(s, "\\&") {
		return string(s)
	}
	var sb strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			sb.WriteByte(s[i+1])
			i += 2
			continue
		case c == '&':
			if n := referenceLen(s[i:]); n > 0 {
				decoded := html.UnescapeString(string(s[i : i+n]))
				if decoded == "\x00" || !utf8.ValidString(decoded) {
					decoded = "\uFFFD"
				}
				sb.WriteString(strings.ReplaceAll(decoded, "\x00", "\uFFFD"))
				i += n
				continue
			}
		}
		sb.WriteByte(c)
		i++
	}
	return sb.String()
}

// referenceLen returns the length of the entity or numeric character
// reference at the start of s ("&amp;", "&#35;", "&#x22;") that html
// decodes, or 0.
func referenceLen(s []byte) int {
	end := bytes.IndexByte(s[:min(len(s), 40)], ';')
	if end < 2 {
		return 0
	}
	body := s[1:end]
	if body[0] == '#' {
		digits := body[1:]
		hex := len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X')
		if hex {
			digits = digits[1:]
		}
		if len(digits) == 0 || len(digits) > 7 || hex && len(digits) > 6 {
			return 0
		}
		for _, d := range digits {
			if !('0' <= d && d <= '9' || hex && ('a' <= d|0x20 && d|0x20 <= 'f')) {
				return 0
			}
		}
		return end + 1
	}
	for _, c := range body {
		if !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
			return 0
		}
	}
	if html.UnescapeString(string(s[:end+1])) == string(s[:end+1]) {
		return 0 // not a known entity
	}
	return end + 1
}

// isASCIIPunct reports whether c is ASCII punctuation, which a backslash
// escapes.
func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

// htmlTagName returns the lower-case name of an HTML tag ("em" for
// "<EM class=x>"), whether it closes ("</em>"), and its attributes' text;
// "" for a comment, declaration or processing instruction.
func htmlTagName(tag []byte) (name string, closing bool, attrs []byte) {
	if len(tag) < 3 || tag[0] != '<' {
		return "", false, nil
	}
	i := 1
	if tag[i] == '/' {
		closing = true
		i++
	}
	j := i
	for j < len(tag) && ('a' <= tag[j]|0x20 && tag[j]|0x20 <= 'z' || j > i && '0' <= tag[j] && tag[j] <= '9') {
		j++
	}
	return strings.ToLower(string(tag[i:j])), closing, tag[j:]
}

// htmlAttr returns the value of attribute name in attrs (an HTML tag's
// text after its name), entities decoded, or "".
func htmlAttr(attrs []byte, name string) string {
	s := string(attrs)
	lower := strings.ToLower(s)
	for from := 0; ; {
		k := strings.Index(lower[from:], name)
		if k < 0 {
			return ""
		}
		k += from
		from = k + len(name)
		if k > 0 && !unicode.IsSpace(rune(lower[k-1])) {
			continue
		}
		rest := strings.TrimLeftFunc(s[from:], unicode.IsSpace)
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeftFunc(rest[1:], unicode.IsSpace)
		if rest == "" {
			return ""
		}
		var value string
		if q := rest[0]; q == '"' || q == '\'' {
			value, _, _ = strings.Cut(rest[1:], string(q))
		} else if fields := strings.FieldsFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '>' }); len(fields) > 0 {
			value = fields[0]
		}
		return html.UnescapeString(value)
	}
}

// kramdownText returns s as kramdown shows it: a kramdown-rfc reference
// "{{RFC9000}}" (also "{{?RFC9000}}", "{{!RFC9000}}") as its citation
// "[RFC9000]", "{{Section 3 of RFC9000}}" as "Section 3 of [RFC9000]",
// any other "{{X}}" (Bikeshed's) as X; an inline attribute list ("{: .x}",
// "{#id}", "{::comment}") as nothing.
func kramdownText(s string) string {
	if !strings.Contains(s, "{{") && !strings.Contains(s, "{:") && !strings.Contains(s, "{#") {
		return s
	}
	var sb strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 || i+1 >= len(s) {
			break
		}
		sb.WriteString(s[:i])
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "{{"):
			end := strings.Index(s, "}}")
			if end < 0 || strings.ContainsAny(s[2:end], "{\n") {
				sb.WriteString("{{")
				s = s[2:]
				continue
			}
			sb.WriteString(kramdownReference(s[2:end]))
			s = s[end+2:]
		case s[1] == ':' || s[1] == '#':
			end := strings.IndexByte(s, '}')
			if end < 0 || strings.ContainsAny(s[1:end], "{\n") {
				sb.WriteString(s[:2])
				s = s[2:]
				continue
			}
			s = s[end+1:]
		default:
			sb.WriteByte('{')
			s = s[1:]
		}
	}
	sb.WriteString(s)
	return sb.String()
}

// kramdownReference returns how the reference "{{ref}}" shows.
func kramdownReference(ref string) string {
	ref = strings.TrimSpace(ref)
	isCitation := func(r string) bool {
		for _, prefix := range []string{"RFC", "I-D.", "BCP", "STD", "FYI", "W3C.", "ISO", "IEEE"} {
			if strings.HasPrefix(r, prefix) {
				return true
			}
		}
		return false
	}
	bare := strings.TrimLeft(ref, "?!")
	if isCitation(bare) && !strings.ContainsAny(bare, " \t") {
		return "[" + bare + "]"
	}
	for _, sep := range []string{" of ", " in "} {
		if before, after, ok := strings.Cut(bare, sep); ok && isCitation(after) {
			return before + sep + "[" + after + "]"
		}
	}
	return bare
}
