package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/doc"
	"github.com/redline-diff/redline/render"
	"github.com/urfave/cli/v2"
)

// formats maps each --format name to its renderer.
var formats = map[string]func(io.Writer, *diff.Result) error{
	"html": render.HTML,
	"text": render.Text,
	"json": render.JSON,
}

func compareCommand() *cli.Command {
	return &cli.Command{
		Name:      "compare",
		Usage:     "redline two drafts: paragraphs aligned, words diffed",
		ArgsUsage: "OLD NEW",
		Description: `Compares two drafts and writes the redline of OLD against NEW.

OLD and NEW are files, or "-" for standard input. Files ending in .md or
.markdown are read as Markdown, others as plain text (--from overrides).
Paragraph labels ("12.", "(a)", "12 bis.") are compared apart from the
text, so renumbering changes no word.

The exit status is 0 when the drafts have the same text and labels, 1 when
they differ, 2 on trouble (a missing, binary or oversized file...).

Example:

   redline compare zero-draft.md final.md -o redline.html
   redline compare -f json rev1.md rev2.md | jq '.stats'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the redline to `FILE` (atomically) instead of standard output"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: html, text or json (default: html when --output ends in .html, text otherwise)"},
			&cli.StringFlag{Name: "from", Usage: "read both drafts as `FORMAT`: markdown or text (default: by file extension)"},
			&cli.StringFlag{Name: "max-size", Value: formatSize(defaultMaxSize), Usage: "refuse inputs larger than `SIZE` (e.g. 64MiB, 500KB)"},
			&cli.BoolFlag{Name: "ignore-numbering", Usage: "label changes alone are not differences (exit status 0)"},
			&cli.Float64Flag{Name: "match-threshold", Value: diff.DefaultMatchThreshold, Usage: "least similarity `0-1` at which two different paragraphs are paired as one edited paragraph"},
		},
		Action: compareAction,
	}
}

// compareOptions are the parsed flags of compare.
type compareOptions struct {
	output, format  string
	from            doc.Format
	maxSize         int64
	ignoreNumbering bool
	diff            diff.Options
}

func parseCompareFlags(c *cli.Context) (*compareOptions, error) {
	if c.NArg() != 2 {
		return nil, fmt.Errorf("compare needs two drafts, OLD and NEW; got %d argument(s) (see 'redline help compare')", c.NArg())
	}
	o := &compareOptions{output: c.String("output"), ignoreNumbering: c.Bool("ignore-numbering")}
	var err error
	if o.from, err = doc.ParseFormat(c.String("from")); err != nil {
		return nil, fmt.Errorf("--from: %v", err)
	}
	if o.maxSize, err = parseSize(c.String("max-size")); err != nil {
		return nil, fmt.Errorf("--max-size: %v", err)
	}
	o.diff.MatchThreshold = c.Float64("match-threshold")
	if t := o.diff.MatchThreshold; t <= 0 || t > 1 {
		return nil, fmt.Errorf("--match-threshold: %g is not in (0, 1]", t)
	}
	o.format = c.String("format")
	if o.format == "" {
		o.format = "text"
		if lower := strings.ToLower(o.output); strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") {
			o.format = "html"
		}
	}
	if formats[o.format] == nil {
		return nil, fmt.Errorf("--format: unknown format %q (want html, text or json)", o.format)
	}
	return o, nil
}

// formatFor returns the format in which to read name: from, if set; else
// by name's extension, and for standard input by the other draft's.
func formatFor(name, other string, from doc.Format) doc.Format {
	switch {
	case from != doc.Auto:
		return from
	case name == "-":
		return doc.FormatOf(other)
	}
	return doc.FormatOf(name)
}

func compareAction(c *cli.Context) error {
	o, err := parseCompareFlags(c)
	if err != nil {
		return err
	}
	oldName, newName := c.Args().Get(0), c.Args().Get(1)
	if oldName == "-" && newName == "-" {
		return fmt.Errorf("only one of OLD and NEW can be standard input")
	}
	stdin, stderr := c.App.Reader, c.App.ErrWriter
	old, err := readDraft(oldName, stdin, o.maxSize, formatFor(oldName, newName, o.from))
	if err != nil {
		return err
	}
	new, err := readDraft(newName, stdin, o.maxSize, formatFor(newName, oldName, o.from))
	if err != nil {
		return err
	}
	for _, w := range append(old.Warnings, new.Warnings...) {
		fmt.Fprintf(stderr, "redline: warning: %s\n", w)
	}
	r, err := diff.Compare(old, new, o.diff)
	if err != nil {
		return fmt.Errorf("%s, %s: %v", oldName, newName, err)
	}
	write := func(w io.Writer) error { return formats[o.format](w, r) }
	if err := writeOutput(o.output, []string{oldName, newName}, c.App.Writer, write); err != nil {
		return err
	}
	if !r.Differs(o.ignoreNumbering) {
		fmt.Fprintf(stderr, "redline: no differences between %s and %s\n", oldName, newName)
		return status(exitSame)
	}
	return status(exitDiffer)
}
