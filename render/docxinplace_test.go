package render

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// inPlacePairs are the pairs of Word drafts whose redline is written into
// the new draft itself.
var inPlacePairs = []struct {
	old, new string
	// known says why the old draft's numbering is not what rejecting
	// every change gives: logged, not failed.
	known string
}{
	{"docx-rich/old.docx", "docx-rich/new.docx", ""},
	{"docx/rev1.docx", "docx/rev2.docx", ""},
	{"docx/zero-draft.docx", "docx/rev1.docx", ""},
	{"docx/rev2.docx", "docx/final.docx", ""},
	{"docx/zero-draft.docx", "docx/final.docx", ""},
	{"docx/final.docx", "docx/zero-draft.docx", ""},
	{"docx/rev1-libreoffice.docx", "docx/rev2.docx", ""},
	{"docx/rev2.docx", "docx/rev1-libreoffice.docx", ""},
	{"docx-rich/new.docx", "docx-rich/old.docx", ""},
	{"docx/rev2.docx", "docx/rev1.docx", ""},
	{"docx/rev1.docx", "docx/zero-draft.docx", ""},
	{"docx/final.docx", "docx/rev2.docx", ""},
	{"docx/final.docx", "docx/rev1.docx", ""},
	{"docx/rev1.docx", "docx/final.docx", ""},
	{"docx/zero-draft.docx", "docx/rev2.docx", ""},
	{"docx/rev2.docx", "docx/zero-draft.docx", ""},
	{"docx/rev2-tracked.docx", "docx/final.docx", ""},
}

// TestDOCXInPlace writes the Word redline of Word drafts into the new
// draft: it must be written so (not as a document of redline's own), and
// read back with its changes accepted and rejected, be the drafts.
func TestDOCXInPlace(t *testing.T) {
	for _, pair := range inPlacePairs {
		t.Run(pair.old+"→"+pair.new, func(t *testing.T) {
			r, err := diff.Compare(readDraftFile(t, pair.old), readDraftFile(t, pair.new), diff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(filepath.Join("..", "testdata", filepath.FromSlash(pair.new)))
			if err != nil {
				t.Fatal(err)
			}
			opt := DOCXOptions{Source: src, Author: "Delegation of X", Date: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)}
			var buf, again bytes.Buffer
			if err := writeInPlace(&buf, r, opt); err != nil {
				t.Fatalf("not written into the new draft: %v", err)
			}
			if err := DOCXWith(&again, r, opt); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Fatalf("DOCXWith wrote another document (%v)", err)
			}
			for _, part := range []string{"word/document.xml", "word/footnotes.xml"} {
				if data := docxPart(t, buf.Bytes(), part); data != nil {
					checkChangeAttrs(t, data, "Delegation of X", "2026-03-14T09:30:00Z")
				}
			}
			// The new draft's other parts are as they were.
			for _, part := range []string{"word/styles.xml", "word/header1.xml", "word/media/image1.png", "word/media/rId21.png", "word/_rels/document.xml.rels"} {
				if a, b := docxPart(t, src, part), docxPart(t, buf.Bytes(), part); !bytes.Equal(a, b) {
					t.Errorf("%s changed", part)
				}
			}
			if pair.known != "" {
				var lt logT
				checkReadsBack(&lt, r, buf.Bytes())
				if lt.failed {
					t.Logf("known: %s:\n%s", pair.known, strings.Join(lt.msgs, "\n"))
				}
				return
			}
			checkReadsBack(t, r, buf.Bytes())
		})
	}
}

// logT stands in for a testing.T whose failures are known: it collects
// them.
type logT struct {
	testing.TB
	failed bool
	msgs   []string
}

func (l *logT) Helper() {}
func (l *logT) Errorf(format string, args ...any) {
	l.failed = true
	l.msgs = append(l.msgs, fmt.Sprintf(format, args...))
}
func (l *logT) Fatal(args ...any) { l.Errorf("%s", fmt.Sprint(args...)) }

