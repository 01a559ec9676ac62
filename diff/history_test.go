package diff_test

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// The shipped drafts' files, in order (testdata/drafts/FACTS.md).
var draftFiles = []string{"zero-draft.md", "rev1.md", "rev2.md", "final.md"}

var (
	shippedOnce    sync.Once
	shippedHistory *diff.History
	shippedErr     error
)

// shipped returns the history of the four shipped drafts, built once.
func shipped(t testing.TB) *diff.History {
	t.Helper()
	shippedOnce.Do(func() {
		var drafts []*draft.Document
		for _, f := range draftFiles {
			d, err := readDraft("../testdata/drafts/" + f)
			if err != nil {
				shippedErr = err
				return
			}
			drafts = append(drafts, d)
		}
		shippedHistory, shippedErr = diff.NewHistory(drafts, diff.Options{})
	})
	if shippedErr != nil {
		t.Fatal(shippedErr)
	}
	return shippedHistory
}

func readDraft(path string) (*draft.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return draft.Read(path, data, draft.Markdown)
}

// blockLabeled returns the index of the block of draft k labelled label
// whose text starts with prefix.
func blockLabeled(t *testing.T, h *diff.History, k int, label, prefix string) int {
	t.Helper()
	for i, b := range h.Drafts[k].Blocks {
		if b.Label == label && strings.HasPrefix(b.Text, prefix) {
			return i
		}
	}
	t.Fatalf("draft %d has no block %q starting %q", k, label, prefix)
	return -1
}

// label returns the label of block i of draft k, "" for -1.
func label(h *diff.History, k, i int) string {
	if i < 0 {
		return ""
	}
	return h.Drafts[k].Blocks[i].Label
}

func TestHistoryNeedsTwoDrafts(t *testing.T) {
	d := &draft.Document{Name: "only.md"}
	if _, err := diff.NewHistory([]*draft.Document{d}, diff.Options{}); err == nil {
		t.Fatal("NewHistory of one draft: no error")
	}
}

// TestLineageRenumberedAndMoved: N2, "Norms do not replace or alter…", is
// 23 → 26 → 27 → 18, edited in every step and moved (with its section)
// into the final.
func TestLineageRenumberedAndMoved(t *testing.T) {
	h := shipped(t)
	i := blockLabeled(t, h, 3, "18.", "Norms do not replace")
	l := h.Lineage(i)
	var got []string
	for _, a := range l.Path {
		got = append(got, fmt.Sprintf("%d:%s:%s:%v", a.Draft, label(h, a.Draft, a.Block), a.Op, a.Moved))
	}
	want := []string{"3:18.:moved:true", "2:27.:changed:false", "1:26.:changed:false", "0:23.:equal:false"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("lineage of final 18 = %v, want %v", got, want)
	}
	if l.Added != -1 {
		t.Errorf("Added = %d, want -1 (in the zero draft)", l.Added)
	}
	// One identity through all four drafts.
	id := h.Identity(3, i)
	for _, a := range l.Path {
		if h.Identity(a.Draft, a.Block) != id {
			t.Errorf("draft %d block %d has identity %d, want %d", a.Draft, a.Block, h.Identity(a.Draft, a.Block), id)
		}
	}
}

