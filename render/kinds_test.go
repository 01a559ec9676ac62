package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// kindsDoc makes a draft of the blocks given, lines numbered in order.
func kindsDoc(name string, blocks ...draft.Block) *draft.Document {
	for i := range blocks {
		blocks[i].Line = int32(i + 1)
	}
	return &draft.Document{Name: name, Blocks: blocks}
}

func mustCompare(t testing.TB, old, new *draft.Document) *diff.Result {
	t.Helper()
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	return r
}

const (
	codeOld = "struct header {\n  uint8 type;\n  uint16 length;\n}"
	codeNew = "struct header {\n  uint8 type;\n  uint32 length;\n}"
)

// codeResult is a paragraph and a code block with one line changed.
func codeResult(t testing.TB) *diff.Result {
	para := draft.Block{Kind: draft.Paragraph, Text: "The header is laid out as follows."}
	return mustCompare(t,
		kindsDoc("old.md", para, draft.Block{Kind: draft.Code, Text: codeOld}),
		kindsDoc("new.md", para, draft.Block{Kind: draft.Code, Text: codeNew}))
}

func TestHTMLCode(t *testing.T) {
	page, root := renderPage(t, codeResult(t))
	pres := find(root, func(n *html.Node) bool { return n.DataAtom == atom.Pre && hasClass(n, "lines") })
	if len(pres) != 1 {
		t.Fatalf("%d <pre class=lines>, want 1", len(pres))
	}
	block := pres[0].Parent
	if block.DataAtom != atom.Div || !hasClass(block, "code") || !hasClass(block, "changed") {
		t.Errorf("the code's block is <%s class=%q>", block.Data, attr(block, "class"))
	}
	old, new := rebuild(block)
	if old != codeOld || new != codeNew {
		t.Errorf("the block shows %q and %q, want %q and %q", old, new, codeOld, codeNew)
	}
	for _, want := range []string{
		`<del>  uint16 length;` + "\n</del>",
		`<ins>  uint32 length;` + "\n</ins>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	var text bytes.Buffer
	if err := Text(&text, codeResult(t)); err != nil {
		t.Fatal(err)
	}
	want := "--- old.md\n+++ new.md\n@@ code \"struct header { uint8 type; uint32…\" changed @@\n    struct header {\n      uint8 type;\n    [-  uint16 length;-]\n    {+  uint32 length;+}\n    }\n"
	if text.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), want)
	}
}

func TestTextLineDiff(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"a\nb", "a\nb\nc", "    a\n    b\n    {+c+}\n"},
		{"a\n\nb", "a\nb", "    a\n    [--]\n    b\n"},
		{"a\nb", "a\n\nb", "    a\n    {++}\n    b\n"},
		{"x\n\ny", "x\n\nz", "    x\n\n    [-y-]\n    {+z+}\n"},
	}
	for _, tt := range tests {
		spans, err := diff.Lines(tt.old, tt.new)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		writeLineDiff(w, spans)
		w.Flush()
		if b.String() != tt.want {
			t.Errorf("%q → %q: %q, want %q", tt.old, tt.new, b.String(), tt.want)
		}
	}
}

// marked is a paragraph with every kind of mark, and hostile links.
func marked(text string) draft.Block {
	at := func(s string) (int32, int32) {
		i := strings.Index(text, s)
		return int32(i), int32(i + len(s))
	}
	mark := func(s string, st draft.Style, v string) draft.Mark {
		a, b := at(s)
		return draft.Mark{Start: a, End: b, Style: st, Value: v}
	}
	marks := []draft.Mark{
		mark("Adopted", draft.Emphasis, ""),
		mark("shall", draft.Strong, ""),
		mark("Art. 5", draft.CodeSpan, ""),
		mark("the rules", draft.Link, "https://example.org/rules?a=1&b=\"2\""),
		mark("here", draft.Link, "javascript:alert(1)"),
		mark("<script>x</script>", draft.Link, `"><script>alert(2)</script>`),
		mark("2", draft.Superscript, ""),
		mark("old", draft.Strikethrough, ""),
	}
	return draft.Block{Kind: draft.Paragraph, Text: text}.WithMarks(draft.NormalizeMarks(marks))
}

