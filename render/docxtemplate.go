package render

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// This file writes the body of a Word redline of redline's own (the new
// draft not a Word document) from the paragraphs docxWriter recorded:
// labels that form regular sequences in both drafts as Word's automatic
// numbering (style List Number), table rows as tables (style Table Grid),
// notes as footnotes and endnotes.

// docxPara is one paragraph (or table row) of the redline as written,
// before it is written out.
type docxPara struct {
	kind  draft.Kind
	level int
	ppr   string // its properties, but numbering's and the mark's
	rpr   string // the properties of all its runs
	runs  string // its runs, but the label's
	// cells holds a table row's cells' runs (nil for a paragraph).
	cells []string
	mark  string // the tracked change of its mark: "", ins, del, moveFrom, moveTo
	// labels are the labels typed at its start, unless numbering shows
	// them.
	labels []docxLabelRun
	// oldLabel and newLabel are the labels of the blocks whose
	// paragraph mark this is, in each draft (a label typed at the start
	// of a split's first piece belongs to the last, whose mark stands in
	// the old draft).
	oldLabel, newLabel       string
	oldLabelled, newLabelled bool
	// numID is the numbering instance that shows its labels (0: none).
	numID int
	// refs are the note references at its end: XML of runs.
	refs []string
	// note is set for a note written as a footnote or endnote.
	note bool
}

// inOld and inNew report whether the paragraph stands in the old draft
// (its mark not inserted) and in the new (its mark not deleted).
func (p *docxPara) inOld() bool { return p.mark != "ins" && p.mark != "moveTo" }
func (p *docxPara) inNew() bool { return p.mark != "del" && p.mark != "moveFrom" }

// docxLabelRef is a label of one draft and the paragraph it belongs to.
type docxLabelRef struct {
	label string
	para  int // -1 until known
}

// docxLabelRun is a label typed at a paragraph's start: the old draft's,
// the new's, or both (the same), as a tracked change or none.
type docxLabelRun struct {
	old, new *docxLabelRef
	change   string
}

// tabular reports whether a step holds a table row.
func tabular(r *diff.Result, st *diff.Step) bool {
	for _, i := range st.Old.All() {
		if r.Old.Blocks[i].Kind == draft.TableRow {
			return true
		}
	}
	for _, j := range st.New.All() {
		if r.New.Blocks[j].Kind == draft.TableRow {
			return true
		}
	}
	return false
}

// docxCellSep separates a table row's cells in its block's text.
const docxCellSep = " | "

// rowInPlace writes a step of one table row paired in place with one, its
// words changed in their cells, and reports whether it could: not when the
// rows' cells differ (a cell separator inserted or deleted).
func (dw *docxWriter) rowInPlace(r *diff.Result, st *diff.Step) bool {
	if isMoved(st) || st.Old.Len() != 1 || st.New.Len() != 1 {
		return false
	}
	ob, nb := r.Old.Blocks[st.Old.First()], r.New.Blocks[st.New.First()]
	if ob.Kind != draft.TableRow || nb.Kind != draft.TableRow {
		return false
	}
	for _, sp := range st.Spans {
		if sp.Op != diff.SpanEqual && strings.Contains(sp.Text, docxCellSep) {
			return false
		}
	}
	dw.start(nb)
	marks := r.SpanMarks(st)
	for n, sp := range st.Spans {
		change := ""
		switch sp.Op {
		case diff.SpanDelete:
			change = "del"
		case diff.SpanInsert:
			change = "ins"
		}
		dw.cellText(sp.Text, change, marksAt(marks, n), 0, sp.Op == diff.SpanEqual)
	}
	dw.end("")
	return true
}

// rowCells writes a row's text wholly inserted or deleted, cell by cell.
func (dw *docxWriter) rowCells(text, change string, marks []draft.Mark) {
	dw.cellText(text, change, marks, 0, true)
}

