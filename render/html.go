package render

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/negotiation"
)

//go:embed page.tmpl
var pageSource string

//go:embed page.css
var pageCSS string

//go:embed page.js
var pageJS string

// pageTemplate is parsed on first use: a run that writes no page does not
// pay for it at start.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{"slot": slot}).Parse(pageSource))
})

// scriptHash is the page script's hash for the Content-Security-Policy,
// which allows that one inline script and no other.
var scriptHash = cspHash(pageJS)

// cspHash returns the CSP source expression of an inline script or style:
// 'sha256-…' without the quotes.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// HTML writes a self-contained HTML redline page of r: a header naming
// both drafts with a summary of the changes, then the new draft in reading
// order with deletions struck, insertions underlined and moves linked to
// their old places. See the package documentation for the page's anchors.
func HTML(w io.Writer, r *diff.Result) error {
	return writePage(w, r, nil)
}

// writePage writes the page of r, with what package negotiation decided
// about it when a is not nil (see HTMLAnalysis).
func writePage(w io.Writer, r *diff.Result, a *negotiation.Analysis) error {
	if err := check(r); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	p := newPage(r)
	p.setAnalysis(r, a)
	// The template lays out the page around three slots, which the lists
	// of thousands of rows and blocks fill straight into the writer: a
	// template action per row would cost more than the rest of the page.
	var frame bytes.Buffer
	if err := pageTemplate().Execute(&frame, p); err != nil {
		return err
	}
	rest := frame.Bytes()
	for {
		i := bytes.IndexByte(rest, slotMark)
		if i < 0 {
			break
		}
		j := bytes.IndexByte(rest[i+1:], slotMark)
		if j < 0 {
			return fmt.Errorf("render: unterminated slot in the page template")
		}
		bw.Write(rest[:i])
		switch name := string(rest[i+1 : i+1+j]); name {
		case "departures":
			if p.DeparturesData {
				break
			}
			streamFormatted(len(p.changed), func(k int, w *bytes.Buffer) {
				d := newDeparture(r, p.changed[k], p.ids.id(p.changed[k]))
				p.signalDeparture(&d, p.changed[k])
				w.WriteByte('\n')
				d.write(w)
			}, func(_ int, markup []byte) { bw.Write(markup) })
		case "departures-data":
			writeData(bw, "departures-data", len(p.changed), func(k int, w *bytes.Buffer) {
				d := newDeparture(r, p.changed[k], p.ids.id(p.changed[k]))
				p.signalDeparture(&d, p.changed[k])
				d.writeJSON(w)
			})
		case "crosswalk-data":
			writeData(bw, "crosswalk-data", p.Crosswalk.Labels, func(k int, w *bytes.Buffer) {
				row := p.Crosswalk.row(k)
				row.writeJSON(w)
			})
		case "crosswalk":
			if p.Crosswalk.Data {
				break
			}
			streamFormatted(p.Crosswalk.Labels, func(k int, w *bytes.Buffer) {
				row := p.Crosswalk.row(k)
				w.WriteByte('\n')
				row.write(w)
			}, func(_ int, markup []byte) { bw.Write(markup) })
		case "blocks":
			p.blocks.write(bw)
		default:
			return fmt.Errorf("render: unknown slot %q in the page template", name)
		}
		rest = rest[i+1+j+1:]
	}
	bw.Write(rest)
	return bw.Flush()
}

// slotMark opens and closes a slot's name in the executed page template.
// No text reaches the page unescaped, and escaping turns a NUL into
// U+FFFD, so the mark cannot come from a draft.
const slotMark = 0

// slot is the template function that marks a slot (see HTML).
func slot(name string) template.HTML {
	return template.HTML(string(rune(slotMark)) + name + string(rune(slotMark)))
}

// page is the data of page.tmpl.
type page struct {
	CSS         template.CSS
	Script      template.JS
	ScriptHash  string // for the Content-Security-Policy
	Old, New    draftInfo
	Differs     bool
	Paragraphs  []count
	Words       []count
	Reformatted string // "3 paragraphs differ only in white space …", or ""
	Formatted   string // "2 paragraphs with formatting changed", or ""
	FirstChange string // "#c1", or "" when no block changed
	Warnings    []string
	Changes     int         // changed steps, each a row of the departures table
	Stops       int         // changes that navigation stops at by default
	Filters     []kindCount // the kinds of change, to filter by
	changed     []int       // their indices
	ids         changeNums  // the steps' ids
	OpenTable   bool        // show the departures table open
	// DeparturesData is set when the departures table has more rows
	// than tableRowsMax: its rows are then compact data in the page, of
	// which the script makes rows as the reader opens and scrolls the
	// table, rather than markup (see writeData).
	DeparturesData bool
	Hidden         int            // blocks that "changes only" hides by default
	Crosswalk      *crosswalkView // nil when no label changed
	Outline        *outlineView   // nil when the drafts have too few headings
	// Brackets, SignalColumn and Signalled are what package negotiation
	// decided (see HTMLAnalysis): the brackets panel, a column of
	// signals in the departures table and the changes with a signal.
	Brackets     *bracketsView
	SignalColumn bool
	Signalled    int
	analysis     *negotiation.Analysis
	blocks       *viewBuilder // streams the page's blocks (see HTML)
}

