package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// readDraftFile reads a draft of the repository's testdata.
func readDraftFile(t *testing.T, rel string) *draft.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	d, err := draft.Read(filepath.Base(rel), data, draft.Auto)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// blockShapes returns each block's kind, level, label and text: what
// must read back alike.
func blockShapes(blocks []draft.Block) []string {
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = b.Kind.String() + "/" + strings.Repeat(">", int(b.Level)) + b.Label + " " + strings.Join(strings.Fields(b.Text), " ")
	}
	return out
}

// checkReadsBack holds a Word redline, read with its changes accepted and
// rejected, to r's drafts: the same blocks, kinds, levels, labels and
// words, as redline compare sees them (no differences).
func checkReadsBack(t testing.TB, r *diff.Result, pkg []byte) {
	t.Helper()
	original, revised, err := draft.ReadTracked("redline.docx", pkg)
	if err != nil {
		t.Fatal(err)
		return
	}
	for _, c := range []struct {
		side       string
		got, draft *draft.Document
	}{{"rejected", original, r.Old}, {"accepted", revised, r.New}} {
		again, err := diff.Compare(c.draft, c.got, diff.Options{})
		if err != nil {
			t.Fatal(err)
			return
		}
		if again.Differs(false) {
			var text strings.Builder
			Text(&text, again)
			for _, st := range again.Steps {
				if st.Op != diff.Equal || st.Formatting {
					for _, i := range st.Old.All() {
						text.WriteString("\n- " + blockShapes(again.Old.Blocks[i : i+1])[0])
					}
					for _, j := range st.New.All() {
						text.WriteString("\n+ " + blockShapes(again.New.Blocks[j : j+1])[0])
					}
				}
			}
			t.Errorf("changes %s: differs from the draft:\n%s", c.side, text.String())
		}
	}
}

// TestDOCXTemplate holds the Word redline of drafts that are not Word
// documents to Word's own structures: list items numbered by Word's
// automatic numbering (not typed), table rows as a table, notes as
// footnotes; read back, accepted and rejected, the drafts as they were.
func TestDOCXTemplate(t *testing.T) {
	typedLabel := regexp.MustCompile(`<w:(?:t|delText) xml:space="preserve">[0-9]+\.</w:(?:t|delText)>`)
	for _, tc := range []struct {
		old, new     string
		minNumbered  int // paragraphs numbered by Word
		maxTyped     int // labels typed
		tables, rows int
		footnotes    int
	}{
		{"drafts/zero-draft.md", "drafts/final.md", 60, 0, 0, 0, 0},
		{"drafts/rev1.md", "drafts/rev2.md", 40, 0, 0, 0, 0},
		{"docx-rich/old.md", "docx-rich/new.md", 6, 1, 1, 5, 0},
		// Word drafts written without their source: notes as footnotes.
		{"docx-rich/old.docx", "docx-rich/new.docx", 0, 1, 1, 5, 2}, // "6." inserted last: typed (see planNumbering)
	} {
		t.Run(tc.old+"→"+tc.new, func(t *testing.T) {
			r, err := diff.Compare(readDraftFile(t, tc.old), readDraftFile(t, tc.new), diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf strings.Builder
			if err := DOCX(&buf, r); err != nil {
				t.Fatal(err)
			}
			pkg := []byte(buf.String())
			checkReadsBack(t, r, pkg)
			doc := string(docxPart(t, pkg, "word/document.xml"))
			if n := strings.Count(doc, "<w:numPr>"); n < tc.minNumbered {
				t.Errorf("%d paragraphs numbered by Word, want at least %d", n, tc.minNumbered)
			}
			if typed := typedLabel.FindAllString(doc, -1); len(typed) > tc.maxTyped {
				t.Errorf("labels typed: %v", typed)
			}
			if n := strings.Count(doc, "<w:tbl>"); n != tc.tables {
				t.Errorf("%d tables, want %d", n, tc.tables)
			}
			if n := strings.Count(doc, "<w:tr>"); n != tc.rows {
				t.Errorf("%d table rows, want %d", n, tc.rows)
			}
			notes := string(docxPart(t, pkg, "word/footnotes.xml"))
			if n := strings.Count(notes, "<w:footnoteRef/>"); n != tc.footnotes {
				t.Errorf("%d footnotes, want %d", n, tc.footnotes)
			}
			if tc.footnotes > 0 && strings.Contains(doc, "note 1") {
				t.Error("a note's label is typed in the body")
			}
		})
	}
}
