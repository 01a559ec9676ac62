package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/urfave/cli/v2"
)

// seriesFlags are the flags of history, trace and blame, which read a
// series of drafts.
func seriesFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the output to `FILE` (atomically) instead of standard output"},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: html, text or json (default: by the --output extension: .html html, .json json, .txt text; text without one)"},
		&cli.StringFlag{Name: "from", Usage: "read every draft as `FORMAT`: markdown, text, docx, odt, html or pdf (default: by file extension: .md and .markdown Markdown, .docx Word, .odt OpenDocument, .html and .htm HTML, .pdf PDF, others text)"},
		&cli.StringFlag{Name: "max-size", Value: formatSize(defaultMaxSize), Usage: "refuse drafts larger than `SIZE` (e.g. 64MiB, 500KB)"},
		&cli.Float64Flag{Name: "match-threshold", Value: diff.DefaultMatchThreshold, Usage: "least similarity `0-1` at which two different paragraphs are paired as one edited paragraph"},
		&cli.StringSliceFlag{Name: "name", Usage: "call the drafts `NAME`, once per draft in order (default: their file names)"},
		&cli.BoolFlag{Name: "git", Usage: "read the drafts from git: the operands are two or more revisions, oldest first, then the draft's PATH after \"--\" (history --git v1 v2 HEAD -- report.md)"},
	}
}

// seriesOptions are the parsed flags of a series command.
type seriesOptions struct {
	readingOptions
	output, format string
	names          []string
}

// parseSeriesFlags parses the flags shared by history, trace and blame.
func parseSeriesFlags(c *cli.Context) (*seriesOptions, error) {
	name := c.Command.Name
	if c.Bool("git") {
		revs, _, err := splitGitSeries(c.Args().Slice())
		if err != nil {
			return nil, err
		}
		if len(revs) < 2 {
			return nil, fmt.Errorf("%s --git needs two or more revisions, oldest first, then -- and the draft's path; got %d (see 'redline help %s')", name, len(revs), name)
		}
	} else if c.NArg() < 2 {
		return nil, fmt.Errorf("%s needs two or more drafts, oldest first; got %d (see 'redline help %s')", name, c.NArg(), name)
	}
	o := &seriesOptions{output: c.String("output"), names: c.StringSlice("name")}
	var err error
	if o.readingOptions, err = parseReadingFlags(c); err != nil {
		return nil, err
	}
	if n := seriesLen(c); len(o.names) > 0 && len(o.names) != n {
		return nil, fmt.Errorf("--name: %d names for %d drafts (give one per draft, in order)", len(o.names), n)
	}
	o.format = c.String("format")
	if o.format == "" {
		byExt, err := formatByExtension(o.output, seriesFormats)
		if err != nil && !slices.Contains(c.Args().Slice(), o.output) {
			return nil, err // (an input named as the output is refused as such later)
		}
		o.format = cmp.Or(byExt, "text")
	}
	if o.format != "html" && o.format != "text" && o.format != "json" {
		return nil, fmt.Errorf("--format: unknown format %q (want html, text or json)", o.format)
	}
	return o, nil
}

// seriesFormats are the formats of history, blame and trace an output's
// extension chooses.
var seriesFormats = map[string]string{".html": "html", ".htm": "html", ".json": "json", ".txt": "text", ".text": "text"}

// readHistory reads the drafts named on the command line and compares
// each with the next: the one History that the command renders.
func readHistory(c *cli.Context, o *seriesOptions) (*diff.History, error) {
	if c.Bool("git") {
		return readGitHistory(c, o)
	}
	files := c.Args().Slice()
	stdin := 0
	for _, f := range files {
		if f == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return nil, fmt.Errorf("only one draft can be standard input")
	}
	drafts, err := readDrafts(files, c.App.Reader, o.maxSize, func(k int) draft.Format {
		return formatFor(files[k], files[(k+1)%len(files)], o.from)
	})
	if err != nil {
		return nil, err
	}
	for _, d := range drafts {
		for _, w := range d.Warnings {
			say(c.App.ErrWriter, "warning: %s", w)
		}
	}
	h, err := diff.NewHistory(drafts, o.diff)
	if err != nil {
		return nil, err
	}
	copy(h.Names, o.names)
	return h, nil
}

