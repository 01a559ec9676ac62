package diff_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/draftgen"
)

// checkBlame checks that the blame of every block of h's last draft
// rebuilds its text, with valid drafts and no two adjacent spans of one
// draft.
func checkBlame(t *testing.T, h *diff.History) {
	t.Helper()
	blame := h.Blame()
	last := h.Drafts[len(h.Drafts)-1]
	if len(blame) != len(last.Blocks) {
		t.Fatalf("blame of %d blocks, want %d", len(blame), len(last.Blocks))
	}
	for i, spans := range blame {
		var b strings.Builder
		for n, sp := range spans {
			b.WriteString(sp.Text)
			if sp.Draft < 0 || sp.Draft >= len(h.Drafts) || sp.Text == "" {
				t.Fatalf("block %d span %d: %+v", i, n, sp)
			}
			if n > 0 && spans[n-1].Draft == sp.Draft {
				t.Fatalf("block %d: adjacent spans of draft %d", i, sp.Draft)
			}
		}
		if b.String() != last.Blocks[i].Text {
			t.Fatalf("block %d: blame spans give %q, want %q", i, b.String(), last.Blocks[i].Text)
		}
	}
}

// blameOf returns the blame of block i as "draft:text" pieces.
func blameOf(h *diff.History, i int) []string {
	var out []string
	for _, sp := range h.Blame()[i] {
		out = append(out, fmt.Sprintf("%d:%s", sp.Draft, sp.Text))
	}
	return out
}

func TestBlameShipped(t *testing.T) {
	h := shipped(t)
	checkBlame(t, h)
	// The healthcare paragraph came with Rev.1 (FACTS.md §9); the final
	// changed "several" to "many" and added "during a health emergency".
	i := blockLabeled(t, h, 3, "11.", "In the light of the COVID-19")
	got := blameOf(h, i)
	want := []string{
		"1:In the light of the COVID-19 pandemic, States underscored the importance of protecting healthcare and medical facilities, which ",
		"3:many",
		"1: States designate as part of their critical infrastructure, against malicious ICT activity. Attacks on such facilities",
		"3: during a health emergency",
		"1: can endanger lives and undermine public health responses.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blame of final 11:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Final 17: "The" and the last sentence are the final's, the rest the
	// zero draft's.
	i = blockLabeled(t, h, 3, "17.", "The eleven")
	got = blameOf(h, i)
	if len(got) != 3 || got[0] != "3:The" || !strings.HasPrefix(got[1], "0: eleven voluntary") || !strings.HasPrefix(got[2], "3: States should avoid and refrain from") {
		t.Errorf("blame of final 17: %q", got)
	}
	// Final 18: a word of each draft.
	i = blockLabeled(t, h, 3, "18.", "Norms do not replace")
	got = blameOf(h, i)
	if len(got) != 4 || got[1] != "1:, more" || !strings.HasPrefix(got[3], "2: Norms also help") {
		t.Errorf("blame of final 18: %q", got)
	}
}

// TestBlameRelayout: words re-wrapped or re-spaced keep their draft.
func TestBlameRelayout(t *testing.T) {
	drafts := []*draft.Document{
		{Name: "a", Blocks: []draft.Block{{Text: "States agreed that the norms apply."}}},
		{Name: "b", Blocks: []draft.Block{{Text: "States agreed that the new norms apply."}}},
		{Name: "c", Blocks: []draft.Block{{Text: "States  agreed that\nthe new norms apply."}}},
	}
	h, err := diff.NewHistory(drafts, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkBlame(t, h)
	for _, sp := range h.Blame()[0] {
		if sp.Draft == 2 {
			t.Errorf("re-laid-out text blamed on the draft that re-laid it out: %q", blameOf(h, 0))
		}
	}
	if got := blameOf(h, 0); len(got) != 3 || !strings.HasPrefix(got[1], "1:") || !strings.Contains(got[1], "new") {
		t.Errorf("blame %q, want the word new on draft 1", got)
	}
}

// TestBlameGenerated checks the lossless invariant on generated series
// with every kind of edit.
func TestBlameGenerated(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		h := generatedHistory(t, seed, 5, 8000)
		checkBlame(t, h)
		traces, err := h.Trace("the", "States")
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range traces {
			for k := 1; k < len(tr.Counts); k++ {
				n := tr.Counts[k-1]
				for _, c := range tr.Struck {
					n -= b2i(c.Draft == k)
				}
				for _, c := range tr.Added {
					n += b2i(c.Draft == k)
				}
				if n != tr.Counts[k] {
					t.Fatalf("seed %d %q draft %d: struck and added do not account for the counts %v", seed, tr.Phrase, k, tr.Counts)
				}
			}
		}
	}
}

// generatedHistory returns a history of n generated drafts of about size
// bytes, each an edit of the one before.
func generatedHistory(t testing.TB, seed uint64, n, size int) *diff.History {
	t.Helper()
	drafts, err := draftgen.Series(seed, n, size)
	if err != nil {
		t.Fatal(err)
	}
	h, err := diff.NewHistory(drafts, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return h
}
