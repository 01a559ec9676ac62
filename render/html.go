package render

import (
	"bufio"
	_ "embed"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/doc"
)

//go:embed page.tmpl
var pageSource string

//go:embed page.css
var pageCSS string

var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// HTML writes a self-contained HTML redline page of r: a header naming
// both drafts with a summary of the changes, then the new draft in reading
// order with deletions struck, insertions underlined and moves linked to
// their old places. See the package documentation for the page's anchors.
func HTML(w io.Writer, r *diff.Result) error {
	if err := check(r); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := pageTemplate.Execute(bw, newPage(r)); err != nil {
		return err
	}
	return bw.Flush()
}

// page is the data of page.tmpl.
type page struct {
	CSS         template.CSS
	Old, New    draftInfo
	Differs     bool
	Paragraphs  []count
	Words       []count
	FirstChange string // "#c1", or "" when no block changed
	Warnings    []string
	Blocks      []blockView
}

// draftInfo names a draft in the header.
type draftInfo struct {
	Name   string
	Blocks int
}

// count is one figure of the summary: N What, e.g. "3 changed".
type count struct {
	N    int
	What string
}

// blockView is one element of the page's content: a step's block, or (when
// Marker is set) the marker at a moved block's old place.
type blockView struct {
	Heading int    // 2 … 6 for a heading shown as h2 … h6, 0 for p
	ID      string // "c1", "c2", … on changed blocks
	Class   string
	Label   string        // the label as written
	Was     string        // the old label, when it changed
	Note    string        // "moved from ¶ 12", "split into ¶ 14 and ¶ 15", …
	Href    string        // where Note links to
	Body    template.HTML // from redline, the only builder of markup
	Marker  *markerView
}

// markerView is the marker "¶ 12 moved to ¶ 14" at a moved block's old place.
type markerView struct {
	ID, From, To, Href string
}

// newPage gathers the data of r's page.
func newPage(r *diff.Result) *page {
	p := &page{
		CSS:      template.CSS(pageCSS),
		Old:      draftInfo{r.Old.Name, len(r.Old.Blocks)},
		New:      draftInfo{r.New.Name, len(r.New.Blocks)},
		Differs:  r.Differs(false),
		Warnings: warnings(r),
	}
	p.Paragraphs, p.Words = summary(r.Stats())
	ids := changeIDs(r)
	for _, id := range ids {
		if id != "" {
			p.FirstChange = "#" + id
			break
		}
	}
	p.Blocks = blockViews(r, ids)
	return p
}

// summary returns the header's figures for paragraphs and words.
func summary(s diff.Stats) (paragraphs, words []count) {
	paragraphs = []count{
		{s.Changed, "changed"}, {s.Inserted, "inserted"}, {s.Deleted, "deleted"},
		{s.Moved, "moved"}, {s.Split, "split"}, {s.Merged, "merged"},
		{s.Renumbered, "renumbered"},
	}
	words = []count{{s.WordsInserted, "inserted"}, {s.WordsDeleted, "deleted"}}
	return paragraphs, words
}

// warnings returns the readers' warnings about both drafts, old first.
func warnings(r *diff.Result) []string {
	var out []string
	out = append(out, r.Old.Warnings...)
	return append(out, r.New.Warnings...)
}

// changeIDs returns the id of each step: "c1", "c2", … for the changed
// steps in reading order, "" for the others.
func changeIDs(r *diff.Result) []string {
	ids := make([]string, len(r.Steps))
	n := 0
	for i := range r.Steps {
		if changed(r, &r.Steps[i]) {
			n++
			ids[i] = "c" + strconv.Itoa(n)
		}
	}
	return ids
}

// blockViews returns the page's content: each step's block in order, with
// the markers of moved blocks' old places among them (see markerSlots).
func blockViews(r *diff.Result, ids []string) []blockView {
	slots := markerSlots(r)
	views := make([]blockView, 0, len(r.Steps)+len(slots))
	views = appendMarkers(views, r, ids, slots[0])
	for i := range r.Steps {
		views = append(views, stepView(r, &r.Steps[i], ids[i]))
		views = appendMarkers(views, r, ids, slots[i+1])
	}
	return views
}

// appendMarkers appends the old-place markers of the moved steps moved.
func appendMarkers(views []blockView, r *diff.Result, ids []string, moved []int) []blockView {
	for _, i := range moved {
		st := &r.Steps[i]
		views = append(views, blockView{Marker: &markerView{
			ID:   "o-" + strconv.Itoa(st.Old[0]),
			From: oldRef(r, st),
			To:   newRef(r, st),
			Href: "#" + ids[i],
		}})
	}
	return views
}

// markerSlots places the markers of moved blocks' old places. Slot 0 is
// the top of the page, slot i+1 follows step i; each holds the indices of
// moved steps, in the old draft's order. A moved step's marker follows the
// step that holds the old block just before it (Old[0]-1), skipping blocks
// that moved themselves, so that the markers of a moved section stand
// together where the section stood. Linear in the number of blocks.
func markerSlots(r *diff.Result) [][]int {
	stepOf := make([]int, len(r.Old.Blocks))
	for j := range stepOf {
		stepOf[j] = -1
	}
	for i := range r.Steps {
		for _, j := range r.Steps[i].Old {
			stepOf[j] = i
		}
	}
	slots := make([][]int, len(r.Steps)+1)
	anchor := -1 // the step after which the next old block's marker goes
	for j, i := range stepOf {
		if i < 0 || r.Steps[i].Op != diff.Moved {
			if i >= 0 {
				anchor = i
			}
			continue
		}
		if r.Steps[i].Old[0] == j {
			slots[anchor+1] = append(slots[anchor+1], i)
		}
	}
	return slots
}

