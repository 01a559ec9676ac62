package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/visible"
	"github.com/urfave/cli/v2"
)

func textCommand() *cli.Command {
	return &cli.Command{
		Name:      "text",
		Usage:     "write a draft's text as redline reads it, labels included: a textconv for git log -p and git grep",
		ArgsUsage: "DRAFT",
		Description: `Reads one draft (Markdown, plain text, Word, OpenDocument or HTML, by its
extension or --from; "-" for standard input) and writes its blocks as
redline compares them: one paragraph a block, a blank line between
blocks, each with its label ("12.", "(a)"); a heading after "#"s of its
level, a quoted block after "> ", a block compared line by line (code, a
table of contents) indented by four spaces. Control characters are
written visible, as in every text output.

As git's textconv, it makes git log -p, git diff and git grep read Word
drafts as their words:

   git config diff.word.textconv 'redline text'
   echo '*.docx diff=word' >> .gitattributes
   git log -p -- report.docx
   git grep --textconv 'human rights' -- '*.docx'

Example:

   redline text rev2.docx | less`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "from", Usage: "read the draft as `FORMAT`: markdown, text, docx, odt or html (default: by file extension: .md and .markdown Markdown, .docx Word, .odt OpenDocument, .html and .htm HTML, others text)"},
			&cli.StringFlag{Name: "max-size", Value: formatSize(defaultMaxSize), Usage: "refuse a draft larger than `SIZE` (e.g. 64MiB, 500KB)"},
		},
		Action: textAction,
	}
}

func textAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return fmt.Errorf("text needs one draft; got %d argument(s) (see 'redline help text')", c.NArg())
	}
	from, err := draft.ParseFormat(c.String("from"))
	if err != nil {
		return fmt.Errorf("--from: %v", err)
	}
	maxSize, err := parseSize(c.String("max-size"))
	if err != nil {
		return fmt.Errorf("--max-size: %v", err)
	}
	name := c.Args().First()
	f := from
	if f == draft.Auto && name != "-" {
		f = draft.FormatOf(name)
	}
	d, err := readDraft(name, c.App.Reader, maxSize, f)
	if err != nil {
		return err
	}
	for _, w := range d.Warnings {
		say(c.App.ErrWriter, "warning: %s", w)
	}
	bw := bufio.NewWriterSize(c.App.Writer, 64<<10)
	for i, b := range d.Blocks {
		if i > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString(blockText(b))
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// blockText is a block as redline text writes it: its label and text,
// a heading after "#"s of its level, a quote after "> ", a block compared
// line by line indented by four spaces a line, control characters
// visible.
func blockText(b draft.Block) string {
	text := visible.Text(b.Text)
	if b.Label != "" {
		text = visible.Line(b.Label) + " " + text
	}
	switch {
	case b.Kind.LineByLine():
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			if l != "" {
				lines[i] = "    " + l
			}
		}
		return strings.Join(lines, "\n")
	case b.Kind == draft.Heading:
		return strings.Repeat("#", max(int(b.Level), 1)) + " " + text
	case b.Kind == draft.Quote:
		return "> " + strings.ReplaceAll(text, "\n", "\n> ")
	}
	return text
}