// cellText writes text, off bytes into its span, into the row's cells: at
// each cell separator (if split is set) the next cell starts.
func (dw *docxWriter) cellText(text, change string, marks []draft.Mark, off int, split bool) {
	for split {
		i := strings.Index(text, docxCellSep)
		if i < 0 {
			break
		}
		dw.markedText(text[:i], change, marks, off)
		dw.cur.cells = append(dw.cur.cells, dw.runs.String())
		dw.runs.Reset()
		text = text[i+len(docxCellSep):]
		off += i + len(docxCellSep)
	}
	dw.markedText(text, change, marks, off)
}

// docxNumFormat is a form of label that Word's numbering can show: a
// number format between a prefix and a suffix.
type docxNumFormat struct {
	format, prefix, suffix string
}

// docxLabelForm parses label as numbering shows it: "12." decimal, "(a)"
// lowerLetter, "(iv)" lowerRoman, "A." upperLetter; each way it can be
// read, with its value.
var docxLabelForm = regexp.MustCompile(`^(\(?)([0-9]{1,4}|[a-z]{1,3}|[A-Z]{1,3})([.)])$`)

func docxNumForms(label string) (forms []docxNumFormat, values []int) {
	m := docxLabelForm.FindStringSubmatch(label)
	if m == nil || m[1] == "(" && m[3] != ")" {
		return nil, nil
	}
	num := m[2]
	try := func(format string, value int) {
		if value >= 1 && docxFormatNumber(value, format) == num {
			forms = append(forms, docxNumFormat{format, m[1], m[3]})
			values = append(values, value)
		}
	}
	switch c := num[0]; {
	case c >= '0' && c <= '9':
		if n, err := strconv.Atoi(num); err == nil && (num[0] != '0') {
			try("decimal", n)
		}
	case c >= 'a' && c <= 'z':
		try("lowerRoman", romanValue(strings.ToUpper(num)))
		try("lowerLetter", letterValue(num))
	default:
		try("upperRoman", romanValue(num))
		try("upperLetter", letterValue(num))
	}
	return forms, values
}

// docxFormatNumber writes n as Word's numbering format does (as the Word
// reader reads it back).
func docxFormatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if n < 1 || n > 780 {
			return ""
		}
		a := byte('a')
		if format == "upperLetter" {
			a = 'A'
		}
		return strings.Repeat(string(rune(a+byte((n-1)%26))), (n-1)/26+1)
	case "lowerRoman":
		return strings.ToLower(romanNumeral(n))
	case "upperRoman":
		return romanNumeral(n)
	}
	return strconv.Itoa(n)
}

// letterValue reads a label of repeated letters as Word writes numbers
// past z (aa, bb…): 0 if it is not one.
func letterValue(s string) int {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return 0
		}
	}
	c := s[0] | 0x20
	return int(c-'a') + 1 + 26*(len(s)-1)
}

// romanNumeral writes 1 ≤ n < 4000 in roman numerals, "" otherwise.
func romanNumeral(n int) string {
	if n < 1 || n >= 4000 {
		return ""
	}
	var sb strings.Builder
	for _, p := range [...]struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			sb.WriteString(p.s)
			n -= p.v
		}
	}
	return sb.String()
}

// romanValue reads upper-case roman numerals (those romanNumeral writes
// back the same), 0 if s is not one.
func romanValue(s string) int {
	v := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	n := 0
	for i := 0; i < len(s); i++ {
		d := v[s[i]]
		if d == 0 {
			return 0
		}
		if i+1 < len(s) && v[s[i+1]] > d {
			n -= d
		} else {
			n += d
		}
	}
	if romanNumeral(n) != s {
		return 0
	}
	return n
}

// docxList is a numbering instance: the level and form of its labels, its
// first number, and the next number it shows in each draft.
type docxList struct {
	level            int
	form             docxNumFormat
	start            int
	nextOld, nextNew int
}

// docxOpenLists is how many lists of one level and form a paragraph may
// follow on.
const docxOpenLists = 4

