package render

import (
	"bufio"
	"html/template"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/visible"
)

// blameColours is the number of draft colours of the blame page; drafts
// beyond it reuse them (the legend and each span's title still name the
// draft).
const blameColours = 8

// BlameHTML writes the last draft with each word coloured by the draft
// that introduced it (diff.History.Blame), under a legend of the drafts'
// colours; each span names its draft in a title and, for screen readers,
// in hidden text. The page is self-contained, without scripts.
func BlameHTML(w io.Writer, h *diff.History) error {
	if err := checkHistory(h); err != nil {
		return err
	}
	p := &blamePage{
		CSS: seriesStyle(), CSP: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
		Kind: "Blame", Title: draftName(h, h.Last()), Drafts: jsonDrafts(h),
	}
	for k := range h.Drafts {
		p.Legend = append(p.Legend, legendView{Class: blameClass(k), Name: draftName(h, k)})
	}
	// The blocks are made one at a time as the template writes them: on
	// 900,000 one-word paragraphs the list of them all was some 100 MB.
	last := h.Drafts[h.Last()]
	p.Blocks = func(yield func(blameBlockView) bool) {
		for i, spans := range h.Blame() {
			b := last.Blocks[i]
			if !yield(blameBlockView{Heading: headingLevel(b), Class: blameBlockClass(b), Label: b.Label,
				Body: blameMarkup(h, spans)}) {
				return
			}
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := seriesTemplates().ExecuteTemplate(bw, "blame", p); err != nil {
		return err
	}
	return bw.Flush()
}

// blamePage is the data of blame.tmpl.
type blamePage struct {
	CSS              template.CSS
	CSP, Kind, Title string
	Drafts           []jsonDraftEntry
	Legend           []legendView
	Blocks           iter.Seq[blameBlockView]
}

type legendView struct{ Class, Name string }

type blameBlockView struct {
	Heading int
	Class   string
	Label   string
	Body    template.HTML // from blameMarkup, which escapes the text
}

// blameClass is the colour class of draft k.
func blameClass(k int) string { return "b b" + strconv.Itoa(k%blameColours) }

// blameBlockClass returns a block's classes on the blame page.
func blameBlockClass(b draft.Block) string {
	c := "block"
	if int(b.Kind) < len(kindClasses) {
		c += " " + kindClasses[b.Kind]
	}
	if b.Kind == draft.ListItem && b.Label == "" {
		c += " bullet" // as classOf: page.css draws its bullet
	}
	if b.Kind != draft.Heading && b.Level > 0 {
		c += " lvl-" + strconv.Itoa(min(int(b.Level), 6))
	}
	return c
}

// blameMarkup returns the markup of a block's blame spans: each in a span
// of its draft's class titled with the draft's name. It escapes every
// piece of input text (the text and the draft names) itself.
func blameMarkup(h *diff.History, spans []diff.BlameSpan) template.HTML {
	var b strings.Builder
	for _, sp := range spans {
		name := esc(draftName(h, sp.Draft))
		b.WriteString(`<span class="` + blameClass(sp.Draft) + `" title="` + name + `">`)
		b.WriteString(`<span class="sr-only">[` + name + `] </span>`)
		b.WriteString(esc(sp.Text))
		b.WriteString(`</span>`)
	}
	return template.HTML(b.String())
}

// BlameText writes the blame of the last draft as text, like git blame
// but for words: for each block a line naming it ("¶ 11", or its kind
// and first words), then one line per span, the draft's name padded to
// a column and the span's text (quoted as a Go string when it holds a
// line break):
//
//	¶ 11
//	  Rev.1  In the light of the COVID-19 pandemic, … which
//	  final  many
func BlameText(w io.Writer, h *diff.History) error {
	if err := checkHistory(h); err != nil {
		return err
	}
	width := 0
	for k := range h.Drafts {
		width = max(width, len([]rune(textName(h, k))))
	}
	vw := visible.NewWriter(w)
	bw := bufio.NewWriterSize(vw, 64<<10)
	last := h.Drafts[h.Last()]
	for i, spans := range h.Blame() {
		bw.WriteString(oneLine(blockRef(last.Blocks[i])) + "\n")
		for _, sp := range spans {
			name := textName(h, sp.Draft)
			bw.WriteString("  " + name + strings.Repeat(" ", width-len([]rune(name))) + "  " + oneLine(sp.Text) + "\n")
		}
	}
	return flushVisible(bw, vw)
}

// BlameJSON writes the blame of the last draft as JSON (see the package
// documentation for its shape).
func BlameJSON(w io.Writer, h *diff.History) error {
	if err := checkHistory(h); err != nil {
		return err
	}
	head, err := encodeJSON(jsonBlame{Schema: 1, Drafts: jsonDrafts(h), Blocks: []jsonBlameBlock{}}, "")
	if err != nil {
		return err
	}
	// head ends with the empty blocks: write all but those, then the
	// blocks one at a time, as encoding/json would indent them there, so
	// that the JSON of a large draft is never held whole.
	const tail = "[]\n}\n"
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head[:len(head)-len(tail)])
	last := h.Drafts[h.Last()]
	blame := h.Blame()
	if len(blame) == 0 {
		bw.WriteString(tail)
		return bw.Flush()
	}
	err = writeJSONItems(bw, len(blame), func(i int) any {
		b := jsonBlameBlock{Block: i, Kind: kindName(last.Blocks[i].Kind), Label: last.Blocks[i].Label, Spans: make([]jsonBlameSpan, len(blame[i]))}
		for n, sp := range blame[i] {
			b.Spans[n] = jsonBlameSpan{sp.Draft, sp.Text}
		}
		return b
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

type jsonBlame struct {
	Schema int              `json:"schema"`
	Drafts []jsonDraftEntry `json:"drafts"`
	Blocks []jsonBlameBlock `json:"blocks"`
}

type jsonBlameBlock struct {
	Block int             `json:"block"`
	Kind  string          `json:"kind"`
	Label string          `json:"label,omitempty"`
	Spans []jsonBlameSpan `json:"spans"`
}

type jsonBlameSpan struct {
	Draft int    `json:"draft"`
	Text  string `json:"text"`
}
