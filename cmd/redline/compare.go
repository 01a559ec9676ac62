package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/visible"
	"github.com/redline-diff/redline/negotiation"
	"github.com/redline-diff/redline/render"
	"github.com/urfave/cli/v2"
)

// formats maps each --format name to its renderer.
var formats = map[string]func(io.Writer, *diff.Result) error{
	"html":     render.HTML,
	"text":     render.Text,
	"json":     render.JSON,
	"ansi":     render.ANSI,
	"markdown": render.Markdown,
	"docx":     render.DOCX,
}

// formatNames lists the formats for messages, in a fixed order.
const formatNames = "html, text, json, ansi, markdown or docx"

func compareCommand() *cli.Command {
	return &cli.Command{
		Name:      "compare",
		Usage:     "redline two drafts, or two folders of drafts: paragraphs aligned, words diffed",
		ArgsUsage: "OLD NEW",
		Description: `Compares two drafts and writes the redline of OLD against NEW.

OLD and NEW are files, or "-" for standard input. Files ending in .md or
.markdown are read as Markdown, .docx as Word documents (tracked changes
read as accepted, automatic paragraph numbers as labels), .html and .htm
as HTML pages (the text a reader sees, navigation and scripts left out),
others as plain text (--from overrides).
Paragraph labels ("12.", "(a)", "12 bis.") are compared apart from the
text, so renumbering changes no word.

When OLD and NEW are folders, their files are paired by relative path and
compared in parallel; with -o OUT_DIR, OUT_DIR gets an index (index.html,
or index.json / index.txt) listing the files added, removed, changed,
unchanged and skipped (not drafts: binary, too big, unreadable), and one
redline per file that differs under OUT_DIR/files/; without -o, the listing
goes to standard output (text or json). Symbolic links are followed only
while they stay inside their folder (others are skipped) unless
--follow-symlinks is given.

Formats: html (a page), text (word diff: [-deleted-] {+inserted+}), ansi
(text coloured for a terminal), json (schema 1), markdown (CriticMarkup:
{--deleted--} {++inserted++} {~~old~>new~~}), docx (a Word document of the
new draft with the changes as tracked changes; the default for -o
FILE.docx). --stat writes counts per file
instead, like git diff --stat; -q writes nothing. Colour (--color auto, the
default) is used only on standard output, when it is a terminal or git's
pager (GIT_PAGER_IN_USE), NO_COLOR is not set and TERM is not dumb, or
when CLICOLOR_FORCE or FORCE_COLOR is set: then the default format is
ansi, and -f ansi falls back to text without it. -f text is never
coloured. Output to a terminal is paged through $PAGER (less -FRX by
default, as git does) unless --no-pager is given.

The exit status is 0 when the drafts have the same text and labels, 1 when
they differ, 2 on trouble (a missing, binary or oversized file...).

Negotiation: --brackets-summary writes, after the text redline, the
bracketed passages by fate (agreed, dropped, still-open,
alternative-chosen, opened) and the signals of strength of language
("▼ weakened: shall → should (¶ 12)"); -f json adds "brackets" and
"signals" lists when there are any. --lexicon FILE adds scales, hedges
and watched references over the shipped lexicons. With --fail-if KINDS
(weakened, strengthened, reference-dropped, reference-added) or
--fail-if-open (NEW still has brackets), the exit status is the
condition's: 1 when it holds, 0 when not, even if the drafts differ.

Example:

   redline compare zero-draft.md final.md -o redline.html
   redline compare zero-draft.md final.md -o redline.docx
   redline compare -f json rev1.md rev2.md | jq '.stats'
   redline compare --stat rev1.md rev2.md
   redline compare -q rev1.md rev2.md || echo "the drafts differ"
   redline compare drafts-v1/ drafts-v2/ -o redlines/
   redline compare --brackets-summary rev2.md final.md
   redline compare -q --fail-if weakened,reference-dropped rev1.md rev2.md`,
		Flags: append(append(compareFlags(),
			&cli.BoolFlag{Name: "follow-symlinks", Usage: "compare two folders following symbolic links out of them too (by default a link is followed only while it stays inside its folder)"},
			&cli.StringSliceFlag{Name: "label", Aliases: []string{"L"}, Usage: "name the drafts `LABEL` in the output instead of their file names: the first --label OLD, the second NEW, as diff -L"}),
			negotiationFlags()...),
		Action: compareAction,
	}
}