// draftInfo names a draft in the header.
type draftInfo struct {
	Name   string
	Blocks int
}

// count is one figure of the summary: N What (Note), e.g. "8 moved (1
// section)".
type count struct {
	N    int
	What string
	Note string
}

// blockView is one element of the page's content: a step's block, or
// (when Marker is set) the marker at a moved block's or section's old
// place, or (when Banner is set) the banner above a moved section.
type blockView struct {
	Heading int // 2 … 6 for a heading shown as h2 … h6, 0 for p
	// Pre is set for a block that keeps its line layout (code, a table
	// of contents, front matter), shown as a div whose text is in a
	// <pre>.
	Pre bool
	ID  string // "c1", "c2", … on changed blocks
	// Anchor is the id of a heading that is no change (headingAnchor),
	// which the outline links to.
	Anchor string
	Kinds  changeKinds // on changed blocks, their kinds (data-k)
	Class  string
	Label  string // the label as written
	Was    string // the old label, when it changed
	// Renumbered is set when the old label differs from Label; OldLabel
	// is the old label then (maybe ""), for the side-by-side view.
	Renumbered bool
	OldLabel   string
	Note       string        // "moved from ¶ 12", "split into ¶ 14 and ¶ 15", …
	Signals    []signalBadge // the change's signals (see HTMLAnalysis)
	Href       string        // where Note links to
	Body       template.HTML // from redline (see blockhtml.go for the other builders)
	// body, if set, is written in place of Body: the redline is written
	// straight into the page rather than made a string first (11 MB of
	// strings on a pair of 10 MB drafts).
	body   redlineBody
	Marker *markerView
	Banner *bannerView
}

// markerView is the marker at an old place: "¶ 12 moved to ¶ 14", or for a
// moved section `Section “D. Rules …” (¶ 22–28) moved before “D.
// International law” — see above`. Prefix is shown plain, From double
// struck, then Verb, then To linking to Href.
type markerView struct {
	ID, Class string
	Prefix    string
	From      string
	Verb      string
	To, Href  string
	IDs       []string // more anchors: the old places of a section's other blocks
}

// bannerView is the banner above a moved section at its new place: Name
// and Where ("moved before …"), then Link to the old place at Href.
type bannerView struct {
	ID, Name, Where, Href, Link string
}

// crosswalkView is the numbering crosswalk: old and new label of every
// paired block that has one, Renumbered counting the rows that differ.
type crosswalkView struct {
	Renumbered int
	Labels     int  // rows
	Data       bool // rows as data (see page.DeparturesData)
	row        func(k int) crosswalkRow
}

// crosswalkRow is a row of the crosswalk; Href links to the new block's
// step when it has an id.
type crosswalkRow struct {
	Old, New, Href, Text string
	Changed              bool
	Cut                  bool // an ellipsis after Text (see excerptHead)
}

// newPage gathers the data of r's page.
func newPage(r *diff.Result) *page {
	p := &page{
		CSS:        template.CSS(pageCSS),
		Script:     template.JS(pageJS),
		ScriptHash: scriptHash,
		Old:        draftInfo{r.Old.Name, len(r.Old.Blocks)},
		New:        draftInfo{r.New.Name, len(r.New.Blocks)},
		Differs:    r.Differs(false),
		Warnings:   warnings(r),
	}
	// The summary, the crosswalk and the moved sections each read the
	// whole result, independently: they are made at once.
	var stats diff.Stats
	ids := newChangeNums(r)
	var wg sync.WaitGroup
	wg.Go(func() { stats = r.Stats() })
	wg.Go(func() { p.Crosswalk = crosswalk(r, ids) })
	sections := r.MovedSections()
	p.blocks = newViewBuilder(r, ids, sections)
	p.ids, p.changed = ids, changedSteps(ids)
	p.Outline = newOutline(r, ids)
	wg.Wait()
	p.Paragraphs, p.Words = summary(stats, len(sections))
	p.Reformatted = reformattedNote(stats.Reformatted)
	p.Formatted = formattedNote(stats.Formatted)
	p.Changes = len(p.changed)
	p.Filters, p.Stops = kindCounts(r, p.changed)
	p.OpenTable = p.Changes <= departuresOpenMax
	p.DeparturesData = p.Changes > tableRowsMax
	if p.Crosswalk != nil {
		p.Crosswalk.Data = p.Crosswalk.Labels > tableRowsMax
	}
	p.Hidden = hiddenByDefault(r, ids)
	if p.Changes > 0 {
		p.FirstChange = "#" + ids.id(p.changed[0])
	}
	return p
}

