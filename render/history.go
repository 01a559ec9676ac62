package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/internal/visible"
	"github.com/redline-diff/redline/negotiation"
)

// HistoryHTML writes the history page of a series of drafts: their names,
// a table and a chart of the change volume of each revision and each
// section, the redline of each consecutive pair and of the first draft
// against the last (a menu of anchors, and with scripts on a choice
// between them), and the lineage of every block of the last draft. The
// page is self-contained; its one inline script is allowed by its hash in
// the Content-Security-Policy, and everything is readable without it.
func HistoryHTML(w io.Writer, h *diff.History) error {
	if err := checkHistory(h); err != nil {
		return err
	}
	p, err := newHistoryPage(h)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := seriesTemplates().ExecuteTemplate(bw, "history", p); err != nil {
		return err
	}
	return bw.Flush()
}

// historyPage is the data of history.tmpl.
type historyPage struct {
	CSS       template.CSS
	CSP       string
	Script    template.JS
	Kind      string
	Title     string
	Drafts    []jsonDraftEntry
	Revisions []revisionView
	Chart     chartView
	// Brackets is the bracket convergence curve, when the drafts have
	// bracket structure (negotiation.HasBracketStructure); nil otherwise.
	Brackets *bracketCurve
	Sections []sectionView
	Pairs    []pairView
	// Lineage gives the lineage of each block of the last draft as the
	// page is written, one at a time.
	Lineage iter.Seq[lineageView]
	// Earlier names the drafts before the last, latest first: the columns
	// of the lineage table.
	Earlier []string
}

// revisionView is a row of the table of revisions: its figures are the
// summary of the pair's compare page (see summary).
type revisionView struct {
	From, To   string
	Paragraphs []count
	Words      []count
	Volume     diff.Volume
}

// sectionView is a row of the table of sections: a heat-coloured cell per
// revision.
type sectionView struct {
	Name  string
	Gone  string // the draft that removed the section, or ""
	Cells []cellView
}

type cellView struct {
	Words, Paragraphs int
	Heat              int // 0 (nothing) to 4 (the most of the table)
}

// pairView is one redline: the compare page of the pair, whole (the same
// view, keys, departures table and figures as redline compare), shown in
// a frame.
type pairView struct {
	ID, From, To string
	Page         string // the page's HTML, escaped by the template into srcdoc
}

// newHistoryPage gathers the page's data; it compares the first draft
// with the last (diff.History.Compare) when there are more than two.
func newHistoryPage(h *diff.History) (*historyPage, error) {
	last := h.Last()
	p := &historyPage{
		CSS:    seriesStyle(),
		CSP:    "default-src 'none'; style-src 'unsafe-inline'; script-src " + historyScriptHash + " '" + scriptHash + "'; img-src data:; base-uri 'none'; form-action 'none'",
		Script: template.JS(historyScript),
		Kind:   "History",
		Title:  draftName(h, 0) + " → " + draftName(h, last),
		Drafts: jsonDrafts(h),
	}
	for k := range h.NumRevisions() {
		r := h.Revision(k)
		paras, words := summary(r.Stats(), len(r.MovedSections()))
		p.Revisions = append(p.Revisions, revisionView{draftName(h, k), draftName(h, k+1), paras, words, revisionVolume(r)})
	}
	p.Chart = newChart(p.Revisions)
	p.Brackets = newBracketCurve(h)
	p.Sections = sectionViews(h)
	pairs, err := pagePairs(h)
	if err != nil {
		return nil, err
	}
	for _, pr := range pairs {
		pv, err := newPairView(h, pr[0], pr[1])
		if err != nil {
			return nil, err
		}
		p.Pairs = append(p.Pairs, pv)
	}
	for k := last - 1; k >= 0; k-- {
		p.Earlier = append(p.Earlier, draftName(h, k))
	}
	p.Lineage = func(yield func(lineageView) bool) {
		for i := range h.Drafts[last].Blocks {
			if !yield(newLineageView(h, i, draftName)) {
				return
			}
		}
	}
	return p, nil
}

