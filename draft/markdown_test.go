package draft

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func TestReadMarkdown(t *testing.T) {
	runReadCases(t, Markdown, []readCase{
		{"headings with labels", "# Report of the Group\n\n## A. Introduction\n\n### IV. Conclusions\n\nSetext title\n============\n", []Block{
			B(Heading, 1, "", "Report of the Group", 1),
			B(Heading, 2, "A.", "Introduction", 3),
			B(Heading, 3, "IV.", "Conclusions", 5),
			B(Heading, 1, "", "Setext title", 7),
		}},
		{"ordered numbers from the source", "3. Three.\n7. Seven.\n12. Twelve.\n", []Block{
			B(ListItem, 0, "3.", "Three.", 1),
			B(ListItem, 0, "7.", "Seven.", 2),
			B(ListItem, 0, "12.", "Twelve.", 3),
		}},
		{"loose ordered list", "1. One.\n\n2. Two.\n\n10) Ten.\n", []Block{
			B(ListItem, 0, "1.", "One.", 1),
			B(ListItem, 0, "2.", "Two.", 3),
			B(ListItem, 0, "10)", "Ten.", 5),
		}},
		{"sub-paragraphs in a list item", "5. States agreed that:\n    (a) the Internet is available;\n    (b) supply chains matter.\n", []Block{
			B(ListItem, 0, "5.", "States agreed that:", 1),
			B(Paragraph, 1, "(a)", "the Internet is available;", 2),
			B(Paragraph, 1, "(b)", "supply chains matter.", 3),
		}},
		{"sub-paragraphs by lazy continuation", "5. States agreed that:\n(a) the Internet is available;\n(b) supply chains matter.\n6. Next.\n", []Block{
			B(ListItem, 0, "5.", "States agreed that:", 1),
			B(Paragraph, 1, "(a)", "the Internet is available;", 2),
			B(Paragraph, 1, "(b)", "supply chains matter.", 3),
			B(ListItem, 0, "6.", "Next.", 4),
		}},
		{"nested sub-paragraphs", "5. States:\n   (a) foo:\n      (i) one;\n      (ii) two;\n   (b) bar.\n", []Block{
			B(ListItem, 0, "5.", "States:", 1),
			B(Paragraph, 1, "(a)", "foo:", 2),
			B(Paragraph, 2, "(i)", "one;", 3),
			B(Paragraph, 2, "(ii)", "two;", 4),
			B(Paragraph, 1, "(b)", "bar.", 5),
		}},
		{"sub-paragraphs in a plain paragraph", "States agreed that:\n(a) foo;\n(b) bar.\n", []Block{
			B(Paragraph, 0, "", "States agreed that:", 1),
			B(Paragraph, 1, "(a)", "foo;", 2),
			B(Paragraph, 1, "(b)", "bar.", 3),
		}},
		{"wrapped label-like line stays", "1. The Group recalled paragraph\n(a) of the annex adopted in\n2021 and agreed.\n", []Block{
			B(ListItem, 0, "1.", "The Group recalled paragraph\n(a) of the annex adopted in\n2021 and agreed.", 1),
		}},
		{"loose item with several paragraphs", "1. Lead-in.\n\n   Second paragraph.\n\n   (a) Own label;\n\n   12 bis. Inserted.\n\n2. Next.\n", []Block{
			B(ListItem, 0, "1.", "Lead-in.", 1),
			B(Paragraph, 1, "", "Second paragraph.", 3),
			B(Paragraph, 1, "(a)", "Own label;", 5),
			B(Paragraph, 1, "12 bis.", "Inserted.", 7),
			B(ListItem, 0, "2.", "Next.", 9),
		}},
		{"nested lists", "- one\n  - one.one\n    1. deep\n  - one.two\n- two\n", []Block{
			B(ListItem, 0, "", "one", 1),
			B(ListItem, 1, "", "one.one", 2),
			B(ListItem, 2, "1.", "deep", 3),
			B(ListItem, 1, "", "one.two", 4),
			B(ListItem, 0, "", "two", 5),
		}},
		{"bullet items with labels", "- (a) first;\n- (b) second;\n* OP 3 Requests.\n", []Block{
			B(ListItem, 0, "(a)", "first;", 1),
			B(ListItem, 0, "(b)", "second;", 2),
			B(ListItem, 0, "OP 3", "Requests.", 3),
		}},
		{"tabs around item numbers", "1.\ttab after\n2.\ttwo\n\n>\t4. quoted tab\n\n - \t5. nested\n\n> 1. - 2. x\n", []Block{
			B(ListItem, 0, "1.", "tab after", 1),
			B(ListItem, 0, "2.", "two", 2),
			B(ListItem, 0, "4.", "quoted tab", 4),
			B(ListItem, 1, "5.", "nested", 6),
			B(ListItem, 0, "1.", "", 8),
			B(ListItem, 2, "2.", "x", 8),
		}},
		{"empty items", "1.\n2. Two.\n-\n", []Block{
			B(ListItem, 0, "1.", "", 1),
			B(ListItem, 0, "2.", "Two.", 2),
		}},
		{"block quotes", "> Quoted text\n> continues.\n>\n> 12. Quoted item.\n\n>> deeper\n", []Block{
			B(Quote, 0, "", "Quoted text\ncontinues.", 1),
			B(ListItem, 0, "12.", "Quoted item.", 4),
			B(Quote, 0, "", "deeper", 6),
		}},
		{"tables", "| Draft | Paragraphs |\n| --- | ---: |\n| zero | 52 |\n|  | 55 |\n| | |\n", []Block{
			B(TableRow, 0, "", "Draft | Paragraphs", 1),
			B(TableRow, 0, "", "zero | 52", 3),
			B(TableRow, 0, "", "| 55", 4),
		}},
		{"table after text", "Counts:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", []Block{
			B(Paragraph, 0, "", "Counts:", 1),
			B(TableRow, 0, "", "a | b", 3),
			B(TableRow, 0, "", "1 | 2", 5),
		}},
		{"insertion and top-level sub-paragraph", "12 bis. Inserted paragraph.\n\n(a) Top-level sub-paragraph.\n", []Block{
			B(Paragraph, 0, "12 bis.", "Inserted paragraph.", 1),
			B(Paragraph, 1, "(a)", "Top-level sub-paragraph.", 3),
		}},
		{"inline markup read as formatting", "1. States *agreed* [to **consider**] `code` and [a link](http://x).\n", []Block{
			B(ListItem, 0, "1.", "States agreed [to consider] code and a link.", 1).withMarks(
				Mark{7, 13, Emphasis, ""}, Mark{18, 26, Strong, ""}, Mark{28, 32, CodeSpan, ""}, Mark{37, 43, Link, "http://x"}),
		}},
		{"escapes, entities, strikethrough, autolinks, inline HTML", "A \\*b\\* &amp; &#8212; ~~c~~ <http://x.org> <em>d</em><br>e\n", []Block{
			B(Paragraph, 0, "", "A *b* & — c http://x.org d\ne", 1).withMarks(
				Mark{12, 13, Strikethrough, ""}, Mark{14, 26, Link, "http://x.org"}, Mark{27, 28, Emphasis, ""}),
		}},
		{"inline markup across lines", "(a) *one\ntwo*;\n(b) three.\n", []Block{
			B(Paragraph, 1, "(a)", "one\ntwo;", 1).withMarks(Mark{0, 7, Emphasis, ""}),
			B(Paragraph, 1, "(b)", "three.", 3),
		}},
		{"headings and table cells read as formatting", "## A. *Scope*\n\n| *a* | `b\\|c` |\n|---|---|\n", []Block{
			B(Heading, 2, "A.", "Scope", 1).withMarks(Mark{0, 5, Emphasis, ""}),
			B(TableRow, 0, "", "a | b|c", 3).withMarks(Mark{0, 1, Emphasis, ""}, Mark{4, 7, CodeSpan, ""}),
		}},
		{"bracketed alternatives", "[Alt 1: States agreed]\n[Alt 2: States noted]\n\n[Alt 3]: States\n", []Block{
			B(Paragraph, 0, "", "[Alt 1: States agreed]\n[Alt 2: States noted]", 1),
			B(Paragraph, 0, "", "[Alt 3]: States", 4),
		}},
		{"code blocks keep their lines", "5. Lead-in:\n\n    (a) in the item;\n\n```\n\n  +--+  *x*\n  |  |\n\n```\n\n    indented\n      code\n", []Block{
			B(ListItem, 0, "5.", "Lead-in:", 1),
			B(Paragraph, 1, "(a)", "in the item;", 3),
			B(Code, 0, "", "  +--+  *x*\n  |  |", 7),
			B(Code, 0, "", "indented\n  code", 12),
		}},
		{"ASCII diagram in a tilde fence", "# Packet\n\n~~~\n+ + + + + + + + + + + + + + + + + + + + + + + + + + + + + + + + + +\n|  Source Port  |\n~~~\n", []Block{
			B(Heading, 1, "", "Packet", 1),
			B(Code, 0, "", "+ + + + + + + + + + + + + + + + + + + + + + + + + + + + + + + + + +\n|  Source Port  |", 4),
		}},
		{"html and thematic break", "<div>\nSome <b>words</b>\n</div>\n\n---\n\n<!-- note -->\n", []Block{
			B(Paragraph, 0, "", "Some words", 1).withMarks(Mark{5, 10, Strong, ""}),
		}},
		{"html headings and pre", "<h3 id=\"x\">B. <em>Scope</em></h3>\n\n<pre>\na &lt; b\n  c\n</pre>\n", []Block{
			B(Heading, 3, "B.", "Scope", 1).withMarks(Mark{0, 5, Emphasis, ""}),
			B(Code, 0, "", "a < b\n  c", 3),
		}},
		{"kramdown references and attribute lists", "# Introduction {#intro}\n\nSee {{RFC9000}}, {{?I-D.ietf-quic-http}} and {{Section 3 of RFC9110}}; {{Interface}}.\n{: .note}\n", []Block{
			B(Heading, 1, "", "Introduction", 1),
			B(Paragraph, 0, "", "See [RFC9000], [I-D.ietf-quic-http] and Section 3 of [RFC9110]; Interface.", 3),
		}},
		{"front matter", "---\ntitle: A draft\nauthor:\n  - name: X\n---\n\n# A\n", []Block{
			B(FrontMatter, 0, "", "title: A draft\nauthor:\n  - name: X", 2),
			B(Heading, 1, "", "A", 7),
		}},
		{"a thematic break and a setext heading are no front matter", "---\nSome words\n---\n", []Block{
			B(Heading, 2, "", "Some words", 2),
		}},
		{"heading resets sub-paragraph outline", "(a) one;\n(i) two.\n\n## B. Next\n\n(i) three.\n", []Block{
			B(Paragraph, 1, "(a)", "one;", 1),
			B(Paragraph, 2, "(i)", "two.", 2),
			B(Heading, 2, "B.", "Next", 4),
			B(Paragraph, 1, "(i)", "three.", 6),
		}},
		{"trailing spaces and hard breaks", "Line one  \nline two\\\nline three   \n", []Block{
			B(Paragraph, 0, "", "Line one\nline two\nline three", 1),
		}},
	})
}