const markedText = "Adopted: States shall apply Art. 5 and the rules (see here, <script>x</script>) to m2 of old."

func TestHTMLMarks(t *testing.T) {
	old := kindsDoc("old", marked(markedText))
	new := kindsDoc("new", marked(strings.Replace(markedText, "States", "Parties", 1)))
	r := mustCompare(t, old, new)
	page, root := renderPage(t, r)
	for _, want := range []string{
		`<em>Adopted</em>`, `<strong>shall</strong>`, `<code>Art. 5</code>`, `<sup>2</sup>`, `<s>old</s>`,
		`<a href="https://example.org/rules?a=1&amp;b=&#34;2&#34;" rel="noopener noreferrer">the rules</a>`,
		`(see here, &lt;script&gt;x&lt;/script&gt;)`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, "alert(") || strings.Contains(page, "javascript:") {
		t.Errorf("a hostile link address reached the page")
	}
	if n := countScripts(root); n != scriptsOnPage(t) {
		t.Errorf("%d scripts on the page", n)
	}
	links := find(root, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "rel") != "" })
	if len(links) != 1 {
		t.Errorf("%d links from marks, want 1", len(links))
	}
	blocks := find(root, func(n *html.Node) bool { return hasClass(n, "block") })
	if o, n := rebuild(blocks[0]); o != old.Blocks[0].Text || n != new.Blocks[0].Text {
		t.Errorf("the block shows %q and %q", o, n)
	}
	if r.Steps[0].Formatting {
		t.Errorf("formatting changed, with the same marks")
	}
	checkWriteRedline(t, r)
}

// scriptsOnPage is the number of scripts on any page.
func scriptsOnPage(t *testing.T) int {
	_, root := renderPage(t, mustCompare(t, kindsDoc("a", draft.Block{Text: "a"}), kindsDoc("b", draft.Block{Text: "b"})))
	return countScripts(root)
}