// compareFlags are the flags of compare, shared by git and git-extdiff.
func compareFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the redline to `FILE` (atomically) instead of standard output; for folders, a folder for the index and pages"},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: " + formatNames + " (default: by the --output extension: .html a page, .docx Word, .json JSON, .md CriticMarkup, .txt text, a folder pages; text otherwise, ansi on a colour terminal)"},
		&cli.BoolFlag{Name: "stat", Usage: "write counts of paragraphs and words changed per file instead of the redline, like git diff --stat"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "write nothing; the exit status says whether the drafts differ"},
		&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the ansi and default formats: `WHEN` auto (a terminal or git's pager; NO_COLOR, TERM=dumb, CLICOLOR_FORCE and FORCE_COLOR obeyed), always or never"},
		&cli.StringFlag{Name: "from", Usage: "read both drafts as `FORMAT`: markdown, text, docx, odt, html or pdf (default: by file extension: .md and .markdown Markdown, .docx Word, .odt OpenDocument, .html and .htm HTML, .pdf PDF, others text)"},
		&cli.StringFlag{Name: "max-size", Value: formatSize(defaultMaxSize), Usage: "refuse inputs larger than `SIZE` (e.g. 64MiB, 500KB)"},
		&cli.BoolFlag{Name: "ignore-numbering", Usage: "label changes alone are not differences (exit status 0)"},
		&cli.Float64Flag{Name: "match-threshold", Value: diff.DefaultMatchThreshold, Usage: "least similarity `0-1` at which two different paragraphs are paired as one edited paragraph"},
		&cli.IntFlag{Name: "context", Aliases: []string{"U"}, Usage: "write `N` unchanged paragraphs before and after each change, each under \"@@ ¶ 12 unchanged @@\" (text and ansi formats; default 0, changes only)"},
	}, wordFlags()...)
}

// compareOptions are the parsed flags of compare.
type compareOptions struct {
	readingOptions
	output, format  string
	formatSet       bool // --format was given
	stat, quiet     bool
	color           bool // escape codes wanted (--color, NO_COLOR, terminal)
	ignoreNumbering bool
	context         int  // --context: unchanged paragraphs around each change
	followLinks     bool // --follow-symlinks: follow links out of compared folders
	neg             negotiationOptions
	word            wordOptions // --author, --date, --formatting
	newPath         string      // the new draft's file, for a Word redline
}

// readingOptions are the flags of every command that reads drafts:
// --from, --max-size and --match-threshold.
type readingOptions struct {
	from    draft.Format
	maxSize int64
	diff    diff.Options
}

// parseReadingFlags parses --from, --max-size and --match-threshold.
func parseReadingFlags(c *cli.Context) (readingOptions, error) {
	var o readingOptions
	var err error
	if o.from, err = draft.ParseFormat(c.String("from")); err != nil {
		return o, fmt.Errorf("--from: %v", err)
	}
	if o.maxSize, err = parseSize(c.String("max-size")); err != nil {
		return o, fmt.Errorf("--max-size: %v", err)
	}
	o.diff.MatchThreshold = c.Float64("match-threshold")
	if t := o.diff.MatchThreshold; !(t > 0 && t <= 1) { // NaN too
		return o, fmt.Errorf("--match-threshold: %g is not in (0, 1]", t)
	}
	return o, nil
}

func parseCompareFlags(c *cli.Context) (*compareOptions, error) {
	if c.NArg() != 2 {
		return nil, fmt.Errorf("compare needs two drafts, OLD and NEW; got %d argument(s) (see 'redline help compare')", c.NArg())
	}
	o, err := parseOptions(c)
	if err != nil {
		return nil, err
	}
	if o.neg, err = parseNegotiationFlags(c); err != nil {
		return nil, err
	}
	if o.neg.summary && (o.stat || o.quiet || (o.format != "text" && o.format != "ansi")) {
		return nil, fmt.Errorf("--brackets-summary is written after a text redline: it cannot be combined with --stat, --quiet or --format %s", o.format)
	}
	return o, nil
}

// parseOptions parses the flags of compareFlags.
func parseOptions(c *cli.Context) (*compareOptions, error) {
	o := &compareOptions{output: c.String("output"), ignoreNumbering: c.Bool("ignore-numbering"),
		stat: c.Bool("stat"), quiet: c.Bool("quiet"), followLinks: c.Bool("follow-symlinks"), format: c.String("format"), formatSet: c.IsSet("format")}
	var err error
	if o.readingOptions, err = parseReadingFlags(c); err != nil {
		return nil, err
	}
	if o.color, err = wantColor(c.String("color"), o.output, c.App.Writer); err != nil {
		return nil, err
	}
	if o.word, err = parseWordFlags(c); err != nil {
		return nil, err
	}
	if err := o.checkOutputFlags(); err != nil {
		return nil, err
	}
	o.format = o.effectiveFormat()
	if o.context = c.Int("context"); o.context < 0 {
		return nil, fmt.Errorf("--context: %d is not a number of paragraphs (want 0 or more)", o.context)
	} else if o.context > 0 && (o.stat || o.quiet || (o.format != "text" && o.format != "ansi")) {
		return nil, fmt.Errorf("--context is for the text and ansi formats: it cannot be combined with --stat, --quiet or --format %s", o.format)
	}
	return o, nil
}

