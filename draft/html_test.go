package draft

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mk returns b with a mark of style over the first sub in its text (an
// address for a link), marks kept in their canonical order.
func mk(b Block, style Style, sub string, value ...string) Block {
	m := Mark{Start: -1, End: -1, Style: style, Value: strings.Join(value, "")}
	if i := strings.Index(b.Text, sub); i >= 0 {
		m.Start, m.End = int32(i), int32(i+len(sub))
	}
	b.SetMarks(NormalizeMarks(append(slices.Clone(b.Marks()), m)))
	return b
}

// mkLast is mk over the last sub in b's text.
func mkLast(b Block, style Style, sub string, value ...string) Block {
	i := strings.LastIndex(b.Text, sub)
	if i < 0 {
		return mk(b, style, sub, value...)
	}
	m := Mark{Start: int32(i), End: int32(i + len(sub)), Style: style, Value: strings.Join(value, "")}
	b.SetMarks(NormalizeMarks(append(slices.Clone(b.Marks()), m)))
	return b
}

// formatMarkedBlocks lists blocks one a line with their marks, for
// failure messages.
func formatMarkedBlocks(blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		fmt.Fprintf(&sb, "\n\tB(%v, %d, %q, %q, %d)", b.Kind, b.Level, b.Label, b.Text, b.Line)
		for _, m := range b.Marks() {
			if m.Start >= 0 && m.Start <= m.End && int(m.End) <= len(b.Text) {
				fmt.Fprintf(&sb, " %d%q%q", m.Style, b.Text[m.Start:m.End], m.Value)
			} else {
				fmt.Fprintf(&sb, " %+v", m)
			}
		}
	}
	return sb.String()
}

// checkHTML reads src as HTML and compares its blocks, marks included.
func checkHTML(t *testing.T, name, src string, want []Block) {
	t.Helper()
	d, err := Read(name, []byte(src), HTML)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if !slices.EqualFunc(d.Blocks, want, Block.Equal) {
		t.Errorf("got:%s\nwant:%s", formatMarkedBlocks(d.Blocks), formatMarkedBlocks(want))
	}
	if len(d.Warnings) > 0 {
		t.Errorf("unexpected warnings %q", d.Warnings)
	}
}

