package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/internal/par"
)

// departure is one row of the page's departures table: a change, by its
// number and paragraph, what happened to it, its words deleted and
// inserted, and its first words.
type departure struct {
	Href, Num  string // "#c3", "3"
	Place, Was string // "17.", "22." (the old label, when it changed)
	Kind       string // "changed", "moved, split", "renumbered", …
	Kinds      changeKinds
	Del, Ins   int
	Text       string // the first words (see excerptHead)
	Cut        bool   // an ellipsis after Text
	// Signal is the change's signals ("▼ weakened: shall → should"), in
	// a column of their own when SignalColumn is set (see HTMLAnalysis).
	Signal       string
	SignalColumn bool
}

// departuresOpenMax is the number of changes up to which the departures
// table is shown open: a longer one would bury the draft.
const departuresOpenMax = 100

// tableRowsMax is the number of rows up to which the departures table and
// the crosswalk are written as markup, read without JavaScript. A longer
// table (a page of tens of thousands of changes) is written as compact
// data, a third of the bytes, of which the script makes the rows the
// reader looks at: the markup of 30,000 rows was 15 of the 34 MB of the
// 10 MB pair's page, and seconds of its load.
const tableRowsMax = 1000

// departureTextRunes bounds the first words of a change in the table.
const departureTextRunes = 60

// changedSteps returns the indices of the changed steps, in reading
// order: one row of the departures table each.
func changedSteps(ids changeNums) []int {
	var changed []int
	for i, n := range ids {
		if n != 0 {
			changed = append(changed, i)
		}
	}
	return changed
}

// streamFormatted calls write with the markup of rows 0 to n-1 in order,
// made a chunk at a time (a page never holds a whole table of tens of
// thousands of rows, or all its blocks, at once): format writes
// row k's markup, on all cores, each worker a run of a chunk's rows into
// a buffer of its own, and write is given each row's bytes in order. Both
// making and escaping the rows, most of a page's work, are then shared by
// the cores, and the writer only copies bytes. format must be safe to
// call from several goroutines; write is called from this one only.
func streamFormatted(n int, format func(k int, w *bytes.Buffer), write func(k int, markup []byte)) {
	const (
		chunk = 512
		run   = 32 // rows a worker formats into one buffer
		runs  = chunk / run
	)
	type runBuf struct {
		bytes.Buffer
		ends [run]int // ends[k]: where the run's row k ends
	}
	var bufs [2][runs]runBuf
	fill := func(b *[runs]runBuf, c0 int) {
		rows := min(chunk, n-c0)
		par.For((rows+run-1)/run, func(r int) {
			rb := &b[r]
			rb.Reset()
			for k := range min(run, rows-r*run) {
				format(c0+r*run+k, &rb.Buffer)
				rb.ends[k] = rb.Len()
			}
		})
	}
	fill(&bufs[0], 0)
	for c0, cur := 0, 0; c0 < n; c0, cur = c0+chunk, 1-cur {
		done := make(chan struct{})
		if next := c0 + chunk; next < n {
			go func() {
				fill(&bufs[1-cur], next)
				close(done)
			}()
		} else {
			close(done)
		}
		for k := range min(chunk, n-c0) {
			rb := &bufs[cur][k/run]
			start := 0
			if k%run > 0 {
				start = rb.ends[k%run-1]
			}
			write(c0+k, rb.Bytes()[start:rb.ends[k%run]])
		}
		<-done
	}
}

// newDeparture returns the row of step i, whose id is id.
func newDeparture(r *diff.Result, i int, id string) departure {
	st := &r.Steps[i]
	b := mainBlock(r, st)
	d := departure{
		Href:  "#" + id,
		Num:   id[1:],
		Place: b.Label,
		Kind:  changeKind(r, st),
		Kinds: kindsOf(r, st),
	}
	d.Text, d.Cut = excerptHead(b.Text, departureTextRunes)
	if d.Place == "" {
		d.Place = b.Kind.String()
	}
	if r.Renumbered(st) {
		d.Was = r.OldLabel(st)
		if d.Was == "" {
			d.Was = "unnumbered"
		}
	}
	d.Ins, d.Del = st.Words()
	return d
}

// changeKind names what happened to a changed step, for the departures
// table: its op ("moved" added for a split or merge that moved),
// "numbering only" for a change of cross-references alone, "renumbered"
// for an equal block with a new label.
func changeKind(r *diff.Result, st *diff.Step) string {
	switch {
	case st.NumberingOnly():
		return "references renumbered"
	case st.Op == diff.Equal && st.Formatting && r.Renumbered(st):
		return "renumbered, formatting changed"
	case st.Op == diff.Equal && st.Formatting:
		return "formatting changed"
	case st.Op == diff.Equal:
		return "renumbered"
	case st.Op != diff.Moved && isMoved(st):
		return "moved, " + st.Op.String()
	}
	return st.Op.String()
}

// formattedNote returns the summary's line about paragraphs whose
// formatting changed (diff.Stats.Formatted), or "" when there are none.
func formattedNote(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 paragraph with formatting changed"
	}
	return strconv.Itoa(n) + " paragraphs with formatting changed"
}

// reformattedNote returns the summary's line about paragraphs that differ
// only in layout, or "" when there are none.
func reformattedNote(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 paragraph differs only in white space or Unicode form"
	}
	return strconv.Itoa(n) + " paragraphs differ only in white space or Unicode form"
}

// writeData writes n rows as a JSON array in a <script
// type="application/json"> element of the given id, each row's array made
// by row on all cores (see streamFormatted). encoding/json escapes <, >
// and &, so that no text can close the element, and U+2028 and U+2029.
// The element is data: no script runs from it.
func writeData(w *bufio.Writer, id string, n int, row func(k int, w *bytes.Buffer)) {
	w.WriteString(`<script type="application/json" id="` + id + `">[`)
	streamFormatted(n, func(k int, b *bytes.Buffer) {
		if k > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		row(k, b)
	}, func(_ int, markup []byte) { w.Write(markup) })
	w.WriteString("]</script>")
}

// jsonString appends s to b as a JSON string.
func jsonString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s) // a string always marshals
	b.Write(q)
}

// writeJSON writes the departure as the script reads it: [place, was,
// kind, kinds' tokens, words deleted, words inserted, first words], and
// its signals when the table has their column; its number is its place
// in the table.
func (d *departure) writeJSON(b *bytes.Buffer) {
	b.WriteByte('[')
	jsonString(b, d.Place)
	b.WriteByte(',')
	jsonString(b, d.Was)
	b.WriteByte(',')
	jsonString(b, d.Kind)
	b.WriteByte(',')
	jsonString(b, d.Kinds.tokens())
	b.WriteString("," + strconv.Itoa(d.Del) + "," + strconv.Itoa(d.Ins) + ",")
	jsonString(b, d.Text+ellipsis(d.Cut))
	if d.SignalColumn {
		b.WriteByte(',')
		jsonString(b, d.Signal)
	}
	b.WriteByte(']')
}

// writeJSON writes the crosswalk row as the script reads it: [old label,
// new label, the number of the change it links to or 0, first words].
func (r *crosswalkRow) writeJSON(b *bytes.Buffer) {
	b.WriteByte('[')
	jsonString(b, r.Old)
	b.WriteByte(',')
	jsonString(b, r.New)
	b.WriteByte(',')
	if n, ok := strings.CutPrefix(r.Href, "#c"); ok {
		b.WriteString(n)
	} else {
		b.WriteByte('0')
	}
	b.WriteByte(',')
	jsonString(b, r.Text+ellipsis(r.Cut))
	b.WriteByte(']')
}