// summary returns the header's figures for paragraphs and words.
func summary(s diff.Stats, sections int) (paragraphs, words []count) {
	moved := count{N: s.Moved, What: "moved"}
	switch {
	case sections == 1:
		moved.Note = "1 section"
	case sections > 1:
		moved.Note = strconv.Itoa(sections) + " sections"
	}
	paragraphs = []count{
		{N: s.Changed, What: "changed"}, {N: s.Inserted, What: "inserted"}, {N: s.Deleted, What: "deleted"},
		moved, {N: s.Split, What: "split"}, {N: s.Merged, What: "merged"},
		{N: s.Renumbered, What: "renumbered"},
	}
	words = []count{{N: s.WordsInserted, What: "inserted"}, {N: s.WordsDeleted, What: "deleted"}}
	return paragraphs, words
}

// warnings returns the readers' warnings about both drafts, old first.
func warnings(r *diff.Result) []string {
	var out []string
	out = append(out, r.Old.Warnings...)
	return append(out, r.New.Warnings...)
}

// changeNums numbers the changed steps of a result in reading order: 1,
// 2, …; a step that is not a change has 0. A change's id on the page is
// "c" and its number (see id). Numbers rather than the ids themselves are
// kept, 4 bytes a step: a million steps made a million strings.
type changeNums []int32

// newChangeNums numbers the changed steps of r.
func newChangeNums(r *diff.Result) changeNums {
	nums := make(changeNums, len(r.Steps))
	n := int32(0)
	for i := range r.Steps {
		if changed(r, &r.Steps[i]) {
			n++
			nums[i] = n
		}
	}
	return nums
}

// id returns the id of step i on the page: "c1", "c2", … for a change,
// "" for any other step.
func (c changeNums) id(i int) string {
	if c[i] == 0 {
		return ""
	}
	return "c" + strconv.Itoa(int(c[i]))
}

// crosswalkTextRunes bounds the excerpt of a block in the crosswalk.
const crosswalkTextRunes = 60

// crosswalk returns the numbering crosswalk of r (diff.Result.Crosswalk),
// or nil when no label changed: a table of unchanged numbers says nothing.
// Each row shows the first words of the new block, or of the old one for
// the later blocks of a merge, which share their new block.
func crosswalk(r *diff.Result, ids changeNums) *crosswalkView {
	pairs := r.Crosswalk()
	stepOf := make([]int, len(r.New.Blocks))
	for i := range r.Steps {
		for _, j := range r.Steps[i].New.All() {
			stepOf[j] = i
		}
	}
	cw := &crosswalkView{}
	for _, p := range pairs {
		if p.Old != p.New {
			cw.Renumbered++
		}
	}
	if cw.Renumbered == 0 {
		return nil
	}
	// The rows, with their excerpts, are made as the page is written
	// (see streamFormatted).
	cw.Labels = len(pairs)
	cw.row = func(k int) crosswalkRow {
		p := pairs[k]
		text := r.New.Blocks[p.NewBlock].Text
		if k > 0 && pairs[k-1].NewBlock == p.NewBlock {
			text = r.Old.Blocks[p.OldBlock].Text // a later block of a merge
		}
		row := crosswalkRow{Old: p.Old, New: p.New, Changed: p.Old != p.New}
		row.Text, row.Cut = excerptHead(text, crosswalkTextRunes)
		if id := ids.id(stepOf[p.NewBlock]); id != "" {
			row.Href = "#" + id
		}
		return row
	}
	return cw
}

// newViewBuilder prepares the elements of the page's content.
func newViewBuilder(r *diff.Result, ids changeNums, sections []diff.MovedSection) *viewBuilder {
	return &viewBuilder{r: r, ids: ids, sections: sections, sectionOf: sectionOf(r, sections)}
}