// historyPairs returns the pairs of drafts whose redlines the text and
// JSON histories give: each consecutive pair, then the first against the
// last; each as from, to, and 1 when it is the first-to-last pair.
func historyPairs(h *diff.History) ([][3]int, error) {
	var out [][3]int
	for k := range h.NumRevisions() {
		out = append(out, [3]int{k, k + 1, 0})
	}
	if h.Last() > 1 {
		if _, err := h.Compare(0, h.Last()); err != nil {
			return nil, err
		}
		out = append(out, [3]int{0, h.Last(), 1})
	}
	return out, nil
}

// allPairsMax is the number of drafts up to which the history page shows
// the redline of every pair of drafts (15 pairs of 6 drafts); a longer
// series shows each consecutive pair and each draft against the last.
const allPairsMax = 6

// pagePairs returns the pairs of drafts whose redlines the history page
// shows, as from and to: each consecutive pair, then every other pair
// (up to allPairsMax drafts; beyond, each draft against the last), the
// first against the last among them.
func pagePairs(h *diff.History) ([][2]int, error) {
	var out [][2]int
	for k := range h.NumRevisions() {
		out = append(out, [2]int{k, k + 1})
	}
	last := h.Last()
	for i := 0; i < last; i++ {
		for j := i + 2; j <= last; j++ {
			if len(h.Drafts) > allPairsMax && j != last {
				continue
			}
			if _, err := h.Compare(i, j); err != nil {
				return nil, err
			}
			out = append(out, [2]int{i, j})
		}
	}
	return out, nil
}

// pairID is the anchor of the redline of drafts i and j: "r1-2" (1-based
// draft numbers, as people count drafts).
func pairID(i, j int) string {
	return "r" + strconv.Itoa(i+1) + "-" + strconv.Itoa(j+1)
}

// newPairView renders the redline of drafts i and j: the compare page of
// the pair (HTML), to be shown in a frame of the history page, which
// keeps its anchors apart from the page's and its keys and views its own.
func newPairView(h *diff.History, i, j int) (pairView, error) {
	r, err := h.Compare(i, j)
	if err != nil {
		return pairView{}, err
	}
	var b strings.Builder
	if err := HTML(&b, r); err != nil {
		return pairView{}, err
	}
	return pairView{ID: pairID(i, j), From: draftName(h, i), To: draftName(h, j), Page: b.String()}, nil
}

// revisionVolume returns the change volume of a whole revision.
func revisionVolume(r *diff.Result) diff.Volume {
	s := r.Stats()
	v := diff.Volume{WordsInserted: s.WordsInserted, WordsDeleted: s.WordsDeleted}
	for i := range r.Steps {
		if st := &r.Steps[i]; st.Op != diff.Equal && !st.NumberingOnly() {
			v.Paragraphs++
		}
	}
	return v
}

// sectionName names a section of diff.History.Sections: its heading's
// label and words, "(before the first heading)" for the section without
// one.
func historySectionName(h *diff.History, s diff.SectionVolume) string {
	if s.Block < 0 {
		return "(before the first heading)"
	}
	return excerpt(labelled(h.Drafts[s.Draft].Blocks[s.Block]), htmlNameRunes)
}

// sectionViews returns the table of sections, cells heat-coloured by
// their share of the table's largest word count.
func sectionViews(h *diff.History) []sectionView {
	secs := h.Sections()
	most := 0
	for _, s := range secs {
		for _, v := range s.Revisions {
			most = max(most, v.Words())
		}
	}
	out := make([]sectionView, len(secs))
	for n, s := range secs {
		sv := sectionView{Name: historySectionName(h, s)}
		if s.Draft < h.Last() {
			sv.Gone = draftName(h, s.Draft+1)
		}
		for _, v := range s.Revisions {
			sv.Cells = append(sv.Cells, cellView{Words: v.Words(), Paragraphs: v.Paragraphs, Heat: heat(v.Words(), most)})
		}
		out[n] = sv
	}
	return out
}