// checkOutputFlags refuses contradictory output flags and unknown formats.
func (o *compareOptions) checkOutputFlags() error {
	switch {
	case o.quiet && (o.output != "" || o.stat || o.formatSet):
		return fmt.Errorf("--quiet writes nothing: it cannot be combined with --output, --format or --stat")
	case o.stat && o.formatSet:
		return fmt.Errorf("--stat replaces the redline: it cannot be combined with --format")
	case o.formatSet && formats[o.format] == nil:
		return fmt.Errorf("--format: unknown format %q (want %s)", o.format, formatNames)
	}
	return nil
}

// outputFormats are the formats an output file's extension chooses when
// --format is not given.
var outputFormats = map[string]string{".html": "html", ".htm": "html", ".docx": "docx", ".json": "json",
	".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text", ".diff": "text"}

// formatByExtension returns the format the extension of output names
// (see outputFormats), "" for an output without one, and an error for an
// extension redline cannot write.
func formatByExtension(output string, formats map[string]string) (string, error) {
	ext := strings.ToLower(filepath.Ext(output))
	if ext == "" || output == "" {
		return "", nil
	}
	if f, ok := formats[ext]; ok {
		return f, nil
	}
	exts := slices.Sorted(maps.Keys(formats))
	return "", fmt.Errorf("%s: redline writes no %s file: name the output %s, or give --format",
		visible.Text(output), ext, strings.Join(exts, ", "))
}

// effectiveFormat is the format to write: --format, or the one the
// output's extension names (see outputFormats), or text; text becomes
// ansi when colour is wanted, and ansi text when it is not.
func (o *compareOptions) effectiveFormat() string {
	f := o.format
	if !o.formatSet {
		f = "text"
		if byExt, _ := formatByExtension(o.output, outputFormats); byExt != "" {
			f = byExt
		}
	}
	switch {
	case f == "text" && !o.formatSet && o.color:
		return "ansi"
	case f == "ansi" && !o.color:
		return "text"
	}
	return f
}

// wantColor decides --color: always, never, or auto, which colours only
// standard output (no --output), by the rule of autoColor: a terminal or
// git's pager, NO_COLOR unset or empty, TERM not dumb, or CLICOLOR_FORCE
// or FORCE_COLOR set.
func wantColor(mode, output string, stdout io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return (output == "" || output == "-") && autoColor(stdout), nil
	}
	return false, fmt.Errorf("--color: unknown value %q (want auto, always or never)", mode)
}