// write writes the markup of the page's content, as each gives it, to w:
// the steps' blocks made and written as markup on all cores (see
// streamFormatted), banners and markers here, in order.
func (b *viewBuilder) write(w *bufio.Writer) {
	r := b.r
	// A big page's elements stand in parts of partSteps steps each (see
	// partsMin).
	parts := len(r.Steps) > partsMin
	if parts {
		w.WriteString(`<div class="part">`)
	}
	before, after := b.sequence(func(v *blockView) {
		w.WriteByte('\n')
		v.writeAny(w)
	})
	streamFormatted(len(r.Steps), func(i int, buf *bytes.Buffer) {
		v := stepViewUnwritten(r, &r.Steps[i], b.ids.id(i))
		if b.analysis != nil && v.ID != "" {
			v.Signals = signalBadges(b.analysis.SignalsAt(i))
			if len(v.Signals) > 0 {
				v.Kinds |= kindSignal
			}
		}
		buf.WriteByte('\n')
		v.writeAny(buf)
	}, func(i int, markup []byte) {
		if parts && i > 0 && i%partSteps == 0 {
			w.WriteString("</div>\n<div class=\"part\">")
		}
		before(i)
		w.Write(markup)
		after(i)
	})
	if parts {
		w.WriteString("</div>")
	}
}

// A page of more than partsMin steps has its elements in parts (<div
// class="part">) of the elements of partSteps steps each, and the style
// sheet skips the layout of a part off screen (content-visibility) rather
// than of each element: on the 10 MB pair's page (32,000 elements), a
// frame while scrolling took 180–400 ms with every element skipped on
// its own and 10–40 ms with 500 parts.
const (
	partsMin  = 2000
	partSteps = 64
)

// sequence readies a walk through the steps in order that emits, beside
// each step's block, the banner of a moved section ahead of the block
// that starts it (before) and the markers of moved blocks' old places
// after the block they follow (after); markers ahead of the first step
// are emitted at once.
func (b *viewBuilder) sequence(emit func(*blockView)) (before, after func(i int)) {
	b.emit = emit
	b.marked = make([]bool, len(b.sections))
	slots := markerSlots(b.r)
	b.markers(0, &slots)
	next := 0 // the next moved section
	before = func(i int) {
		if next < len(b.sections) && b.sections[next].Steps[0] == i {
			b.emit(&blockView{Banner: b.banner(next)})
			next++
		}
	}
	after = func(i int) { b.markers(i+1, &slots) }
	return before, after
}

// sectionOf returns, for each step, the index of the moved section that
// holds it if it is a moved step, or -1.
func sectionOf(r *diff.Result, sections []diff.MovedSection) []int32 {
	of := make([]int32, len(r.Steps))
	for i := range of {
		of[i] = -1
	}
	for s, sec := range sections {
		for i := sec.Steps[0]; i < sec.Steps[1]; i++ {
			if isMoved(&r.Steps[i]) {
				of[i] = int32(s)
			}
		}
	}
	return of
}

// viewBuilder is blockViews' state.
type viewBuilder struct {
	r         *diff.Result
	ids       changeNums
	sections  []diff.MovedSection
	sectionOf []int32
	marked    []bool // the section's old-place marker is written
	emit      func(*blockView)
	analysis  *negotiation.Analysis // or nil (see HTMLAnalysis)
}

// markers appends the old-place markers of the moved steps in slot
// slot, the head of slots, and takes them off: one per step, but one for
// a whole moved section, where its first block stood.
func (b *viewBuilder) markers(slot int, slots *[]markerSlot) {
	for len(*slots) > 0 && int((*slots)[0].slot) == slot {
		i := int((*slots)[0].step)
		*slots = (*slots)[1:]
		switch s := int(b.sectionOf[i]); {
		case s < 0:
			b.emit(&blockView{Marker: b.moveMarker(i)})
		case !b.marked[s]:
			b.marked[s] = true
			b.emit(&blockView{Marker: b.sectionMarker(s)})
		}
	}
}

// moveMarker returns the marker of moved step i: "¶ 22 moved to ¶ 17",
// "¶ 22 moved and split into ¶ 17 and ¶ 18", "¶ 31 and ¶ 32 moved and
// merged into ¶ 36".
func (b *viewBuilder) moveMarker(i int) *markerView {
	r, st := b.r, &b.r.Steps[i]
	m := &markerView{
		ID:    "o-" + strconv.Itoa(st.Old.First()),
		Class: "marker",
		From:  joinRefs(refs(r.Old, st.Old)),
		Verb:  "moved to",
		To:    joinRefs(refs(r.New, st.New)),
		Href:  "#" + b.ids.id(i),
	}
	switch st.Op {
	case diff.Split:
		m.Verb = "moved and split into"
	case diff.Merged:
		m.Verb = "moved and merged into"
	}
	return m
}

