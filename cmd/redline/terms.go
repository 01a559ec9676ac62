package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/negotiation"
	"github.com/redline-diff/redline/render"
	"github.com/urfave/cli/v2"
)

// termsFormats maps each --format name of "trace --terms" to its renderer.
var termsFormats = map[string]func(io.Writer, *diff.History, *negotiation.TermSeries) error{
	"html": render.TermsHTML,
	"text": render.TermsText,
	"json": render.TermsJSON,
}

// termsAction is "trace --terms": the lexicon's terms counted in each
// draft. Exit status 1 when a count differs between drafts, 0 when none
// does.
func termsAction(c *cli.Context, o *seriesOptions) error {
	for _, f := range []string{"phrase", "phrases", "fail-if-removed"} {
		if c.IsSet(f) {
			return fmt.Errorf("--%s: trace counts phrases or, with --terms, the lexicon's terms; not both", f)
		}
	}
	lex, err := loadLexicon(c.StringSlice("lexicon"))
	if err != nil {
		return err
	}
	langs := c.StringSlice("lang")
	for _, l := range langs {
		if !slices.ContainsFunc(lex.Languages(), func(c string) bool { return strings.EqualFold(c, l) }) {
			return fmt.Errorf("--lang: no lexicon for language %q (shipped: en, fr, es; add one with --lexicon)", l)
		}
	}
	h, err := readHistory(c, o)
	if err != nil {
		return err
	}
	s := negotiation.CountSeries(h.Drafts, lex, langs)
	inputs := append(c.Args().Slice(), c.StringSlice("lexicon")...)
	write := func(w io.Writer) error { return termsFormats[o.format](w, h, s) }
	if err := writeOutput(o.output, inputs, c.App.Writer, write); err != nil {
		return err
	}
	for _, t := range s.Terms {
		if t.Changed() {
			return status(exitDiffer)
		}
	}
	say(c.App.ErrWriter, "no term of the lexicon changed its count")
	return status(exitSame)
}
