package render

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/visible"
	"github.com/redline-diff/redline/negotiation"
)

// JSONAnalysis writes r as JSON does, with what package negotiation
// decided about it (a, which may be nil): a top-level "brackets" list
// (negotiation.Bracket: fate, step, old and new places with their block
// labels, tag, group…) when a has brackets, and a "signals" list
// (negotiation.Signal: kind, rule, from and to terms, step, places…) when
// it has signals, both after "blocks". With neither, the output is
// byte-identical to JSON's. Nothing is re-derived here: the lists are a's.
func JSONAnalysis(w io.Writer, r *diff.Result, a *negotiation.Analysis) error {
	if a == nil || (len(a.Brackets) == 0 && len(a.Signals) == 0) {
		return JSON(w, r)
	}
	var tail []byte
	if len(a.Brackets) > 0 {
		b, err := encodeJSON(a.Brackets, "  ")
		if err != nil {
			return err
		}
		tail = append(tail, ",\n  \"brackets\": "...)
		tail = append(tail, bytes.TrimSuffix(b, []byte("\n"))...)
	}
	if len(a.Signals) > 0 {
		b, err := encodeJSON(a.Signals, "  ")
		if err != nil {
			return err
		}
		tail = append(tail, ",\n  \"signals\": "...)
		tail = append(tail, bytes.TrimSuffix(b, []byte("\n"))...)
	}
	// The blocks are written one at a time, as JSON writes them; the
	// lists follow them, before the closing brace.
	return writeJSONWith(w, r, tail)
}

// TextSummary writes what package negotiation decided about r (a) as the
// block that "--brackets-summary" adds after the text redline:
//
//	== negotiation ==
//	brackets: 2 agreed, 1 dropped, 0 still open, 1 alternative chosen, 0 opened
//	  agreed: "[in its entirety]" (¶ 14 → 17)
//	signals: 1 weakened, 0 strengthened, 1 reference dropped, 0 reference added
//	▼ weakened: shall → should (¶ 12)
//	▼ weakened: "where appropriate" added (¶ 7)
//	▼ reference-dropped: "international humanitarian law" removed (¶ 16)
//	▲ strengthened: should → shall (¶ 12) [in brackets]
//
// Each bracket line gives its fate and the passage as written in the old
// draft (the new one for an opened passage), and where it stands (", moved"
// for a passage still open in another paragraph); each signal line its kind
// (▼ weakened or reference dropped, ▲ strengthened or reference added),
// the terms as written and the paragraph label of the change ("¶ 12"; for
// an unlabelled paragraph its 1-based block number, "block 5"). A signal
// whose term stands in a bracketed passage ends with "[in brackets]".
// Control characters are written as visible marks, as in Text.
func TextSummary(w io.Writer, r *diff.Result, a *negotiation.Analysis) error {
	if err := check(r); err != nil {
		return err
	}
	if a == nil {
		a = &negotiation.Analysis{}
	}
	vw := visible.NewWriter(w)
	bw := bufio.NewWriter(vw)
	t := a.Tally()
	bw.WriteString("== negotiation ==\n")
	fmt.Fprintf(bw, "brackets: %d agreed, %d dropped, %d still open, %d alternative chosen, %d opened\n",
		t.Brackets[negotiation.Agreed], t.Brackets[negotiation.Dropped], t.Brackets[negotiation.Open],
		t.Brackets[negotiation.Chosen], t.Brackets[negotiation.Opened])
	for _, b := range a.Brackets {
		p := b.Old
		if p == nil {
			p = b.New
		}
		text := ""
		if p != nil {
			text = " " + strconv.Quote(folded(p.Text))
		}
		where := placeWhere(r, b.Old, b.New)
		if b.Moved {
			where += ", moved"
		}
		fmt.Fprintf(bw, "  %s:%s (%s)\n", b.Fate, text, where)
	}
	fmt.Fprintf(bw, "signals: %d weakened, %d strengthened, %d reference dropped, %d reference added\n",
		t.Signals[negotiation.Weakened], t.Signals[negotiation.Strengthened],
		t.Signals[negotiation.ReferenceDropped], t.Signals[negotiation.ReferenceAdded])
	for _, s := range a.Signals {
		bw.WriteString(signalLine(r, s) + "\n")
	}
	return flushVisible(bw, vw)
}

// signalLine is one signal of TextSummary.
func signalLine(r *diff.Result, s negotiation.Signal) string {
	mark, what := signalTerms(s)
	line := mark + " " + s.Kind.String() + ": " + what + " (" + placeWhere(r, s.Old, s.New) + ")"
	if s.Bracketed {
		line += " [in brackets]"
	}
	return line
}

// signalTerms returns a signal's mark (▼ weakened or a reference dropped,
// ▲ strengthened or one added) and its terms as written: "shall →
// should", "\"where appropriate\" added", "\"human rights\" removed".
func signalTerms(s negotiation.Signal) (mark, what string) {
	mark = "▲"
	if s.Kind == negotiation.Weakened || s.Kind == negotiation.ReferenceDropped {
		mark = "▼"
	}
	switch {
	case s.Old != nil && s.New != nil:
		what = folded(s.Old.Text) + " → " + folded(s.New.Text)
	case s.Old != nil:
		what = strconv.Quote(folded(s.Old.Text)) + " removed"
	case s.New != nil:
		what = strconv.Quote(folded(s.New.Text)) + " added"
	case s.From != "" && s.To != "":
		what = s.From + " → " + s.To
	case s.From != "":
		what = strconv.Quote(s.From) + " removed"
	default:
		what = strconv.Quote(s.To) + " added"
	}
	return mark, what
}

// placeWhere names the paragraphs of an old and a new place by their full
// label paths: "¶ 14", "¶ 34 (c)", "¶ 14 → 17" when the label changed,
// "block 5" for a block without a label (1-based).
func placeWhere(r *diff.Result, old, new *negotiation.Place) string {
	name := func(d *draft.Document, p *negotiation.Place) string {
		switch {
		case p.Label != "" && p.Block < len(d.Blocks) && d.Blocks[p.Block].Label == p.Label:
			return "¶ " + labelPath(d, p.Block)
		case p.Label != "":
			return "¶ " + strings.TrimSuffix(p.Label, ".")
		}
		return "block " + strconv.Itoa(p.Block+1)
	}
	switch {
	case old != nil && new != nil:
		o, n := name(r.Old, old), name(r.New, new)
		if o == n {
			return n
		}
		return o + " → " + strings.TrimPrefix(n, "¶ ")
	case new != nil:
		return name(r.New, new)
	case old != nil:
		return name(r.Old, old)
	}
	return "?"
}

// folded folds a place's text to one line for the summary.
func folded(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