// stepView returns the element of one step.
func stepView(r *diff.Result, st *diff.Step, id string) blockView {
	b := mainBlock(r, st)
	v := blockView{
		Heading: headingLevel(b),
		ID:      id,
		Class:   classOf(r, st, b),
		Label:   b.Label,
		Note:    stepNote(r, st),
		Body:    redline(st.Spans, bodyStyle(r, st)),
	}
	v.Was = wasLabel(r, st)
	if st.Op == diff.Moved {
		v.Href = "#o-" + strconv.Itoa(st.Old[0])
	}
	return v
}

// wasLabel returns the old label to show as "(was …)" beside a renumbered
// block's label, or "". A moved block's note names its old label already.
func wasLabel(r *diff.Result, st *diff.Step) string {
	if !r.Renumbered(st) {
		return ""
	}
	old := r.OldLabel(st)
	switch {
	case old == "":
		return "unnumbered"
	case st.Op == diff.Moved:
		return ""
	}
	return old
}

// mainBlock returns the block that gives a step its kind, level and
// label: its first new block, or the old one if deleted.
func mainBlock(r *diff.Result, st *diff.Step) doc.Block {
	if len(st.New) == 0 {
		return r.Old.Blocks[st.Old[0]]
	}
	return r.New.Blocks[st.New[0]]
}

// headingLevel returns the HTML heading level of a block: 2 … 6 for a
// heading by its level (the page title is h1), 0 for any other block.
func headingLevel(b doc.Block) int {
	if b.Kind != doc.Heading {
		return 0
	}
	return min(max(b.Level+1, 2), 6)
}

var kindClasses = [...]string{
	doc.Paragraph: "para", doc.Heading: "heading", doc.ListItem: "item",
	doc.Quote: "quote", doc.TableRow: "row",
}

// classOf returns a block's classes: "block", its op, "renumbered" if so,
// its kind and, when nested, its level ("lvl-1" …).
func classOf(r *diff.Result, st *diff.Step, b doc.Block) string {
	c := "block " + st.Op.String()
	if r.Renumbered(st) {
		c += " renumbered"
	}
	if int(b.Kind) < len(kindClasses) {
		c += " " + kindClasses[b.Kind]
	}
	if b.Kind != doc.Heading && b.Level > 0 {
		c += " lvl-" + strconv.Itoa(min(b.Level, 6))
	}
	return c
}

// style says how redline marks up a step's spans.
type style struct {
	moved  bool     // wrap unchanged text as moved text
	pieces bool     // diff.Sep separates the blocks of a split or merge
	labels []string // labels of the new blocks after the first
}

// bodyStyle returns the style of a step's spans.
func bodyStyle(r *diff.Result, st *diff.Step) style {
	s := style{moved: st.Op == diff.Moved}
	if st.Op == diff.Split || st.Op == diff.Merged {
		s.pieces = true
		for _, j := range st.New[1:] {
			s.labels = append(s.labels, r.New.Blocks[j].Label)
		}
	}
	return s
}

// redline returns the markup of a step's spans (after displaySpans):
// deletions in <del>, insertions in <ins>, each with a hidden prefix for
// screen readers, moved text in <span class="mv">. In a split or merge,
// diff.Sep in unchanged or inserted text starts a new visual paragraph
// with the next new block's label, and a deleted diff.Sep shows as a
// struck pilcrow (CSS content, not text).
//
// It is the one function that turns input text into trusted markup, and
// it escapes every piece of input text itself.
func redline(spans []diff.Span, s style) template.HTML {
	w := markupWriter{style: s}
	for _, sp := range displaySpans(spans) {
		w.span(sp)
	}
	return template.HTML(w.b.String())
}

// markupWriter is redline's state.
type markupWriter struct {
	b     strings.Builder
	style style
	piece int // index of the current new block in a split
}

// span writes one span, breaking it into pieces at diff.Sep if needed.
func (w *markupWriter) span(sp diff.Span) {
	text := sp.Text
	if w.style.pieces && sp.Op != diff.SpanDelete {
		for {
			i := strings.Index(text, diff.Sep)
			if i < 0 {
				break
			}
			w.run(sp.Op, text[:i+len(diff.Sep)])
			w.pieceBreak()
			text = text[i+len(diff.Sep):]
		}
	}
	w.run(sp.Op, text)
}

// run writes text of one op in its element.
func (w *markupWriter) run(op diff.SpanOp, text string) {
	if text == "" {
		return
	}
	open, close := w.tags(op)
	esc := template.HTMLEscapeString(text)
	if op == diff.SpanDelete && w.style.pieces {
		esc = strings.ReplaceAll(esc, diff.Sep, diff.Sep+`<span class="pb-del"></span>`)
	}
	w.b.WriteString(open)
	w.b.WriteString(esc)
	w.b.WriteString(close)
}

// tags returns the markup around text of one op.
func (w *markupWriter) tags(op diff.SpanOp) (open, close string) {
	switch {
	case op == diff.SpanDelete:
		return `<del><span class="sr-only">deleted: </span>`, `</del>`
	case op == diff.SpanInsert:
		return `<ins><span class="sr-only">inserted: </span>`, `</ins>`
	case w.style.moved:
		return `<span class="mv">`, `</span>`
	}
	return "", ""
}

// pieceBreak starts the next new block of a split: a visual paragraph
// break and the block's label.
func (w *markupWriter) pieceBreak() {
	w.b.WriteString(`<span class="pb"></span>`)
	if w.piece < len(w.style.labels) && w.style.labels[w.piece] != "" {
		w.b.WriteString(`<span class="label">` + template.HTMLEscapeString(w.style.labels[w.piece]) + `</span>`)
	}
	w.piece++
}