func TestReadMarkdownLineEnds(t *testing.T) {
	lf := "## A. Intro\n\n3. States agreed that:\n    (a) foo;\n\n| x | y |\n|---|---|\n| 1 | 2 |\n"
	want := []Block{
		B(Heading, 2, "A.", "Intro", 1),
		B(ListItem, 0, "3.", "States agreed that:", 3),
		B(Paragraph, 1, "(a)", "foo;", 4),
		B(TableRow, 0, "", "x | y", 6),
		B(TableRow, 0, "", "1 | 2", 8),
	}
	for name, input := range map[string]string{
		"LF":   lf,
		"CRLF": strings.ReplaceAll(lf, "\n", "\r\n"),
		"CR":   strings.ReplaceAll(lf, "\n", "\r"),
		"BOM":  "\uFEFF" + lf,
	} {
		d, err := Read(name+".md", []byte(input), Auto)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(d.Blocks, want, Block.Equal) {
			t.Errorf("%s: got:%s\nwant:%s", name, formatBlocks(d.Blocks), formatBlocks(want))
		}
	}
}

// labelAtStart matches text that still starts with something a label
// splitter should have taken.
var labelAtStart = regexp.MustCompile(`^(\d+(\.\d+)*[.)]|\d+ ?bis\.?|\([a-z]{1,4}\)|[A-Z]\.|[IVX]+\.)\s`)

