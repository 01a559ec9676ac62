package draft

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// This file reads the HTML blocks of a Markdown draft for what a reader
// sees of them: a heading element ("<h3 id=…>Title</h3>") is a heading,
// "<pre>" a Code block, each other block-level element a paragraph of its
// text, with inline elements read as formatting (see htmlStyles); tags,
// comments, scripts and styles show nothing.

// htmlSkipped are the elements whose content shows nothing.
var htmlSkipped = map[string]bool{"script": true, "style": true, "template": true, "noscript": true, "head": true, "title": true}

// htmlBlockLevel are the elements that end a paragraph where they open or
// close.
var htmlBlockLevel = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "caption": true,
	"blockquote": true, "section": true, "article": true, "aside": true, "header": true, "footer": true,
	"nav": true, "main": true, "figure": true, "figcaption": true, "details": true, "summary": true,
	"hr": true, "address": true, "center": true, "body": true, "html": true, "form": true, "fieldset": true,
}

// htmlBlockReader reads one HTML block.
type htmlBlockReader struct {
	r      *markdownReader
	sc     scope
	kind   Kind
	src    string // the block's source lines joined by line breaks
	first  int    // the source line of its first line
	text   inlineText
	num    int // the source line of the paragraph being read, 0 if none
	pendSp bool
}

// htmlBlock adds the blocks an HTML block shows.
func (r *markdownReader) htmlBlock(n *ast.HTMLBlock, sc scope, quoted bool) {
	lines := r.sourceLines(n)
	if len(lines) == 0 {
		return
	}
	h := &htmlBlockReader{r: r, sc: sc, kind: quoteKind(quoted), src: joinLines(lines), first: lines[0].num}
	h.text = inlineText{r: r, nums: []int{h.first}}
	h.read()
}

// lineAt returns the source line of offset off in the block.
func (h *htmlBlockReader) lineAt(off int) int {
	return h.first + strings.Count(h.src[:off], "\n")
}

// read reads the block's elements and text in order.
func (h *htmlBlockReader) read() {
	s := h.src
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			h.addText(s[i:i+j], i)
			i += j
			continue
		}
		end := htmlTagEnd(s, i)
		tag := s[i:end]
		name, closing, _ := htmlTagName([]byte(tag))
		switch {
		case name == "":
			// A comment, declaration or a "<" that opens no tag.
			if !strings.HasPrefix(tag, "<!") && !strings.HasPrefix(tag, "<?") {
				h.addText(tag, i)
			}
		case htmlSkipped[name] && !closing:
			end = htmlElementEnd(s, end, name)
		case name == "pre" && !closing:
			close := htmlElementEnd(s, end, name)
			h.flush()
			h.pre(s[end:htmlContentEnd(s, end, close)], h.lineAt(end))
			end = close
		case len(name) == 2 && name[0] == 'h' && '1' <= name[1] && name[1] <= '6' && !closing:
			close := htmlElementEnd(s, end, name)
			h.flush()
			h.element(s[end:htmlContentEnd(s, end, close)], end)
			h.flushHeading(int(name[1] - '0'))
			end = close
		case htmlBlockLevel[name]:
			h.flush()
		case name == "td" || name == "th":
			h.pendSp = true
		default:
			if !closing && h.pendSp {
				h.text.sb.WriteByte(' ') // before the element it opens
				h.pendSp = false
			}
			h.text.htmlTag([]byte(tag))
		}
		i = end
	}
	h.flush()
}

// element reads the content of an element (a heading's), from offset off.
func (h *htmlBlockReader) element(content string, off int) {
	for i := 0; i < len(content); {
		if content[i] != '<' {
			j := strings.IndexByte(content[i:], '<')
			if j < 0 {
				j = len(content) - i
			}
			h.addText(content[i:i+j], off+i)
			i += j
			continue
		}
		end := htmlTagEnd(content, i)
		h.text.htmlTag([]byte(content[i:end]))
		i = end
	}
}