// TestReadHTML reads small pages, each showing one thing the reader does.
func TestReadHTML(t *testing.T) {
	P, H, L, Q, R, C := Paragraph, Heading, ListItem, Quote, TableRow, Code
	tests := []readCase{
		{"white space and entities", "<p>  The\n   Council &amp;\tits&nbsp;organs  </p>",
			[]Block{B(P, 0, "", "The Council & its\u00a0organs", 1)}},
		{"line breaks", "<p>one <br> two<br/>\nthree<br></p><p><br>four</p>",
			[]Block{B(P, 0, "", "one\ntwo\nthree", 1), B(P, 0, "", "four", 2)}},
		{"headings", "<h1>Title</h1>\n<h3 id=\"s\">A. Scope</h3>\n<h6>IV. Annex</h6>\n<div role=heading aria-level=4>Made up</div>\n<div role=heading>No level</div>",
			[]Block{B(H, 1, "", "Title", 1), B(H, 3, "A.", "Scope", 2), B(H, 6, "IV.", "Annex", 3), B(H, 4, "", "Made up", 4), B(H, 2, "", "No level", 5)}},
		{"typed labels split", "<p>12.\tDecides</p><p>(a) first;</p><p>12 bis. Inserted</p>",
			[]Block{B(P, 0, "12.", "Decides", 1), B(P, 1, "(a)", "first;", 1), B(P, 0, "12 bis.", "Inserted", 1)}},
		{"list numbers as shown", "<ol start=12><li>x<li>y</ol>\n<ol type=a><li>p<li value=4>q<li>r</ol>\n<ol type=I start=3><li>s</ol>\n<ol type=i><li>t</ol>\n<ol type=A reversed><li>u<li>v</ol>",
			[]Block{B(L, 0, "12.", "x", 1), B(L, 0, "13.", "y", 1), B(L, 0, "a.", "p", 2), B(L, 0, "d.", "q", 2), B(L, 0, "e.", "r", 2),
				B(L, 0, "III.", "s", 3), B(L, 0, "i.", "t", 4), B(L, 0, "B.", "u", 5), B(L, 0, "A.", "v", 5)}},
		{"bullets and hidden markers take typed labels", "<ul><li>(a) one<li>two</ul><ol style=\"list-style: none\"><li>7. seven</li></ol><ol><li style='list-style-type:none'>1 bis. x</li><li>y</li></ol>",
			[]Block{B(L, 0, "(a)", "one", 1), B(L, 0, "", "two", 1), B(L, 0, "7.", "seven", 1), B(L, 0, "1 bis.", "x", 1), B(L, 0, "2.", "y", 1)}},
		{"nested lists", "<ol>\n<li>Decides:\n<ol type=a>\n<li>one;\n<ul><li>deep</li></ul></li>\n<li>two.</li></ol></li>\n<li>Next</li></ol>",
			[]Block{B(L, 0, "1.", "Decides:", 2), B(L, 1, "a.", "one;", 4), B(L, 2, "", "deep", 5), B(L, 1, "b.", "two.", 6), B(L, 0, "2.", "Next", 7)}},
		{"item paragraphs", "<ol><li><p>First</p><p>(a) sub</p><p>More</p></li><li><ol><li>inner</li></ol></li><li></li></ol>",
			[]Block{B(L, 0, "1.", "First", 1), B(P, 1, "(a)", "sub", 1), B(P, 1, "", "More", 1),
				B(L, 0, "2.", "", 1), B(L, 1, "1.", "inner", 1), B(L, 0, "3.", "", 1)}},
		{"quotes", "<blockquote><p>Quoted</p>loose<blockquote>deeper</blockquote></blockquote>",
			[]Block{B(Q, 0, "", "Quoted", 1), B(Q, 0, "", "loose", 1), B(Q, 0, "", "deeper", 1)}},
		{"tables", "<table><caption>Table 1</caption><tr><th>A</th><th> B </th></tr>\n<tr><td><p>1</p><p>2</p></td><td>x<br>y</td></tr>\n<tr><td> </td><td></td></tr>\n<tr><td>n<table><tr><td>i</td><td>j</td></tr></table></td><td></td></tr></table>",
			[]Block{B(P, 0, "", "Table 1", 1), B(R, 0, "", "A | B", 1), B(R, 0, "", "1 2 | x y", 2), B(R, 0, "", "n i j |", 4)}},
		{"layout tables", "<table><tr><td><h1>Bill</h1><p>1. One</p><p>2. Two</p></td><td>Side</td></tr></table>" +
			"<table role=presentation><tr><td>a</td><td>b</td></tr></table><table><tr><td><p>x</p></td><td>y</td></tr></table>" +
			"<table><tr><td><ul><li>item</li></ul></td></tr></table>",
			[]Block{B(H, 1, "", "Bill", 1), B(P, 0, "1.", "One", 1), B(P, 0, "2.", "Two", 1), B(P, 0, "", "Side", 1),
				B(P, 0, "", "a", 1), B(P, 0, "", "b", 1), B(R, 0, "", "x | y", 1), B(L, 0, "", "item", 1)}},
		{"pre is code", "<pre>\n  indented   \n\tline <b>two</b>\n\n<code>end</code>\n</pre><p>after</p>",
			[]Block{mk(B(C, 0, "", "indented\n\tline two\n\nend", 1), Strong, "two"), B(P, 0, "", "after", 6)}},
		{"left out", "<!-- <p>comment</p> --><head><title>T</title><style>p{}</style></head><script>x()</script>" +
			"<template><p>tpl</p></template><noscript>ns</noscript><nav>menu</nav><p hidden>h</p><p aria-hidden=true>ah</p>" +
			"<p aria-hidden=false>shown</p><p style=\"display: none\">dn</p><div role=navigation>crumbs</div><header>site</header>" +
			"<p>kept<span style=visibility:hidden> not</span></p><footer>foot</footer><svg><text>svg</text></svg><button>Print</button>",
			[]Block{B(P, 0, "", "shown", 1), B(P, 0, "", "kept", 1)}},
		{"sectioning header and footer kept", "<article><header><h1>Bill</h1></header><p>Text</p><footer>Printed</footer></article>",
			[]Block{B(H, 1, "", "Bill", 1), B(P, 0, "", "Text", 1), B(P, 0, "", "Printed", 1)}},
		{"loose text in divs", "<div>Before<p>para</p>after <span>span</span></div><section>sec<div>inner</div></section>",
			[]Block{B(P, 0, "", "Before", 1), B(P, 0, "", "para", 1), B(P, 0, "", "after span", 1), B(P, 0, "", "sec", 1), B(P, 0, "", "inner", 1)}},
		{"definition lists and figures", "<dl><dt>Term</dt><dd>Meaning</dd></dl><figure><img alt=\"A chart\"><figcaption>Figure 1</figcaption></figure>",
			[]Block{B(P, 0, "", "Term", 1), B(P, 1, "", "Meaning", 1), B(P, 0, "", "A chart", 1), B(P, 0, "", "Figure 1", 1)}},
		{"specification markup is text", "<p>A <dfn id=d>draft<a class=self-link href=#d></a></dfn> has <var>n</var> <span class=x>blocks</span>.</p>",
			[]Block{B(P, 0, "", "A draft has n blocks.", 1)}},
		{"line numbers", "<html>\n<body>\n<h1>T</h1>\n\n<p>one\ntwo</p>\n<ul>\n<li>a</li>\n</ul>\n<table>\n<tr>\n<td>c</td></tr></table>\n<p>x</p>",
			[]Block{B(H, 1, "", "T", 3), B(P, 0, "", "one two", 5), B(L, 0, "", "a", 8), B(R, 0, "", "c", 12), B(P, 0, "", "x", 13)}},
		{"empty", "", nil},
		{"text only", "just text", []Block{B(P, 0, "", "just text", 1)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkHTML(t, tc.name, tc.input, tc.want) })
	}
}