// TestHTMLMarksOverSpans: the new text's marks over equal and inserted
// spans, the old text's over deleted ones, cut where the spans are.
func TestHTMLMarksOverSpans(t *testing.T) {
	old := kindsDoc("old", draft.Block{Text: "keep old words here"}.WithMarks([]draft.Mark{{Start: 0, End: 12, Style: draft.Strong}}))
	new := kindsDoc("new", draft.Block{Text: "keep new words here"}.WithMarks([]draft.Mark{{Start: 5, End: 19, Style: draft.Emphasis}}))
	r, err := diff.Compare(old, new, diff.Options{MatchThreshold: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	got := string(redline(r.Steps[0].Spans, bodyStyle(r, &r.Steps[0])))
	// "keep" lost its strong, "words here" gained emphasis: both marked
	// as changed formatting.
	fmtChanged := `<span class="fmt"><span class="sr-only" dir="ltr">formatting changed: </span>`
	want := fmtChanged + `keep</span> <del><strong>old</strong></del>` +
		`<ins><em>new</em></ins><em> </em>` + fmtChanged + `<em>words here</em></span>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFormattingOnly(t *testing.T) {
	para := "The Assembly adopted the resolution by consensus."
	old := kindsDoc("old", draft.Block{Text: para})
	new := kindsDoc("new", draft.Block{Text: para}.WithMarks([]draft.Mark{{Start: 13, End: 20, Style: draft.Emphasis}}))
	r := mustCompare(t, old, new)
	if !r.Steps[0].Formatting || !r.Differs(false) {
		t.Fatalf("formatting %v, differs %v", r.Steps[0].Formatting, r.Differs(false))
	}
	page, _ := renderPage(t, r)
	for _, want := range []string{
		`id="c1"`, `<span class="note" dir="ltr">formatting changed</span>`, `The Assembly <span class="fmt"><span class="sr-only" dir="ltr">formatting changed: </span><em>adopted</em></span> the`,
		`1 paragraph with formatting changed`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	var text bytes.Buffer
	if err := Text(&text, r); err != nil {
		t.Fatal(err)
	}
	if want := "--- old\n+++ new\n@@ paragraph \"The Assembly adopted the resolution by…\" formatting changed @@\n" + text0(text.String()) + "~~ formatting changed ~~\n"; text.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), want)
	}
	var js bytes.Buffer
	if err := JSON(&js, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Stats struct {
			WordsInserted, WordsDeleted int
			Formatted                   int `json:"formatted"`
		}
		Blocks []struct {
			Op         string
			Formatting bool
		}
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Stats.Formatted != 1 || doc.Stats.WordsInserted+doc.Stats.WordsDeleted != 0 ||
		len(doc.Blocks) != 1 || doc.Blocks[0].Op != "equal" || !doc.Blocks[0].Formatting {
		t.Errorf("JSON: %s", js.String())
	}
	checkJSON(t, "formatting only", r)
	var critic bytes.Buffer
	if err := Markdown(&critic, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(critic.String(), "{>>formatting changed<<}") {
		t.Errorf("CriticMarkup: %s", critic.String())
	}
}

// text0 returns the line after the hunk header of a text redline.
func text0(s string) string {
	lines := strings.SplitAfter(s, "\n")
	return lines[3]
}

// TestDisplayMarked holds displayMarked to displaySpans and
// invisibleAsEqual: the same spans.
func TestDisplayMarked(t *testing.T) {
	cases := [][2]string{
		{"a  b c", "a b d"},
		{"x\u200by z", "xy z w"},
		{"one two three", "one  two four"},
	}
	for _, c := range cases {
		spans, err := diff.Words(c[0], c[1])
		if err != nil {
			t.Fatal(err)
		}
		marks := make([][]draft.Mark, len(spans))
		for i, sp := range spans {
			marks[i] = []draft.Mark{{Start: 0, End: int32(len(sp.Text)), Style: draft.Emphasis}}
		}
		got, gotMarks := displayMarked(spans, marks)
		want := invisibleAsEqual(displaySpans(spans))
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", c, got, want)
		}
		for i, ms := range gotMarks {
			for _, m := range ms {
				if m.End > int32(len(got[i].Text)) {
					t.Errorf("%q: mark %v beyond span %q", c, m, got[i].Text)
				}
			}
		}
	}
}

func TestSafeHref(t *testing.T) {
	for addr, want := range map[string]bool{
		"https://example.org/x": true, "http://example.org": true, "mailto:a@example.org": true,
		"HTTPS://EXAMPLE.ORG": true, " https://example.org ": true,
		"javascript:alert(1)": false, "JavaScript:alert(1)": false, " javascript:x": false,
		"java\tscript:x": false, "data:text/html,x": false, "vbscript:x": false,
		"/relative": false, "#frag": false, "https:///nohost": false, "": false, "http://a\x00b": false,
	} {
		if _, ok := safeHref(addr); ok != want {
			t.Errorf("safeHref(%q) = %v, want %v", addr, ok, want)
		}
	}
}

func TestDOCXKinds(t *testing.T) {
	r := codeResult(t)
	checkDOCXRoundTrip(t, r)
	doc := docxDocumentXML(t, r)
	if !strings.Contains(doc, docxMono) || !strings.Contains(doc, "<w:br/>") {
		t.Errorf("the code is not monospace lines: %s", doc)
	}
	text := "The Assembly adopted the resolution by consensus."
	m := mustCompare(t, kindsDoc("old", draft.Block{Text: text}),
		kindsDoc("new", draft.Block{Text: text}.WithMarks([]draft.Mark{{Start: 13, End: 20, Style: draft.Emphasis}, {Start: 25, End: 35, Style: draft.Strong}})))
	checkDOCXRoundTrip(t, m)
	doc = docxDocumentXML(t, m)
	for _, want := range []string{`<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">adopted</w:t></w:r>`, `<w:rPr><w:b/></w:rPr>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %s", want)
		}
	}
}