// addText adds text found at offset off, its entities decoded and its
// white space collapsed, as a browser shows it.
func (h *htmlBlockReader) addText(s string, off int) {
	space := false // white space before the next word
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = true
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if h.num == 0 {
			h.num = h.lineAt(off + i)
			h.text.nums[0] = max(h.text.nums[0], h.num)
		} else if space || h.pendSp {
			h.text.sb.WriteByte(' ')
		}
		h.pendSp, space = false, false
		word := html.UnescapeString(s[i:j])
		h.text.sb.WriteString(strings.ReplaceAll(strings.Join(strings.Fields(word), " "), "\x00", "\uFFFD"))
		i = j
	}
	if space && h.num != 0 {
		h.pendSp = true
	}
}

// flush adds the paragraph read so far, if any.
func (h *htmlBlockReader) flush() {
	if h.num != 0 {
		lines, marks := h.text.lines()
		h.r.paragraph(h.kind, h.sc, joinLines(lines), h.num, marks...)
	}
	h.restart()
}

// flushHeading adds the text read so far as a heading of level.
func (h *htmlBlockReader) flushHeading(level int) {
	if h.num != 0 {
		lines, marks := h.text.lines()
		h.r.heading(level, joinLines(lines), h.num, marks...)
	}
	h.restart()
}

// restart starts a new paragraph.
func (h *htmlBlockReader) restart() {
	h.text = inlineText{r: h.r, nums: []int{h.text.nums[len(h.text.nums)-1]}}
	h.num, h.pendSp = 0, false
}

// pre adds the content of a <pre> element, starting on source line num, as
// a Code block: its tags left out, entities decoded, lines kept.
func (h *htmlBlockReader) pre(content string, num int) {
	var sb strings.Builder
	for i := 0; i < len(content); {
		if content[i] == '<' {
			end := htmlTagEnd(content, i)
			if name, _, _ := htmlTagName([]byte(content[i:end])); name != "" || strings.HasPrefix(content[i:], "<!") {
				i = end
				continue
			}
		}
		j := strings.IndexByte(content[i+1:], '<')
		if j < 0 {
			j = len(content) - i - 1
		}
		sb.WriteString(content[i : i+1+j])
		i += 1 + j
	}
	text := strings.ReplaceAll(html.UnescapeString(sb.String()), "\x00", "\uFFFD")
	var lines []sourceLine
	if rest, ok := strings.CutPrefix(text, "\n"); ok {
		text, num = rest, num+1 // a line break right after <pre> shows nothing
	}
	for k, line := range strings.Split(text, "\n") {
		lines = append(lines, sourceLine{strings.TrimRightFunc(line, unicode.IsSpace), num + k})
	}
	h.r.addCode(lines, h.sc)
}

// htmlTagEnd returns the offset after the tag, comment or declaration that
// starts at s[i] ("<"), or after the "<" alone if none closes.
func htmlTagEnd(s string, i int) int {
	if strings.HasPrefix(s[i:], "<!--") {
		if j := strings.Index(s[i+4:], "-->"); j >= 0 {
			return i + 4 + j + 3
		}
		return len(s)
	}
	quote := byte(0)
	for j := i + 1; j < len(s); j++ {
		switch c := s[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		case c == '<':
			return i + 1
		}
	}
	return i + 1
}

// htmlElementEnd returns the offset after the closing tag of element name
// whose content starts at s[from], or the end of s.
func htmlElementEnd(s string, from int, name string) int {
	lower := strings.ToLower(s[from:])
	j := strings.Index(lower, "</"+name)
	if j < 0 {
		return len(s)
	}
	if k := strings.IndexByte(s[from+j:], '>'); k >= 0 {
		return from + j + k + 1
	}
	return len(s)
}

// htmlContentEnd returns where the content of an element that starts at
// from and whose closing tag ends at close stops: before the closing tag.
func htmlContentEnd(s string, from, close int) int {
	if k := strings.LastIndex(s[from:close], "</"); k >= 0 {
		return from + k
	}
	return close
}
