package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

// docxPart returns the part name of a Word package, or nil.
func docxPart(t *testing.T, pkg []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
	return nil
}

// trackedChangeElements are the elements of WordprocessingML that are
// tracked changes, each of which must name its author and date.
var trackedChangeElements = map[string]bool{"ins": true, "del": true, "moveFrom": true, "moveTo": true,
	"moveFromRangeStart": true, "moveToRangeStart": true, "pPrChange": true, "rPrChange": true,
	"numberingChange": true, "cellIns": true, "cellDel": true}

// checkChangeAttrs holds every tracked change of a Word part to the
// author and date given ("" for none), and returns how many there are.
func checkChangeAttrs(t *testing.T, part []byte, author, date string) int {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(part))
	n := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !trackedChangeElements[se.Name.Local] {
			continue
		}
		n++
		if a := attrOf(se, "author"); a != author {
			t.Errorf("%s by %q, want %q", se.Name.Local, a, author)
		}
		if d := attrOf(se, "date"); d != date {
			t.Errorf("%s dated %q, want %q", se.Name.Local, d, date)
		}
	}
}

// TestDOCXAuthorDate holds every tracked change of a Word redline to the
// author and date asked for (none asked: "redline", undated), the title
// and summary to the document's properties, and two runs to the same
// bytes.
func TestDOCXAuthorDate(t *testing.T) {
	date := time.Date(2026, 3, 14, 9, 26, 53, 0, time.FixedZone("CET", 3600))
	for _, tc := range []struct {
		name               string
		opt                DOCXOptions
		wantAuthor, wantAt string
	}{
		{"default", DOCXOptions{}, "redline", ""},
		{"given", DOCXOptions{Author: `A. "Delegate" <&>`, Date: date, Title: "Redline: zero draft → final", Summary: "12 changed"},
			`A. "Delegate" <&>`, "2026-03-14T08:26:53Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := DOCXWith(&a, sampleResult(), tc.opt); err != nil {
				t.Fatal(err)
			}
			if err := DOCXWith(&b, sampleResult(), tc.opt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two runs differ")
			}
			document := docxPart(t, a.Bytes(), "word/document.xml")
			if n := checkChangeAttrs(t, document, tc.wantAuthor, tc.wantAt); n < 10 {
				t.Errorf("%d tracked changes, want the sample's many", n)
			}
			core := string(docxPart(t, a.Bytes(), "docProps/core.xml"))
			if tc.opt.Title != "" {
				if !strings.Contains(core, "<dc:title>Redline: zero draft → final</dc:title>") ||
					!strings.Contains(core, "<dc:description>12 changed</dc:description>") ||
					!strings.Contains(core, `<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-14T08:26:53Z</dcterms:modified>`) {
					t.Errorf("core properties without the title, summary or date:\n%s", core)
				}
				if strings.Contains(string(document), "zero draft →") || strings.Contains(string(document), "12 changed") {
					t.Error("the title or summary is in the body")
				}
			}
			if err := xml.Unmarshal([]byte(core), new(struct{})); err != nil {
				t.Errorf("core properties: %v", err)
			}
		})
	}
}