// planNumbering gives the paragraphs whose labels can be Word's automatic
// numbering a numbering instance: list items whose labels, in each draft
// where they stand, are regular sequences (1., 2., 3.; (a), (b)), an
// instance following on wherever it can, a new one starting where it
// cannot. A label that fits no sequence stays typed.
func (dw *docxWriter) planNumbering() []docxList {
	var lists []docxList
	// The lists open, by level and form's index in forms: the last few
	// (a moved passage numbered in one draft's list, the rest in
	// another's).
	open := map[[2]int][]int{}
	var forms []docxNumFormat
	formIndex := func(f docxNumFormat) int {
		for i, g := range forms {
			if g == f {
				return i
			}
		}
		forms = append(forms, f)
		return len(forms) - 1
	}
	for k := range dw.paras {
		p := &dw.paras[k]
		if p.kind != draft.ListItem || p.cells != nil || p.level < 0 || p.level > 8 {
			continue
		}
		inOld, inNew := p.inOld(), p.inNew()
		if k == len(dw.paras)-1 && !(inOld && inNew) {
			// LibreOffice keeps the last paragraph of a document,
			// emptied, where it takes it away: typed, its label goes.
			continue
		}
		// Every label of this paragraph must be one numbering shows, in
		// both drafts where it stands, and typed nowhere else.
		var oldForms, newForms []docxNumFormat
		var oldVals, newVals []int
		if inOld {
			if oldForms, oldVals = docxNumForms(p.oldLabel); oldForms == nil {
				continue
			}
		}
		if inNew {
			if newForms, newVals = docxNumForms(p.newLabel); newForms == nil {
				continue
			}
		}
		type choice struct {
			form       docxNumFormat
			vOld, vNew int
		}
		var choices []choice
		switch {
		case inOld && inNew:
			for i, f := range oldForms {
				for j, g := range newForms {
					if f == g {
						choices = append(choices, choice{f, oldVals[i], newVals[j]})
					}
				}
			}
		case inOld:
			for i, f := range oldForms {
				choices = append(choices, choice{f, oldVals[i], 0})
			}
		default:
			for j, g := range newForms {
				choices = append(choices, choice{g, 0, newVals[j]})
			}
		}
		done := false
		for _, c := range choices { // one that follows on
			key := [2]int{p.level, formIndex(c.form)}
			for _, li := range slices.Backward(open[key]) {
				l := &lists[li]
				if (!inOld || c.vOld == l.nextOld) && (!inNew || c.vNew == l.nextNew) {
					p.numID = li + 1
					if inOld {
						l.nextOld++
					}
					if inNew {
						l.nextNew++
					}
					done = true
					break
				}
			}
			if done {
				break
			}
		}
		for _, c := range choices { // one that starts a list
			if done {
				break
			}
			if inOld && inNew && c.vOld != c.vNew {
				continue
			}
			start := max(c.vOld, c.vNew)
			l := docxList{level: p.level, form: c.form, start: start, nextOld: start, nextNew: start}
			if inOld {
				l.nextOld++
			}
			if inNew {
				l.nextNew++
			}
			lists = append(lists, l)
			key := [2]int{p.level, formIndex(c.form)}
			if open[key] = append(open[key], len(lists)-1); len(open[key]) > docxOpenLists {
				open[key] = open[key][1:]
			}
			p.numID = len(lists)
			done = true
		}
	}
	return lists
}

// markTypedElsewhere finds the paragraphs a label typed in another
// paragraph belongs to (a split's first piece holds the label of the
// last): numbering shows a paragraph's labels, so those stay typed.
func (dw *docxWriter) markTypedElsewhere() {
	dw.typedElsewhere = make([]bool, len(dw.paras))
	for i := range dw.paras {
		for _, lr := range dw.paras[i].labels {
			for _, ref := range []*docxLabelRef{lr.old, lr.new} {
				if ref != nil && ref.para >= 0 && ref.para != i {
					dw.typedElsewhere[ref.para] = true
				}
			}
		}
	}
}

// docxNoteLabel is the label of a note as the readers give it.
var docxNoteLabel = regexp.MustCompile(`^(note|endnote) ([1-9][0-9]*)$`)

