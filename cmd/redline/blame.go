package main

import (
	"io"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/render"
	"github.com/urfave/cli/v2"
)

// blameFormats maps each --format name of blame to its renderer.
var blameFormats = map[string]func(io.Writer, *diff.History) error{
	"html": render.BlameHTML,
	"text": render.BlameText,
	"json": render.BlameJSON,
}

func blameCommand() *cli.Command {
	return &cli.Command{
		Name:      "blame",
		Usage:     "the draft that introduced each word of the last draft",
		ArgsUsage: "DRAFT DRAFT...",
		Description: `Compares each draft with the next (oldest first) and marks every word of the
last draft with the draft that introduced it, like git blame but for words.
Text lists each paragraph's runs of words by draft; HTML colours them, with
a legend; JSON gives each block's spans and their draft indices. Words only
re-wrapped or re-spaced keep their draft.

The exit status is 0 when no draft differs from the next, 1 when one does,
2 on trouble.

Example:

   redline blame zero-draft.md rev1.md rev2.md final.md --name Zero --name Rev.1 --name Rev.2 --name Final
   redline blame -f json rev1.md rev2.md final.md | jq '.blocks[10].spans'`,
		Flags:  seriesFlags(),
		Action: seriesAction(blameFormats),
	}
}