// isTerminal reports whether w is a terminal (a character device). A
// variable, so that tests can stand in a terminal.
var isTerminal = func(w io.Writer) bool {
	if _, paged := w.(*pagedStdout); paged {
		return true
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// formatter returns the function that writes one comparison in o's
// format, with o's --context.
func (o *compareOptions) formatter() func(io.Writer, *diff.Result) error {
	if o.context > 0 {
		opts := render.TextOptions{Context: o.context}
		switch o.format {
		case "text":
			return func(w io.Writer, r *diff.Result) error { return render.TextWith(w, r, opts) }
		case "ansi":
			return func(w io.Writer, r *diff.Result) error { return render.ANSIWith(w, r, opts) }
		}
	}
	return formats[o.format]
}

// renderer returns the function that writes one comparison as o asks:
// the format, or the --stat line of the file called name.
func (o *compareOptions) renderer(name string) func(io.Writer, *diff.Result) error {
	if !o.stat {
		if o.format == "docx" {
			return o.word.docxRenderer(o.newPath)
		}
		return o.formatter()
	}
	return func(w io.Writer, r *diff.Result) error {
		return render.Stat(w, []render.StatFile{{Name: name, Stats: r.Stats(), Differs: r.Differs(o.ignoreNumbering)}})
	}
}

// formatFor returns the format in which to read name: from, if set; else
// by name's extension, and for standard input by the other draft's.
func formatFor(name, other string, from draft.Format) draft.Format {
	switch {
	case from != draft.Auto:
		return from
	case name == "-":
		return draft.FormatOf(other)
	}
	return draft.FormatOf(name)
}

func compareAction(c *cli.Context) error {
	o, err := parseCompareFlags(c)
	if err != nil {
		return err
	}
	oldName, newName := c.Args().Get(0), c.Args().Get(1)
	if n := len(c.StringSlice("label")); n > 2 {
		return fmt.Errorf("--label: %d labels for two drafts (give one for OLD, then one for NEW)", n)
	}
	switch oldDir, newDir := isDir(oldName), isDir(newName); {
	case oldDir && newDir && c.IsSet("label"):
		return fmt.Errorf("--label names two drafts, not two folders (their files are named by their paths)")
	case oldDir && newDir:
		if o.neg.asked() {
			return fmt.Errorf("--brackets, --brackets-summary, --fail-if, --fail-if-open and --lexicon compare two drafts, not folders (yet)")
		}
		return folderAction(c, o, oldName, newName)
	case oldDir || newDir:
		return folderAndFile(c, oldName, newName, newDir)
	}
	if oldName == "-" && newName == "-" {
		return fmt.Errorf("only one of OLD and NEW can be standard input")
	}
	if !o.formatSet {
		// An extension that names no format is refused, not written as
		// text; a folder's output (above) is a folder, whatever its name.
		if _, err := formatByExtension(o.output, outputFormats); err != nil {
			return err
		}
	}
	stdin, stderr := c.App.Reader, c.App.ErrWriter
	names := []string{oldName, newName}
	drafts, err := readDrafts(names, stdin, o.maxSize, func(k int) draft.Format {
		return formatFor(names[k], names[1-k], o.from)
	})
	if err != nil {
		return err
	}
	old, new := drafts[0], drafts[1]
	for k, label := range c.StringSlice("label") {
		drafts[k].Name = label
	}
	for _, w := range append(old.Warnings, new.Warnings...) {
		say(stderr, "warning: %s", w)
	}
	return compareDrafts(c, o, old, new, names)
}

// compareDrafts compares two drafts read from the files inputs (which the
// output may not overwrite), writes the redline as o asks and returns the
// exit status: exitSame or exitDiffer.
func compareDrafts(c *cli.Context, o *compareOptions, old, new *draft.Document, inputs []string) error {
	r, err := diff.Compare(old, new, o.diff)
	if err != nil {
		return fmt.Errorf("%s, %s: %v", old.Name, new.Name, err)
	}
	var a *negotiation.Analysis
	if o.neg.wanted(o) {
		if a, err = o.neg.analyze(r); err != nil {
			return err
		}
	}
	collectBeforeOutput()
	if len(inputs) > 0 { // the new draft's file, or tracked's one
		o.newPath = inputs[len(inputs)-1]
	}
	if !o.quiet {
		write := func(w io.Writer) error { return o.renderer(new.Name)(w, r) }
		switch {
		case a != nil && o.format == "json" && !o.stat:
			write = func(w io.Writer) error { return render.JSONAnalysis(w, r, a) }
		case a != nil && o.format == "html" && !o.stat:
			write = func(w io.Writer) error { return render.HTMLAnalysis(w, r, a) }
		case o.neg.summary:
			write = func(w io.Writer) error {
				if err := o.renderer(new.Name)(w, r); err != nil {
					return err
				}
				return render.TextSummary(w, r, a)
			}
		}
		if err := writeOutput(o.output, inputs, c.App.Writer, write); err != nil {
			return err
		}
	}
	if o.neg.gated() {
		return o.neg.gate(c.App.ErrWriter, a, new)
	}
	if !r.Differs(o.ignoreNumbering) {
		if !o.quiet {
			say(c.App.ErrWriter, "no differences between %s and %s", old.Name, new.Name)
		}
		return status(exitSame)
	}
	return status(exitDiffer)
}

// folderAndFile is the error of a folder compared with something else:
// naming the other side when it cannot be read ("compare DIR MISSING" is
// about MISSING), else the folder.
func folderAndFile(c *cli.Context, oldName, newName string, newIsDir bool) error {
	dir, other := oldName, newName
	if newIsDir {
		dir, other = newName, oldName
	}
	if _, err := os.Stat(other); other != "-" && errors.Is(err, fs.ErrNotExist) {
		return &inputError{other, "no such file"}
	} else if other != "-" && err != nil {
		return &inputError{other, unwrapPath(err).Error()}
	}
	return &inputError{dir, fmt.Sprintf("is a directory, not a draft (%s is not a folder: compare two folders or two drafts)", other)}
}

// isDir reports whether name is a folder.
func isDir(name string) bool {
	fi, err := os.Stat(name)
	return name != "-" && err == nil && fi.IsDir()
}