// planNotes marks the notes that can be Word's footnotes and endnotes and
// gives each a reference at the end of the paragraph before it: all or
// none, when every note follows a paragraph that stands in each draft where
// the note does, with only paragraphs of neither draft between, and the
// notes are numbered in each draft in the order of their references, as
// Word numbers them.
func (dw *docxWriter) planNotes() bool {
	type noteAt struct {
		para, owner int
		endnote     bool
	}
	var notes []noteAt
	var count [2][2]int // by draft (old, new) and kind (note, endnote): the last number
	for k := range dw.paras {
		p := &dw.paras[k]
		if p.kind != draft.Paragraph || p.level != 1 || p.cells != nil {
			continue
		}
		mo, mn := docxNoteLabel.FindStringSubmatch(p.oldLabel), docxNoteLabel.FindStringSubmatch(p.newLabel)
		if mo == nil && mn == nil {
			continue
		}
		// A note split, merged or half relabelled stays as it is written.
		if p.inOld() && mo == nil || p.inNew() && mn == nil || len(p.labels) != 1 && !(len(p.labels) == 2 && p.mark == "") ||
			mo != nil && mn != nil && mo[1] != mn[1] || dw.typedElsewhere[k] {
			return false
		}
		kind := mo
		if kind == nil {
			kind = mn
		}
		endnote := kind[1] == "endnote"
		e := 0
		if endnote {
			e = 1
		}
		for side, m := range [2][]string{mo, mn} {
			if m == nil {
				continue
			}
			count[side][e]++
			if m[2] != strconv.Itoa(count[side][e]) {
				return false
			}
		}
		owner := -1
		for i := k - 1; i >= 0; i-- {
			q := &dw.paras[i]
			if len(notes) > 0 && notes[len(notes)-1].para == i {
				owner = notes[len(notes)-1].owner // the note before, of the same paragraph
				break
			}
			if (!p.inOld() || q.inOld()) && (!p.inNew() || q.inNew()) {
				owner = i
				break
			}
			if q.inOld() && p.inOld() || q.inNew() && p.inNew() {
				return false
			}
		}
		if owner < 0 {
			return false
		}
		notes = append(notes, noteAt{k, owner, endnote})
	}
	for _, n := range notes {
		dw.paras[n.para].note = true
		dw.paras[n.para].numID = -1 // numbered by its reference
		dw.notesAt = append(dw.notesAt, docxNoteAt(n))
	}
	return len(notes) > 0
}

// docxNoteAt is a note written as a footnote or endnote: its paragraph,
// the paragraph that refers to it.
type docxNoteAt struct {
	para, owner int
	endnote     bool
}

// plan plans the numbering and notes of the paragraphs recorded.
func (dw *docxWriter) plan() {
	dw.markTypedElsewhere()
	dw.lists = dw.planNumbering()
	if !dw.planNotes() {
		dw.notesAt = nil
	}
	for _, n := range dw.notesAt {
		kind, change := 0, ""
		if n.endnote {
			kind = 1
		}
		id := len(dw.notes[kind]) + 1
		p := &dw.paras[n.para]
		switch p.mark {
		case "ins", "moveTo":
			change = "ins"
		case "del", "moveFrom":
			change = "del"
		}
		ref := `<w:r><w:rPr><w:rStyle w:val="` + [2]string{"FootnoteReference", "EndnoteReference"}[kind] + `"/></w:rPr><w:` +
			[2]string{"footnote", "endnote"}[kind] + `Reference w:id="` + strconv.Itoa(id) + `"/></w:r>`
		if change != "" {
			ref = dw.changeTag(change) + ref + "</w:" + change + ">"
		}
		dw.paras[n.owner].refs = append(dw.paras[n.owner].refs, ref)
		tag := [2]string{"footnote", "endnote"}[kind]
		text := [2]string{"FootnoteText", "EndnoteText"}[kind]
		dw.notes[kind] = append(dw.notes[kind], `<w:`+tag+` w:id="`+strconv.Itoa(id)+`"><w:p><w:pPr><w:pStyle w:val="`+text+`"/></w:pPr>`+
			`<w:r><w:rPr><w:rStyle w:val="`+[2]string{"FootnoteReference", "EndnoteReference"}[kind]+`"/></w:rPr><w:`+tag+`Ref/></w:r>`+
			`<w:r><w:t xml:space="preserve"> </w:t></w:r>`+p.runs+`</w:p></w:`+tag+`>`)
	}
}