// sectionMarker returns the one marker at the old place of moved section
// s, named as it stood in the old draft, linking to its banner. It holds
// the anchors of its blocks' old places, which their notes link to.
func (b *viewBuilder) sectionMarker(s int) *markerView {
	r, sec := b.r, b.sections[s]
	m := &markerView{
		ID:     "o-" + strconv.Itoa(sec.Old[0]),
		Class:  "marker section-marker",
		Prefix: "Section ",
		From:   sectionName(r.Old, sec.Old[0], sec.Old[1], curlyQuote),
		Verb:   sectionWhere(r, sec, pageName) + " —",
		To:     "see below",
		Href:   "#s" + strconv.Itoa(s+1),
	}
	if sec.Up {
		m.To = "see above"
	}
	for i := sec.Steps[0]; i < sec.Steps[1]; i++ {
		if st := &r.Steps[i]; int(b.sectionOf[i]) == s && st.Old.First() != sec.Old[0] {
			m.IDs = append(m.IDs, "o-"+strconv.Itoa(st.Old.First()))
		}
	}
	return m
}

// banner returns the banner above moved section s, named as it stands in
// the new draft, linking to its old place.
func (b *viewBuilder) banner(s int) *bannerView {
	r, sec := b.r, b.sections[s]
	v := &bannerView{
		ID:    "s" + strconv.Itoa(s+1),
		Name:  "Section " + sectionName(r.New, sec.New[0], sec.New[1], curlyQuote),
		Where: sectionWhere(r, sec, pageName),
		Href:  "#o-" + strconv.Itoa(sec.Old[0]),
		Link:  "old place above",
	}
	if sec.Up {
		v.Link = "old place below"
	}
	return v
}

// curlyQuote quotes words for the page: “…”, cut to htmlNameRunes.
func curlyQuote(s string) string {
	return "“" + excerpt(s, htmlNameRunes) + "”"
}

// pageName names a block on the page: a heading by its quoted label and
// words, `“D. International law”`; any other block as blockRef does.
func pageName(b draft.Block) string {
	if b.Kind == draft.Heading {
		return curlyQuote(labelled(b))
	}
	return blockRef(b)
}

// markerSlots places the markers of moved blocks' old places. Slot 0 is
// the top of the page, slot i+1 follows step i; each holds moved steps
// (diff.Step.Moved: moves, and splits and merges that moved), in the old
// draft's order; the list is in order of slots. A moved step's marker
// follows the step that holds the old block just before it (its first
// old block's index minus one), skipping blocks that moved themselves, so
// that the markers of a moved section stand together where the section
// stood. Linear in the number of blocks.
func markerSlots(r *diff.Result) []markerSlot {
	stepOf := make([]int32, len(r.Old.Blocks))
	for j := range stepOf {
		stepOf[j] = -1
	}
	for i := range r.Steps {
		for _, j := range r.Steps[i].Old.All() {
			stepOf[j] = int32(i)
		}
	}
	// Only the moved steps are listed, by slot: a list of slots for every
	// step would be mostly empty.
	var slots []markerSlot
	anchor := -1 // the step after which the next old block's marker goes
	for j, i := range stepOf {
		if i < 0 || !isMoved(&r.Steps[i]) {
			if i >= 0 {
				anchor = int(i)
			}
			continue
		}
		if r.Steps[i].Old.First() == j {
			slots = append(slots, markerSlot{slot: int32(anchor + 1), step: i})
		}
	}
	slices.SortStableFunc(slots, func(a, b markerSlot) int { return cmp.Compare(a.slot, b.slot) })
	return slots
}

// markerSlot places the old-place marker of a moved step in a slot (see
// markerSlots).
type markerSlot struct {
	slot, step int32
}

// stepViewUnwritten returns the element of one step, its body not yet
// written as markup: a page writes it straight into the page (see
// blockView.body).
func stepViewUnwritten(r *diff.Result, st *diff.Step, id string) blockView {
	b := mainBlock(r, st)
	v := blockView{
		Heading: headingLevel(b),
		ID:      id,
		Class:   classOf(r, st, b),
		Label:   b.Label,
		Note:    stepNote(r, st),
		body:    redlineBody{st.Spans, bodyStyle(r, st), true},
	}
	if id != "" {
		v.Kinds = kindsOf(r, st)
	} else if v.Heading > 0 && st.New.Len() > 0 {
		v.Anchor = headingAnchor(st.New.First())
	}
	v.Pre = v.body.style.lines
	v.Was = wasLabel(r, st)
	if r.Renumbered(st) {
		v.Renumbered, v.OldLabel = true, r.OldLabel(st)
	}
	if isMoved(st) {
		v.Href = "#o-" + strconv.Itoa(st.Old.First())
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
	case isMoved(st):
		return ""
	}
	return old
}