// historyStatus returns the exit status of history and blame: 1 when any
// draft differs from the next in text, order or labels, 0 when none does
// (said on standard error).
func historyStatus(c *cli.Context, h *diff.History) error {
	if h.Differs(false) {
		return status(exitDiffer)
	}
	say(c.App.ErrWriter, "no differences between the %d drafts", len(h.Drafts))
	return status(exitSame)
}

// seriesAction returns the action of a command that reads a series of
// drafts and writes its History in one of formats: history and blame.
func seriesAction(formats map[string]func(io.Writer, *diff.History) error) cli.ActionFunc {
	return func(c *cli.Context) error {
		o, err := parseSeriesFlags(c)
		if err != nil {
			return err
		}
		h, err := readHistory(c, o)
		if err != nil {
			return err
		}
		write := func(w io.Writer) error { return formats[o.format](w, h) }
		if err := writeOutput(o.output, c.Args().Slice(), c.App.Writer, write); err != nil {
			return err
		}
		return historyStatus(c, h)
	}
}

// seriesLen is the number of drafts of a series command line: its
// operands, or with --git its revisions.
func seriesLen(c *cli.Context) int {
	if c.Bool("git") {
		revs, _, _ := splitGitSeries(c.Args().Slice())
		return len(revs)
	}
	return c.NArg()
}

// splitGitSeries splits the operands of a --git series into revisions
// and the draft's path: the one operand after "--", or else the last.
func splitGitSeries(args []string) (revs []string, path string, err error) {
	if i := indexOf(args, "--"); i >= 0 {
		if len(args)-i-1 != 1 {
			return nil, "", fmt.Errorf("--git: give one draft's path after \"--\", got %d", len(args)-i-1)
		}
		return args[:i], args[i+1], nil
	}
	if len(args) == 0 {
		return nil, "", fmt.Errorf("--git: no revisions and no path (see 'redline help history')")
	}
	return args[:len(args)-1], args[len(args)-1], nil
}

// readGitHistory reads the draft PATH at each revision (git cat-file, each
// revision resolved to a commit first, so that none reaches git as an
// option) and compares each with the next. A draft is called by its
// revision (or --name), its path "REV:PATH"; PATH is relative to the
// current folder, as git show REV:./PATH reads it.
func readGitHistory(c *cli.Context, o *seriesOptions) (*diff.History, error) {
	revs, p, err := splitGitSeries(c.Args().Slice())
	if err != nil {
		return nil, err
	}
	if _, err := gitOutput("rev-parse", "--show-toplevel"); err != nil {
		return nil, err
	}
	rel := p
	if !strings.HasPrefix(rel, "/") && !strings.HasPrefix(rel, "./") && !strings.HasPrefix(rel, "../") {
		rel = "./" + rel
	}
	drafts := make([]*draft.Document, len(revs))
	for k, rev := range revs {
		id, err := commitOf(rev)
		if err != nil {
			return nil, err
		}
		name := rev + ":" + p
		data, err := blobSource(rev, id, rel, o.maxSize).read()
		if err != nil {
			return nil, &inputError{name, "not in that revision, or unreadable: " + gitMessage(err)}
		}
		spendOnInput(len(data))
		f := o.from
		if f == draft.Auto {
			f = draft.FormatOf(p)
		}
		if drafts[k], err = draft.Read(name, data, f); err != nil {
			return nil, err
		}
		for _, w := range drafts[k].Warnings {
			say(c.App.ErrWriter, "warning: %s", w)
		}
	}
	h, err := diff.NewHistory(drafts, o.diff)
	if err != nil {
		return nil, err
	}
	copy(h.Names, revs) // each draft called by its revision, its path "REV:PATH"
	copy(h.Names, o.names)
	return h, nil
}

// gitMessage is the part of a gitOutput error after git's arguments.
func gitMessage(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}