// TestDOCXInPlaceFallback holds DOCXWith to a document of redline's own
// when the source given is not the new draft's Word document: not a
// document at all, another draft, a document nested past the reader's
// bounds.
func TestDOCXInPlaceFallback(t *testing.T) {
	r, err := diff.Compare(readDraftFile(t, "docx/rev1.docx"), readDraftFile(t, "docx/rev2.docx"), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var own bytes.Buffer
	if err := DOCX(&own, r); err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile(filepath.Join("..", "testdata", "docx", "final.docx"))
	if err != nil {
		t.Fatal(err)
	}
	deep := docxOf(t, `<w:document xmlns:w="`+wordMainNS+`"><w:body>`+strings.Repeat("<w:sdt><w:sdtContent>", 600)+
		strings.Repeat("</w:sdtContent></w:sdt>", 600)+`</w:body></w:document>`)
	for name, src := range map[string][]byte{"garbage": []byte("PK\x03\x04 not a zip"), "another draft": other, "nested deep": deep} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writeInPlace(&buf, r, DOCXOptions{Source: src}); err == nil || buf.Len() != 0 {
				t.Fatalf("written into it (%v, %d bytes)", err, buf.Len())
			}
			buf.Reset()
			if err := DOCXWith(&buf, r, DOCXOptions{Source: src}); err != nil || !bytes.Equal(buf.Bytes(), own.Bytes()) {
				t.Fatalf("not redline's own document (%v)", err)
			}
		})
	}
}

// docxOf returns a Word package of one main part, document.
func docxOf(t *testing.T, document string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": docxContentTypes + `</Types>`,
		"_rels/.rels":         docxPackageRels,
		"word/document.xml":   document,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, content); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDOCXFormatting holds a change of formatting alone between Word