// heat returns 0 for no words, else 1–4 by the share of most.
func heat(words, most int) int {
	if words == 0 || most == 0 {
		return 0
	}
	return 1 + min(3, 4*words/(most+1))
}

// chartView is the inline SVG chart: a bar per revision, words inserted
// and deleted side by side, scaled to the largest.
type chartView struct {
	Width, Height int
	Bars          []barView
	Axis          int // y of the base line
}

type barView struct {
	X, LabelX, W           int
	InsY, InsH, DelY, DelH int
	Ins, Del               int
	Label                  string
	InsLabelY, DelLabelY   int
}

const (
	chartBarWidth = 56
	chartGap      = 56
	chartTop      = 24
	chartBars     = 220 // height of the tallest bar
)

// newChart lays out the chart of the revisions' words inserted and deleted.
func newChart(revs []revisionView) chartView {
	most := 1
	for _, r := range revs {
		most = max(most, r.Volume.WordsInserted, r.Volume.WordsDeleted)
	}
	c := chartView{Axis: chartTop + chartBars}
	c.Height = c.Axis + 48
	x := chartGap / 2
	for _, r := range revs {
		b := barView{X: x, LabelX: x + chartBarWidth, W: chartBarWidth, Ins: r.Volume.WordsInserted, Del: r.Volume.WordsDeleted, Label: r.To}
		b.InsH = chartBars * b.Ins / most
		b.DelH = chartBars * b.Del / most
		b.InsY, b.DelY = c.Axis-b.InsH, c.Axis-b.DelH
		b.InsLabelY, b.DelLabelY = b.InsY-6, b.DelY-6
		c.Bars = append(c.Bars, b)
		x += 2*chartBarWidth + chartGap
	}
	c.Width = max(x, 320)
	return c
}

// lineageView is the lineage of a block of the last draft, for every
// format: "¶ 18 — Rev.2 ¶ 27 — Rev.1 ¶ 26 — zero draft ¶ 23".
type lineageView struct {
	Block int
	Ref   string        // the block in the last draft: "¶ 18"
	Path  []lineageItem // the earlier drafts' blocks, latest first
	Notes string        // "added in Rev.1", "moved in final; changed in Rev.2 and Rev.1"
	Text  string        // the block's first words
	// drafts is the number of drafts (see Cells).
	drafts int
}

type lineageItem struct {
	Draft, Ref string
	at         int // the draft's index
}

// Cells returns the lineage's block in each draft before the last, latest
// first ("" where the block was not yet), for the lineage table.
func (l lineageView) Cells() []string {
	cells := make([]string, max(l.drafts-1, 0))
	for _, it := range l.Path {
		if k := l.drafts - 2 - it.at; k >= 0 && k < len(cells) {
			cells[k] = it.Ref
		}
	}
	return cells
}

// String returns the lineage on one line.
func (l lineageView) String() string {
	var b strings.Builder
	b.WriteString(l.Ref)
	for _, it := range l.Path {
		b.WriteString(" — " + it.Draft + " " + it.Ref)
	}
	if l.Notes != "" {
		b.WriteString(" (" + l.Notes + ")")
	}
	return b.String()
}

func newLineageView(h *diff.History, i int, name func(*diff.History, int) string) lineageView {
	l := h.Lineage(i)
	last := h.Last()
	v := lineageView{Block: i, Ref: blockIn(h, last, i), Text: excerpt(h.Drafts[last].Blocks[i].Text, refExcerptRunes)}
	v.drafts = len(h.Drafts)
	for _, a := range l.Path[1:] {
		v.Path = append(v.Path, lineageItem{name(h, a.Draft), blockIn(h, a.Draft, a.Block), a.Draft})
	}
	v.Notes = lineageNotes(h, l, name)
	return v
}

