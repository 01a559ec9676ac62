package render

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/internal/visible"
)

// TraceHTML writes a page of phrase traces (diff.History.Trace): for each
// phrase, its count in each draft, then each occurrence struck (the draft
// that struck it, its paragraph before and after, the text that replaced
// it) and each occurrence added (where and when, and the text it
// replaced). The page is self-contained, without scripts.
func TraceHTML(w io.Writer, h *diff.History, traces []diff.PhraseTrace) error {
	if err := checkTraces(h, traces); err != nil {
		return err
	}
	p := &tracePage{
		CSS: seriesStyle(), CSP: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
		Kind: "Phrases", Title: draftName(h, 0) + " → " + draftName(h, h.Last()), Drafts: jsonDrafts(h),
	}
	for _, t := range traces {
		p.Phrases = append(p.Phrases, newPhraseView(h, t, draftName))
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := seriesTemplates().ExecuteTemplate(bw, "trace", p); err != nil {
		return err
	}
	return bw.Flush()
}

// checkTraces checks the history and that each trace counts its drafts.
func checkTraces(h *diff.History, traces []diff.PhraseTrace) error {
	if err := checkHistory(h); err != nil {
		return err
	}
	for _, t := range traces {
		if len(t.Counts) != len(h.Drafts) {
			return fmt.Errorf("render: trace of %q counts %d drafts, not %d", t.Phrase, len(t.Counts), len(h.Drafts))
		}
		for _, c := range append(t.Struck, t.Added...) {
			if c.Draft < 1 || c.Draft > h.Last() || c.OldBlock >= len(h.Drafts[c.Draft-1].Blocks) || c.NewBlock >= len(h.Drafts[c.Draft].Blocks) {
				return fmt.Errorf("render: trace of %q: a change outside the drafts", t.Phrase)
			}
		}
	}
	return nil
}

// tracePage is the data of trace.tmpl.
type tracePage struct {
	CSS              template.CSS
	CSP, Kind, Title string
	Drafts           []jsonDraftEntry
	Phrases          []phraseView
}

// phraseView is one phrase's trace for people.
type phraseView struct {
	Phrase  string
	Counts  []int
	Lost    bool
	Struck  []changeView
	Added   []changeView
	Summary string // "7 in zero draft, 5 in Rev.1, …"
}

// changeView is one occurrence struck or added: "in Rev.1, zero draft ¶ 6
// → Rev.1 ¶ 6: States agreed → States concluded".
type changeView struct {
	In          string // the draft that made the change
	From, To    string // "zero draft ¶ 6", "Rev.1 ¶ 6"; "" for none
	Text        string
	Replacement string
}

// Drafts are named by name (draftName, or textName for text output).
func newPhraseView(h *diff.History, t diff.PhraseTrace, name func(*diff.History, int) string) phraseView {
	v := phraseView{Phrase: t.Phrase, Counts: t.Counts, Lost: t.Lost()}
	var counts []string
	for k, n := range t.Counts {
		counts = append(counts, strconv.Itoa(n)+" in "+name(h, k))
	}
	v.Summary = strings.Join(counts, ", ")
	for _, c := range t.Struck {
		v.Struck = append(v.Struck, newChangeView(h, c, name))
	}
	for _, c := range t.Added {
		v.Added = append(v.Added, newChangeView(h, c, name))
	}
	return v
}

func newChangeView(h *diff.History, c diff.PhraseChange, name func(*diff.History, int) string) changeView {
	v := changeView{In: name(h, c.Draft), Text: c.Text, Replacement: c.Replacement}
	if c.OldBlock >= 0 {
		v.From = name(h, c.Draft-1) + " " + blockIn(h, c.Draft-1, c.OldBlock)
	}
	if c.NewBlock >= 0 {
		v.To = name(h, c.Draft) + " " + blockIn(h, c.Draft, c.NewBlock)
	}
	return v
}

// struckLine says where a struck occurrence went: `zero draft ¶ 6 → Rev.1
// ¶ 6: "States agreed" → "States concluded"`, or `Rev.1 ¶ 49 (paragraph
// deleted): "…"`.
func (c changeView) struckLine() string {
	switch {
	case c.To == "":
		return c.From + " (paragraph deleted): " + strconv.Quote(c.Text)
	case c.Replacement == "":
		return c.From + " → " + c.To + ": " + strconv.Quote(c.Text) + " deleted"
	}
	return c.From + " → " + c.To + ": " + strconv.Quote(c.Text) + " → " + strconv.Quote(c.Replacement)
}

// addedLine says where an added occurrence came: `Rev.2 ¶ 19 (paragraph
// inserted): "legally binding"` or `Rev.2 ¶ 26 → final ¶ 17: "avoid and
// refrain from" (replacing "…")`.
func (c changeView) addedLine() string {
	switch {
	case c.From == "":
		return c.To + " (paragraph inserted): " + strconv.Quote(c.Text)
	case c.Replacement == "":
		return c.From + " → " + c.To + ": " + strconv.Quote(c.Text) + " inserted"
	}
	return c.From + " → " + c.To + ": " + strconv.Quote(c.Text) + " replacing " + strconv.Quote(c.Replacement)
}

// TraceText writes the traces as text, one block per phrase:
//
//	phrase "States agreed": 7 in zero draft, 5 in Rev.1, 2 in Rev.2, 0 in final
//	  struck in Rev.1: zero draft ¶ 6 → Rev.1 ¶ 6: "States agreed" → "States concluded"
//	  added in Rev.2: Rev.2 ¶ 19 (paragraph inserted): "legally binding"
func TraceText(w io.Writer, h *diff.History, traces []diff.PhraseTrace) error {
	if err := checkTraces(h, traces); err != nil {
		return err
	}
	vw := visible.NewWriter(w)
	bw := bufio.NewWriterSize(vw, 64<<10)
	for n, t := range traces {
		if n > 0 {
			bw.WriteString("\n")
		}
		v := newPhraseView(h, t, textName)
		bw.WriteString("phrase " + strconv.Quote(t.Phrase) + ": " + v.Summary + "\n")
		for _, c := range v.Struck {
			bw.WriteString("  struck in " + c.In + ": " + c.struckLine() + "\n")
		}
		for _, c := range v.Added {
			bw.WriteString("  added in " + c.In + ": " + c.addedLine() + "\n")
		}
	}
	return flushVisible(bw, vw)
}

// TraceJSON writes the traces as JSON (see the package documentation for
// its shape).
func TraceJSON(w io.Writer, h *diff.History, traces []diff.PhraseTrace) error {
	if err := checkTraces(h, traces); err != nil {
		return err
	}
	out := jsonTraces{Schema: 1, Drafts: jsonDrafts(h), Phrases: []jsonPhrase{}}
	for _, t := range traces {
		p := jsonPhrase{Phrase: t.Phrase, Counts: t.Counts, Lost: t.Lost(), Struck: []jsonPhraseChange{}, Added: []jsonPhraseChange{}}
		for _, c := range t.Struck {
			p.Struck = append(p.Struck, newJSONPhraseChange(h, c))
		}
		for _, c := range t.Added {
			p.Added = append(p.Added, newJSONPhraseChange(h, c))
		}
		out.Phrases = append(out.Phrases, p)
	}
	return writeJSON(w, out)
}

type jsonTraces struct {
	Schema  int              `json:"schema"`
	Drafts  []jsonDraftEntry `json:"drafts"`
	Phrases []jsonPhrase     `json:"phrases"`
}

type jsonPhrase struct {
	Phrase string             `json:"phrase"`
	Counts []int              `json:"counts"`
	Lost   bool               `json:"lost_in_last"`
	Struck []jsonPhraseChange `json:"struck"`
	Added  []jsonPhraseChange `json:"added"`
}

// jsonPhraseChange is a diff.PhraseChange; old_block and new_block are
// -1 for none, labels "" when the block has none.
type jsonPhraseChange struct {
	Draft       int    `json:"draft"`
	OldBlock    int    `json:"old_block"`
	OldLabel    string `json:"old_label"`
	NewBlock    int    `json:"new_block"`
	NewLabel    string `json:"new_label"`
	Text        string `json:"text"`
	Replacement string `json:"replacement"`
}

func newJSONPhraseChange(h *diff.History, c diff.PhraseChange) jsonPhraseChange {
	j := jsonPhraseChange{Draft: c.Draft, OldBlock: c.OldBlock, NewBlock: c.NewBlock, Text: c.Text, Replacement: c.Replacement}
	if c.OldBlock >= 0 {
		j.OldLabel = h.Drafts[c.Draft-1].Blocks[c.OldBlock].Label
	}
	if c.NewBlock >= 0 {
		j.NewLabel = h.Drafts[c.Draft].Blocks[c.NewBlock].Label
	}
	return j
}
