package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/visible"
	"github.com/redline-diff/redline/negotiation"
	"github.com/urfave/cli/v2"
)

// negotiationFlags are compare's flags of the negotiation layer (package
// negotiation): brackets and strength of language.
func negotiationFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "brackets", Value: "auto", Usage: "look for negotiation brackets: `MODE` auto (when a draft has bracket structure of the negotiation kind), on or off"},
		&cli.StringSliceFlag{Name: "lexicon", Usage: "read the lexicon `FILE` over the shipped ones (English, French, Spanish); repeatable"},
		&cli.StringFlag{Name: "fail-if", Usage: "exit status 1 when a signal of one of `KINDS` is found (comma list: weakened, strengthened, reference-dropped, reference-added), else 0"},
		&cli.BoolFlag{Name: "fail-if-open", Usage: "exit status 1 when the NEW draft still has bracketed passages (their number on standard error), else 0"},
		&cli.BoolFlag{Name: "brackets-summary", Usage: "after the text redline, write the brackets by fate and the signals of strength of language"},
	}
}

// negotiationOptions are the parsed negotiation flags.
type negotiationOptions struct {
	mode       negotiation.Mode
	modeSet    bool     // --brackets was given
	lexicons   []string // --lexicon files
	failIf     []negotiation.SignalKind
	failIfOpen bool
	summary    bool
}

// parseNegotiationFlags parses the flags of negotiationFlags.
func parseNegotiationFlags(c *cli.Context) (negotiationOptions, error) {
	var n negotiationOptions
	var err error
	if s := c.String("brackets"); s != "" {
		if n.mode, err = negotiation.ParseMode(s); err != nil {
			return n, fmt.Errorf("--brackets: %v", err)
		}
	}
	n.modeSet = c.IsSet("brackets")
	n.lexicons = c.StringSlice("lexicon")
	if c.IsSet("fail-if") {
		for _, name := range strings.Split(c.String("fail-if"), ",") {
			k, err := negotiation.ParseSignalKind(strings.TrimSpace(name))
			if err != nil {
				return n, fmt.Errorf("--fail-if: %v", err)
			}
			n.failIf = append(n.failIf, k)
		}
	}
	n.failIfOpen = c.Bool("fail-if-open")
	n.summary = c.Bool("brackets-summary")
	return n, nil
}

// asked reports whether a flag asks for the negotiation layer.
func (n *negotiationOptions) asked() bool {
	return n.summary || n.gated() || len(n.lexicons) > 0 || n.modeSet
}

// gated reports whether the exit status is a negotiation condition's.
func (n *negotiationOptions) gated() bool {
	return n.failIfOpen || len(n.failIf) > 0
}

// wanted reports whether the comparison is to be analysed: only when a
// flag asks for it (--brackets-summary, --fail-if, or --brackets or
// --lexicon with JSON or HTML output, which then carries it), so that a
// comparison that does not ask pays nothing for it.
func (n *negotiationOptions) wanted(o *compareOptions) bool {
	json := !o.quiet && !o.stat && (o.format == "json" || o.format == "html")
	return n.summary || len(n.failIf) > 0 || json && (n.modeSet || len(n.lexicons) > 0)
}

// analyze runs the negotiation layer over r with the shipped lexicons and
// the --lexicon files merged over them.
func (n *negotiationOptions) analyze(r *diff.Result) (*negotiation.Analysis, error) {
	lex, err := loadLexicon(n.lexicons)
	if err != nil {
		return nil, err
	}
	return negotiation.Analyze(r, lex, negotiation.Options{Brackets: n.mode}), nil
}

// loadLexicon returns the shipped lexicons with the lexicon files (of
// --lexicon) merged over them.
func loadLexicon(files []string) (*negotiation.Lexicon, error) {
	lex, err := negotiation.Shipped()
	if err != nil {
		return nil, err
	}
	lexs := []*negotiation.Lexicon{lex}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, &inputError{name, unwrapPath(err).Error()}
		}
		l, err := negotiation.ParseLexicon(name, f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("--lexicon: %v", err)
		}
		lexs = append(lexs, l)
	}
	if len(lexs) > 1 {
		lex = negotiation.MergeLexicons(lexs...)
	}
	return lex, nil
}

// gate returns the exit status of --fail-if and --fail-if-open: 1 (with a
// line on stderr for each condition that holds) when one holds, else 0,
// whether or not the drafts differ.
func (n *negotiationOptions) gate(stderr io.Writer, a *negotiation.Analysis, new *draft.Document) error {
	fail := false
	if len(n.failIf) > 0 && a.Any(n.failIf...) {
		count := 0
		for _, s := range a.Signals {
			for _, k := range n.failIf {
				if s.Kind == k {
					count++
					break
				}
			}
		}
		say(stderr, "--fail-if: %d signal(s) of %s found", count, kindList(n.failIf))
		fail = true
	}
	if n.failIfOpen {
		if k := negotiation.CountBrackets(new); k > 0 {
			say(stderr, "--fail-if-open: %s still has %d bracketed passage(s)", visible.Text(new.Name), k)
			fail = true
		}
	}
	if fail {
		return status(exitDiffer)
	}
	return status(exitSame)
}

// kindList names signal kinds for a message: "weakened, reference-dropped".
func kindList(ks []negotiation.SignalKind) string {
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = k.String()
	}
	return strings.Join(names, ", ")
}