// TestReadHTMLMarks reads inline formatting as marks over the text a
// reader sees.
func TestReadHTMLMarks(t *testing.T) {
	P, L, R, H := Paragraph, ListItem, TableRow, Heading
	tests := []readCase{
		{"each style", "<p><em>e</em> <i>i</i> <strong>s</strong> <b>b</b> <code>c</code> <kbd>k</kbd> <samp>m</samp> " +
			"<a href=\" /x \">a</a> <a name=n>anchor</a> <del>d</del> <s>t</s> x<sup>2</sup> y<sub>3</sub></p>",
			[]Block{mk(mk(mk(mk(mk(mk(mk(mk(mk(mk(mk(mk(B(P, 0, "", "e i s b c k m a anchor d t x2 y3", 1),
				Emphasis, "e"), Emphasis, "i"), Strong, "s"), Strong, "b"), CodeSpan, "c"), CodeSpan, "k"), CodeSpan, "m"),
				Link, "a", "/x"), Strikethrough, "d"), Strikethrough, "t"), Superscript, "2"), Subscript, "3")}},
		{"white space outside marks", "<p>The <i> Council </i> met</p>",
			[]Block{mk(B(P, 0, "", "The Council met", 1), Emphasis, "Council")}},
		{"nested and split runs", "<p><b>bold <i>both</i></b><b> more</b></p>",
			[]Block{mk(mk(B(P, 0, "", "bold both more", 1), Strong, "bold both more"), Emphasis, "both")}},
		{"label moved out", "<p><b>12.</b> <i>Decides</i> that</p>",
			[]Block{mk(B(P, 0, "12.", "Decides that", 1), Emphasis, "Decides")}},
		{"across blocks", "<b>one<p>two</p>three</b>",
			[]Block{mk(B(P, 0, "", "one", 1), Strong, "one"), mk(B(P, 0, "", "two", 1), Strong, "two"), mk(B(P, 0, "", "three", 1), Strong, "three")}},
		{"in items headings and rows", "<h2><a href=#s>2. Scope</a></h2><ol><li><i>Notes</i> x</li></ol><table><tr><td>a</td><td><b>b</b> c</td></tr></table>",
			[]Block{mk(B(H, 2, "2.", "Scope", 1), Link, "Scope", "#s"), mk(B(L, 0, "1.", "Notes x", 1), Emphasis, "Notes"), mk(B(R, 0, "", "a | b c", 1), Strong, "b")}},
		{"code in pre is not a span", "<pre><code>x := 1</code></pre>",
			[]Block{B(Code, 0, "", "x := 1", 1)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkHTML(t, tc.name, tc.input, tc.want) })
	}
}