// lineageNotes says what the revisions did to a lineage's blocks, latest
// first: "moved in final; changed in Rev.2 and Rev.1; added in Rev.1".
// Equal steps (a renumbering shows in the labels) are left out.
func lineageNotes(h *diff.History, l diff.Lineage, name func(*diff.History, int) string) string {
	var order []string
	byWhat := make(map[string][]string)
	for _, a := range l.Path {
		what := appearanceNote(a)
		if what == "" {
			continue
		}
		if byWhat[what] == nil {
			order = append(order, what)
		}
		byWhat[what] = append(byWhat[what], name(h, a.Draft))
	}
	var notes []string
	for _, what := range order {
		notes = append(notes, what+" in "+joinRefs(byWhat[what]))
	}
	if l.Added >= 0 {
		notes = append(notes, "added in "+name(h, l.Added))
	}
	return strings.Join(notes, "; ")
}

// appearanceNote names what a revision did to a block: "changed",
// "moved", "split from", "merged"; "" for equal or the first draft.
func appearanceNote(a diff.Appearance) string {
	switch {
	case a.Step < 0 || a.Op == diff.Inserted:
		return ""
	case a.Op == diff.Split && a.Moved:
		return "moved and split"
	case a.Op == diff.Merged && a.Moved:
		return "moved and merged"
	case a.Op == diff.Equal:
		return ""
	}
	return a.Op.String()
}

// HistoryText writes the history as text: the drafts, the change volume
// of each revision and each section, the lineage of every block of the
// last draft ("¶ 18 — Rev.2 ¶ 27 — …"), then the text redline (see Text)
// of each consecutive pair and of the first draft against the last.
func HistoryText(w io.Writer, h *diff.History) error {
	if err := checkHistory(h); err != nil {
		return err
	}
	pairs, err := historyPairs(h)
	if err != nil {
		return err
	}
	vw := visible.NewWriter(w)
	bw := bufio.NewWriterSize(vw, 64<<10)
	writeTextDrafts(bw, h)
	writeTextRevisions(bw, h)
	writeTextSections(bw, h)
	bw.WriteString("\nlineage of the blocks of " + textName(h, h.Last()) + "\n")
	// One block's lineage at a time: on 900,000 one-word paragraphs the
	// list of them all took the peak from 416 MB (as the JSON) to 592.
	for i := range h.Drafts[h.Last()].Blocks {
		bw.WriteString("  " + newLineageView(h, i, textName).String() + "\n")
	}
	for _, pr := range pairs {
		r, _ := h.Compare(pr[0], pr[1])
		fmt.Fprintf(bw, "\nredline %s → %s\n", textName(h, pr[0]), textName(h, pr[1]))
		if err := Text(bw, r); err != nil {
			return err
		}
	}
	return flushVisible(bw, vw)
}

func writeTextDrafts(w *bufio.Writer, h *diff.History) {
	fmt.Fprintf(w, "history of %d drafts\n", len(h.Drafts))
	for k, d := range jsonDrafts(h) {
		fmt.Fprintf(w, "  %d. %s (%s, %d blocks)\n", k+1, oneLine(d.Name), oneLine(d.Path), d.Blocks)
	}
}

func writeTextRevisions(w *bufio.Writer, h *diff.History) {
	w.WriteString("\nchanges per revision (paragraphs changed, words inserted, words deleted)\n")
	for k := range h.NumRevisions() {
		v := revisionVolume(h.Revision(k))
		fmt.Fprintf(w, "  %s → %s: %d ¶, +%d, -%d words\n", textName(h, k), textName(h, k+1), v.Paragraphs, v.WordsInserted, v.WordsDeleted)
	}
}

func writeTextSections(w *bufio.Writer, h *diff.History) {
	w.WriteString("\nwords changed per section and revision (inserted + deleted)\n")
	for _, s := range h.Sections() {
		var cells []string
		for k, v := range s.Revisions {
			cells = append(cells, fmt.Sprintf("%s %d", textName(h, k+1), v.Words()))
		}
		gone := ""
		if s.Draft < h.Last() {
			gone = " (removed in " + textName(h, s.Draft+1) + ")"
		}
		fmt.Fprintf(w, "  %s%s: %s\n", oneLine(historySectionName(h, s)), gone, strings.Join(cells, ", "))
	}
}

