package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/render"
	"github.com/urfave/cli/v2"
)

// traceFormats maps each --format name of trace to its renderer.
var traceFormats = map[string]func(io.Writer, *diff.History, []diff.PhraseTrace) error{
	"html": render.TraceHTML,
	"text": render.TraceText,
	"json": render.TraceJSON,
}

func traceCommand() *cli.Command {
	flags := append(seriesFlags(),
		&cli.StringSliceFlag{Name: "phrase", Usage: "follow `PHRASE` (repeatable)"},
		&cli.StringFlag{Name: "phrases", Usage: "follow the phrases of `FILE`, one a line (blank lines and lines starting with # skipped)"},
		&cli.BoolFlag{Name: "fail-if-removed", Usage: "exit 1 only when a phrase occurs fewer times in the last draft than in the one before"},
		&cli.BoolFlag{Name: "terms", Usage: "count the terms of the shipped lexicons (scales, hedges, watched references) in each draft, instead of phrases"},
		&cli.StringSliceFlag{Name: "lexicon", Usage: "with --terms (which it implies): read the lexicon `FILE` over the shipped ones; repeatable"},
		&cli.StringSliceFlag{Name: "lang", Usage: "with --terms: count the terms of language `CODE` (en, fr, es; repeatable) instead of the drafts' own"},
	)
	return &cli.Command{
		Name:      "trace",
		Usage:     "follow phrases through the drafts: counts, where each was struck or added",
		ArgsUsage: "DRAFT DRAFT...",
		Description: `Counts each phrase in each draft (ignoring case, and treating line breaks and
runs of white space as one space; whole words at the phrase's ends), and for
each occurrence that disappears names the draft that struck it, its
paragraph before and after, and the words that replaced it (from the word
diff); for each occurrence that appears, where and when.

The exit status is 1 when a revision struck or added an occurrence of any
phrase, 0 when none did; with --fail-if-removed, 1 only when a phrase occurs
fewer times in the last draft than in the one before (for CI: "no
'human rights' may be lost in the new draft"), 0 otherwise; 2 on trouble.

Example:

   redline trace zero-draft.md rev1.md rev2.md final.md \
       --phrase "States agreed" --phrase "international humanitarian law"
   redline trace --phrases watched.txt --fail-if-removed rev2.md rev3.md

With --terms (or --lexicon FILE), trace counts instead the terms of the
lexicon, as compare's strength-of-language signals read them, in each draft:
every term of a scale ("shall", "should", "urges", …), every hedge ("where
appropriate", …) and watched reference that occurs in some draft, with its
count per draft. The exit status is then 1 when a count differs between two
drafts, 0 when none does.

   redline trace --terms zero-draft.md rev1.md rev2.md final.md`,
		Flags:  flags,
		Action: traceAction,
	}
}

func traceAction(c *cli.Context) error {
	o, err := parseSeriesFlags(c)
	if err != nil {
		return err
	}
	if c.Bool("terms") || c.IsSet("lexicon") || c.IsSet("lang") {
		return termsAction(c, o)
	}
	phrases, err := watchedPhrases(c)
	if err != nil {
		return err
	}
	h, err := readHistory(c, o)
	if err != nil {
		return err
	}
	traces, err := h.Trace(phrases...)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return traceFormats[o.format](w, h, traces) }
	inputs := c.Args().Slice()
	if file := c.String("phrases"); file != "" {
		inputs = append(inputs, file) // an input too
	}
	if err := writeOutput(o.output, inputs, c.App.Writer, write); err != nil {
		return err
	}
	return traceStatus(c, traces)
}

// watchedPhrases returns the phrases of --phrase, then of --phrases.
func watchedPhrases(c *cli.Context) ([]string, error) {
	phrases := c.StringSlice("phrase")
	if file := c.String("phrases"); file != "" {
		more, err := readPhrases(file)
		if err != nil {
			return nil, err
		}
		phrases = append(phrases, more...)
	}
	if len(phrases) == 0 {
		return nil, fmt.Errorf("trace needs a phrase: --phrase PHRASE or --phrases FILE (see 'redline help trace')")
	}
	for _, p := range phrases {
		if strings.TrimSpace(p) == "" {
			return nil, fmt.Errorf("--phrase: an empty phrase")
		}
	}
	return phrases, nil
}

// readPhrases reads a file of phrases, one a line; blank lines and lines
// starting with # are skipped.
func readPhrases(file string) ([]string, error) {
	data, err := readInput(file, nil, defaultMaxSize)
	if err != nil {
		var ie *inputError
		if errors.As(err, &ie) || errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("--phrases: %w", err)
		}
		return nil, err
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--phrases: %s: no phrases in it", file)
	}
	return out, nil
}

// traceStatus returns trace's exit status (see the command's description).
func traceStatus(c *cli.Context, traces []diff.PhraseTrace) error {
	differ := false
	for i := range traces {
		t := &traces[i]
		if c.Bool("fail-if-removed") && t.Lost() || !c.Bool("fail-if-removed") && t.Changed() {
			differ = true
		}
	}
	if differ {
		return status(exitDiffer)
	}
	if !c.Bool("fail-if-removed") {
		say(c.App.ErrWriter, "no occurrence of the phrases was struck or added")
	}
	return status(exitSame)
}
