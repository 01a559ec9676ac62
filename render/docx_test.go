package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// blockKeys returns each block's label and text as one string, characters
// XML cannot hold as U+FFFD, white space folded: what a Word document can
// give back of a block (the kind and level aside).
func blockKeys(blocks []draft.Block) []string {
	var out []string
	for _, b := range blocks {
		key := strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r >= 0x20 && r <= 0xD7FF ||
				r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
				return r // a form feed and a vertical tab are breaks in Word, white space here
			}
			return utf8.RuneError
		}, b.Label+" "+b.Text)
		key = strings.Join(strings.Fields(key), " ")
		if key != "" {
			out = append(out, key)
		}
	}
	return out
}

// checkDOCXRoundTrip writes r as a Word document and reads it back with
// its tracked changes rejected and accepted: the old draft's blocks and
// the new draft's, label and text.
func checkDOCXRoundTrip(t *testing.T, r *diff.Result) {
	t.Helper()
	var buf bytes.Buffer
	if err := DOCX(&buf, r); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := DOCX(&again, r); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Fatalf("a second DOCX differs (%v)", err)
	}
	original, revised, err := draft.ReadTracked("redline.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if g, w := blockKeys(original.Blocks), blockKeys(r.Old.Blocks); !slices.Equal(g, w) {
		t.Fatalf("changes rejected:\n%s\nold draft:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	if g, w := blockKeys(revised.Blocks), blockKeys(r.New.Blocks); !slices.Equal(g, w) {
		t.Fatalf("changes accepted:\n%s\nnew draft:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
}

// TestDOCXRoundTrip holds the Word redline of the sample, hostile and
// shipped pairs (moves, a moved section, splits, merges, renumbering) to
// its drafts: rejecting every change gives the old draft, accepting every
// one the new.
func TestDOCXRoundTrip(t *testing.T) {
	t.Run("sample", func(t *testing.T) { checkDOCXRoundTrip(t, sampleResult()) })
	t.Run("hostile", func(t *testing.T) { checkDOCXRoundTrip(t, hostileResult()) })
	drafts := []string{"zero-draft.md", "rev1.md", "rev2.md", "final.md"}
	read := func(name string) *draft.Document {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "drafts", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := draft.Read(name, data, draft.Auto)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for i := range drafts {
		for j := range drafts {
			if i == j {
				continue
			}
			t.Run(drafts[i]+"→"+drafts[j], func(t *testing.T) {
				r, err := diff.Compare(read(drafts[i]), read(drafts[j]), diff.Options{})
				if err != nil {
					t.Fatal(err)
				}
				checkDOCXRoundTrip(t, r)
			})
		}
	}
}

// FuzzDOCX compares two drafts and holds their Word redline to them (see
// checkDOCXRoundTrip).
func FuzzDOCX(f *testing.F) {
	f.Add("1. States agreed.\n\n2. Law applies.\n\n3. Third.", "1. Law applies.\n\n2. States concluded.\n\n3. Third. Fourth.", false)
	f.Add("# A\n\n1. One. Two.\n\n2. Three.\n\n3. Four.", "# A\n\n1. One.\n\n2. Two.\n\n3. Three. Four.", true)
	f.Add("a\tb\nc <&> \x01\n\n(a) x\n\n(b) y", "(b) y\n\n(a) x\n\na\tb\nc <&>", false)
	f.Fuzz(func(t *testing.T, old, new string, markdown bool) {
		format := draft.Text
		if markdown {
			format = draft.Markdown
		}
		a, err := draft.Read("old", []byte(old), format)
		if err != nil {
			return
		}
		b, err := draft.Read("new", []byte(new), format)
		if err != nil {
			return
		}
		r, err := diff.Compare(a, b, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkDOCXRoundTrip(t, r)
	})
}

// TestDOCXMoves checks that a moved paragraph is a move in Word: its old
// place a moveFrom range, its new place a moveTo range of the same name,
// every range opened once and closed, and no deletion inside a moveTo.
func TestDOCXMoves(t *testing.T) {
	var buf bytes.Buffer
	if err := DOCX(&buf, sampleResult()); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var document []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			document, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	names := map[string][]string{}
	open := map[string]bool{}
	dec := xml.NewDecoder(bytes.NewReader(document))
	inMoveTo := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			id := attrOf(e, "id")
			switch e.Name.Local {
			case "moveFromRangeStart", "moveToRangeStart":
				names[attrOf(e, "name")] = append(names[attrOf(e, "name")], e.Name.Local)
				open[id] = true
			case "moveFromRangeEnd", "moveToRangeEnd":
				if !open[id] {
					t.Errorf("%s %s closes no range", e.Name.Local, id)
				}
				delete(open, id)
			case "moveTo":
				inMoveTo = true
			case "del", "delText":
				if inMoveTo {
					t.Errorf("a deletion inside a moveTo")
				}
			}
		case xml.EndElement:
			if e.Name.Local == "moveTo" {
				inMoveTo = false
			}
		}
	}
	if len(names) == 0 || len(open) != 0 {
		t.Fatalf("moves %v, ranges left open %v", names, open)
	}
	for name, starts := range names {
		if !slices.Equal(starts, []string{"moveFromRangeStart", "moveToRangeStart"}) && !slices.Equal(starts, []string{"moveToRangeStart", "moveFromRangeStart"}) {
			t.Errorf("move %s: ranges %v, want one moveFrom and one moveTo", name, starts)
		}
	}
}

// attrOf returns the value of e's attribute of local name local.
func attrOf(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