func TestReadMarkdownDrafts(t *testing.T) {
	// The shipped drafts (testdata/drafts) are written by others while this
	// package is built; check basic facts about whichever are present.
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "drafts", "*.md"))
	files = slices.DeleteFunc(files, func(f string) bool { return strings.EqualFold(filepath.Base(f), "FACTS.md") })
	if len(files) == 0 {
		t.Skip("no drafts in testdata/drafts")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(file, data, Auto)
		if err != nil {
			t.Fatal(err)
		}
		checkDraft(t, file, d)
	}
}

// checkDraft checks the facts every shipped draft shares.
func checkDraft(t *testing.T, file string, d *Document) {
	numbered, sections := 0, ""
	for _, b := range d.Blocks {
		if strings.HasSuffix(b.Label, ".") && b.Label[0] >= '0' && b.Label[0] <= '9' {
			numbered++
		}
		if b.Kind == Heading && len(b.Label) == 2 {
			sections += b.Label[:1]
		}
		if labelAtStart.MatchString(b.Text) {
			t.Errorf("%s:%d: text still starts with a label: %q", file, b.Line, b.Text)
		}
		if b.Label != "" && b.Kind == Paragraph && b.Level == 0 && !strings.Contains(b.Label, "bis") {
			t.Errorf("%s:%d: numbered paragraph %q read as a plain paragraph", file, b.Line, b.Label)
		}
	}
	if numbered <= 40 {
		t.Errorf("%s: %d numbered paragraphs, want more than 40", file, numbered)
	}
	if !strings.HasPrefix("ABCDEFGHIJ", sections) || len(sections) < 4 {
		t.Errorf("%s: section headings %q, want A, B, C, … in order", file, sections)
	}
	if len(d.Warnings) > 0 {
		t.Errorf("%s: warnings %q", file, d.Warnings)
	}
	t.Logf("%s: %d blocks, %d numbered, sections %s", file, len(d.Blocks), numbered, sections)
}