func TestLineageOrigins(t *testing.T) {
	h := shipped(t)
	tests := []struct {
		label, prefix string
		path          string // draft:label, from the last draft back
		added         int
		origin        diff.Op
	}{
		{"11.", "In the light of the COVID-19", "3:11. 2:11. 1:11.", 1, diff.Inserted},
		{"21.", "States underlined the importance of ensuring", "3:21. 2:29 bis.", 2, diff.Inserted},
		{"47.", "States noted the proposal", "3:47.", 3, diff.Inserted},
		{"10.", "The rise in ransomware", "3:10. 2:10. 1:10. 0:9.", -1, diff.Split},
		{"36.", "Transparency measures", "3:36. 2:35. 1:34. 0:31.", -1, diff.Merged},
		{"49.", "States take into account", "3:49. 2:48. 1:52. 0:49.", -1, diff.Equal},
	}
	for _, tt := range tests {
		i := blockLabeled(t, h, 3, tt.label, tt.prefix)
		l := h.Lineage(i)
		var got []string
		for _, a := range l.Path {
			got = append(got, fmt.Sprintf("%d:%s", a.Draft, label(h, a.Draft, a.Block)))
		}
		if strings.Join(got, " ") != tt.path || l.Added != tt.added {
			t.Errorf("lineage of final %s = %v added %d, want %s added %d", tt.label, got, l.Added, tt.path, tt.added)
		}
		if th := h.Thread(h.Identity(3, i)); th.Origin != tt.origin {
			t.Errorf("final %s: origin %s, want %s", tt.label, th.Origin, tt.origin)
		}
	}
}

// TestIdentities: every block of every draft has one identity, and a
// thread's blocks are those that hold it.
func TestIdentities(t *testing.T) {
	h := shipped(t)
	for k, d := range h.Drafts {
		seen := make(map[int]bool)
		for i := range d.Blocks {
			id := h.Identity(k, i)
			if seen[id] {
				t.Fatalf("draft %d: identity %d on two blocks", k, id)
			}
			seen[id] = true
			if th := h.Thread(id); th.Blocks[k] != i || k < th.First || k > th.Last {
				t.Fatalf("draft %d block %d: thread %d does not hold it: %+v", k, i, id, th)
			}
		}
	}
}

func TestHistoryCompare(t *testing.T) {
	h := shipped(t)
	r, err := h.Compare(0, 3)
	if err != nil {
		t.Fatal(err)
	}
	if r.Old != h.Drafts[0] || r.New != h.Drafts[3] {
		t.Fatal("Compare(0, 3) compares other drafts")
	}
	if again, _ := h.Compare(0, 3); again != r {
		t.Error("Compare(0, 3) computed twice")
	}
	if next, _ := h.Compare(1, 2); next != h.Revision(1) {
		t.Error("Compare(1, 2) is not Revisions[1]")
	}
	if _, err := h.Compare(2, 1); err == nil {
		t.Error("Compare(2, 1): no error")
	}
}

func TestSections(t *testing.T) {
	h := shipped(t)
	secs := h.Sections()
	var names []string
	for _, s := range secs {
		b := h.Drafts[s.Draft].Blocks[s.Block]
		names = append(names, fmt.Sprintf("%d:%s", s.Draft, b.Label))
	}
	// The final's sections in its order, the removed "Areas of
	// disagreement" (last in Rev.1) where it stood.
	want := "3: 3:A. 3:B. 3:C. 3:D. 3:E. 3:F. 3:G. 1:H. 3:H."
	if got := strings.Join(names, " "); got != want {
		t.Errorf("sections %s, want %s", got, want)
	}
	// Each revision's volumes add up to its statistics.
	for k := range h.NumRevisions() {
		r := h.Revision(k)
		s := r.Stats()
		var ins, del int
		for _, sec := range secs {
			ins += sec.Revisions[k].WordsInserted
			del += sec.Revisions[k].WordsDeleted
		}
		if ins != s.WordsInserted || del != s.WordsDeleted {
			t.Errorf("revision %d: sections count %d/%d words, stats %d/%d", k, ins, del, s.WordsInserted, s.WordsDeleted)
		}
	}
	// The removed section: its 4 paragraphs and heading deleted in Rev.2.
	if v := secs[8].Revisions[1]; v.Paragraphs != 5 || v.WordsInserted != 0 {
		t.Errorf("Areas of disagreement in Rev.2: %+v", v)
	}
}

func TestDiffers(t *testing.T) {
	h := shipped(t)
	if !h.Differs(false) {
		t.Error("shipped drafts do not differ")
	}
	same, err := diff.NewHistory([]*draft.Document{h.Drafts[0], h.Drafts[0]}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if same.Differs(false) {
		t.Error("a draft differs from itself")
	}
}
