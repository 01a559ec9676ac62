package main

import (
	"io"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/render"
	"github.com/urfave/cli/v2"
)

// historyFormats maps each --format name of history to its renderer.
var historyFormats = map[string]func(io.Writer, *diff.History) error{
	"html": render.HistoryHTML,
	"text": render.HistoryText,
	"json": render.HistoryJSON,
}

func historyCommand() *cli.Command {
	return &cli.Command{
		Name:      "history",
		Usage:     "the whole series of drafts: change volume, redlines, each paragraph's lineage",
		ArgsUsage: "DRAFT DRAFT...",
		Description: `Compares each draft with the next (oldest first) and writes the history of
the series: the drafts' names, the change volume of each revision and each
section (a table and a chart), the redline of each consecutive pair and of
the first draft against the last, and for each block of the last draft its
lineage back to where it was added ("¶ 18 — Rev.2 ¶ 27 — Rev.1 ¶ 26 —
zero draft ¶ 23").

The HTML page is self-contained (no network access); a small inline script,
allowed by its hash, switches between the redlines, which are all on the
page without it.

The exit status is 0 when no draft differs from the next, 1 when one does,
2 on trouble.

Example:

   redline history zero-draft.md rev1.md rev2.md final.md \
       --name "Zero draft" --name Rev.1 --name Rev.2 --name Final -o history.html`,
		Flags:  seriesFlags(),
		Action: seriesAction(historyFormats),
	}
}
