package render

import (
	"io"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/negotiation"
)

// HTMLAnalysis writes r's page as HTML does, with what package
// negotiation decided about it (a, which may be nil): a brackets panel in
// the header (the count of each fate, and each bracketed passage with its
// fate, paragraph and words, linked to its change), each change's signals
// of strength of language beside its text and in a column of the
// departures table, and a "Signals only" filter. With neither brackets
// nor signals, the page is byte-identical to HTML's. Nothing is
// re-derived here: the brackets and signals are a's.
func HTMLAnalysis(w io.Writer, r *diff.Result, a *negotiation.Analysis) error {
	if a == nil || len(a.Brackets) == 0 && len(a.Signals) == 0 {
		return HTML(w, r)
	}
	return writePage(w, r, a)
}

// bracketsView is the brackets panel.
type bracketsView struct {
	Counts []count
	Rows   []bracketRow
}

// bracketRow is one bracketed passage of the panel.
type bracketRow struct {
	Fate, Class string // "agreed", "alternative chosen"; "agreed", "alternative-chosen"
	Where, Href string // "¶ 14 → 17", "#c12" (or "")
	Text        string // the passage as written in the old draft (the new for an opened one)
	Tag         string // "Alt 2", …
}

// signalBadge is a signal as the page shows it beside its change.
type signalBadge struct {
	Class string // "weakened", "strengthened", "reference-dropped", "reference-added"
	Text  string // "▼ weakened: shall → should"
	Rule  string // "en/obligation: shall > must > should > may"
}

func (s *signalBadge) write(b htmlWriter) {
	writeAll(b, `<span class="signal `, esc(s.Class), `" dir="auto" title="`, esc(s.Rule), `">`, esc(s.Text), `</span>`)
}

// setAnalysis adds a's brackets and signals to the page (nothing when a
// is nil).
func (p *page) setAnalysis(r *diff.Result, a *negotiation.Analysis) {
	if a == nil {
		return
	}
	p.analysis = a
	p.blocks.analysis = a
	p.SignalColumn = len(a.Signals) > 0
	if p.SignalColumn {
		for _, i := range p.changed {
			if len(a.SignalsAt(i)) > 0 {
				p.Signalled++
			}
		}
	}
	if len(a.Brackets) == 0 {
		return
	}
	t := a.Tally()
	bv := &bracketsView{}
	for _, f := range []negotiation.Fate{negotiation.Agreed, negotiation.Dropped, negotiation.Open, negotiation.Chosen, negotiation.Opened} {
		bv.Counts = append(bv.Counts, count{N: t.Brackets[f], What: fateName(f)})
	}
	for _, b := range a.Brackets {
		row := bracketRow{Fate: fateName(b.Fate), Class: b.Fate.String(), Where: placeWhere(r, b.Old, b.New), Tag: b.Tag}
		if pl := b.Old; pl != nil {
			row.Text = folded(pl.Text)
		} else if b.New != nil {
			row.Text = folded(b.New.Text)
		}
		if b.Step >= 0 && b.Step < len(p.ids) {
			if id := p.ids.id(b.Step); id != "" {
				row.Href = "#" + id
			}
		}
		bv.Rows = append(bv.Rows, row)
	}
	p.Brackets = bv
}

// fateName names a fate for people: "still open", "alternative chosen".
func fateName(f negotiation.Fate) string {
	return strings.ReplaceAll(f.String(), "-", " ")
}

// signalDeparture gives departure d of step i its signals when the table
// has their column.
func (p *page) signalDeparture(d *departure, i int) {
	if !p.SignalColumn {
		return
	}
	d.SignalColumn = true
	var parts []string
	for _, b := range signalBadges(p.analysis.SignalsAt(i)) {
		parts = append(parts, b.Text)
	}
	d.Signal = strings.Join(parts, "; ")
	if len(parts) > 0 {
		d.Kinds |= kindSignal
	}
}

// signalBadges returns the badges of a change's signals.
func signalBadges(sigs []negotiation.Signal) []signalBadge {
	var out []signalBadge
	for _, s := range sigs {
		out = append(out, signalBadge{Class: s.Kind.String(), Text: signalText(s), Rule: s.Rule})
	}
	return out
}

// signalText is a signal in a few words, with its terms as written:
// "▼ weakened: shall → should", "▼ weakened: "where appropriate" added",
// "▼ reference dropped: "international humanitarian law" removed", with
// " (in brackets)" for a term in a bracketed passage.
func signalText(s negotiation.Signal) string {
	mark, what := signalTerms(s)
	text := mark + " " + strings.ReplaceAll(s.Kind.String(), "-", " ") + ": " + what
	if s.Bracketed {
		text += " (in brackets)"
	}
	return text
}