// TestReadHTMLFiles reads the pages of testdata/html, written in the forms
// real sources publish.
func TestReadHTMLFiles(t *testing.T) {
	P, H, L, R, C := Paragraph, Heading, ListItem, TableRow, Code
	// The same resolution with typed paragraph numbers and as lists: the
	// same blocks but for kinds, lines and the list's letters "a." where
	// the typed text has "(a)".
	res := func(kind Kind, lines []int, sub func(string) string) []Block {
		return []Block{
			B(P, 0, "", "A/RES/80/12", lines[0]),
			B(H, 1, "", "80/12. Open data for sustainable development", lines[1]),
			mk(B(P, 0, "", "The General Assembly,", lines[2]), Emphasis, "The General Assembly"),
			mk(B(P, 0, "", "Recalling its resolution 70/1 of 25\u00a0September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”,", lines[3]), Emphasis, "Recalling"),
			mk(mk(B(P, 0, "", "Noting with appreciation the report of the Secretary-General,1", lines[4]), Emphasis, "Noting with appreciation"), Superscript, "1"),
			mk(B(kind, 0, "1.", "Welcomes the efforts of Member States to publish statistical data in open formats;", lines[5]), Emphasis, "Welcomes"),
			mk(B(kind, 0, "2.", "Encourages Member States:", lines[6]), Emphasis, "Encourages"),
			B(kind, 1, sub("a"), "To adopt open licences for public data;", lines[7]),
			mk(B(kind, 1, sub("b"), "To share data across borders, in accordance with national law;", lines[8]), Strong, "in accordance with"),
			mk(B(kind, 0, "2 bis.", "Requests the Secretary-General to report on the implementation of the present resolution at its eighty-second session;", lines[9]), Emphasis, "Requests"),
			mk(B(kind, 0, "3.", "Decides to remain seized of the matter.", lines[10]), Emphasis, "Decides"),
			mk(mk(B(P, 0, "", "1 A/80/150.", lines[11]), Superscript, "1"), Link, "A/80/150", "https://undocs.org/A/80/150"),
		}
	}
	typed := res(P, []int{10, 11, 12, 13, 15, 16, 18, 19, 20, 21, 23, 25}, func(s string) string { return "(" + s + ")" })
	typed[7].Kind, typed[8].Kind = P, P
	listed := res(L, []int{9, 10, 11, 12, 14, 16, 18, 20, 21, 24, 26, 29}, func(s string) string { return s + "." })
	tests := []struct {
		file string
		want []Block
	}{
		{"resolution-typed.html", typed},
		{"resolution-ol.html", listed},
		{"bill.html", []Block{
			B(H, 1, "", "Open Data Bill", 20),
			B(P, 0, "", "A BILL TO make provision about the publication of public data; and for connected purposes.", 21),
			mk(B(P, 0, "", "Be it enacted by the King's most Excellent Majesty, by and with the advice and consent of the Lords Spiritual and Temporal, and Commons, in this present Parliament assembled, as follows:—", 23), Strong, "Be it enacted"),
			B(H, 2, "", "Part 1\nPublication of data", 26),
			B(H, 3, "", "1 Duty to publish", 27),
			B(P, 1, "(1)", "A public authority must publish each dataset it holds in an open format.", 28),
			mk(mk(B(P, 1, "(2)", "Subsection (1) does not apply to a dataset whose publication would contravene the Data Protection Act 2018.", 29),
				Emphasis, "Data Protection Act 2018"), Link, "Data Protection Act 2018", "https://www.legislation.gov.uk/ukpga/2018/12"),
			B(P, 1, "(3)", "In this section—", 31),
			B(P, 0, "", "“dataset”", 33),
			B(P, 1, "", "means a collection of information held in electronic form;", 33),
			B(P, 0, "", "“open format”", 34),
			B(P, 1, "", "means a format that is not proprietary.", 34),
			B(H, 3, "", "2 Exemptions", 36),
			B(P, 1, "(1)", "The Secretary of State may by regulations exempt—", 37),
			B(P, 2, "(a)", "a specified public authority, or", 38),
			B(P, 2, "(b)", "a specified description of dataset,", 39),
			B(P, 0, "", "from the duty in section 1.", 40),
			B(P, 0, "", "Bill 12 58/4 Ordered by the House of Commons to be printed, 3 March 2026.", 43),
		}},
		{"spec.html", []Block{
			B(H, 1, "", "Draft Exchange Format", 9),
			B(H, 2, "", "Editor’s Draft, 1 December 2026", 10),
			B(H, 2, "1.", "Introduction", 18),
			mk(mk(mk(B(P, 0, "", "A draft is a sequence of blocks. Each block has a kind and a label, and its text is compared word by word.", 19),
				Link, "blocks", "#block"), CodeSpan, "label"), Emphasis, "word by word"),
			mk(B(P, 0, "", "Note: Implementations must not compare labels as words.", 22), Strong, "must not"),
			B(H, 3, "1.1.", "The block model", 23),
			B(C, 0, "", "interface Block {\n  readonly attribute DOMString label;\n  readonly attribute DOMString text;\n};", 24),
			B(R, 0, "", "Kind | Compared", 30),
			mk(B(R, 0, "", "paragraph | word by word", 32), CodeSpan, "paragraph"),
			mk(mk(B(R, 0, "", "code | line by line[1]", 33), CodeSpan, "code"), Superscript, "[1]"),
			mk(mk(mk(mk(B(P, 0, "", "The value of n is 103; water is H2O; the old limit 512 is gone.", 37),
				Emphasis, "n"), Superscript, "3"), Subscript, "2"), Strikethrough, "512"),
			B(L, 0, "1.", "Read both drafts.", 39),
			B(L, 0, "2.", "Align their blocks.", 40),
			B(P, 1, "", "Blocks that match best are aligned first.", 41),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "testdata", "html", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			checkHTML(t, tc.file, string(data), tc.want)
		})
	}
}