// writeParas writes the paragraphs recorded and planned out.
func (dw *docxWriter) writeParas() {
	for k := 0; k < len(dw.paras); k++ {
		p := &dw.paras[k]
		switch {
		case p.note:
		case p.cells != nil:
			end := k
			for end < len(dw.paras) && dw.paras[end].cells != nil {
				end++
			}
			dw.table(dw.paras[k:end], end == len(dw.paras))
			k = end - 1
		default:
			dw.paragraph(p)
		}
	}
}

// labelRuns returns the runs of the labels typed at a paragraph's start
// that numbering does not show.
func (dw *docxWriter) labelRuns(p *docxPara) string {
	dw.runs.Reset()
	shown := func(ref *docxLabelRef) bool { return ref != nil && ref.para >= 0 && dw.paras[ref.para].numID != 0 }
	for _, lr := range p.labels {
		oldShown, newShown := shown(lr.old), shown(lr.new)
		switch {
		case lr.old != nil && lr.new != nil: // the same label in both
			switch {
			case oldShown && newShown:
			case oldShown:
				dw.runText(lr.new.label+"\t", "ins", p.rpr)
			case newShown:
				dw.runText(lr.old.label+"\t", "del", p.rpr)
			default:
				dw.runText(lr.new.label+"\t", lr.change, p.rpr)
			}
		case lr.old != nil && !oldShown:
			dw.runText(lr.old.label+"\t", lr.change, p.rpr)
		case lr.new != nil && !newShown:
			dw.runText(lr.new.label+"\t", lr.change, p.rpr)
		}
	}
	s := dw.runs.String()
	dw.runs.Reset()
	return s
}

// paragraph writes a paragraph out.
func (dw *docxWriter) paragraph(p *docxPara) {
	ppr := p.ppr
	if p.numID > 0 {
		ppr = `<w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="` + strconv.Itoa(p.level) + `"/><w:numId w:val="` + strconv.Itoa(p.numID) + `"/></w:numPr>`
	}
	dw.w.WriteString("<w:p>")
	if ppr != "" || p.mark != "" {
		dw.w.WriteString("<w:pPr>" + ppr)
		if p.mark != "" {
			dw.w.WriteString("<w:rPr>" + dw.changeTag(p.mark) + "</w:" + p.mark + "></w:rPr>")
		}
		dw.w.WriteString("</w:pPr>")
	}
	dw.w.WriteString(dw.labelRuns(p))
	dw.w.WriteString(p.runs)
	for _, ref := range p.refs {
		dw.w.WriteString(ref)
	}
	dw.w.WriteString("</w:p>")
}

// table writes rows out as one table; a table that ends the body is
// followed by an empty paragraph, as Word wants.
func (dw *docxWriter) table(rows []docxPara, last bool) {
	cols := 1
	for _, r := range rows {
		cols = max(cols, len(r.cells))
	}
	dw.w.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for range cols {
		dw.w.WriteString(`<w:gridCol w:w="` + strconv.Itoa(9026/cols) + `"/>`)
	}
	dw.w.WriteString(`</w:tblGrid>`)
	for i := range rows {
		r := &rows[i]
		dw.w.WriteString("<w:tr>")
		if r.mark != "" || len(r.cells) < cols {
			dw.w.WriteString("<w:trPr>")
			if len(r.cells) < cols {
				dw.w.WriteString(`<w:gridAfter w:val="` + strconv.Itoa(cols-len(r.cells)) + `"/>`)
			}
			if r.mark != "" {
				dw.w.WriteString(dw.changeTag(r.mark) + "</w:" + r.mark + ">")
			}
			dw.w.WriteString("</w:trPr>")
		}
		for c, runs := range r.cells {
			dw.w.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(9026/cols) + `" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>`)
			dw.w.WriteString(runs)
			if c == len(r.cells)-1 {
				for _, ref := range r.refs {
					dw.w.WriteString(ref)
				}
			}
			dw.w.WriteString("</w:p></w:tc>")
		}
		dw.w.WriteString("</w:tr>")
	}
	dw.w.WriteString("</w:tbl>")
	if last {
		dw.w.WriteString("<w:p/>")
	}
}
