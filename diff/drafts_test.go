package diff

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/redline-diff/redline/draft"
)

// The facts below are those of testdata/drafts/FACTS.md.

func readDraft(t *testing.T, name string) *draft.Document {
	t.Helper()
	path := filepath.Join("..", "testdata", "drafts", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := draft.Read(name, data, draft.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func compareDrafts(t *testing.T, old, new string) *Result {
	t.Helper()
	r, err := Compare(readDraft(t, old), readDraft(t, new), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	return r
}

// labels returns the labels of blocks idx of d.
func labels(d *draft.Document, idx Blocks) []string {
	var out []string
	for _, i := range idx.All() {
		out = append(out, d.Blocks[i].Label)
	}
	return out
}

// stepWith returns the first step of op whose old labels are old.
func stepWith(r *Result, op Op, old ...string) *Step {
	for k := range r.Steps {
		if st := &r.Steps[k]; st.Op == op && slices.Equal(labels(r.Old, st.Old), old) {
			return st
		}
	}
	return nil
}

func TestDraftsZeroToFinal(t *testing.T) {
	r := compareDrafts(t, "zero-draft.md", "final.md")

	t.Run("norms section moved ahead of international law", func(t *testing.T) {
		secs := r.MovedSections()
		if len(secs) != 1 {
			t.Fatalf("%d moved sections, want 1: %+v", len(secs), secs)
		}
		s := secs[0]
		head := r.New.Blocks[s.New[0]]
		if head.Kind != draft.Heading || !strings.HasPrefix(head.Text, "Rules, norms and principles") || !s.Up {
			t.Errorf("moved section starts with %v %q, up=%v; want the norms heading, moved up", head.Kind, head.Text, s.Up)
		}
		if next := r.New.Blocks[s.New[1]]; next.Text != "International law" {
			t.Errorf("the section now stands before %q, want International law", next.Text)
		}
		if got := labels(r.New, BlockRange(s.New[0]+1, s.New[1])); !slices.Equal(got, strings.Fields("17. 18. 19. 20. 21. 22. 23. 24.")) {
			t.Errorf("moved section's paragraphs are %v, want final 17–24", got)
		}
		edited := 0
		for _, st := range r.Steps[s.Steps[0]:s.Steps[1]] {
			if !st.Moved && st.Op != Inserted {
				t.Errorf("step %v in the section is %s, not moved", st.New, st.Op)
			}
			for _, sp := range st.Spans {
				if sp.Op != SpanEqual {
					edited++
					break
				}
			}
		}
		if edited < 2 {
			t.Errorf("%d moved paragraphs carry their edits, want at least 2", edited)
		}
	})

	t.Run("split", func(t *testing.T) {
		st := stepWith(r, Split, "9.")
		if st == nil || !slices.Equal(labels(r.New, st.New), []string{"9.", "10."}) {
			t.Fatalf("zero ¶ 9 is not split into final ¶ 9 and 10: %+v", st)
		}
		if ins, del := wordsChanged(st); ins+del != 0 {
			t.Errorf("the split changed %d words, want none (word for word)", ins+del)
		}
	})

	t.Run("merged", func(t *testing.T) {
		st := stepWith(r, Merged, "31.", "32.")
		if st == nil || !slices.Equal(labels(r.New, st.New), []string{"36."}) {
			t.Fatalf("zero ¶ 31 and 32 are not merged into final ¶ 36: %+v", st)
		}
	})

	t.Run("crosswalk", func(t *testing.T) {
		want := map[string]string{"14.": "25.", "23.": "18.", "22.": "17.", "10.": "13.", "49.": "49."}
		for _, p := range r.Crosswalk() {
			if w, ok := want[p.Old]; ok && r.Old.Blocks[p.OldBlock].Kind == draft.ListItem {
				if p.New != w {
					t.Errorf("crosswalk: %s → %s, want %s", p.Old, p.New, w)
				}
				delete(want, p.Old)
			}
		}
		if len(want) > 0 {
			t.Errorf("crosswalk lacks %v", want)
		}
	})

	t.Run("reference follows the renumbering", func(t *testing.T) {
		found := false
		for _, st := range r.Steps {
			for k, sp := range st.Spans {
				if sp.Op == SpanDelete && sp.Text == "22" && sp.Renumbered && st.Spans[k+1].Text == "17" {
					found = true
				}
			}
		}
		if !found {
			t.Error(`"paragraph 22 above" → "paragraph 17 above" is not marked as a renumbered reference`)
		}
	})

	t.Run("States agreed struck in 7 paragraphs", func(t *testing.T) {
		n := 0
		for _, st := range r.Steps {
			if st.New.Len() > 0 && strings.Contains(r.oldText(&st), "States agreed") && !strings.Contains(r.newText(&st), "States agreed") {
				if !deletes(st.Spans, "agreed") {
					t.Errorf("old %v: 'agreed' is not in a deletion", labels(r.Old, st.Old))
				}
				n++
			}
		}
		if n != 7 {
			t.Errorf("'States agreed' struck in %d paragraphs, want 7", n)
		}
	})

	t.Run("humanitarian law sentence deleted", func(t *testing.T) {
		st := stepWith(r, Changed, "16.")
		if st == nil || !deletes(st.Spans, "In this regard, States noted that international humanitarian law applies to the use of ICTs in situations of armed conflict.") {
			t.Fatalf("zero ¶ 16's IHL sentence is not shown deleted: %+v", st)
		}
	})
}

// wordsChanged counts the words in a step's insert and delete spans.
func wordsChanged(st *Step) (ins, del int) {
	for _, sp := range st.Spans {
		switch sp.Op {
		case SpanInsert:
			ins += CountWords(sp.Text)
		case SpanDelete:
			del += CountWords(sp.Text)
		}
	}
	return ins, del
}

// deletes reports whether a delete span holds text.
func deletes(spans []Span, text string) bool {
	for _, sp := range spans {
		if sp.Op == SpanDelete && strings.Contains(sp.Text, text) {
			return true
		}
	}
	return false
}

func TestDraftsConsecutive(t *testing.T) {
	drafts := []string{"zero-draft.md", "rev1.md", "rev2.md", "final.md"}
	for k := 0; k+1 < len(drafts); k++ {
		r := compareDrafts(t, drafts[k], drafts[k+1])
		if !r.Differs(false) {
			t.Errorf("%s → %s: no differences", drafts[k], drafts[k+1])
		}
	}
	// Rev.1 → Rev.2: the "Areas of disagreement" section goes whole.
	r := compareDrafts(t, "rev1.md", "rev2.md")
	var gone []string
	for _, st := range r.Steps {
		if st.Op == Deleted {
			gone = append(gone, r.Old.Blocks[st.Old.First()].Label+r.Old.Blocks[st.Old.First()].Text[:min(5, len(r.Old.Blocks[st.Old.First()].Text))])
		}
	}
	if !slices.ContainsFunc(gone, func(s string) bool { return strings.HasSuffix(s, "Areas") }) {
		t.Errorf("Rev.1 → Rev.2: the Areas of disagreement heading is not deleted; deleted: %v", gone)
	}
}

// TestSectionsReorderedOnly checks that a draft whose sections were only
// reordered shows only moves: no word inserted or deleted.
func TestSectionsReorderedOnly(t *testing.T) {
	old := readDraft(t, "final.md")
	var sections [][]draft.Block
	for _, b := range old.Blocks {
		if b.Kind == draft.Heading && b.Level == 2 || len(sections) == 0 {
			sections = append(sections, nil)
		}
		sections[len(sections)-1] = append(sections[len(sections)-1], b)
	}
	// Put the last section second and swap the two after the first.
	order := []int{0, len(sections) - 1, 3, 2}
	for k := 1; k < len(sections)-1; k++ {
		if k != 2 && k != 3 {
			order = append(order, k)
		}
	}
	new := &draft.Document{Name: "reordered"}
	for _, k := range order {
		new.Blocks = append(new.Blocks, sections[k]...)
	}
	r, err := Compare(old, new, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Stats()
	if s.WordsInserted+s.WordsDeleted != 0 || s.Inserted+s.Deleted+s.Changed+s.Split+s.Merged != 0 || s.Moved == 0 {
		t.Errorf("stats %+v, want only moves", s)
	}
}