func TestNestingDepth(t *testing.T) {
	tests := map[string]int{
		"plain text":             0,
		"    indented code":      0,
		"> quote":                1,
		"> > > quote":            3,
		">>> quote":              3,
		"- item":                 1,
		"1. item":                1,
		"12) item":               1,
		"      - nested item":    4,
		"> 1. - > item":          6,
		"-no item":               0,
		"1.5 million":            0,
		"1234567890. too long":   0,
		"- - - - - - - - - - - ": 16,
	}
	for line, want := range tests {
		if got := nestingDepth([]byte(line)); got != want {
			t.Errorf("nestingDepth(%q) = %d, want %d", line, got, want)
		}
	}
}

func TestReadMarkdownTooDeep(t *testing.T) {
	deep := strings.Repeat("> ", maxNesting+1) + "States agreed.\n"
	_, err := Read("deep.md", []byte("# A\n\n"+deep), Auto)
	want := "deep.md: list items and block quotes nested more than 32 levels deep (line 3): read it as plain text with --from text"
	if !errors.Is(err, ErrTooDeep) || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	// Text in a fence is no nesting, however it looks.
	fenced := "```\n" + deep + "```\n"
	d, err := Read("fenced.md", []byte(fenced), Auto)
	if err != nil || len(d.Blocks) != 1 || d.Blocks[0].Kind != Code {
		t.Errorf("fenced: %v%s", err, formatBlocks(d.Blocks))
	}
	shallow := strings.Repeat("> ", maxNesting) + "States agreed.\n"
	d, err = Read("shallow.md", []byte(shallow), Auto)
	if err != nil || len(d.Warnings) != 0 || len(d.Blocks) != 1 || d.Blocks[0].Kind != Quote {
		t.Errorf("shallow: %v %q%s", err, d.Warnings, formatBlocks(d.Blocks))
	}
}

// TestMarkdownParts checks where a Markdown draft may be parsed in parts:
// at top-level headings after a blank line, never in a draft with a fence
// or an HTML block, never into parts smaller than asked.
func TestMarkdownParts(t *testing.T) {
	for _, c := range []struct {
		src     string
		minPart int
		want    []int
	}{
		{"# A\n\ntext\n\n# B\n\nmore\n", 1, []int{0, 11}},
		{"# A\n\ntext\n\n# B\n\nmore\n", 14, []int{0}},
		{"1. item\n\n## B\n\n#hashtag\n\n####### seven\n", 1, []int{0, 9}},
		{"text\n# not after a blank line\n", 1, []int{0}},
		{"```\n\n# in a fence\n```\n\n# B\n", 1, []int{0}},
		{"<!--\n\n# in a comment -->\n\n# B\n", 1, []int{0}},
		{"a\n\n#\n\nb\n\n#\tTab\n", 1, []int{0, 3, 9}},
	} {
		if got := markdownParts([]byte(c.src), c.minPart); !slices.Equal(got, c.want) {
			t.Errorf("markdownParts(%q, %d) = %v, want %v", c.src, c.minPart, got, c.want)
		}
		checkMarkdownParts(t, []byte(c.src))
	}
}