// mainBlock returns the block that gives a step its kind, level and
// label: its first new block, or the old one if deleted.
func mainBlock(r *diff.Result, st *diff.Step) draft.Block {
	if st.New.Len() == 0 {
		return r.Old.Blocks[st.Old.First()]
	}
	return r.New.Blocks[st.New.First()]
}

// headingLevel returns the HTML heading level of a block: 2 … 6 for a
// heading by its level (the page title is h1), 0 for any other block.
func headingLevel(b draft.Block) int {
	if b.Kind != draft.Heading {
		return 0
	}
	return min(max(int(b.Level)+1, 2), 6)
}

var kindClasses = [...]string{
	draft.Paragraph: "para", draft.Heading: "heading", draft.ListItem: "item",
	draft.Quote: "quote", draft.TableRow: "row", draft.Code: "code", draft.Contents: "contents",
	draft.FrontMatter: "front-matter",
}

// classOf returns a block's classes: "block", its op, "moved" for a split
// or merge that moved, "renumbered" and "numbering-only" (a change of
// cross-references alone, diff.Step.NumberingOnly) if so, "formatting"
// when its formatting changed (diff.Step.Formatting), its kind, "bullet"
// for a list item without a label (the page draws its bullet: a class,
// not a :has() rule, which cost seconds of style on a big page) and, when
// nested, its level ("lvl-1" …).
func classOf(r *diff.Result, st *diff.Step, b draft.Block) string {
	moved, renumbered, numberingOnly := st.Op != diff.Moved && isMoved(st), r.Renumbered(st), st.NumberingOnly()
	bullet := b.Kind == draft.ListItem && b.Label == ""
	level := 0
	if b.Kind != draft.Heading && b.Level > 0 {
		level = min(int(b.Level), 6)
	}
	// The classes depend on these few values alone; each set of them is
	// joined once and kept, not once for each of a million blocks.
	key := classKey{st.Op, b.Kind, uint8(level), moved, renumbered, numberingOnly, st.Formatting, bullet}
	if c, ok := classCache.Load(key); ok {
		return c.(string)
	}
	c := "block " + st.Op.String()
	if moved {
		c += " moved"
	}
	if renumbered {
		c += " renumbered"
	}
	if numberingOnly {
		c += " numbering-only"
	}
	if st.Formatting {
		c += " formatting"
	}
	if int(b.Kind) < len(kindClasses) {
		c += " " + kindClasses[b.Kind]
	}
	if bullet {
		c += " bullet"
	}
	if level > 0 {
		c += " lvl-" + strconv.Itoa(level)
	}
	classCache.Store(key, c)
	return c
}

// classKey is what a block's classes depend on (see classOf).
type classKey struct {
	op                               diff.Op
	kind                             draft.Kind
	level                            uint8
	moved, renumbered, numberingOnly bool
	formatting                       bool
	bullet                           bool
}

// classCache maps a classKey to its classes.
var classCache sync.Map

// style says how redline marks up a step's spans.
type style struct {
	moved     bool     // wrap unchanged text as moved text
	pieces    bool     // a split or merge: diff.Span.Break parts its blocks
	labels    []string // labels of the new blocks after the first
	oldLabels []string // labels of the old blocks after the first
	// lines is set for a step compared line by line (diff.Result.LineByLine):
	// its spans are shown as they are, in <pre>, a layout-only change
	// being a change there.
	lines bool
	// marks holds the formatting over each span (diff.Result.SpanMarks),
	// or nil.
	marks [][]draft.Mark
}

// bodyStyle returns the style of a step's spans.
func bodyStyle(r *diff.Result, st *diff.Step) style {
	s := style{moved: isMoved(st), lines: r.LineByLine(st)}
	s.marks = withFormatChanges(r.SpanMarks(st), r.FormattingChanges(st), len(st.Spans))
	if st.Op == diff.Split || st.Op == diff.Merged {
		s.pieces = true
		for k, j := range st.New.All() {
			if k > 0 {
				s.labels = append(s.labels, r.New.Blocks[j].Label)
			}
		}
		for k, i := range st.Old.All() {
			if k > 0 {
				s.oldLabels = append(s.oldLabels, r.Old.Blocks[i].Label)
			}
		}
	}
	return s
}

