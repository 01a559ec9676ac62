// Command alignscore measures redline's paragraph alignment against ground
// truth. For each edit rate it generates drafts from consecutive seeds,
// applies seeded negotiation-style edits (word edits, paragraph insertions,
// deletions, moves, splits, merges, a section moved, everything
// renumbered), compares the drafts with redline's readers and aligner, and
// prints precision and recall per op.
//
// Usage:
//
//	go run ./cmd/alignscore [-seeds 200] [-rates 0.05,0.1,0.2] [-size 20000] [-words 0.02]
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
	if err := fs.Parse(args); err != nil {
		return err
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
