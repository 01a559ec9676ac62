package draft

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// odtOf returns an OpenDocument text whose content.xml has body as the
// content of office:text, and automatic styles styles.
func odtOf(t testing.TB, styles, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		// The mimetype first and stored, as OpenDocument asks.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: map[bool]uint16{true: zip.Store, false: zip.Deflate}[name == "mimetype"]})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	add("mimetype", "application/vnd.oasis.opendocument.text")
	add("content.xml", `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink">
<office:automatic-styles>`+styles+`</office:automatic-styles>
<office:body><office:text>`+body+`</office:text></office:body></office:document-content>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const odtNumbered = `<text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
<text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/>
<text:list-level-style-number text:level="3" style:num-format="i" style:num-prefix="(" style:num-suffix=")"/>
</text:list-style>
<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
<text:list-style style:name="L3"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="." text:display-levels="1"/>
<text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="." text:display-levels="2"/></text:list-style>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T2" style:family="text" style:parent-style-name="T1"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T3" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
<style:style style:name="T4" style:family="text" style:parent-style-name="T1"><style:text-properties fo:font-style="normal"/></style:style>`

func TestReadODT(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []Block
		warnings   []string
	}{
		{"headings and paragraphs",
			`<text:h text:outline-level="2">A. Introduction</text:h><text:p>  States   agreed<text:s text:c="2"/>that:<text:tab/>x<text:line-break/>y </text:p><text:p/>`,
			[]Block{B(Heading, 2, "A.", "Introduction", 1), B(Paragraph, 0, "", "States agreed  that:\tx\ny", 2)}, nil},
		{"numbered lists, restarted, nested, continued",
			`<text:list text:style-name="L1"><text:list-item><text:p>First.</text:p></text:list-item>
<text:list-item><text:p>Second:</text:p><text:p>More of the second.</text:p><text:list><text:list-item><text:p>a one;</text:p>
<text:list><text:list-item><text:p>deeper.</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>a two.</text:p></text:list-item></text:list></text:list-item></text:list>
<text:p>Between.</text:p>
<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>Third.</text:p></text:list-item></text:list>
<text:list text:style-name="L1"><text:list-item text:start-value="12"><text:p>Twelfth.</text:p></text:list-item><text:list-header><text:p>Unnumbered.</text:p></text:list-header></text:list>
<text:list text:style-name="L2"><text:list-item><text:p>A bullet.</text:p></text:list-item></text:list>
<text:list text:style-name="L3"><text:list-item><text:p>One.</text:p><text:list><text:list-item><text:p>One point one.</text:p></text:list-item></text:list></text:list-item></text:list>`,
			[]Block{
				B(ListItem, 0, "1.", "First.", 1), B(ListItem, 0, "2.", "Second:", 2), B(Paragraph, 1, "", "More of the second.", 3),
				B(ListItem, 1, "(a)", "a one;", 4), B(ListItem, 2, "(i)", "deeper.", 5), B(ListItem, 1, "(b)", "a two.", 6),
				B(Paragraph, 0, "", "Between.", 7), B(ListItem, 0, "3.", "Third.", 8), B(ListItem, 0, "12.", "Twelfth.", 9),
				B(ListItem, 0, "", "Unnumbered.", 10), B(ListItem, 0, "", "A bullet.", 11),
				B(ListItem, 0, "1.", "One.", 12), B(ListItem, 1, "1.1.", "One point one.", 13),
			}, nil},
		{"formatting, links, notes",
			`<text:p>The <text:span text:style-name="T1">Council</text:span> <text:span text:style-name="T2">decides</text:span> <text:span text:style-name="T4">not</text:span> to <text:a xlink:href="https://un.org/x">act</text:a>.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>See A/1.</text:p><text:p>And A/2.</text:p></text:note-body></text:note> E = mc<text:span text:style-name="T3">2</text:span></text:p>`,
			[]Block{
				B(Paragraph, 0, "", "The Council decides not to act. E = mc2", 1).withMarks(
					Mark{4, 11, Emphasis, ""}, Mark{12, 19, Emphasis, ""}, Mark{12, 19, Strong, ""}, Mark{27, 30, Link, "https://un.org/x"}, Mark{38, 39, Superscript, ""}),
				B(Paragraph, 1, "note 1", "See A/1.\nAnd A/2.", 1),
			}, nil},
		{"tables",
			`<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Meeting</text:p></table:table-cell><table:table-cell><text:p>Date</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>First</text:p><text:p>(opening)</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>3 March<text:note><text:note-body><text:p>Provisional.</text:p></text:note-body></text:note></text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell/><table:table-cell/></table:table-row></table:table>`,
			[]Block{B(TableRow, 0, "", "Meeting | Date", 1), B(TableRow, 0, "", "First (opening) | 3 March", 2), B(Paragraph, 1, "note 1", "Provisional.", 2)}, nil},
		{"tracked changes accepted",
			`<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>struck words</text:p></text:deletion></text:changed-region><text:changed-region text:id="c2"><text:insertion/></text:changed-region></text:tracked-changes>
<text:p>States <text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>concluded<text:change-end text:change-id="c2"/> that.</text:p>`,
			[]Block{B(Paragraph, 0, "", "States concluded that.", 1)},
			[]string{"t.odt: tracked changes read as accepted (1 insertion, 1 deletion)"}},
		{"table of contents",
			`<text:table-of-content><text:table-of-content-source><text:index-title-template>Contents</text:index-title-template></text:table-of-content-source><text:index-body><text:index-title><text:p>Contents</text:p></text:index-title><text:p>A. Introduction<text:tab/>1</text:p><text:p>B. Threats<text:tab/>2</text:p></text:index-body></text:table-of-content><text:h text:outline-level="1">A. Introduction</text:h>`,
			[]Block{B(Paragraph, 0, "", "Contents", 1), B(Contents, 0, "", "A. Introduction\t1\nB. Threats\t2", 2), B(Heading, 1, "A.", "Introduction", 3)}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read("t.odt", odtOf(t, odtNumbered, tc.body), Auto)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(d.Blocks, tc.want, Block.Equal) {
				t.Errorf("got:%s\nwant:%s", formatBlocks(d.Blocks), formatBlocks(tc.want))
			}
			if !slices.Equal(d.Warnings, tc.warnings) {
				t.Errorf("warnings %q, want %q", d.Warnings, tc.warnings)
			}
		})
	}
}

// TestODTProducers reads the same drafts written by LibreOffice and by
// pandoc: they read as their Markdown does (and as each other), with
// tracked changes accepted.
func TestODTProducers(t *testing.T) {
	read := func(path string) *Document {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("..", "testdata", path))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(path, data, Auto)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	strip := func(blocks []Block) []Block {
		out := slices.Clone(blocks)
		for i := range out {
			out[i].Line = 0
			out[i].SetMarks(nil)
			if out[i].Kind == ListItem {
				out[i].Kind = Paragraph
			}
		}
		return out
	}
	md := read("drafts/rev1.md")
	for _, name := range []string{"odt/rev1.odt", "odt/rev1-pandoc.odt"} {
		if d := read(name); !slices.EqualFunc(strip(d.Blocks), strip(md.Blocks), Block.Equal) || len(d.Warnings) != 0 {
			t.Errorf("%s reads as:%s\nwarnings %q; its Markdown as:%s", name, formatBlocks(d.Blocks), d.Warnings, formatBlocks(md.Blocks))
		}
	}
	tracked, rev2 := read("odt/rev2-tracked.odt"), read("docx/rev2.docx")
	got := strip(tracked.Blocks)
	for i := range got {
		// As in TestDocxShippedDrafts: LibreOffice's comparison left
		// paragraph 48 the heading style of the heading deleted before it.
		if got[i].Label == "48." && got[i].Kind == Heading {
			got[i].Kind, got[i].Level = Paragraph, 0
		}
	}
	if !slices.EqualFunc(got, strip(rev2.Blocks), Block.Equal) {
		t.Errorf("rev2-tracked.odt reads as:%s\nrev2.docx as:%s", formatBlocks(tracked.Blocks), formatBlocks(rev2.Blocks))
	}
	if want := []string{"odt/rev2-tracked.odt: tracked changes read as accepted (14 insertions, 15 deletions)"}; !slices.Equal(tracked.Warnings, want) {
		t.Errorf("warnings %q, want %q", tracked.Warnings, want)
	}
	// features.md made into .odt by pandoc, and by pandoc into .docx and
	// LibreOffice into .odt: footnotes, a table, nested lists, a link,
	// emphasis, strong and struck text.
	pandoc, lo := read("odt/features-pandoc.odt"), read("odt/features-libreoffice.odt")
	withoutLines := func(blocks []Block) []Block {
		out := slices.Clone(blocks)
		for i := range out {
			out[i].Line = 0
		}
		return out
	}
	if !slices.EqualFunc(withoutLines(pandoc.Blocks), withoutLines(lo.Blocks), Block.Equal) {
		t.Errorf("pandoc's:%s\nLibreOffice's:%s", formatBlocks(pandoc.Blocks), formatBlocks(lo.Blocks))
	}
	want := []Block{
		B(Heading, 1, "", "Draft decision on the review of working methods", 1),
		B(Heading, 1, "A.", "General", 2),
		B(ListItem, 0, "1.", "The Committee decides to review its working methods at its next session.", 3).withMarks(Mark{14, 21, Emphasis, ""}),
		B(Paragraph, 1, "note 1", "See document A/AC.1/2026/L.3, paragraph 12.", 3),
		B(ListItem, 0, "2.", "The Committee requests the Secretariat:", 4).withMarks(Mark{14, 22, Strong, ""}),
		B(ListItem, 1, "a.", "To prepare a note on the practice of other bodies;", 5),
		B(ListItem, 1, "b.", "To consult the regional groups on the options.", 6).withMarks(Mark{15, 30, Link, "https://example.org/groups"}),
		B(ListItem, 0, "3.", "The Committee notes the schedule below:", 7),
		B(TableRow, 0, "", "Meeting | Date | Room", 8),
		B(TableRow, 0, "", "First | 3 March 2027 | CR 4", 9),
		B(TableRow, 0, "", "Second | 10 March 2027 | CR 4", 10),
		B(Heading, 1, "B.", "Follow-up", 11),
		B(ListItem, 0, "4.", "The Committee invites encourages States to submit their views.", 12).withMarks(Mark{14, 21, Strikethrough, ""}),
		B(Paragraph, 1, "note 2", "Views received will be posted on the Committee’s website.", 12),
	}
	if !slices.EqualFunc(pandoc.Blocks, want, Block.Equal) {
		t.Errorf("features-pandoc.odt reads as:%s\nwant:%s", formatBlocks(pandoc.Blocks), formatBlocks(want))
	}
}

// TestODTHostile checks that what is not an OpenDocument text, or would
// build more than it holds, is refused with one error naming the file.
func TestODTHostile(t *testing.T) {
	deep := strings.Repeat(`<text:list><text:list-item>`, maxODTDepth+2) + `<text:p>x</text:p>` + strings.Repeat(`</text:list-item></text:list>`, maxODTDepth+2)
	var spreadsheet bytes.Buffer
	zw := zip.NewWriter(&spreadsheet)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte("<x/>"))
	zw.Close()
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("PK\x03\x04 not really"), "t.odt: not an OpenDocument text (.odt): zip: not a valid zip file"},
		{"a spreadsheet", spreadsheet.Bytes(), `t.odt: not an OpenDocument text (.odt): an OpenDocument file of type "application/vnd.oasis.opendocument.spreadsheet"`},
		{"nested too deep", odtOf(t, "", deep), "t.odt: not an OpenDocument text (.odt): content.xml: content nested more than 64 levels deep"},
		{"bad XML", odtOf(t, "", "<text:p>"), "t.odt: not an OpenDocument text (.odt): content.xml: XML syntax error on line 1: element <p> closed by </text>"},
	} {
		_, err := Read("t.odt", tc.data, Auto)
		var e *Error
		if !errors.As(err, &e) || err.Error() != tc.want {
			t.Errorf("%s: err = %v, want %s", tc.name, err, tc.want)
		}
	}
	// A space count of a billion adds a bounded run of spaces, fast.
	start := time.Now()
	d, err := Read("t.odt", odtOf(t, "", strings.Repeat(`<text:p>a<text:s text:c="1000000000"/>b</text:p>`, 1000)), Auto)
	if err != nil || len(d.Blocks) != 1000 || len(d.Blocks[0].Text) != 2+maxODTSpaces || time.Since(start) > 5*time.Second {
		t.Errorf("space counts: %v, %d blocks, %v", err, len(d.Blocks), time.Since(start))
	}
}

func FuzzReadODT(f *testing.F) {
	f.Add([]byte(odtNumbered), []byte(`<text:list text:style-name="L1"><text:list-item><text:p>x<text:span text:style-name="T2">y</text:span></text:p></text:list-item></text:list>`))
	f.Add([]byte(""), []byte(`<table:table><table:table-row><table:table-cell><table:table><table:table-row><table:table-cell><text:p>n</text:p></table:table-cell></table:table-row></table:table></table:table-cell></table:table-row></table:table>`))
	f.Add([]byte(""), []byte(`<text:p>a<text:note><text:note-body><text:p>b<text:note><text:note-body><text:p>c</text:p></text:note-body></text:note></text:p></text:note-body></text:note></text:p>`))
	f.Fuzz(func(t *testing.T, styles, body []byte) {
		data := odtOf(t, string(styles), string(body))
		d, err := Read("fuzz.odt", data, Auto)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.odt: ") || strings.Contains(err.Error(), "internal error") {
				t.Fatalf("error %v", err)
			}
			return
		}
		for i, b := range d.Blocks {
			switch {
			case !utf8.ValidString(b.Text) || !utf8.ValidString(b.Label):
				t.Fatalf("block %d: invalid UTF-8", i)
			case b.Text != strings.TrimSpace(b.Text) && b.Kind != Contents || b.Text == "" && b.Label == "":
				t.Fatalf("block %d: %q %q", i, b.Label, b.Text)
			case b.Kind > FrontMatter || b.Level < 0 || b.Kind == Heading && (b.Level < 1 || b.Level > 6):
				t.Fatalf("block %d: kind %v level %d", i, b.Kind, b.Level)
			}
			for _, m := range b.Marks() {
				if m.Start < 0 || m.Start >= m.End || int(m.End) > len(b.Text) {
					t.Fatalf("block %d: mark %+v out of %q", i, m, b.Text)
				}
			}
		}
	})
}

// TestODTReadAsText checks that an OpenDocument text read as text says
// what it is.
func TestODTReadAsText(t *testing.T) {
	_, err := Read("draft.txt", odtOf(t, "", "<text:p>x</text:p>"), Auto)
	if !errors.Is(err, ErrBinary) || !strings.HasSuffix(err.Error(), "; an OpenDocument text: name it .odt or pass --from odt)") {
		t.Errorf("err = %v", err)
	}
}
