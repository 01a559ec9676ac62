package main

import (
	"fmt"

	"github.com/redline-diff/redline/draft"
	"github.com/urfave/cli/v2"
)

// trackedCommand is "redline tracked": the redline of the tracked changes
// of one Word document.
func trackedCommand() *cli.Command {
	var flags []cli.Flag
	for _, f := range compareFlags() {
		if f.Names()[0] != "from" { // the draft is a Word document
			flags = append(flags, f)
		}
	}
	return &cli.Command{
		Name:      "tracked",
		Usage:     "redline the tracked changes of a Word document: as it was before them against as it is with them",
		ArgsUsage: "DRAFT.docx",
		Description: `Reads a Word document (.docx, or "-" for standard input) twice: with
every tracked change rejected (the original, "DRAFT (original)") and with
every one accepted (the revised text, "DRAFT (revised)"), and compares the
two as compare does: the same formats, flags and exit statuses. Word shows
insertions and deletions run by run; the redline shows which paragraphs
moved, were split, merged or renumbered, and what changed in each, in
words, with the departures table and the crosswalk.

A document without tracked changes gives no differences (exit status 0).

Example:

   redline tracked rev2-with-changes.docx -o changes.html
   redline tracked -f json rev2-with-changes.docx | jq '.stats'`,
		Flags:  flags,
		Action: trackedAction,
	}
}

func trackedAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return fmt.Errorf("tracked needs one Word document; got %d argument(s) (see 'redline help tracked')", c.NArg())
	}
	o, err := parseOptions(c)
	if err != nil {
		return err
	}
	name := c.Args().Get(0)
	data, err := readInput(name, c.App.Reader, o.maxSize)
	if err != nil {
		return err
	}
	original, revised, err := draft.ReadTracked(name, data)
	if err != nil {
		return err
	}
	original.Name, revised.Name = name+" (original)", name+" (revised)"
	return compareDrafts(c, o, original, revised, []string{name})
}