// drafts (a word made bold, another no longer italic) to a tracked change
// of run properties with --formatting (rejected, the old formatting), and
// to none without.
func TestDOCXFormatting(t *testing.T) {
	para := func(runs string) []byte {
		return docxOf(t, `<w:document xmlns:w="`+wordMainNS+`"><w:body><w:p>`+runs+`</w:p><w:p><w:r><w:t>Unchanged.</w:t></w:r></w:p></w:body></w:document>`)
	}
	oldDoc := para(`<w:r><w:t xml:space="preserve">States agreed that </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>law</w:t></w:r><w:r><w:t xml:space="preserve"> applies.</w:t></w:r>`)
	newDoc := para(`<w:r><w:t xml:space="preserve">States </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>agreed</w:t></w:r><w:r><w:t xml:space="preserve"> that law applies.</w:t></w:r>`)
	read := func(name string, data []byte) *draft.Document {
		d, err := draft.Read(name, data, draft.Docx)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	r, err := diff.Compare(read("old.docx", oldDoc), read("new.docx", newDoc), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Stats(); s.Formatted != 1 || s.WordsInserted+s.WordsDeleted != 0 {
		t.Fatalf("stats %+v, want one change of formatting alone", s)
	}
	for _, tracked := range []bool{false, true} {
		var buf bytes.Buffer
		if err := writeInPlace(&buf, r, DOCXOptions{Source: newDoc, Formatting: tracked}); err != nil {
			t.Fatal(err)
		}
		doc := string(docxPart(t, buf.Bytes(), "word/document.xml"))
		if n := strings.Count(doc, "<w:rPrChange "); tracked && n != 2 || !tracked && n != 0 {
			t.Errorf("--formatting %v: %d changes of run properties:\n%s", tracked, n, doc)
		}
		if tracked {
			checkReadsBack(t, r, buf.Bytes())
		}
	}
}

// TestDOCXDeletedNote deletes a footnote (the Rich pair backwards adds
// one; here the new draft lacks the old one's second note): the note is
// written into the new draft's notes, deleted, its reference deleted.
func TestDOCXDeletedNote(t *testing.T) {
	oldDoc := readDraftFile(t, "docx-rich/new.docx")
	src, err := os.ReadFile(filepath.Join("..", "testdata", "docx-rich", "new.docx"))
	if err != nil {
		t.Fatal(err)
	}
	// The new draft: the same document, its second note's reference gone.
	newSrc := rewritePart(t, src, "word/document.xml", func(s string) string {
		i := strings.LastIndex(s, "<w:footnoteReference")
		j := i + strings.Index(s[i:], "/>") + 2
		return s[:i] + s[j:]
	})
	newDoc, err := draft.Read("new.docx", newSrc, draft.Docx)
	if err != nil {
		t.Fatal(err)
	}
	r, err := diff.Compare(oldDoc, newDoc, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeInPlace(&buf, r, DOCXOptions{Source: newSrc}); err != nil {
		t.Fatalf("not written into the new draft: %v", err)
	}
	checkReadsBack(t, r, buf.Bytes())
}

// rewritePart returns a package with part name changed by f.
func rewritePart(t *testing.T, pkg []byte, name string, f func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, file := range zr.File {
		rc, err := file.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if file.Name == name {
			data = []byte(f(string(data)))
		}
		w, err := zw.Create(file.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// asWord returns d as a Word document of redline's own (d compared with
// itself), and d read back from it.
func asWord(t testing.TB, d *draft.Document) ([]byte, *draft.Document, bool) {
	r, err := diff.Compare(d, d, diff.Options{})
	if err != nil {
		return nil, nil, false
	}
	var buf bytes.Buffer
	if err := DOCX(&buf, r); err != nil {
		t.Fatal(err)
	}
	back, err := draft.Read(d.Name+".docx", buf.Bytes(), draft.Docx)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), back, true
}

// checkInPlace writes the redline of old against new, both made Word
// documents, into new's and holds it to both drafts; a document it cannot
// be written into is no failure, but must give redline's own.
func checkInPlace(t testing.TB, old, new *draft.Document) {
	t.Helper()
	_, oldW, ok := asWord(t, old)
	if !ok {
		return
	}
	src, newW, ok := asWord(t, new)
	if !ok {
		return
	}
	r, err := diff.Compare(oldW, newW, diff.Options{})
	if err != nil {
		return
	}
	var buf bytes.Buffer
	if err := writeInPlace(&buf, r, DOCXOptions{Source: src, Formatting: true}); err != nil {
		if !errors.Is(err, errInPlace) {
			t.Fatal(err)
		}
		t.Logf("redline's own document: %v", err)
		return
	}
	checkReadsBack(t, r, buf.Bytes())
}

// TestDOCXInPlaceShipped writes the redline of every pair of the shipped
// Markdown drafts, made Word documents by redline, into the new one, with
// changes of formatting tracked.
func TestDOCXInPlaceShipped(t *testing.T) {
	names := []string{"drafts/zero-draft.md", "drafts/rev1.md", "drafts/rev2.md", "drafts/final.md", "docx-rich/old.md", "docx-rich/new.md"}
	for _, a := range names {
		for _, b := range names {
			if a != b {
				t.Run(a+"→"+b, func(t *testing.T) { checkInPlace(t, readDraftFile(t, a), readDraftFile(t, b)) })
			}
		}
	}
}

// FuzzDOCXInPlace holds the redline written into the new draft, both
// drafts made Word documents by redline, to both drafts.
func FuzzDOCXInPlace(f *testing.F) {
	f.Add("1. States agreed.\n\n2. Law applies.\n\n3. Third.", "1. Law applies.\n\n2. States concluded.\n\n3. Third. Fourth.")
	f.Add("# A\n\n1. One. Two.\n\n2. Three.\n\n3. Four.", "# A\n\n1. One.\n\n2. Two.\n\n3. Three. Four.")
	f.Add("| a | b |\n| --- | --- |\n| 1 | 2 |\n\nText *it* here.", "| a | b |\n| --- | --- |\n| 1 | 3 |\n| 4 | 5 |\n\nText it **here**.")
	f.Fuzz(func(t *testing.T, old, new string) {
		a, err := draft.Read("old", []byte(old), draft.Markdown)
		if err != nil {
			return
		}
		b, err := draft.Read("new", []byte(new), draft.Markdown)
		if err != nil {
			return
		}
		checkInPlace(t, a, b)
	})
}