// TestReadHTMLBlocks reads fragments of HTML as a Markdown draft holds
// them, at their lines in the draft.
func TestReadHTMLBlocks(t *testing.T) {
	tests := []struct {
		src   string
		first int
		want  []Block
	}{
		{"<h3 id=\"scope\">2. Scope</h3>\n<pre>a\n  b</pre>", 10, []Block{B(Heading, 3, "2.", "Scope", 10), B(Code, 0, "", "a\n  b", 11)}},
		{"<p>x</p>", math.MaxInt32, []Block{B(Paragraph, 0, "", "x", math.MaxInt32)}},
		{strings.Repeat("<div>", 600), 1, nil},
	}
	for _, tc := range tests {
		if got, _ := readHTMLBlocks(tc.src, tc.first); !slices.EqualFunc(got, tc.want, Block.Equal) {
			t.Errorf("%.40q at %d: got:%s\nwant:%s", tc.src, tc.first, formatBlocks(got), formatBlocks(tc.want))
		}
	}
}

// TestReadHTMLCharset reads a page that is not UTF-8 in the single-byte
// encoding its meta charset names; without one, its bytes are repaired
// as in any draft, with a warning.
func TestReadHTMLCharset(t *testing.T) {
	tests := []struct {
		name, page string
		want       string
		warned     bool
	}{
		{"meta charset", "<meta charset=\"ISO-8859-1\"><p>Caf\xe9 \x80</p>", "Café €", false},
		{"content type", "<meta http-equiv=Content-Type content='text/html; charset=windows-1251'><p>\xcf\xf0\xe0\xe2\xee</p>", "Право", false},
		{"UTF-8 declared otherwise", "<meta charset=latin1><p>Café</p>", "Café", false},
		{"no charset", "<p>Caf\xe9</p>", "Caf\uFFFD", true},
		{"unknown charset", "<meta charset=koi8-r><p>Caf\xe9</p>", "Caf\uFFFD", true},
	}
	for _, tc := range tests {
		d, err := Read("p.html", []byte(tc.page), HTML)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(d.Blocks) != 1 || d.Blocks[0].Text != tc.want || (len(d.Warnings) > 0) != tc.warned {
			t.Errorf("%s: %s, warnings %q; want %q", tc.name, formatBlocks(d.Blocks), d.Warnings, tc.want)
		}
	}
}