// redline returns the markup of a step's spans (after displaySpans):
// deletions in <del>, insertions in <ins> (to which the style sheet gives
// a hidden "deleted: " or "inserted: " for screen readers: generated
// content, not an element for each of a big page's tens of thousands of
// marks), unchanged text of a moved block in <span class="mv">
// (plain on screen, double underlined in print). A cross-reference that
// follows the renumbering is <span class="ref-renumbered"> holding the new
// number in <ins class="ref"> and the old in <del class="ref">, quiet
// rather than marked as an edit (see ref). In a split or merge,
// a break between pieces (diff.Span.Break) kept or inserted starts a new visual paragraph
// with the next new block's label, and a deleted one shows as a
// struck pilcrow (CSS content, not text) and the struck label of the old
// block that began there.
//
// With the HTML methods of blockhtml.go (and writeMarked, which writes
// the text of a span with formatting) it is the only code that turns
// input text into trusted markup, and it escapes every piece of input text
// itself. A step compared line by line has its spans written as they are;
// spans with formatting (style.marks) have it written over them.
func redline(spans []diff.Span, s style) template.HTML {
	spans, s = forDisplay(spans, s)
	if len(spans) == 1 && wholeSpan(spans[0], s) {
		// One span (an unchanged paragraph, a deleted or inserted one)
		// needs no writer: its escaped text shares the draft's memory
		// when nothing in it is escaped.
		sp := spans[0]
		open, close := s.tags(sp.Op)
		if open == "" {
			return template.HTML(esc(sp.Text))
		}
		return template.HTML(open + esc(sp.Text) + close)
	}
	var b strings.Builder
	size := 0
	for _, sp := range spans {
		size += len(sp.Text) + 64 // the text, and room for its tags
	}
	b.Grow(size)
	writeSpans(&b, spans, s)
	return template.HTML(b.String())
}

// wholeSpan reports whether sp, a block's only span, is written whole in
// its op's tags: it is no renumbered reference and has no pieces to part.
func wholeSpan(sp diff.Span, s style) bool {
	return !sp.Renumbered && !sp.Break && s.marks == nil
}

// forDisplay returns a step's spans as shown (see displaySpans and
// invisibleAsEqual; those of a step compared line by line as they are),
// and the style with the spans' marks to match.
func forDisplay(spans []diff.Span, s style) ([]diff.Span, style) {
	switch {
	case s.lines:
		return spans, s
	case s.marks == nil:
		return invisibleAsEqual(displaySpans(spans)), s
	}
	spans, s.marks = displayMarked(spans, s.marks)
	return spans, s
}

// redlineBody is the body of a block to be written as redline writes it.
type redlineBody struct {
	spans []diff.Span
	style style
	set   bool
}

// writeRedline writes to b the markup that redline returns.
func writeRedline(b htmlWriter, spans []diff.Span, s style) {
	spans, s = forDisplay(spans, s)
	writeSpans(b, spans, s)
}

// writeSpans writes the markup of spans ready for display.
func writeSpans(b htmlWriter, spans []diff.Span, s style) {
	if len(spans) == 1 && wholeSpan(spans[0], s) {
		open, close := s.tags(spans[0].Op)
		writeAll(b, open, esc(spans[0].Text), close)
		return
	}
	w := markupWriter{b: b, style: s}
	for i := 0; i < len(spans); i++ {
		if s.marks != nil {
			w.marks, w.off = s.marks[i], 0
		}
		if renumberedRef(spans, i) {
			w.closeRun()
			w.ref(spans[i].Text, spans[i+1].Text)
			i++
			continue
		}
		w.span(spans[i])
		if s.lines && lastLineReplaced(spans, i) {
			w.closeRun()
			b.WriteString(`<br class="eol">`) // a break shown, not text
		}
	}
	w.closeRun()
}

// invisibleAsEqual returns spans with every insertion or deletion of
// invisible format characters alone (a direction mark, a zero-width
// space; nothing a reader sees, and nothing diff.Normalize keeps) shown
// as no change: an inserted one as unchanged text, a deleted one left
// out. An empty <ins> would mark nothing but confuse. Spans without such
// an edit (displaySpans has joined and dropped what appendSpan would)
// are returned as they are.
func invisibleAsEqual(spans []diff.Span) []diff.Span {
	if !slices.ContainsFunc(spans, invisibleEdit) {
		return spans
	}
	out := spans[:0:0]
	for _, sp := range spans {
		if invisibleEdit(sp) {
			if sp.Op == diff.SpanDelete {
				continue
			}
			sp.Op = diff.SpanEqual
		}
		out = appendSpan(out, sp)
	}
	return out
}

// invisibleEdit reports whether a span inserts or deletes invisible
// characters alone.
func invisibleEdit(sp diff.Span) bool {
	return sp.Op != diff.SpanEqual && !sp.Renumbered && invisible(sp.Text)
}

// invisible reports whether s is made of the invisible format characters
// that diff.Normalize drops (zero-width space, direction marks and the
// like) alone.
func invisible(s string) bool {
	for _, r := range s {
		if !diff.Ignorable(r) {
			return false
		}
	}
	return s != ""
}

