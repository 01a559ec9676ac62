package render

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/internal/visible"
	"github.com/redline-diff/redline/negotiation"
)

//go:embed terms.tmpl
var termsSource string

// termsCSS marks the terms whose count changed: bold and a dot, so that
// the mark does not rest on colour.
const termsCSS = `
.series table.terms tbody th { font-weight: normal; }
.series table.terms td:nth-child(2), .series table.terms th:nth-child(2) { text-align: left; }
.series table.terms tr.changed th, .series table.terms tr.changed td { font-weight: bold; }
.series table.terms tr.changed th::before { content: "● "; }
.series table.terms tbody th::before { content: "\2007\2007"; }
`

// checkTerms checks the history and that every row counts its drafts.
func checkTerms(h *diff.History, s *negotiation.TermSeries) error {
	if err := checkHistory(h); err != nil {
		return err
	}
	if s == nil {
		return fmt.Errorf("render: no term counts")
	}
	for _, t := range s.Terms {
		if len(t.Counts) != len(h.Drafts) {
			return fmt.Errorf("render: term %q counts %d drafts, not %d", t.Term, len(t.Counts), len(h.Drafts))
		}
	}
	return nil
}

// TermsText writes the term counts of "trace --lexicon" as text: a line
// naming the drafts, then one line per term that occurs in some draft,
// its language, list (with the rank in a scale, 1 the strongest), the
// term, and its count in each draft; a line whose counts differ starts
// with "*":
//
//	terms (en) in zero-draft.md → rev1.md → rev2.md → final.md
//	* en obligation 1  shall              4 → 5 → 3 → 2
//	  en hedges          where appropriate  1 → 1 → 1 → 1
func TermsText(w io.Writer, h *diff.History, s *negotiation.TermSeries) error {
	if err := checkTerms(h, s); err != nil {
		return err
	}
	vw := visible.NewWriter(w)
	bw := bufio.NewWriterSize(vw, 64<<10)
	names := make([]string, len(h.Drafts))
	for k := range h.Drafts {
		names[k] = textName(h, k)
	}
	bw.WriteString("terms (" + strings.Join(s.Languages, ", ") + ") in " + strings.Join(names, " → ") + "\n")
	if len(s.Terms) == 0 {
		bw.WriteString("  no term of the lexicon occurs in any draft\n")
		return flushVisible(bw, vw)
	}
	heads := make([]string, len(s.Terms))
	width, termWidth := 0, 0
	for i, t := range s.Terms {
		heads[i] = t.Lang + " " + t.List
		if t.Scale {
			heads[i] += " " + strconv.Itoa(t.Rank+1)
		}
		width = max(width, utf8.RuneCountInString(heads[i]))
		termWidth = max(termWidth, utf8.RuneCountInString(oneLine(t.Term)))
	}
	for i, t := range s.Terms {
		mark := "  "
		if t.Changed() {
			mark = "* "
		}
		term := oneLine(t.Term)
		bw.WriteString(mark + pad(heads[i], width) + "  " + pad(term, termWidth) + "  ")
		for k, c := range t.Counts {
			if k > 0 {
				bw.WriteString(" → ")
			}
			bw.WriteString(strconv.Itoa(c))
		}
		bw.WriteString("\n")
	}
	return flushVisible(bw, vw)
}

// pad pads s with spaces to n runes.
func pad(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s)))
}

// TermsJSON writes the term counts of "trace --lexicon" as JSON:
//
//	{"schema": 1, "drafts": [...], "languages": ["en"],
//	 "terms": [{"lang": "en", "list": "obligation", "rank": 0, "term": "shall",
//	            "scale": true, "counts": [4, 5, 3, 2]}, ...]}
//
// "rank" is 0 for the strongest term of a scale; "scale" is set for the
// terms of a scale (not hedges or references).
func TermsJSON(w io.Writer, h *diff.History, s *negotiation.TermSeries) error {
	if err := checkTerms(h, s); err != nil {
		return err
	}
	return writeJSON(w, struct {
		Schema    int                   `json:"schema"`
		Drafts    []jsonDraftEntry      `json:"drafts"`
		Languages []string              `json:"languages"`
		Terms     []negotiation.TermRow `json:"terms"`
	}{1, jsonDrafts(h), s.Languages, s.Terms})
}

// TermsHTML writes the term counts of "trace --lexicon" as a page: one
// table, a row per term, a column per draft.
func TermsHTML(w io.Writer, h *diff.History, s *negotiation.TermSeries) error {
	if err := checkTerms(h, s); err != nil {
		return err
	}
	type row struct {
		negotiation.TermRow
		Rank    string
		Changed bool
	}
	p := struct {
		CSS              any
		CSP, Kind, Title string
		Drafts           []jsonDraftEntry
		Languages        string
		Rows             []row
	}{
		CSS: template.CSS(string(seriesStyle()) + termsCSS), CSP: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
		Kind: "Terms", Title: draftName(h, 0) + " → " + draftName(h, h.Last()), Drafts: jsonDrafts(h),
		Languages: strings.Join(s.Languages, ", "),
	}
	for _, t := range s.Terms {
		r := row{TermRow: t, Changed: t.Changed()}
		if t.Scale {
			r.Rank = strconv.Itoa(t.Rank + 1)
		}
		p.Rows = append(p.Rows, r)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := seriesTemplates().ExecuteTemplate(bw, "terms", p); err != nil {
		return err
	}
	return bw.Flush()
}