// TestReadHTMLBounds checks what the reader refuses and bounds: nesting
// past the parser's limit, nesting past the reader's own in a tree, and
// unclosed formatting tags, which the parser opens again in every block.
func TestReadHTMLBounds(t *testing.T) {
	deep := strings.Repeat("<div>", 600) + "x"
	_, err := Read("deep.html", []byte(deep), HTML)
	var readErr *Error
	if !errors.As(err, &readErr) || readErr.Name != "deep.html" {
		t.Errorf("600 nested divs: err = %v, want an *Error naming the file", err)
	}

	// A tree deeper than maxHTMLDepth (which the parser does not build
	// from source): the deeper text left out, with a warning.
	root := &html.Node{Type: html.DocumentNode}
	top := root
	for k := range maxHTMLDepth + 10 {
		div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		top.AppendChild(div)
		top = div
		if k == 3 {
			top.AppendChild(&html.Node{Type: html.TextNode, Data: "shallow"})
		}
	}
	top.AppendChild(&html.Node{Type: html.TextNode, Data: "deep"})
	r := &htmlReader{}
	r.children(root, htmlContext{})
	r.flush(htmlContext{})
	if !r.tooDeep || len(r.b.blocks) != 1 || r.b.blocks[0].Text != "shallow" {
		t.Errorf("deep tree: tooDeep %v, blocks %s", r.tooDeep, formatBlocks(r.b.blocks))
	}

	// A cell of more elements than layoutTable looks at: a layout.
	for _, tc := range []struct {
		spans int
		kind  Kind
	}{{100, TableRow}, {maxCellScan + 1, Paragraph}} {
		page := "<table><tr><td>" + strings.Repeat("<span>x</span>", tc.spans) + "</td><td>y</td></tr></table>"
		d, err := Read("wide.html", []byte(page), HTML)
		if err != nil || len(d.Blocks) == 0 || d.Blocks[0].Kind != tc.kind {
			t.Errorf("a cell of %d spans: %v, first block %+v, want a %v", tc.spans, err, d.Blocks[:min(len(d.Blocks), 1)], tc.kind)
		}
	}

	// 100 unclosed <b> tags, each different, then 50 paragraphs: at most
	// maxOpenFormatting of them are opened again in each paragraph.
	var sb strings.Builder
	for k := range 100 {
		fmt.Fprintf(&sb, "<b id=b%d>", k)
	}
	sb.WriteString(strings.Repeat("<p>x", 50))
	for range 100 {
		sb.WriteString("</b>")
	}
	doc, err := html.Parse(strings.NewReader(withLines(sb.String())))
	if err != nil {
		t.Fatal(err)
	}
	if n := countElements(doc); n > 50*(maxOpenFormatting+2)+10 {
		t.Errorf("%d elements built from %d bytes", n, sb.Len())
	}
	d, err := Read("bold.html", []byte(sb.String()), HTML)
	if err != nil || len(d.Blocks) != 50 || !slices.Equal(d.Blocks[49].Marks(), []Mark{{Start: 0, End: 1, Style: Strong}}) {
		t.Errorf("unclosed bold: %v, %s", err, formatMarkedBlocks(d.Blocks))
	}
}

// countElements returns the number of elements in the tree under n.
func countElements(n *html.Node) int {
	count := 0
	if n.Type == html.ElementNode {
		count++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		count += countElements(c)
	}
	return count
}