// docxDocumentXML returns the main part of r's Word redline.
func docxDocumentXML(t *testing.T, r *diff.Result) string {
	var b bytes.Buffer
	if err := writeDocxDocument(&b, r, DOCXOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// kindsResult compares drafts with code and formatting: a heading, a
// paragraph edited with its formatting kept and a code span added, an
// ASCII diagram with a line changed and a line re-indented, a paragraph
// whose formatting alone changed (its link to a javascript: address, not
// a link), and a code block with lines added.
func kindsResult() *diff.Result {
	diagram := "+------+--------+\n| Type | Length |\n+------+--------+\n|     Value     |\n+------+--------+"
	diagram2 := strings.Replace(diagram, "| Type | Length |", "| Type | Len    |", 1)
	diagram2 = strings.Replace(diagram2, "|     Value     |", "|    Value      |", 1)
	para, paraNew := "The Assembly adopted the resolution by consensus and asked States to follow the rules published online.",
		"The Assembly adopted the resolution without a vote and asked States to follow the rules published online."
	mark := func(s, sub string, st draft.Style, v string) draft.Mark {
		i := strings.Index(s, sub)
		return draft.Mark{Start: int32(i), End: int32(i + len(sub)), Style: st, Value: v}
	}
	fo := "States shall report annually on measures taken under Article 5."
	old := kindsDoc("old.md",
		draft.Block{Kind: draft.Heading, Level: 1, Text: "Packet format"},
		draft.Block{Text: para}.WithMarks([]draft.Mark{mark(para, "Assembly", draft.Emphasis, ""),
			mark(para, "consensus", draft.Strong, ""), mark(para, "the rules", draft.Link, "https://example.org/rules")}),
		draft.Block{Kind: draft.Code, Text: diagram},
		draft.Block{Text: fo},
		draft.Block{Kind: draft.Code, Text: "func f() {\n\treturn 1\n}"},
	)
	new := kindsDoc("new.md",
		draft.Block{Kind: draft.Heading, Level: 1, Text: "Packet format"},
		draft.Block{Text: paraNew}.WithMarks([]draft.Mark{mark(paraNew, "Assembly", draft.Emphasis, ""),
			mark(paraNew, "without a vote", draft.Strong, ""), mark(paraNew, "the rules", draft.Link, "https://example.org/rules"),
			mark(paraNew, "published", draft.CodeSpan, "")}),
		draft.Block{Kind: draft.Code, Text: diagram2},
		draft.Block{Text: fo}.WithMarks([]draft.Mark{mark(fo, "shall", draft.Emphasis, ""), mark(fo, "Article 5", draft.Link, "javascript:alert(1)")}),
		draft.Block{Kind: draft.Code, Text: "func f() {\n\treturn 1\n}\n\nfunc g() {}"},
	)
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		panic(err)
	}
	return r
}

// TestJSONGoldensSchema validates the JSON of every case, formatting
// included, against docs/schema/redline-compare-1.json, and checks that
// the schema refuses what schema 1 does not write.
func TestJSONGoldensSchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile("../docs/schema/redline-compare-1.json")
	if err != nil {
		t.Fatal(err)
	}
	validate := func(data []byte) error {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return err
		}
		return sch.Validate(inst)
	}
	for _, c := range cases {
		var buf bytes.Buffer
		if err := JSON(&buf, c.result()); err != nil {
			t.Fatal(err)
		}
		if err := validate(buf.Bytes()); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	var buf bytes.Buffer
	if err := JSON(&buf, kindsResult()); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	for name, bad := range map[string]string{
		"formatting false": strings.Replace(good, `"formatting": true`, `"formatting": false`, 1),
		"formatted 0":      strings.Replace(good, `"formatted": 2`, `"formatted": 0`, 1),
	} {
		if bad == good {
			t.Fatalf("%s: nothing replaced", name)
		}
		if validate([]byte(bad)) == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// TestHTMLCodeLastLine checks that a replaced last line of code (which
// ends in no line break) is shown above its replacement, not run into it.
func TestHTMLCodeLastLine(t *testing.T) {
	r := mustCompare(t,
		kindsDoc("old.md", draft.Block{Kind: draft.Code, Text: "a = 1\nlength = 2OCTET"}),
		kindsDoc("new.md", draft.Block{Kind: draft.Code, Text: "a = 1\nlength = 1OCTET"}))
	page, _ := renderPage(t, r)
	if !strings.Contains(page, "length = 2OCTET</del><br class=\"eol\">") {
		t.Errorf("no break after the old last line:\n%s", page[strings.Index(page, "<pre"):][:400])
	}
}
