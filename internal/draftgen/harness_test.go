package draftgen

import (
	"testing"

	"github.com/redline-diff/redline/diff"
)

// TestHarness runs a small fixed-seed batch at a 10% paragraph edit rate
// and holds the aligner to the targets of the ground-truth harness.
func TestHarness(t *testing.T) {
	c := Case{Size: 20 << 10, Edits: Edits{WordRate: 0.02, ParaRate: 0.10, SectionMoves: 1}}
	s, err := RunSeeds(c, 1, 20, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pairP, pairR := Ratio(s.PairsRight, s.PairsFound), Ratio(s.PairsRight, s.PairsTrue)
	t.Logf("pairs P %.3f R %.3f; moves P %.3f R %.3f (%d true); splits R %.3f (%d); merges R %.3f (%d)",
		pairP, pairR, Ratio(s.MovesRight, s.MovesFound), Ratio(s.MovesRight, s.MovesTrue), s.MovesTrue,
		Ratio(s.SplitsRight, s.SplitsTrue), s.SplitsTrue, Ratio(s.MergesRight, s.MergesTrue), s.MergesTrue)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"pairing F1", F1(pairP, pairR), 0.99},
		{"moves recall", Ratio(s.MovesRight, s.MovesTrue), 0.95},
		{"moves precision", Ratio(s.MovesRight, s.MovesFound), 0.98},
		{"splits recall", Ratio(s.SplitsRight, s.SplitsTrue), 0.90},
		{"merges recall", Ratio(s.MergesRight, s.MergesTrue), 0.90},
	}
	for _, c := range checks {
		if c.got < c.want {
			t.Errorf("%s = %.3f, want ≥ %.2f", c.name, c.got, c.want)
		}
	}
	if s.MovesTrue == 0 || s.SplitsTrue == 0 || s.MergesTrue == 0 {
		t.Errorf("the batch has no moves, splits or merges to find: %+v", s)
	}
}

// TestGenerateDeterministic checks that a seed gives the same drafts.
func TestGenerateDeterministic(t *testing.T) {
	c := Case{Seed: 7, Size: 8 << 10, Edits: Edits{WordRate: 0.05, ParaRate: 0.2, SectionMoves: 1}}
	a1, e1 := c.Pair()
	a2, e2 := c.Pair()
	if string(a1.Markdown()) != string(a2.Markdown()) || string(e1.Markdown()) != string(e2.Markdown()) {
		t.Fatal("same seed, different drafts")
	}
}

// TestEveryParagraph checks that EveryParagraph leaves no paragraph that
// came whole from the old draft unedited, and that without it some are.
func TestEveryParagraph(t *testing.T) {
	old := Generate(3, 64<<10)
	texts := make(map[int]string)
	for _, p := range old.Paras {
		texts[p.ID] = p.Text
	}
	unedited := func(e Edits) (n, of int) {
		ed := Edit(old, 4, e)
		for i, p := range ed.Paras {
			o := ed.Origins[i]
			if p.Heading || (o.Op != Kept && o.Op != Moved) {
				continue
			}
			of++
			if p.Text == texts[o.From[0]] {
				n++
			}
		}
		return n, of
	}
	e := Edits{WordRate: 0.02, MoveRate: 0.3}
	if n, of := unedited(e); n == 0 || of == 0 {
		t.Fatalf("without EveryParagraph %d of %d paragraphs unedited, want some", n, of)
	}
	e.EveryParagraph = true
	if n, of := unedited(e); n != 0 || of == 0 {
		t.Errorf("with EveryParagraph %d of %d paragraphs unedited, want none", n, of)
	}
}

// TestSituations runs a small fixed-seed batch of each situation of real
// material and holds the aligner to the targets of issue 19.
func TestSituations(t *testing.T) {
	mixed := Edits{WordRate: 0.02, ParaRate: 0.10, SectionMoves: 1,
		SentenceRate: 0.10, RetitleRate: 0.10, StubRate: 0.10, KindRate: 0.10}
	cases := []struct {
		name  string
		seeds int
		c     Case
	}{
		{"mixed", 20, Case{Size: 20 << 10, Edits: mixed}},
		{"shuffle", 5, Case{Size: 20 << 10, Edits: Edits{WordRate: 0.02, Shuffle: true}}},
		{"runs", 5, Case{Size: 20 << 10, Edits: Edits{WordRate: 0.02, ParaRate: 0.10, SectionMoves: 1}, RunCopies: 300}},
	}
	var total Score
	for _, c := range cases {
		s, err := RunSeeds(c.c, 1, c.seeds, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		total.Add(s)
	}
	pairP, pairR := Ratio(total.PairsRight, total.PairsFound), Ratio(total.PairsRight, total.PairsTrue)
	sentence := total.Kinds[Sentence]
	checks := []struct {
		name      string
		got, want float64
	}{
		{"pairing F1", F1(pairP, pairR), 0.995},
		{"moves recall", Ratio(total.MovesRight, total.MovesTrue), 0.97},
		{"moves precision", Ratio(total.MovesRight, total.MovesFound), 0.99},
		{"sentence appended/removed recall", Ratio(sentence.Right, sentence.True), 0.98},
		{"verbatim paragraphs paired with their twins", Ratio(total.VerbatimRight, total.VerbatimTrue), 1},
	}
	for _, c := range checks {
		if c.got < c.want {
			t.Errorf("%s = %.4f, want ≥ %.3f", c.name, c.got, c.want)
		}
	}
	for _, k := range []string{Sentence, Retitled, Stub, KindChanged, Shuffled, Runs} {
		if total.Kinds[k].True == 0 {
			t.Errorf("the batch has no %s", k)
		}
	}
}