// markupWriter is redline's state.
type markupWriter struct {
	b        htmlWriter
	style    style
	piece    int // index of the current new block in a split
	oldPiece int // index of the current old block in a merge
	// marks is the formatting over the span being written, off how much
	// of its text is written.
	marks []draft.Mark
	off   int
	// close is the closing tag of the element a run is written in, left
	// open for the next span of the same op (a break between pieces and
	// the text around it read as one deletion or insertion); "" when none
	// is open.
	close  string
	openOp diff.SpanOp
}

// text writes a piece of the span being written, escaped, with its
// formatting.
func (w *markupWriter) text(s string) {
	if w.marks == nil {
		w.b.WriteString(esc(s))
		return
	}
	writeMarked(w.b, s, w.marks, w.off)
	w.off += len(s)
}

// span writes one span. The break between two pieces of a split or merge
// (diff.Span.Break) ends a piece: on the new side (kept or inserted) a new
// visual paragraph with the next new block's label; deleted, a struck
// pilcrow and the struck label of the old block that began there.
func (w *markupWriter) span(sp diff.Span) {
	w.run(sp.Op, sp.Text)
	if !sp.Break || !w.style.pieces {
		return
	}
	switch {
	case sp.Op == diff.SpanDelete:
		w.b.WriteString(`<span class="pb-del"></span>`)
		if w.oldPiece < len(w.style.oldLabels) && w.style.oldLabels[w.oldPiece] != "" {
			w.b.WriteString(`<span class="label" dir="auto">` + esc(w.style.oldLabels[w.oldPiece]) + `</span>`)
		}
		w.oldPiece++
	case len(w.style.labels) > 0: // a split (labels holds one per new piece after the first)
		w.closeRun()
		w.pieceBreak()
	default: // a merge: an old piece ended at a kept paragraph break
		w.oldPiece++
	}
}

// run writes text of one op in its element, in the one left open if it
// is of that op.
func (w *markupWriter) run(op diff.SpanOp, text string) {
	if text == "" {
		return
	}
	if w.close == "" || w.openOp != op {
		w.closeRun()
		var open string
		open, w.close = w.tags(op)
		w.b.WriteString(open)
		w.openOp = op
	}
	w.text(text)
}

// closeRun closes the element left open by run, if any.
func (w *markupWriter) closeRun() {
	w.b.WriteString(w.close)
	w.close = ""
}

// tags returns the markup around text of one op.
func (w *markupWriter) tags(op diff.SpanOp) (open, close string) { return w.style.tags(op) }

// tags returns the markup around text of one op in this style.
func (s style) tags(op diff.SpanOp) (open, close string) {
	switch {
	case op == diff.SpanDelete:
		return `<del>`, `</del>`
	case op == diff.SpanInsert:
		return `<ins>`, `</ins>`
	case s.moved:
		return `<span class="mv">`, `</span>`
	}
	return "", ""
}

// ref writes a cross-reference that follows the renumbering: the new
// number, then the old one, which the style sheet shows small and grey as
// "(was 22)"; screen readers hear "reference renumbered, now: 17, was: 22".
func (w *markupWriter) ref(old, new string) {
	w.b.WriteString(`<span class="ref-renumbered" title="reference renumbered">`)
	w.b.WriteString(`<ins class="ref"><span class="sr-only" dir="ltr">reference renumbered, now: </span>`)
	w.b.WriteString(esc(new))
	w.b.WriteString(`</ins><del class="ref"><span class="sr-only" dir="ltr">, was: </span><span class="n">`)
	w.b.WriteString(esc(old))
	w.b.WriteString(`</span></del></span>`)
}

// pieceBreak starts the next new block of a split: a visual paragraph
// break and the block's label.
func (w *markupWriter) pieceBreak() {
	w.b.WriteString(`<span class="pb"></span>`)
	if w.piece < len(w.style.labels) && w.style.labels[w.piece] != "" {
		w.b.WriteString(`<span class="label" dir="auto">` + esc(w.style.labels[w.piece]) + `</span>`)
	}
	w.piece++
}

// hiddenByDefault counts the blocks that "changes only" hides with the
// filters as they first are: steps that are not a stop by default (no
// change, or a renumbering-only one), headings apart, which stay to show
// where the reader is.
func hiddenByDefault(r *diff.Result, ids changeNums) int {
	n := 0
	for i := range r.Steps {
		st := &r.Steps[i]
		if mainBlock(r, st).Kind == draft.Heading {
			continue
		}
		if ids[i] == 0 || !kindsOf(r, st).stop() {
			n++
		}
	}
	return n
}
