package render

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/officetest"
)

// knownPPrChange is what LibreOffice 7.4 does otherwise than Word with the
// pandoc drafts' lists (an instance per section, each started by an
// override at its first number): the redline gives the old draft's lists
// their own starts by a tracked change of the properties of their
// paragraphs (w:pPrChange to a new instance), which LibreOffice does not
// undo on rejecting: the old draft's labels drift by the paragraphs
// inserted or deleted before. Accepting, it gives the new draft exactly
// (checked); redline's reader, as Word, reads both exactly
// (TestDOCXInPlace).
const knownPPrChange = "LibreOffice 7.4 and tracked changes of list instances (w:pPrChange)"

// officePair is a pair of drafts of testdata whose Word redline
// TestDOCXOffice opens in LibreOffice.
type officePair struct {
	old, new string
	source   bool // the redline written into the new draft (a Word document)
	// knownLO says why LibreOffice reads the redline with its changes
	// rejected otherwise than Word would: logged, not failed.
	knownLO string
}

var officePairs = []officePair{
	{"drafts/zero-draft.md", "drafts/final.md", false, "LibreOffice 7.4, rejecting the moved section C (a relabelled heading, seven numbered paragraphs moved, one inserted among them), " +
		"leaves two emptied paragraphs, one of them still numbered (an empty \"14.\" that renumbers the rest)"},
	{"drafts/rev1.md", "drafts/rev2.md", false, ""},
	{"docx-rich/old.md", "docx-rich/new.md", false, ""},
	{"docx-rich/old.docx", "docx-rich/new.docx", false, ""},
	// Written into the new draft.
	{"docx-rich/old.docx", "docx-rich/new.docx", true, ""},
	{"docx/zero-draft.docx", "docx/final.docx", true, knownPPrChange},
	{"docx/rev1.docx", "docx/rev2.docx", true, knownPPrChange},
	{"docx/rev2.docx", "docx/final.docx", true, knownPPrChange},
}

// TestDOCXOffice opens Word redlines in LibreOffice (headless): each must
// open (no repair), and with every change accepted read as the new draft,
// rejected as the old (redline compare finds no differences), with as
// many tables, footnotes and images as the draft has. It is skipped where
// LibreOffice or its Python bridge is missing, and with -short.
func TestDOCXOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice not started")
	}
	if err := officetest.Available(); err != nil {
		t.Skipf("LibreOffice tests skipped: %v", err)
	}
	dir := t.TempDir()
	if keep := os.Getenv("REDLINE_OFFICE_KEEP"); keep != "" { // to look at the documents
		dir = keep
	}
	type run struct {
		pair     officePair
		r        *diff.Result
		redline  string
		old, new string // the drafts, if Word documents, for LibreOffice's counts
	}
	var runs []run
	var jobs []officetest.Job
	for i, p := range officePairs {
		r, err := diff.Compare(readDraftFile(t, p.old), readDraftFile(t, p.new), diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		opt := DOCXOptions{Author: "Office test", Date: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)}
		var buf bytes.Buffer
		if p.source {
			if opt.Source, err = os.ReadFile(filepath.Join("..", "testdata", filepath.FromSlash(p.new))); err != nil {
				t.Fatal(err)
			}
			if err := writeInPlace(&buf, r, opt); err != nil {
				t.Fatalf("%s: not written into the new draft: %v", p.new, err)
			}
		} else if err := DOCXWith(&buf, r, opt); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, string(rune('a'+i)))
		if p.source {
			name += "-in-place"
		}
		if err := os.WriteFile(name+".docx", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		rn := run{pair: p, r: r, redline: name + ".docx"}
		jobs = append(jobs, officetest.Job{In: rn.redline, Accept: name + "-accepted.docx", Reject: name + "-rejected.docx"})
		if filepath.Ext(p.new) == ".docx" {
			rn.old, rn.new = filepath.Join("..", "testdata", p.old), filepath.Join("..", "testdata", p.new)
			jobs = append(jobs, officetest.Job{In: rn.old}, officetest.Job{In: rn.new})
		}
		runs = append(runs, rn)
	}
	start := time.Now()
	results, err := officetest.Run(jobs, 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("LibreOffice: %d documents in %v", len(jobs), time.Since(start).Round(time.Millisecond))
	k := 0
	for _, rn := range runs {
		res := results[k]
		k++
		t.Run(rn.pair.old+"→"+rn.pair.new+map[bool]string{true: " into the new draft"}[rn.pair.source], func(t *testing.T) {
			if res.Error != "" {
				t.Fatalf("LibreOffice: %s", res.Error)
			}
			if res.Changes == 0 || len(res.Authors) != 1 || res.Authors[0] != "Office test" {
				t.Errorf("%d changes by %v", res.Changes, res.Authors)
			}
			for _, side := range []struct {
				name  string
				file  string
				draft *draft.Document
				got   *officetest.Counts
			}{{"accepted", jobs[k-1].Accept, rn.r.New, res.Accept}, {"rejected", jobs[k-1].Reject, rn.r.Old, res.Reject}} {
				data, err := os.ReadFile(side.file)
				if err != nil {
					t.Fatal(err)
				}
				d, err := draft.Read(side.file, data, draft.Docx)
				if err != nil {
					t.Fatal(err)
				}
				again, err := diff.Compare(side.draft, d, diff.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if again.Differs(false) {
					var text bytes.Buffer
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
					if rn.pair.knownLO != "" && side.name == "rejected" {
						t.Logf("known: %s:\n%s", rn.pair.knownLO, text.String())
					} else {
						t.Errorf("changes %s by LibreOffice: not the draft:\n%s", side.name, text.String())
					}
				}
				if side.got.Changes != 0 {
					t.Errorf("changes %s: %d changes left", side.name, side.got.Changes)
				}
			}
		})
		if rn.old != "" {
			oldC, newC := results[k], results[k+1]
			k += 2
			t.Run(rn.pair.old+"→"+rn.pair.new+map[bool]string{true: " into the new draft"}[rn.pair.source]+"/structure", func(t *testing.T) {
				for _, c := range []struct {
					name       string
					got, draft officetest.Counts
				}{{"accepted", *res.Accept, newC.Counts}, {"rejected", *res.Reject, oldC.Counts}} {
					if c.got.Tables != c.draft.Tables || c.got.Footnotes != c.draft.Footnotes || c.got.Endnotes != c.draft.Endnotes {
						t.Errorf("changes %s: %d tables, %d footnotes, %d endnotes; the draft %d, %d, %d", c.name,
							c.got.Tables, c.got.Footnotes, c.got.Endnotes, c.draft.Tables, c.draft.Footnotes, c.draft.Endnotes)
					}
					if rn.pair.source && c.got.Images != c.draft.Images {
						t.Errorf("changes %s: %d images, the draft %d", c.name, c.got.Images, c.draft.Images)
					}
				}
			})
		}
	}
}