// goldmarkParser is the parser as it was with goldmark's own table
// paragraph transformer and goldmark's own paragraphs (parsed for inlines,
// closed by the paragraph parser): the reference for tableTransformer and
// rawTransformer.
var goldmarkParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
		util.Prioritized(extension.NewStrikethroughParser(), 500))...),
	parser.WithParagraphTransformers(util.Prioritized(extension.NewTableParagraphTransformer(), 200)),
)

// checkLikeGoldmark checks that data reads to the same blocks with our
// paragraph transformers as with goldmark's table transformer alone.
func checkLikeGoldmark(t *testing.T, data []byte) {
	src, _, err := prepare("fuzz", data)
	if _, deep := nestedTooDeep(src); err != nil || deep {
		return
	}
	got := readMarkdownParts(src, []int{0})
	want := readMarkdownWith(goldmarkParser, src, []int{0}, false)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q read apart from goldmark's:\n%+v\nwant\n%+v", data, got, want)
	}
}

// TestRawTextLikeGoldmark holds rawTransformer to goldmark's paragraphs
// on every way a paragraph closes: by a blank line, by another block, by
// a setext underline (which takes it over), at the end of a list item,
// quote or draft, and in tight and loose lists.
func TestRawTextLikeGoldmark(t *testing.T) {
	for _, src := range []string{
		"Plain paragraph\n",
		"   indented start\n  second line  \n\tthird\t\n",
		"trailing hard break  \nnext\\\nlast  ",
		"Setext title\n============\n\nbody\n",
		"Setext two\nlines\n---\n",
		"| a |\n|---|\n===\n",
		"text\n| a |\n|---|\n---\n",
		"lazy\n> quote\ncontinued\n",
		"> quoted para\n>\n> second\n",
		"1. tight\n2. list\n3. items\n",
		"1. loose\n\n2. list\n\n   with a second paragraph\n",
		"- a\n  - b\n    c\n- d\n\n  e\n",
		"1.\n2. \n\n3.   \n",
		"para\n    indented continuation\n# heading\npara\n***\n",
		"a\n\n\n\nb\n\n  \n",
		"- item\n---\n",
		"Term\n- \n",
		"\u00a0leading nbsp\n\u3000ideographic\n",
	} {
		checkLikeGoldmark(t, []byte(src))
	}
}

// TestNoInlinePass checks that goldmark does not walk paragraphs without
// inline markup for inlines: the tree of such a draft holds no text nodes.
func TestNoInlinePass(t *testing.T) {
	src := []byte("# Report\n\n1. States agreed [here].\n2. Second\n\n> quoted\n\n- item\n\n  more\n\nLast.\n")
	root := markdownParser().Parse(text.NewReader(src))
	texts := 0
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.Text); ok && entering {
			if _, heading := n.Parent().(*ast.Heading); !heading {
				texts++
			}
		}
		return ast.WalkContinue, nil
	})
	if texts != 0 {
		t.Errorf("%d text nodes outside headings; paragraphs were parsed for inlines", texts)
	}
}

// TestTablesLikeGoldmark holds tableTransformer to goldmark's on tables
// of every shape the transformer tells apart.
func TestTablesLikeGoldmark(t *testing.T) {
	for _, src := range []string{
		"| a | b |\n|---|---|\n| 1 | 2 |\n",
		"a | b\n:-- | --:\n1 | 2 | 3\n4\n",
		"Text before\n| a | b |\n|:-:|---|\n| x \\| y | z |\n",
		"| a |\n| - |\n",
		"| a | b |\n| --- |\n| 1 | 2 |\n",
		"|---|\n|---|\n",
		"| a |\n|\f:--\f|\n| 1 |\n",
		"| a |\n|\v---|\n| 1 |\n",
		"    | a |\n    |---|\n",
		"| a | b |\n   |---|---|\n",
		"| a | b |\n|---|---|\n\n| c |\n|:-|\n| `x\\|y` |\n",
		"- item\n  | a |\n  |---|\n  | 1 |\n",
		"> | q |\n> |---|\n> | 1 |\n",
		"| a | b |\n| :: | -- |\n",
		"|a|\n|-:|\n|1|\n|2|\n|3|",
	} {
		checkLikeGoldmark(t, []byte(src))
	}
}

