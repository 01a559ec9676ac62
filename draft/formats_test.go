package draft

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFormatsHTMLDocx reads the draft of testdata/formats as HTML and as
// the Word document pandoc made of it (pandoc draft.html -o draft.docx):
// the same blocks (kinds, levels, labels, texts) and marks. Lines differ
// in principle (a source line against a paragraph's position), so are
// not compared. Pandoc writes the item's later paragraphs "(a)", "(b)" in
// a list whose bullet is blank; they read as the paragraphs they are.
func TestFormatsHTMLDocx(t *testing.T) {
	read := func(name string) []Block {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "formats", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(name, data, Auto)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Warnings) > 0 {
			t.Errorf("%s: warnings %q", name, d.Warnings)
		}
		blocks := slices.Clone(d.Blocks)
		for i := range blocks {
			blocks[i].Line = 0
		}
		return blocks
	}
	html, docx := read("draft.html"), read("draft.docx")
	if !slices.EqualFunc(html, docx, Block.Equal) {
		t.Errorf("HTML reads as:%s\nWord as:%s", formatMarkedBlocks(html), formatMarkedBlocks(docx))
	}
	styles := map[Style]bool{}
	kinds := map[Kind]bool{}
	for _, b := range html {
		kinds[b.Kind] = true
		for _, m := range b.Marks() {
			styles[m.Style] = true
		}
	}
	if len(html) < 10 || !styles[Emphasis] || !styles[Strong] || !styles[Link] || len(kinds) < 4 {
		t.Errorf("the draft lacks what it is to show: %d blocks, kinds %v, styles %v", len(html), kinds, styles)
	}
}

// TestFormatsAlike reads the one draft of testdata/formats as Markdown,
// HTML, a Word document and an OpenDocument text (both made by pandoc from
// the HTML): the same blocks and marks, line numbers apart, and a line
// break in a Markdown paragraph (which shows as a space) read as a space.
func TestFormatsAlike(t *testing.T) {
	read := func(name string) []Block {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "formats", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(name, data, Auto)
		if err != nil || len(d.Warnings) > 0 {
			t.Fatalf("%s: %v %q", name, err, d.Warnings)
		}
		blocks := slices.Clone(d.Blocks)
		for i := range blocks {
			blocks[i].Line = 0
			blocks[i].Text = strings.ReplaceAll(blocks[i].Text, "\n", " ") // offsets unchanged
		}
		return blocks
	}
	md := read("draft.md")
	for _, name := range []string{"draft.html", "draft.docx", "draft.odt"} {
		if got := read(name); !slices.EqualFunc(got, md, Block.Equal) {
			t.Errorf("%s reads as:%s\nMarkdown as:%s", name, formatMarkedBlocks(got), formatMarkedBlocks(md))
		}
	}
}