// HistoryJSON writes the history as JSON (see the package documentation
// for its shape). The redlines, the bulk of it, are streamed one at a
// time, each written by JSON straight into its place (indented by
// indentWriter): on three 8 MB drafts, building them all in memory and
// re-indenting them through encoding/json took 455 MB and 32 s.
func HistoryJSON(w io.Writer, h *diff.History) error {
	if err := checkHistory(h); err != nil {
		return err
	}
	pairs, err := historyPairs(h)
	if err != nil {
		return err
	}
	out := jsonHistory{Schema: 1, Drafts: jsonDrafts(h)}
	for k := range h.NumRevisions() {
		r := h.Revision(k)
		v := revisionVolume(r)
		out.Revisions = append(out.Revisions, jsonRevision{From: k, To: k + 1, Paragraphs: v.Paragraphs, Stats: newJSONResult(r).Stats})
	}
	out.Sections = jsonSections(h)
	out.Lineage, out.Redlines = []jsonLineage{}, []jsonRedline{}
	head, err := encodeJSON(out, "")
	if err != nil {
		return err
	}
	// head ends with the empty lineage and redlines: write all but those,
	// then each block's lineage and each redline, one at a time, as
	// encoding/json would indent them there.
	const tail = "[],\n  \"redlines\": []\n}\n"
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head[:len(head)-len(tail)])
	if n := len(h.Drafts[h.Last()].Blocks); n == 0 {
		bw.WriteString("null") // as encoding/json writes a nil slice
	} else {
		if err := writeJSONItems(bw, n, func(i int) any { return newJSONLineage(h, i) }); err != nil {
			return err
		}
	}
	bw.WriteString(",\n  \"redlines\": ")
	if len(pairs) == 0 {
		bw.WriteString("[]\n}\n")
		return bw.Flush()
	}
	bw.WriteString("[")
	for i, pr := range pairs {
		if i > 0 {
			bw.WriteString(",")
		}
		fmt.Fprintf(bw, "\n    {\n      \"from\": %d,\n      \"to\": %d,\n      \"redline\": ", pr[0], pr[1])
		r, _ := h.Compare(pr[0], pr[1])
		if err := JSON(&indentWriter{w: bw, prefix: "      "}, r); err != nil {
			return err
		}
		bw.WriteString("\n    }")
	}
	bw.WriteString("\n  ]\n}\n")
	return bw.Flush()
}

// indentWriter writes JSON nested in JSON: every line but the first
// indented by prefix, as encoding/json indents a json.RawMessage, and the
// final line break left out.
type indentWriter struct {
	w       io.Writer
	prefix  string
	newline bool // a line break is held, to be written before more text
}

func (iw *indentWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if iw.newline {
			if _, err := io.WriteString(iw.w, "\n"+iw.prefix); err != nil {
				return 0, err
			}
			iw.newline = false
		}
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			i = len(p)
		} else {
			iw.newline = true
		}
		if _, err := iw.w.Write(p[:i]); err != nil {
			return 0, err
		}
		p = p[min(i+1, len(p)):]
	}
	return n, nil
}

type jsonHistory struct {
	Schema    int              `json:"schema"`
	Drafts    []jsonDraftEntry `json:"drafts"`
	Revisions []jsonRevision   `json:"revisions"`
	Sections  []jsonSection    `json:"sections"`
	Lineage   []jsonLineage    `json:"lineage"`
	Redlines  []jsonRedline    `json:"redlines"`
}

type jsonRevision struct {
	From       int       `json:"from"`
	To         int       `json:"to"`
	Paragraphs int       `json:"paragraphs"`
	Stats      jsonStats `json:"stats"`
}

type jsonSection struct {
	Heading   string       `json:"heading"`
	Draft     int          `json:"draft"`
	Block     int          `json:"block"`
	Revisions []jsonVolume `json:"revisions"`
}

type jsonVolume struct {
	Paragraphs    int `json:"paragraphs"`
	WordsInserted int `json:"words_inserted"`
	WordsDeleted  int `json:"words_deleted"`
}

