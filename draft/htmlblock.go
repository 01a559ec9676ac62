package draft

import (
	"math"

	"github.com/yuin/goldmark/ast"
)

// This file reads the HTML blocks of a Markdown draft for what a reader
// sees of them, through the HTML reader (html.go), which alone imports an
// HTML parser.

// htmlSkipped are the inline elements whose content shows nothing.
var htmlSkipped = map[string]bool{"script": true, "style": true, "template": true, "noscript": true, "head": true, "title": true}

// htmlBlock adds the blocks an HTML block shows, read as an HTML page is
// (see readHTMLBlocks): at the level of the scope it stands in, its
// paragraphs Quotes in a block quote. Should the HTML parser refuse it
// (nested past its limit), its source is one paragraph.
func (r *markdownReader) htmlBlock(n *ast.HTMLBlock, sc scope, quoted bool) {
	lines := r.sourceLines(n)
	if len(lines) == 0 {
		return
	}
	src := joinLines(lines)
	blocks, ok := readHTMLBlocks(src, lines[0].num)
	if !ok {
		r.paragraph(quoteKind(quoted), sc, src, lines[0].num)
		return
	}
	for _, b := range blocks {
		if b.Kind != Heading {
			b.Level = int16(min(int(b.Level)+sc.level, math.MaxInt16))
		}
		if quoted && b.Kind == Paragraph {
			b.Kind = Quote
		}
		switch {
		case b.Kind == Heading:
			r.outline.reset()
		case b.Label != "" && !r.outline.isSub(b.Label):
			r.outline.start(b.Label)
		}
		r.add(b)
	}
}
