package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/render"
	"github.com/urfave/cli/v2"
)

// wordFlags are the flags of the Word redline (--format docx).
func wordFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "author", Usage: "the author of the Word redline's tracked changes: `NAME` (default: redline)"},
		&cli.StringFlag{Name: "date", Usage: "the date of the Word redline's tracked changes: `RFC3339` (2026-03-14T09:30:00Z), or none (default: the new draft's modification time)"},
		&cli.BoolFlag{Name: "formatting", Usage: "in a Word redline between Word drafts, track changes of formatting alone (bold added, a style changed) as formatting changes; otherwise they are left out and counted"},
	}
}

// wordOptions are the parsed flags of wordFlags.
type wordOptions struct {
	author     string
	date       time.Time // zero: none
	dateSet    bool      // --date was given (none included)
	formatting bool
}

// parseWordFlags parses --author, --date and --formatting.
func parseWordFlags(c *cli.Context) (wordOptions, error) {
	o := wordOptions{author: c.String("author"), formatting: c.Bool("formatting")}
	if c.IsSet("date") {
		o.dateSet = true
		if s := c.String("date"); s != "none" {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				return o, fmt.Errorf("--date: %q is not a date as RFC 3339 writes it (2026-03-14T09:30:00Z) nor none", s)
			}
			o.date = t
		}
	}
	return o, nil
}

// maxSourceSize is the largest Word draft a redline is written into.
const maxSourceSize = defaultMaxSize

// docxRenderer returns the writer of a Word redline whose new draft was
// read from the file newPath ("" or "-" when it has none): changes by
// --author, dated --date or else the file's modification time, the
// drafts' names as the title.
func (o wordOptions) docxRenderer(newPath string) func(io.Writer, *diff.Result) error {
	return func(w io.Writer, r *diff.Result) error {
		opt := render.DOCXOptions{Author: o.author, Date: o.date, Formatting: o.formatting}
		if newPath != "" && newPath != "-" {
			if fi, err := os.Stat(newPath); err == nil && fi.Mode().IsRegular() {
				if !o.dateSet {
					opt.Date = fi.ModTime()
				}
				// A Word draft: the redline is written into it. It was
				// read whole already; a file that changed since, or that
				// does not read as the new draft, gives a document of
				// redline's own.
				if ext := strings.ToLower(filepath.Ext(newPath)); (ext == ".docx" || ext == ".docm") && fi.Size() <= maxSourceSize {
					if data, err := os.ReadFile(newPath); err == nil {
						opt.Source = data
					}
				}
			}
		}
		opt.Title = "Redline: " + filepath.Base(r.Old.Name) + " → " + filepath.Base(r.New.Name)
		s := r.Stats()
		opt.Summary = fmt.Sprintf("%d changed, %d inserted, %d deleted, %d moved paragraphs; %d words inserted, %d deleted",
			s.Changed+s.Split+s.Merged, s.Inserted, s.Deleted, s.Moved, s.WordsInserted, s.WordsDeleted)
		if s.Formatted > 0 {
			verb := "not tracked"
			if o.formatting {
				verb = "tracked where the new draft is a Word document"
			}
			opt.Summary += fmt.Sprintf("; %d paragraphs with formatting changed (%s)", s.Formatted, verb)
		}
		return render.DOCXWith(w, r, opt)
	}
}