type jsonLineage struct {
	Block int    `json:"block"`
	Label string `json:"label,omitempty"`
	// Origin: "first" (in the first draft), "inserted", "split", "merged".
	Origin string          `json:"origin"`
	Added  *int            `json:"added,omitempty"`
	Path   []jsonAppearing `json:"path"`
}

type jsonAppearing struct {
	Draft int    `json:"draft"`
	Block int    `json:"block"`
	Label string `json:"label,omitempty"`
	Op    string `json:"op"`
	Moved bool   `json:"moved,omitempty"`
}

type jsonRedline struct {
	From   int             `json:"from"`
	To     int             `json:"to"`
	Result json.RawMessage `json:"redline"`
}

func jsonSections(h *diff.History) []jsonSection {
	var out []jsonSection
	for _, s := range h.Sections() {
		js := jsonSection{Draft: s.Draft, Block: s.Block}
		if s.Block >= 0 {
			js.Heading = labelled(h.Drafts[s.Draft].Blocks[s.Block])
		}
		for _, v := range s.Revisions {
			js.Revisions = append(js.Revisions, jsonVolume{v.Paragraphs, v.WordsInserted, v.WordsDeleted})
		}
		out = append(out, js)
	}
	return out
}

func newJSONLineage(h *diff.History, i int) jsonLineage {
	l := h.Lineage(i)
	last := h.Last()
	out := jsonLineage{Block: i, Label: h.Drafts[last].Blocks[i].Label, Origin: "first"}
	if l.Added >= 0 {
		out.Added = &l.Added
	}
	for _, a := range l.Path {
		out.Path = append(out.Path, jsonAppearing{a.Draft, a.Block, h.Drafts[a.Draft].Blocks[a.Block].Label, a.Op.String(), a.Moved})
	}
	switch th := h.Thread(h.Identity(last, i)); {
	case th.Origin == diff.Split || th.Origin == diff.Merged:
		out.Origin = th.Origin.String()
	case l.Added >= 0:
		out.Origin = "inserted"
	}
	return out
}

// writeJSONItems writes a list of n items, item i being item(i), as
// encoding/json indents a list that is a member of the top-level object:
// "[", each item on lines of its own four spaces in, "\n  ]". It encodes
// one item at a time, so that a long list is never held whole.
func writeJSONItems(bw *bufio.Writer, n int, item func(i int) any) error {
	bw.WriteString("[")
	for i := range n {
		js, err := encodeJSON(item(i), "    ")
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(js[:len(js)-1]) // without the encoder's line break
	}
	bw.WriteString("\n  ]")
	return nil
}

// bracketCurve is the history page's chart of the bracketed passages left
// in each draft (negotiation.CountBrackets): the convergence curve that
// negotiators draw by hand.
type bracketCurve struct {
	Width, Height, Axis int
	Bars                []bracketBar
}

type bracketBar struct {
	Name             string
	Num              int // 1-based draft number, the bar's label (names may be long)
	N                int
	X, Y, W, H, NumY int
}

// newBracketCurve returns the curve of h's drafts, or nil when no draft
// has bracket structure of the negotiation kind.
func newBracketCurve(h *diff.History) *bracketCurve {
	if !negotiation.HasBracketStructure(h.Drafts...) {
		return nil
	}
	const barW, gap, tall, top = 56, 28, 160, 24
	c := &bracketCurve{Axis: top + tall, Height: top + tall + 28}
	most := 1
	counts := make([]int, len(h.Drafts))
	for k, d := range h.Drafts {
		counts[k] = negotiation.CountBrackets(d)
		most = max(most, counts[k])
	}
	for k, n := range counts {
		hgt := n * tall / most
		x := gap/2 + k*(barW+gap)
		c.Bars = append(c.Bars, bracketBar{Name: draftName(h, k), Num: k + 1, N: n, X: x, W: barW, H: hgt, Y: c.Axis - hgt, NumY: c.Axis - hgt - 6})
	}
	c.Width = len(counts) * (barW + gap)
	return c
}