// TestLineCursor holds the cursor to the index's search on offsets in
// order, backwards and at random, on drafts with blank and long lines.
func TestLineCursor(t *testing.T) {
	for _, src := range []string{"", "\n", "one line", "a\nb\n\nc\n", "\n\n\nlong " + strings.Repeat("x", 100) + "\nend"} {
		x := newLineIndex([]byte(src))
		var offsets []int
		for off := -1; off <= len(src)+1; off++ {
			offsets = append(offsets, off)
		}
		for off := len(src) + 1; off >= -1; off-- {
			offsets = append(offsets, off)
		}
		rng := rand.New(rand.NewPCG(1, uint64(len(src))))
		for range 200 {
			offsets = append(offsets, rng.IntN(len(src)+3)-1)
		}
		c := lineCursor{index: x}
		for _, off := range offsets {
			if got, want := c.line(off), x.line(off); got != want {
				t.Fatalf("%q: line(%d) = %d, want %d", src, off, got, want)
			}
		}
	}
}

// TestSetextOverTable reads a paragraph whose last lines become a table
// under a setext underline in source order: goldmark's tree has the table
// first (found by FuzzReadMarkdown, "0\n0\n-|\n-").
func TestSetextOverTable(t *testing.T) {
	d, err := Read("x.md", []byte("a\nb\n-|\n-\n\nafter\n"), Markdown)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		got = append(got, fmt.Sprintf("%v %d %s", b.Kind, b.Line, b.Text))
	}
	want := []string{"heading 1 a", "table row 2 b", "paragraph 6 after"}
	if !slices.Equal(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// TestReadKramdownDraft reads an Internet-Draft written in kramdown-rfc's
// Markdown: front matter, section markers ("--- abstract"), a packet diagram in a "~~~" fence whose lines
// look like deeply nested lists, an ABNF figure, a table, references.
func TestReadKramdownDraft(t *testing.T) {
	for _, name := range []string{"draft-ietf-tiny-frame-00.md", "draft-ietf-tiny-frame-01.md"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "kramdown", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(name, data, Auto)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Warnings) != 0 {
			t.Errorf("%s: warnings %q", name, d.Warnings)
		}
		kinds := map[Kind]int{}
		var headings, code []string
		for _, b := range d.Blocks {
			kinds[b.Kind]++
			switch b.Kind {
			case Heading:
				headings = append(headings, b.Text)
			case Code:
				code = append(code, b.Text)
			}
			if strings.Contains(b.Text, "{{") || strings.Contains(b.Text, "{:") || strings.HasPrefix(b.Text, "#") ||
				strings.HasPrefix(b.Text, "--- ") {
				t.Errorf("%s: markup read as text: %q", name, b.Text)
			}
		}
		wantHeadings := []string{"Abstract", "Introduction", "Conventions and Definitions", "Frame Format", "Security Considerations", "IANA Considerations"}
		if !slices.Equal(headings, wantHeadings) {
			t.Errorf("%s: headings %q, want %q", name, headings, wantHeadings)
		}
		if kinds[FrontMatter] != 1 || d.Blocks[0].Kind != FrontMatter || !strings.HasPrefix(d.Blocks[0].Text, `title: "The Tiny Frame Protocol"`) {
			t.Errorf("%s: front matter not one block first: %s", name, formatBlocks(d.Blocks[:1]))
		}
		if len(code) != 2 || !strings.HasPrefix(code[0], " 0                   1") || strings.Count(code[0], "\n") != 8 ||
			!strings.Contains(code[0], "\n+ + + + + + + +") || !strings.HasPrefix(code[1], "frame  = version") {
			t.Errorf("%s: code blocks %q", name, code)
		}
		if kinds[TableRow] < 3 {
			t.Errorf("%s: %d table rows", name, kinds[TableRow])
		}
	}
}
