// Command alignscore measures redline's paragraph alignment against ground
// truth. For each edit rate it generates drafts from consecutive seeds,
// applies seeded negotiation-style edits (word edits, paragraph insertions,
// deletions, moves, splits, merges, a section moved, everything
// renumbered), compares the drafts with redline's readers and aligner, and
// prints precision and recall per op.
//
// With -situations it scores instead the situations of real material
// (sentences appended or removed, headings retitled, section stubs, kind
// changes, a full shuffle, runs of identical paragraphs, a 1 MB
// paragraph): one row per scenario, then precision and recall of the
// links of each edit kind's paragraphs.
//
// Usage:
//
//	go run ./cmd/alignscore [-seeds 200] [-rates 0.05,0.1,0.2] [-size 20000] [-words 0.02]
//	go run ./cmd/alignscore -situations [-seeds 200] [-huge-seeds 10]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/internal/draftgen"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "alignscore:", err)
		os.Exit(2)
	}
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("alignscore", flag.ContinueOnError)
	seeds := fs.Int("seeds", 200, "number of seeded cases per edit rate")
	rates := fs.String("rates", "0.05,0.1,0.2", "paragraph edit rates, comma-separated")
	size := fs.Int("size", 20000, "size of each generated draft in bytes")
	words := fs.Float64("words", 0.02, "share of words edited")
	sections := fs.Int("sections", 1, "sections moved per case")
	threshold := fs.Float64("match-threshold", diff.DefaultMatchThreshold, "the aligner's match threshold")
	situations := fs.Bool("situations", false, "score the situations of real material instead, at a 10% edit rate")
	hugeSeeds := fs.Int("huge-seeds", 10, "with -situations, seeded cases with a 1 MB paragraph")
	if err := fs.Parse(args); err != nil {
		return err
	}
	opt := diff.Options{MatchThreshold: *threshold}
	if *situations {
		return runSituations(w, *seeds, *hugeSeeds, *size, *words, opt)
	}
	fmt.Fprintf(w, "%d seeds per row, drafts of %d bytes, %.0f%% of words edited, %d section(s) moved, match threshold %.2f\n\n",
		*seeds, *size, 100**words, *sections, *threshold)
	fmt.Fprintln(w, "| paragraph edit rate | pairing P | pairing R | pairing F1 | moves P | moves R | splits P | splits R | merges P | merges R | true moves / splits / merges |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, f := range strings.Split(*rates, ",") {
		rate, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return fmt.Errorf("bad rate %q", f)
		}
		c := draftgen.Case{Size: *size, Edits: draftgen.Edits{WordRate: *words, ParaRate: rate, SectionMoves: *sections}}
		s, err := draftgen.RunSeeds(c, 1, *seeds, diff.Options{MatchThreshold: *threshold})
		if err != nil {
			return err
		}
		writeRow(w, rate, s)
	}
	return nil
}

func writeRow(w io.Writer, rate float64, s draftgen.Score) {
	r := draftgen.Ratio
	pp, pr := r(s.PairsRight, s.PairsFound), r(s.PairsRight, s.PairsTrue)
	fmt.Fprintf(w, "| %.0f%% | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %d / %d / %d |\n",
		100*rate, pp, pr, draftgen.F1(pp, pr),
		r(s.MovesRight, s.MovesFound), r(s.MovesRight, s.MovesTrue),
		r(s.SplitsRight, s.SplitsFound), r(s.SplitsRight, s.SplitsTrue),
		r(s.MergesRight, s.MergesFound), r(s.MergesRight, s.MergesTrue),
		s.MovesTrue, s.SplitsTrue, s.MergesTrue)
}

// scenario is one row of the situations table.
type scenario struct {
	name  string
	seeds int
	c     draftgen.Case
}

// runSituations prints the situations tables: seeds cases of all the
// per-paragraph situations mixed at a 10% rate, a quarter as many fully
// shuffled and with a run of 300 identical paragraphs, hugeSeeds with a
// 1 MB paragraph.
func runSituations(w io.Writer, seeds, hugeSeeds, size int, words float64, opt diff.Options) error {
	base := draftgen.Edits{WordRate: words, ParaRate: 0.10, SectionMoves: 1}
	mixed := base
	mixed.SentenceRate, mixed.RetitleRate, mixed.StubRate, mixed.KindRate = 0.10, 0.10, 0.10, 0.10
	rows := []scenario{
		{"10% edits, sentences, retitles, stubs, kind changes at 10%", seeds, draftgen.Case{Size: size, Edits: mixed}},
		{"full shuffle", max(1, seeds/4), draftgen.Case{Size: size, Edits: draftgen.Edits{WordRate: words, Shuffle: true}}},
		{"10% edits, a run of 300 identical paragraphs", max(1, seeds/4), draftgen.Case{Size: size, Edits: base, RunCopies: 300}},
		{"10% edits, a 1 MB paragraph", hugeSeeds, draftgen.Case{Size: size, Edits: base, Huge: 1 << 20}},
	}
	fmt.Fprintf(w, "drafts of %d bytes, %.0f%% of words edited, match threshold %.2f\n\n", size, 100*words, opt.MatchThreshold)
	fmt.Fprintln(w, "| scenario | cases | pairing P | pairing R | pairing F1 | moves P | moves R | splits R | merges R | verbatim paired | true moves / splits / merges |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	var total draftgen.Score
	cases := 0
	for _, row := range rows {
		s, err := draftgen.RunSeeds(row.c, 1, row.seeds, opt)
		if err != nil {
			return fmt.Errorf("%s: %v", row.name, err)
		}
		total.Add(s)
		cases += row.seeds
		writeSituation(w, row.name, row.seeds, s)
	}
	writeSituation(w, "all", cases, total)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| edit kind | true links | found | precision | recall |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- |")
	for _, k := range draftgen.Kinds {
		ks := total.Kinds[k]
		fmt.Fprintf(w, "| %s | %d | %d | %.4f | %.4f |\n", k, ks.True, ks.Found,
			draftgen.Ratio(ks.Right, ks.Found), draftgen.Ratio(ks.Right, ks.True))
	}
	return nil
}

func writeSituation(w io.Writer, name string, cases int, s draftgen.Score) {
	r := draftgen.Ratio
	pp, pr := r(s.PairsRight, s.PairsFound), r(s.PairsRight, s.PairsTrue)
	fmt.Fprintf(w, "| %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %d / %d | %d / %d / %d |\n",
		name, cases, pp, pr, draftgen.F1(pp, pr),
		r(s.MovesRight, s.MovesFound), r(s.MovesRight, s.MovesTrue),
		r(s.SplitsRight, s.SplitsTrue), r(s.MergesRight, s.MergesTrue),
		s.VerbatimRight, s.VerbatimTrue, s.MovesTrue, s.SplitsTrue, s.MergesTrue)
}
