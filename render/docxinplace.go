package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// This file writes a Word redline into the new draft itself, when it is a
// Word document: its package copied part by part, its styles, numbering,
// tables, notes, headers, footers, section properties and images as they
// are, the changes tracked in its own paragraphs and runs. Where the
// document holds what this writer does not handle (tracked changes of its
// own, a note or a row moved, a merge inside a hyperlink), errInPlace says so
// and DOCXWith writes a document of its own instead.

// errInPlace is why a redline cannot be written into the new draft.
var errInPlace = errors.New("not written into the new draft")

// wordMainNS is the namespace the w prefix must name.
const wordMainNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// The classes of a character of the new draft in the redline.
const (
	clsKeep   uint8 = iota // unchanged
	clsIns                 // inserted
	clsMoveTo              // moved here
)

// ipPart is a part of the package read as a tree.
type ipPart struct {
	name string
	root *xnode
}

// ipSeg is one paragraph's share of a block's text: its text T as the
// Word reader reads it, and where in T the block's text (from) starts.
type ipSeg struct {
	p          *xnode
	T          string
	tStart     int // the share starts at T[tStart:]
	blockStart int // and at the block's text offset blockStart
	n          int // bytes
}

// ipUnit is the paragraphs a block was read from.
type ipUnit struct {
	segs  []ipSeg
	label int // the offset in segs[0].T of a typed label, -1 if the label is not typed
	node  *xnode
}

// inPlace writes the redline into the new draft's package.
type inPlace struct {
	r       *diff.Result
	dw      *docxWriter // for ids and the author's attributes
	opt     DOCXOptions
	zr      *zip.Reader
	main    *ipPart
	notes   map[draft.SourceKind]*ipPart
	sources []draft.Source
	paras   []*xnode // the body's paragraphs, as the reader counts them
	rows    []*xnode // the rows of its outermost tables
	body    *xnode
	// pending are paragraphs and rows of the old draft alone, to stand
	// before the next paragraph or row of the new draft.
	pending []*xnode
	last    *xnode // the last paragraph or row of the new draft done
	// byKind is a paragraph of the new draft of each kind and level, and
	// whether its label is typed: the model of a paragraph of the old
	// draft alone.
	byKind map[[2]int]ipModel
	budget int64
	// numbered are the paragraphs of the old draft whose labels Word's
	// numbering shows, in order, for the numbering's starts (see
	// restartNumbering).
	numbered  []ipNumbered
	numbering *ipPart
	// cutLabels collects the numbered parts of a merged paragraph cut
	// (see cut), whose labels the caller knows; cutTyped says its labels
	// are typed.
	cutLabels *[]ipNumbered
	cutTyped  bool
}

// ipNumbered is a paragraph of the old draft numbered automatically: its
// old label, whether it stands in the new draft too.
type ipNumbered struct {
	p        *xnode
	numID    string
	ilvl     string
	oldLabel string
	inNew    bool
	cut      bool // the first part of a paragraph cut where a merge deleted a mark
}

// numPrOf returns the numbering instance and level of a paragraph's own
// numbering properties, or "".
func numPrOf(p *xnode) (numID, ilvl string) {
	ppr := p.child("w:pPr")
	if ppr == nil {
		return "", ""
	}
	np := ppr.child("w:numPr")
	if np == nil {
		return "", ""
	}
	if n := np.child("w:numId"); n != nil {
		numID = n.attr("w:val")
	}
	ilvl = "0"
	if l := np.child("w:ilvl"); l != nil {
		ilvl = l.attr("w:val")
	}
	return numID, ilvl
}

type ipModel struct {
	p     *xnode
	typed bool
}

// writeInPlace writes r into the package of its new draft, src, or
// returns errInPlace (wrapped) having written nothing.
func writeInPlace(w io.Writer, r *diff.Result, opt DOCXOptions) error {
	blocks, sources, err := draft.DocxSources(opt.Source)
	if err != nil {
		return errors.Join(errInPlace, err)
	}
	if len(blocks) != len(r.New.Blocks) {
		return errInPlace
	}
	for i := range blocks {
		b, c := &blocks[i], &r.New.Blocks[i]
		if b.Label != c.Label || b.Text != c.Text || b.Kind != c.Kind || b.Level != c.Level {
			return errInPlace // not the document the new draft was read from
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(opt.Source), int64(len(opt.Source)))
	if err != nil {
		return errors.Join(errInPlace, err)
	}
	ip := &inPlace{r: r, opt: opt, zr: zr, sources: sources, notes: map[draft.SourceKind]*ipPart{},
		dw: &docxWriter{who: changeAttrs(opt)}, byKind: map[[2]int]ipModel{},
		budget: int64(len(opt.Source))*64 + 64<<20}
	if err := ip.read(); err != nil {
		return errors.Join(errInPlace, err)
	}
	if err := ip.redline(); err != nil {
		return errors.Join(errInPlace, err)
	}
	var buf bytes.Buffer
	if err := ip.write(&buf); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// partNames are the parts read and changed.
const (
	ipMain      = "word/document.xml"
	ipFootnotes = "word/footnotes.xml"
	ipEndnotes  = "word/endnotes.xml"
	ipCore      = "docProps/core.xml"
	ipNumbering = "word/numbering.xml"
)

// read parses the parts the redline changes and finds the body's
// paragraphs and rows.
func (ip *inPlace) read() error {
	for _, f := range ip.zr.File {
		switch f.Name {
		case ipMain, ipFootnotes, ipEndnotes, ipNumbering:
		default:
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		lr := &io.LimitedReader{R: rc, N: ip.budget}
		root, err := parseTree(lr)
		rc.Close()
		if err != nil {
			return err
		}
		if lr.N <= 0 {
			return errors.New("a part expands too far")
		}
		ip.budget = lr.N
		part := &ipPart{name: f.Name, root: root}
		switch f.Name {
		case ipMain:
			ip.main = part
		case ipFootnotes:
			ip.notes[draft.SourceFootnote] = part
		case ipEndnotes:
			ip.notes[draft.SourceEndnote] = part
		case ipNumbering:
			ip.numbering = part
		}
	}
	if ip.main == nil {
		return errors.New("no word/document.xml")
	}
	var doc *xnode
	for _, k := range ip.main.root.kids {
		if k.name == "w:document" {
			doc = k
		}
	}
	if doc == nil || doc.attr("xmlns:w") != wordMainNS {
		return errors.New("the main part is not WordprocessingML with the prefix w")
	}
	for _, part := range ip.notes {
		for _, k := range part.root.kids {
			if k.name != "" && k.attr("xmlns:w") != wordMainNS {
				return errors.New("a notes part without the prefix w")
			}
		}
	}
	ip.body = doc.child("w:body")
	if ip.body == nil {
		return errors.New("no body")
	}
	// The ids of the changes follow every id the document has (of its
	// bookmarks, comments and the like), so that none is used twice.
	var maxID func(n *xnode)
	maxID = func(n *xnode) {
		if v := n.attr("w:id"); v != "" {
			if id, err := strconv.Atoi(v); err == nil && id > ip.dw.id && id < 1<<30 {
				ip.dw.id = id
			}
		}
		for _, k := range n.kids {
			maxID(k)
		}
	}
	maxID(ip.main.root)
	for _, part := range ip.notes {
		maxID(part.root)
	}
	ip.collect(ip.body)
	return nil
}

// collect finds the paragraphs and rows of n as the Word reader counts
// them.
func (ip *inPlace) collect(n *xnode) {
	for _, k := range n.kids {
		switch {
		case k.name == "":
		case k.name == "w:p":
			ip.paras = append(ip.paras, k)
		case k.name == "w:tbl":
			ip.collectRows(k)
		case k.name == "w:sectPr" || k.name == "w:background" || k.name == "w:altChunk":
		default:
			ip.collect(k)
		}
	}
}

// collectRows finds the rows of an outermost table (not of the tables in
// its cells).
func (ip *inPlace) collectRows(n *xnode) {
	for _, k := range n.kids {
		switch k.name {
		case "":
		case "w:tr":
			ip.rows = append(ip.rows, k)
		case "w:tbl", "w:tblPr", "w:tblGrid", "w:tc":
			// a row's cells and nested tables hold no rows of this table
		default:
			ip.collectRows(k)
		}
	}
}

// ipAtom is a piece of a paragraph's text in one element: a w:t's text or
// a tab, break or hyphen.
type ipAtom struct {
	el, run    *xnode
	start, end int
}

// ipText is a paragraph's text as the Word reader reads it, its atoms and
// its runs in order.
type ipText struct {
	T     string
	atoms []ipAtom
	runs  []*xnode
	// fields: open fields, true while in their code.
	fields  []bool
	inCodes int
	tracked bool
}

// skipped are the elements of a paragraph whose content is not its text.
var skipped = map[string]bool{"w:pPr": true, "w:rPr": true, "w:instrText": true, "w:delInstrText": true, "w:drawing": true,
	"w:pict": true, "w:object": true, "w:footnoteRef": true, "w:endnoteRef": true, "w:commentReference": true,
	"w:annotationRef": true, "w:fldData": true, "w:rt": true, "w:sym": true, "w:softHyphen": true,
	"w:lastRenderedPageBreak": true, "w:txbxContent": true, "w:footnoteReference": true, "w:endnoteReference": true, "w:delText": true}

// paraText reads a paragraph's text.
func paraText(p *xnode) *ipText {
	x := &ipText{}
	var sb strings.Builder
	x.walk(p, nil, &sb)
	x.T = sb.String()
	return x
}

func (x *ipText) walk(n, run *xnode, sb *strings.Builder) {
	for _, k := range n.kids {
		switch {
		case k.name == "":
			continue
		case !strings.HasPrefix(k.name, "w:"):
			continue
		case skipped[k.name]:
			continue
		}
		atom := func(s string) {
			if x.inCodes == 0 {
				start := sb.Len()
				sb.WriteString(s)
				x.atoms = append(x.atoms, ipAtom{k, run, start, sb.Len()})
			}
		}
		switch k.name {
		case "w:r":
			x.runs = append(x.runs, k)
			x.walk(k, k, sb)
		case "w:t":
			var t strings.Builder
			for _, c := range k.kids {
				if c.name == "" {
					t.WriteString(c.text)
				}
			}
			atom(t.String())
		case "w:tab", "w:ptab":
			atom("\t")
		case "w:br", "w:cr":
			atom("\n")
		case "w:noBreakHyphen":
			atom("\u2011")
		case "w:fldChar":
			switch k.attr("w:fldCharType") {
			case "begin":
				x.fields = append(x.fields, true)
				x.inCodes++
			case "separate":
				if len(x.fields) > 0 && x.fields[len(x.fields)-1] {
					x.fields[len(x.fields)-1] = false
					x.inCodes--
				}
			case "end":
				if len(x.fields) > 0 {
					if x.fields[len(x.fields)-1] {
						x.inCodes--
					}
					x.fields = x.fields[:len(x.fields)-1]
				}
			}
		case "w:ins", "w:del", "w:moveFrom", "w:moveTo":
			x.tracked = true
		default:
			x.walk(k, run, sb)
		}
	}
}

// unit finds the paragraphs block j of the new draft was read from, and
// where its text stands in them.
func (ip *inPlace) unit(j int) (*ipUnit, error) {
	b := &ip.r.New.Blocks[j]
	src := ip.sources[j]
	switch src.Kind {
	case draft.SourceParagraph:
		if src.Index >= len(ip.paras) {
			return nil, errors.New("a paragraph not found")
		}
		p := ip.paras[src.Index]
		x := paraText(p)
		trimmed := strings.TrimSpace(x.T)
		lead := len(x.T) - len(strings.TrimLeftFunc(x.T, unicode.IsSpace))
		start := lead + len(trimmed) - len(b.Text)
		if start < lead || x.T[start:start+len(b.Text)] != b.Text {
			return nil, errors.New("a paragraph's text not found")
		}
		u := &ipUnit{node: p, label: -1, segs: []ipSeg{{p: p, T: x.T, tStart: start, n: len(b.Text)}}}
		if b.Label != "" && strings.HasPrefix(x.T[lead:], b.Label) && start > lead {
			u.label = lead
		}
		return u, nil
	case draft.SourceRow:
		if src.Index >= len(ip.rows) {
			return nil, errors.New("a row not found")
		}
		tr := ip.rows[src.Index]
		u := &ipUnit{node: tr, label: -1}
		var text strings.Builder
		cells := 0
		for _, tc := range tr.kids {
			if tc.name != "w:tc" {
				continue
			}
			if cells > 0 {
				text.WriteString(docxCellSep)
			}
			cells++
			first := true
			for _, p := range tc.kids {
				switch p.name {
				case "w:tbl", "w:sdt", "w:customXml":
					return nil, errors.New("a cell holds a table or a control")
				case "w:p":
				default:
					continue
				}
				x := paraText(p)
				trimmed := strings.TrimSpace(x.T)
				if trimmed == "" {
					continue
				}
				if !first {
					text.WriteString(" ")
				}
				first = false
				lead := len(x.T) - len(strings.TrimLeftFunc(x.T, unicode.IsSpace))
				u.segs = append(u.segs, ipSeg{p: p, T: x.T, tStart: lead, blockStart: text.Len(), n: len(trimmed)})
				text.WriteString(trimmed)
			}
		}
		if text.String() != b.Text {
			return nil, errors.New("a row's text not found")
		}
		return u, nil
	default:
		part := ip.notes[src.Kind]
		if part == nil {
			return nil, errors.New("no notes part")
		}
		tag := "w:footnote"
		if src.Kind == draft.SourceEndnote {
			tag = "w:endnote"
		}
		var note *xnode
		for _, top := range part.root.kids {
			for _, k := range top.kids {
				if k.name == tag && k.attr("w:id") == src.ID && note == nil {
					note = k
				}
			}
		}
		if note == nil {
			return nil, errors.New("a note not found")
		}
		u := &ipUnit{node: note, label: -1}
		var text strings.Builder
		for _, p := range note.kids {
			if p.name != "w:p" {
				if p.name != "" && p.name != "w:bookmarkStart" && p.name != "w:bookmarkEnd" {
					return nil, errors.New("a note holds more than paragraphs")
				}
				continue
			}
			x := paraText(p)
			trimmed := strings.TrimSpace(x.T)
			if trimmed == "" {
				continue
			}
			if text.Len() > 0 {
				text.WriteString("\n")
			}
			lead := len(x.T) - len(strings.TrimLeftFunc(x.T, unicode.IsSpace))
			u.segs = append(u.segs, ipSeg{p: p, T: x.T, tStart: lead, blockStart: text.Len(), n: len(trimmed)})
			text.WriteString(trimmed)
		}
		if text.String() != b.Text {
			return nil, errors.New("a note's text not found")
		}
		return u, nil
	}
}

// ipEdit is what changes in one block of the new draft: the class of each
// byte of its text, the old words deleted before a byte (at its offset; at
// the text's length for the end), the class of its other content.
type ipEdit struct {
	cls  []uint8
	dels map[int][]ipDel
	base uint8
	// oldFmt, if set, holds for each byte whose formatting changed the
	// old draft's (styles, see markStyles), -1 elsewhere: tracked as a
	// change of run properties (w:rPrChange).
	oldFmt []int32
}

// ipDel is text of the old draft deleted, with its marks (offsets in it).
type ipDel struct {
	text  string
	marks []draft.Mark
	// cut is set for a deleted paragraph mark (a merge): the paragraph
	// is cut there, its first part's mark deleted; label is the old
	// label of the part after it.
	cut   bool
	label string
}

func newEdit(n int, base uint8) *ipEdit {
	e := &ipEdit{cls: make([]uint8, n), dels: map[int][]ipDel{}, base: base}
	if base != clsKeep {
		for i := range e.cls {
			e.cls[i] = base
		}
	}
	return e
}

// changed reports whether an edit changes anything.
func (e *ipEdit) changed() bool {
	if e.base != clsKeep || len(e.dels) > 0 {
		return true
	}
	for _, f := range e.oldFmt {
		if f >= 0 {
			return true
		}
	}
	for _, c := range e.cls {
		if c != clsKeep {
			return true
		}
	}
	return false
}

// redline tracks the changes of r in the document.
func (ip *inPlace) redline() error {
	r := ip.r
	slots := markerSlots(r)
	for i := range r.Steps {
		for len(slots) > 0 && int(slots[0].slot) == i {
			if err := ip.oldPlace(&r.Steps[slots[0].step], slots[0].step); err != nil {
				return err
			}
			slots = slots[1:]
		}
		if err := ip.step(&r.Steps[i], int32(i)); err != nil {
			return err
		}
	}
	for _, s := range slots {
		if err := ip.oldPlace(&r.Steps[s.step], s.step); err != nil {
			return err
		}
	}
	if err := ip.flushPending(nil); err != nil {
		return err
	}
	ip.lastInserted()
	return ip.restartNumbering()
}

// lastInserted keeps the number off the document's last paragraph when it
// is inserted and numbered: where its insertion is rejected, LibreOffice
// (the document must end with a paragraph) keeps it, empty. Its numbering
// is then an inserted property too.
func (ip *inPlace) lastInserted() {
	if len(ip.paras) == 0 {
		return
	}
	p := ip.paras[len(ip.paras)-1]
	if len(p.after) > 0 {
		return
	}
	ppr := p.child("w:pPr")
	if ppr == nil || ppr.child("w:numPr") == nil || ppr.child("w:pPrChange") != nil {
		return
	}
	rpr := ppr.child("w:rPr")
	if rpr == nil || rpr.child("w:ins") == nil {
		return
	}
	ip.trackUnnumbered(ppr)
}

// restartNumbering gives the old draft's numbering its own starts where
// they differ from the new draft's (an instance that starts at 26 in the
// new draft, where a paragraph was inserted before it, started at 25 in
// the old): a new instance of the same numbering starting where the old
// draft's did, which the old draft's paragraphs of the instance take, in
// a change of their properties (those of the old draft alone, directly).
func (ip *inPlace) restartNumbering() error {
	if ip.numbering == nil || len(ip.numbered) == 0 {
		return nil
	}
	var root *xnode
	for _, k := range ip.numbering.root.kids {
		if k.name == "w:numbering" {
			root = k
		}
	}
	if root == nil {
		return nil
	}
	nums := map[string]*xnode{}
	abstracts := map[string]*xnode{}
	maxAbstract := 0
	var lastAbstract *xnode
	for _, k := range root.kids {
		if k.name == "w:abstractNum" {
			abstracts[k.attr("w:abstractNumId")] = k
			if n, err := strconv.Atoi(k.attr("w:abstractNumId")); err == nil && n < 1<<30 {
				maxAbstract = max(maxAbstract, n)
			}
			lastAbstract = k
		}
	}
	maxID := 0
	var lastNum *xnode
	// sharers counts the instances of num's abstract numbering.
	sharers := func(num *xnode) int {
		a := num.child("w:abstractNumId")
		if a == nil {
			return 0
		}
		n := 0
		for _, k := range root.kids {
			if k.name == "w:num" {
				if b := k.child("w:abstractNumId"); b != nil && b.attr("w:val") == a.attr("w:val") {
					n++
				}
			}
		}
		return n
	}
	for _, k := range root.kids {
		if k.name == "w:num" {
			nums[k.attr("w:numId")] = k
			if n, err := strconv.Atoi(k.attr("w:numId")); err == nil {
				maxID = max(maxID, n)
			}
			lastNum = k
		}
	}
	// The first paragraph of the old draft of each instance and level,
	// and the new draft's start (the label of its first paragraph in
	// both drafts, or of the first in the new draft before it).
	type key struct{ numID, ilvl string }
	of := map[key][]int{} // the records of each instance and level
	var order []key
	for i, n := range ip.numbered {
		k := key{n.numID, n.ilvl}
		if _, ok := of[k]; !ok {
			order = append(order, k)
		}
		of[k] = append(of[k], i)
	}
	for _, k := range order {
		n := ip.numbered[of[k][0]]
		num := nums[k.numID]
		if num == nil {
			continue
		}
		_, oldVals := docxNumForms(n.oldLabel)
		if len(oldVals) == 0 {
			continue
		}
		start := oldVals[0]
		// The start the instance has for this level now.
		now := -1
		for _, ov := range num.kids {
			if ov.name == "w:lvlOverride" && ov.attr("w:ilvl") == k.ilvl {
				if so := ov.child("w:startOverride"); so != nil {
					now, _ = strconv.Atoi(so.attr("w:val"))
				}
			}
		}
		override := now >= 0
		if !override && sharers(num) > 1 {
			continue // counted on from another instance of its numbering
		}
		if !override { // started by its abstract numbering
			now = 1
			if a := num.child("w:abstractNumId"); a != nil && abstracts[a.attr("w:val")] != nil {
				for _, lvl := range abstracts[a.attr("w:val")].kids {
					if lvl.name == "w:lvl" && lvl.attr("w:ilvl") == k.ilvl {
						if st := lvl.child("w:start"); st != nil {
							now, _ = strconv.Atoi(st.attr("w:val"))
						}
					}
				}
			}
		}
		if now == start {
			continue
		}
		maxID++
		id := strconv.Itoa(maxID)
		c := num.clone()
		for i, a := range c.attrs {
			if qname(a.Name) == "w:numId" {
				c.attrs[i].Value = id
			}
		}
		if override {
			for _, ov := range c.kids {
				if ov.name == "w:lvlOverride" && ov.attr("w:ilvl") == k.ilvl {
					if so := ov.child("w:startOverride"); so != nil {
						for i, a := range so.attrs {
							if qname(a.Name) == "w:val" {
								so.attrs[i].Value = strconv.Itoa(start)
							}
						}
					}
				}
			}
		} else {
			c.add(elem("w:lvlOverride", "w:ilvl", k.ilvl).add(elem("w:startOverride", "w:val", strconv.Itoa(start))))
		}
		// A numbering of its own too (a copy of the abstract numbering,
		// its list id changed): an instance that shares one with the
		// new draft's lists, LibreOffice counts with them.
		if a := c.child("w:abstractNumId"); a != nil && abstracts[a.attr("w:val")] != nil && lastAbstract != nil {
			maxAbstract++
			ac := abstracts[a.attr("w:val")].clone()
			for i, at := range ac.attrs {
				if qname(at.Name) == "w:abstractNumId" {
					ac.attrs[i].Value = strconv.Itoa(maxAbstract)
				}
			}
			if nsid := ac.child("w:nsid"); nsid != nil {
				for i, at := range nsid.attrs {
					if qname(at.Name) == "w:val" {
						nsid.attrs[i].Value = fmt.Sprintf("%08X", 0x7E000000+maxAbstract)
					}
				}
			}
			lastAbstract.insertAfter(ac)
			for i, at := range a.attrs {
				if qname(at.Name) == "w:val" {
					a.attrs[i].Value = strconv.Itoa(maxAbstract)
				}
			}
		}
		lastNum.insertAfter(c) // after the ones made before
		for _, i := range of[k] {
			m := ip.numbered[i]
			if !m.inNew && !m.cut {
				setNumID(m.p, id)
				continue
			}
			// The first part of a merged paragraph keeps the new draft's
			// instance, the old one by a change of its properties:
			// LibreOffice, joining it to the rest on accepting, keeps the
			// first part's properties.
			ppr := pPr(m.p)
			if prev := ppr.child("w:pPrChange"); prev != nil {
				// Its properties changed already (its kind): their old
				// numbering is the restarted one.
				setNumID(prev, id)
				continue
			}
			old := elem("w:pPr")
			for _, kid := range ppr.kids {
				switch kid.name {
				case "w:rPr", "w:sectPr", "w:pPrChange", "":
				default:
					old.add(kid.clone())
				}
			}
			setNumID(&xnode{kids: []*xnode{old}}, id)
			ch := ip.changeEl("pPrChange")
			ch.add(old)
			ppr.add(ch)
		}
	}
	return nil
}

// setNumID makes the numbering instance of the paragraph properties in p
// (a paragraph, or a holder of a w:pPr) id.
func setNumID(p *xnode, id string) {
	ppr := p.child("w:pPr")
	if ppr == nil {
		return
	}
	if np := ppr.child("w:numPr"); np != nil {
		if n := np.child("w:numId"); n != nil {
			for i, a := range n.attrs {
				if qname(a.Name) == "w:val" {
					n.attrs[i].Value = id
				}
			}
		}
	}
}

// moveName names the move of step i.
func moveName(i int32) string { return "move" + strconv.Itoa(int(i)+1) }

// oldPlace writes a moved step's old block where it stood, as moved from
// there.
func (ip *inPlace) oldPlace(st *diff.Step, i int32) error {
	if st.Old.Len() != 1 || st.New.Len() != 1 {
		return errors.New("a moved split or merge")
	}
	b := ip.r.Old.Blocks[st.Old.First()]
	if b.Kind == draft.TableRow || isNote(b) {
		return errors.New("a row or note moved")
	}
	p, err := ip.oldParagraph(b, "moveFrom", moveName(i))
	if err != nil {
		return err
	}
	ip.pending = append(ip.pending, p)
	return nil
}

// isNote reports whether a block is a note as the readers give it.
func isNote(b draft.Block) bool {
	return b.Kind == draft.Paragraph && b.Level == 1 && docxNoteLabel.MatchString(b.Label)
}

// step tracks one step's changes.
func (ip *inPlace) step(st *diff.Step, i int32) error {
	r := ip.r
	switch {
	case st.New.Len() == 0:
		for _, k := range st.Old.All() {
			b := r.Old.Blocks[k]
			switch {
			case isNote(b):
				if err := ip.deletedNote(b); err != nil {
					return err
				}
			case b.Kind == draft.TableRow:
				tr, err := ip.oldRow(b)
				if err != nil {
					return err
				}
				ip.pending = append(ip.pending, tr)
			default:
				p, err := ip.oldParagraph(b, "del", "")
				if err != nil {
					return err
				}
				ip.pending = append(ip.pending, p)
			}
		}
		return nil
	case st.Old.Len() == 0:
		for _, j := range st.New.All() {
			if err := ip.whole(j, clsIns); err != nil {
				return err
			}
		}
		return nil
	case isMoved(st):
		if st.Old.Len() != 1 || st.New.Len() != 1 {
			return errors.New("a moved split or merge")
		}
		j := st.New.First()
		if r.New.Blocks[j].Kind == draft.TableRow || isNote(r.New.Blocks[j]) {
			return errors.New("a row or note moved")
		}
		return ip.paired(st, clsMoveTo, moveName(i))
	}
	return ip.paired(st, clsKeep, "")
}

// whole tracks block j of the new draft as inserted (or moved here).
func (ip *inPlace) whole(j int, cls uint8) error {
	u, err := ip.unit(j)
	if err != nil {
		return err
	}
	b := ip.r.New.Blocks[j]
	if err := ip.flushPending(u.node); err != nil {
		return err
	}
	e := newEdit(len(b.Text), cls)
	switch ip.sources[j].Kind {
	case draft.SourceParagraph:
		if err := ip.editParagraph(u.segs[0].p, u.segs[0].T, u.segs[0].tStart, e, "ins", "", true); err != nil {
			return err
		}
		ip.model(b, u)
		ip.last = u.node
	case draft.SourceRow:
		if err := ip.editSegs(u, e, true); err != nil {
			return err
		}
		ip.trackRow(u.node, "ins")
		ip.last = u.node
	default:
		if err := ip.editSegs(u, e, true); err != nil {
			return err
		}
		if err := ip.trackNoteRef(ip.sources[j], "ins"); err != nil {
			return err
		}
	}
	return nil
}

// model remembers a paragraph of the new draft as the model of a
// paragraph of the old draft alone of its kind and level.
func (ip *inPlace) model(b draft.Block, u *ipUnit) {
	ip.byKind[[2]int{int(b.Kind), int(b.Level)}] = ipModel{p: u.node, typed: b.Label == "" || u.label >= 0}
}

// editSegs applies an edit of a row's or note's text to its paragraphs.
func (ip *inPlace) editSegs(u *ipUnit, e *ipEdit, wholeRuns bool) error {
	for k, s := range u.segs {
		sub := &ipEdit{cls: e.cls[s.blockStart : s.blockStart+s.n], dels: map[int][]ipDel{}, base: e.base}
		last := k == len(u.segs)-1
		for at, d := range e.dels {
			end := s.blockStart + s.n
			if next := k + 1; next < len(u.segs) {
				end = u.segs[next].blockStart // a separator's deletions end the share before it
			}
			if at >= s.blockStart && (at < end || last && at == end) {
				sub.dels[at-s.blockStart] = d
			}
		}
		if k == 0 {
			for at, d := range e.dels {
				if at < s.blockStart {
					sub.dels[0] = append(d, sub.dels[0]...)
				}
			}
		}
		if err := ip.editParagraph(s.p, s.T, s.tStart, sub, "", "", wholeRuns); err != nil {
			return err
		}
	}
	return nil
}

// paired tracks a step pairing blocks of both drafts in place (or moved
// here, cls clsMoveTo): its words, labels, split paragraphs.
func (ip *inPlace) paired(st *diff.Step, cls uint8, move string) error {
	r := ip.r
	var newIdx []int
	for _, j := range st.New.All() {
		newIdx = append(newIdx, j)
	}
	// The new blocks' texts joined by diff.Sep: where each starts.
	starts := make([]int, len(newIdx)+1)
	for k, j := range newIdx {
		starts[k+1] = starts[k] + len(r.New.Blocks[j].Text) + len(diff.Sep)
	}
	at := func(off int) (int, int) { // the block of a joined offset, and the offset in it
		k := sort.Search(len(newIdx), func(k int) bool { return starts[k+1] > off }) // first block ending after off
		if k >= len(newIdx) {
			k = len(newIdx) - 1
		}
		return k, min(off-starts[k], len(r.New.Blocks[newIdx[k]].Text))
	}
	edits := make([]*ipEdit, len(newIdx))
	for k, j := range newIdx {
		edits[k] = newEdit(len(r.New.Blocks[j].Text), clsKeep)
	}
	markIns := make([]bool, len(newIdx))
	oldPieces := []int{0} // the old piece each new block's label pairs with, -1 for none
	oldPiece := 0
	off := 0
	marks := r.SpanMarks(st)
	for n := 0; n < len(st.Spans); n++ {
		sp := st.Spans[n]
		if sp.Layout && n+1 < len(st.Spans) && st.Spans[n+1].Layout {
			// A change of layout alone: the new text, unchanged.
			ins := sp
			if sp.Op == diff.SpanDelete {
				ins = st.Spans[n+1]
			}
			if strings.Contains(ins.Text, diff.Sep) || strings.Contains(sp.Text, diff.Sep) || strings.Contains(st.Spans[n+1].Text, diff.Sep) {
				return errors.New("a break in a change of layout")
			}
			off += len(ins.Text)
			n++
			continue
		}
		switch sp.Op {
		case diff.SpanDelete:
			if cls == clsMoveTo {
				if strings.Contains(sp.Text, diff.Sep) {
					return errors.New("a moved merge")
				}
				continue // a move holds no deletion: the old place has the old text
			}
			k, o := at(off)
			if off > 0 && off == starts[k] { // at a block's start: the end of the one before
				k, o = k-1, len(r.New.Blocks[newIdx[k-1]].Text)
			}
			pos := 0 // in the span's text
			for i, part := range strings.Split(sp.Text, diff.Sep) {
				if i > 0 { // a merge: the old paragraph's mark deleted
					oldPiece++
					label := ""
					if oldPiece < st.Old.Len() {
						label = r.Old.Blocks[st.Old.At(oldPiece)].Label
					}
					edits[k].dels[o] = append(edits[k].dels[o], ipDel{cut: true, label: label})
					pos += len(diff.Sep)
				}
				if part != "" {
					edits[k].dels[o] = append(edits[k].dels[o], ipDel{text: part, marks: shiftedMarks(marksAt(marks, n), -pos)})
				}
				pos += len(part)
			}
		default:
			c := cls
			if sp.Op == diff.SpanInsert {
				c = clsIns
			}
			for i := 0; i < len(sp.Text); {
				if strings.HasPrefix(sp.Text[i:], diff.Sep) && i+off >= 0 {
					k, _ := at(off + i)
					if off+i == starts[k]+len(r.New.Blocks[newIdx[k]].Text) { // a break
						if sp.Op == diff.SpanInsert {
							markIns[k] = true
							oldPieces = append(oldPieces, -1)
						} else {
							oldPiece++
							oldPieces = append(oldPieces, oldPiece)
						}
						i += len(diff.Sep)
						continue
					}
				}
				k, o := at(off + i)
				if c != clsKeep {
					edits[k].cls[o] = c
				}
				i++
			}
			off += len(sp.Text)
		}
	}
	if len(oldPieces) != len(newIdx) {
		return errors.New("the pieces of a split do not add up")
	}
	// The old label numbering shows for each new block: a split's first
	// pieces' marks are inserted, so the old paragraph's label is the
	// last piece's, whose mark stands in the old draft.
	numOld := make([]string, len(newIdx))
	carry := ""
	for k := range newIdx {
		ol := carry
		if oldPieces[k] >= 0 && oldPieces[k] < st.Old.Len() {
			ol = r.Old.Blocks[st.Old.At(oldPieces[k])].Label
		}
		if markIns[k] {
			carry = ol
		} else {
			numOld[k], carry = ol, ""
		}
	}
	if ip.opt.Formatting && st.Formatting && cls == clsKeep && len(newIdx) == 1 && st.Old.Len() == 1 {
		edits[0].oldFmt = formatChanges(r.Old.Blocks[st.Old.First()], r.New.Blocks[newIdx[0]], st.Spans)
	}
	for k, j := range newIdx {
		b := r.New.Blocks[j]
		u, err := ip.unit(j)
		if err != nil {
			return err
		}
		if err := ip.flushPending(u.node); err != nil {
			return err
		}
		oldLabel := ""
		if oldPieces[k] >= 0 && oldPieces[k] < st.Old.Len() {
			oldLabel = r.Old.Blocks[st.Old.At(oldPieces[k])].Label
		}
		switch ip.sources[j].Kind {
		case draft.SourceParagraph:
			if isNote(b) {
				return errors.New("a note read as a paragraph")
			}
			mark := ""
			if markIns[k] {
				mark = "ins"
			}
			if cls == clsMoveTo {
				mark = "moveTo"
			}
			e := edits[k]
			if cls == clsMoveTo {
				e.base = clsMoveTo
			}
			// Labels: a typed one as text, changed as a change; an
			// automatic one shown by the numbering.
			labelDel, pprChange := "", false
			switch {
			case b.Label == oldLabel:
			case u.label >= 0:
				// the new label's bytes inserted, the old one deleted before them
			case b.Label == "":
				labelDel = oldLabel + "\t"
			case oldLabel == "" && oldPieces[k] >= 0:
				pprChange = true // numbered now, not before
			}
			// A paragraph of another kind or level before (a heading
			// now a list item): its old properties, those of a paragraph
			// of the new draft of the old kind and level.
			var kindBefore *xnode
			if len(newIdx) == 1 && st.Old.Len() == 1 && cls == clsKeep {
				ob := r.Old.Blocks[st.Old.First()]
				if ob.Kind != b.Kind || ob.Level != b.Level {
					m, ok := ip.byKind[[2]int{int(ob.Kind), int(ob.Level)}]
					if !ok {
						m, ok = ip.modelAhead(ob)
					}
					if !ok {
						return errors.New("a paragraph of a kind the new draft has none of")
					}
					kindBefore = elem("w:pPr")
					if ppr := m.p.child("w:pPr"); ppr != nil {
						for _, kid := range ppr.kids {
							switch kid.name {
							case "w:rPr", "w:sectPr", "w:pPrChange", "w:numPr", "":
							default:
								kindBefore.add(kid.clone())
							}
						}
					}
					if oldLabel != "" && u.label < 0 { // numbered, as it is now
						if np := pPr(u.segs[0].p).child("w:numPr"); np != nil {
							kindBefore.add(np.clone())
							slices.SortStableFunc(kindBefore.kids, func(a, b *xnode) int { return pPrRank(a.name) - pPrRank(b.name) })
						}
					}
					pprChange = false
				}
			}
			seg := u.segs[0]
			pe := &ipEdit{cls: make([]uint8, len(seg.T)), dels: map[int][]ipDel{}, base: e.base}
			for i := range pe.cls {
				pe.cls[i] = e.base
			}
			if e.base == clsMoveTo {
				for i := range pe.cls {
					pe.cls[i] = clsMoveTo
				}
			}
			copy(pe.cls[seg.tStart:], e.cls)
			if e.oldFmt != nil {
				pe.oldFmt = make([]int32, len(seg.T))
				for i := range pe.oldFmt {
					pe.oldFmt[i] = -1
				}
				copy(pe.oldFmt[seg.tStart:], e.oldFmt)
			}
			for o, d := range e.dels {
				pe.dels[seg.tStart+o] = d
			}
			if u.label >= 0 && b.Label != oldLabel {
				for i := u.label; i < u.label+len(b.Label); i++ {
					pe.cls[i] = clsIns
				}
				if oldLabel != "" && cls != clsMoveTo { // a move's old label is at its old place
					pe.dels[u.label] = append([]ipDel{{text: oldLabel}}, pe.dels[u.label]...)
				} else {
					for i := u.label + len(b.Label); i < seg.tStart; i++ {
						pe.cls[i] = clsIns // the space after a label now there
					}
				}
			}
			if labelDel != "" && cls != clsMoveTo {
				pe.dels[seg.tStart] = append([]ipDel{{text: labelDel}}, pe.dels[seg.tStart]...)
			}
			numID, ilvl := numPrOf(seg.p)
			if cls != clsMoveTo && !pe.changed() && mark == "" && !pprChange && kindBefore == nil {
				if numID != "" && u.label < 0 && b.Label != "" && numOld[k] != "" && !markIns[k] {
					ip.numbered = append(ip.numbered, ipNumbered{seg.p, numID, ilvl, numOld[k], true, false})
				}
				ip.model(b, u)
				ip.last = u.node
				continue
			}
			var cuts []ipNumbered
			ip.cutLabels, ip.cutTyped = &cuts, u.label >= 0 || b.Label == ""
			err = ip.editParagraph(seg.p, seg.T, 0, pe, mark, move, cls == clsMoveTo)
			ip.cutLabels = nil
			if err != nil {
				return err
			}
			labels := []string{numOld[k]}
			for _, pos := range slices.Sorted(maps.Keys(pe.dels)) {
				for _, d := range pe.dels[pos] {
					if d.cut {
						labels = append(labels, d.label)
					}
				}
			}
			for i := range cuts {
				cuts[i].oldLabel = labels[min(i, len(labels)-1)]
			}
			ip.numbered = append(ip.numbered, cuts...)
			if last := labels[len(labels)-1]; numID != "" && u.label < 0 && b.Label != "" && last != "" && cls != clsMoveTo && !markIns[k] {
				ip.numbered = append(ip.numbered, ipNumbered{seg.p, numID, ilvl, last, true, false})
			}
			if pprChange {
				ip.unnumberedBefore(seg.p)
			}
			if kindBefore != nil {
				ch := ip.changeEl("pPrChange")
				ch.add(kindBefore)
				pPr(seg.p).add(ch)
			}
			ip.model(b, u)
			ip.last = u.node
		case draft.SourceRow:
			if len(newIdx) != 1 || cls != clsKeep {
				return errors.New("a row split or moved")
			}
			// A change of the cells themselves: the old row deleted,
			// the new inserted.
			for _, sp := range st.Spans {
				if sp.Op != diff.SpanEqual && strings.Contains(sp.Text, docxCellSep) {
					old, err := ip.oldRowLike(r.Old.Blocks[st.Old.First()], u.node)
					if err != nil {
						return err
					}
					u.node.insertBefore(old)
					if err := ip.editSegs(u, newEdit(len(b.Text), clsIns), true); err != nil {
						return err
					}
					ip.trackRow(u.node, "ins")
					ip.last = u.node
					return nil
				}
			}
			if edits[0].changed() {
				if err := ip.editSegs(u, edits[0], false); err != nil {
					return err
				}
			}
			ip.last = u.node
		default:
			if len(newIdx) != 1 || cls != clsKeep || !isNote(r.Old.Blocks[st.Old.First()]) {
				return errors.New("a note split, moved or paired with a paragraph")
			}
			if edits[0].changed() {
				if err := ip.editSegs(u, edits[0], false); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// flushPending puts the paragraphs and rows of the old draft alone before
// next, a paragraph or row of the new draft (nil: at the end).
func (ip *inPlace) flushPending(next *xnode) error {
	if len(ip.pending) == 0 {
		return nil
	}
	var paras, rows []*xnode
	for _, n := range ip.pending {
		if n.name == "w:tr" {
			if len(paras) > 0 {
				return errors.New("a row of the old draft after a paragraph of it")
			}
			rows = append(rows, n)
		} else {
			paras = append(paras, n)
		}
	}
	ip.pending = ip.pending[:0]
	inTable := func(n *xnode) bool { return n != nil && n.name == "w:tr" }
	switch {
	case next != nil && next.name == "w:p" && next.parent != nil && next.parent.name == "w:tc":
		return errors.New("old paragraphs before a cell's paragraph")
	case len(rows) > 0 && inTable(next):
		next.insertBefore(rows...)
	case len(rows) > 0 && inTable(ip.last):
		ip.last.insertAfter(rows...)
	case len(rows) > 0:
		return errors.New("a row of the old draft outside a table of the new")
	}
	if len(paras) == 0 {
		return nil
	}
	switch {
	case next != nil && next.name == "w:p" && ip.last != nil && ip.last.name == "w:p" && ip.last.parent == next.parent:
		// Right after the paragraph of the new draft before them: where
		// paragraphs that are no blocks (an image, an empty one) stand
		// between, the old draft had them after these.
		ip.last.insertAfter(paras...)
	case next != nil && next.name == "w:p":
		next.insertBefore(paras...)
	case inTable(next) && firstRow(next):
		next.parent.insertBefore(paras...)
	case next == nil && ip.last != nil && ip.last.name == "w:p":
		ip.last.insertAfter(paras...)
	case next == nil && inTable(ip.last):
		ip.last.parent.insertAfter(paras...)
	case next == nil && ip.last == nil:
		if len(ip.paras) == 0 {
			return errors.New("no paragraph to stand by")
		}
		ip.paras[0].insertBefore(paras...)
	default:
		return errors.New("a paragraph of the old draft inside a table of the new")
	}
	return nil
}

// firstRow reports whether tr is the first row of its table.
func firstRow(tr *xnode) bool {
	if tr.parent == nil || tr.parent.name != "w:tbl" {
		return false
	}
	for _, k := range tr.parent.kids {
		if k.name == "w:tr" {
			return k == tr
		}
	}
	return false
}

// changeEl returns a tracked change element (w:ins, w:del, w:moveFrom,
// w:moveTo, w:pPrChange…) with the next id, the author and date.
func (ip *inPlace) changeEl(local string) *xnode {
	ip.dw.id++
	n := elem("w:"+local, "w:id", strconv.Itoa(ip.dw.id))
	author := ip.opt.Author
	if author == "" {
		author = docxAuthor
	}
	n.attrs = append(n.attrs, elem("x", "w:author", author).attrs...)
	if !ip.opt.Date.IsZero() {
		n.attrs = append(n.attrs, elem("x", "w:date", docxTime(ip.opt.Date)).attrs...)
	}
	return n
}

// textRuns returns runs of text (its tabs and breaks as Word's) with run
// properties rPr (cloned, nil for none), w:t or w:delText as tag says.
func textRuns(s string, rPr *xnode, tag string) []*xnode {
	r := elem("w:r")
	if rPr != nil {
		r.add(rPr.clone())
	}
	for s != "" {
		i := strings.IndexAny(s, "\n\t\f\v")
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			t := elem(tag, "xml:space", "preserve")
			t.add(&xnode{text: s[:i]})
			r.add(t)
		}
		if i < len(s) {
			switch s[i] {
			case '\t':
				r.add(elem("w:tab"))
			case '\f':
				r.add(elem("w:br", "w:type", "page"))
			default:
				r.add(elem("w:br"))
			}
			i++
		}
		s = s[i:]
	}
	return []*xnode{r}
}

// wrap puts nodes inside a tracked change element.
func wrap(ch *xnode, nodes ...*xnode) *xnode { return ch.add(nodes...) }

// editParagraph rewrites paragraph p, whose text is T, as edit e says:
// e's offsets are from T[off:]; mark is the tracked change of its mark
// ("" for none), move the name of a move here (moveTo); wholeRuns wraps
// runs without text too (drawings, notes' references) in the class e.base.
func (ip *inPlace) editParagraph(p *xnode, T string, off int, e *ipEdit, mark, move string, wholeRuns bool) error {
	x := paraText(p)
	cls := func(pos int) uint8 {
		if pos-off >= 0 && pos-off < len(e.cls) {
			return e.cls[pos-off]
		}
		return e.base
	}
	fm := func(pos int) int32 {
		if pos-off >= 0 && pos-off < len(e.oldFmt) {
			return e.oldFmt[pos-off]
		}
		return -1
	}
	dels := map[int][]ipDel{}
	for o, d := range e.dels {
		dels[o+off] = d
	}
	var lastRPr *xnode
	byRun := map[*xnode][]ipAtom{}
	for _, a := range x.atoms {
		byRun[a.run] = append(byRun[a.run], a)
	}
	delRun := func(ds []ipDel, rPr *xnode) []*xnode {
		var out []*xnode
		var ch *xnode
		for _, d := range ds {
			if d.cut {
				out = append(out, &xnode{name: "redline:cut", text: d.label})
				ch = nil
				continue
			}
			if ch == nil {
				ch = ip.changeEl("del")
				out = append(out, ch)
			}
			ch.add(markedRuns(d.text, d.marks, rPr, "w:delText")...)
		}
		return out
	}
	for _, run := range x.runs {
		rPr := run.child("w:rPr")
		lastRPr = rPr
		atoms := byRun[run]
		if len(atoms) == 0 && !wholeRuns {
			continue
		}
		type piece struct {
			cls  uint8
			fm   int32 // the old formatting, if it changed (see ipEdit.oldFmt)
			kids []*xnode
			del  []*xnode
		}
		var pieces []piece
		addFm := func(c uint8, f int32, k *xnode) {
			if n := len(pieces); n > 0 && pieces[n-1].del == nil && pieces[n-1].cls == c && pieces[n-1].fm == f {
				pieces[n-1].kids = append(pieces[n-1].kids, k)
				return
			}
			pieces = append(pieces, piece{cls: c, fm: f, kids: []*xnode{k}})
		}
		addTo := func(c uint8, k *xnode) { addFm(c, -1, k) }
		delAt := func(pos int) {
			if d, ok := dels[pos]; ok {
				pieces = append(pieces, piece{del: delRun(d, rPr)})
				delete(dels, pos)
			}
		}
		ai := 0
		for _, k := range run.kids {
			if k.name == "" || k.name == "w:rPr" {
				continue
			}
			if ai < len(atoms) && atoms[ai].el == k {
				a := atoms[ai]
				ai++
				if k.name != "w:t" {
					delAt(a.start)
					addFm(cls(a.start), fm(a.start), k.clone())
					continue
				}
				for s := a.start; s < a.end; {
					delAt(s)
					c, f := cls(s), fm(s)
					e := s + 1
					for e < a.end && cls(e) == c && fm(e) == f {
						if _, ok := dels[e]; ok {
							break
						}
						e++
					}
					t := elem("w:t", "xml:space", "preserve")
					t.add(&xnode{text: T[s:e]})
					addFm(c, f, t)
					s = e
				}
				continue
			}
			base := e.base
			if !wholeRuns {
				base = clsKeep
			}
			addTo(base, k.clone())
		}
		var out []*xnode
		for _, pc := range pieces {
			if pc.del != nil {
				out = append(out, pc.del...)
				continue
			}
			r := elem("w:r")
			r.attrs = run.attrs
			switch {
			case pc.fm >= 0:
				now := elem("w:rPr")
				if rPr != nil {
					now = rPr.clone()
				}
				old := styledRPr(rPr, uint16(pc.fm))
				if old == nil {
					old = elem("w:rPr")
				}
				now.add(wrap(ip.changeEl("rPrChange"), old))
				r.add(now)
			case rPr != nil:
				r.add(rPr.clone())
			}
			r.add(pc.kids...)
			switch pc.cls {
			case clsIns:
				out = append(out, wrap(ip.changeEl("ins"), r))
			case clsMoveTo:
				out = append(out, wrap(ip.changeEl("moveTo"), r))
			default:
				out = append(out, r)
			}
		}
		run.replace(out...)
	}
	// Deletions at the end, or in a paragraph without runs.
	if len(dels) > 0 {
		var rest []ipDel
		for _, pos := range slices.Sorted(func(yield func(int) bool) {
			for pos := range dels {
				if !yield(pos) {
					return
				}
			}
		}) {
			rest = append(rest, dels[pos]...)
		}
		p.add(delRun(rest, lastRPr)...)
	}
	if err := ip.cut(p); err != nil {
		return err
	}
	if move != "" {
		ppr := p.child("w:pPr")
		start := ip.changeEl("moveToRangeStart")
		start.attrs = append(start.attrs, elem("x", "w:name", move).attrs...)
		end := elem("w:moveToRangeEnd", "w:id", start.attr("w:id"))
		if ppr != nil {
			ppr.insertAfter(start)
		} else {
			p.kids = append([]*xnode{start}, p.kids...)
			start.parent = p
		}
		p.add(end)
	}
	if mark != "" {
		ip.markParagraph(p, mark)
	}
	return nil
}

// cut cuts paragraph p where a merge deleted a paragraph mark (see
// ipDel): each part but the last a paragraph of its own, its properties
// p's, its mark deleted; the last is p.
func (ip *inPlace) cut(p *xnode) error {
	var nested bool
	var find func(n *xnode, top bool) int
	find = func(n *xnode, top bool) int {
		c := 0
		for _, k := range n.kids {
			if k.name == "redline:cut" {
				c++
				nested = nested || !top
			}
			c += find(k, false)
		}
		return c
	}
	if find(p, true) == 0 {
		return nil
	}
	if nested {
		return errors.New("a merge inside a hyperlink or a control")
	}
	ppr := p.child("w:pPr")
	var part []*xnode
	for _, k := range p.kids {
		if k == ppr {
			continue
		}
		if k.name != "redline:cut" {
			part = append(part, k)
			continue
		}
		q := elem("w:p")
		if ppr != nil {
			q.add(ppr.clone())
		}
		q.add(part...)
		ip.markParagraph(q, "del")
		if numID, ilvl := numPrOf(q); numID != "" && ip.cutLabels != nil {
			*ip.cutLabels = append(*ip.cutLabels, ipNumbered{q, numID, ilvl, "", false, true})
		}
		p.insertBefore(q)
		part = nil
		if k.text != "" && ip.cutTyped {
			part = append(part, wrap(ip.changeEl("del"), textRuns(k.text+"\t", nil, "w:delText")...))
		}
	}
	p.kids = p.kids[:0]
	if ppr != nil {
		p.kids = append(p.kids, ppr)
	}
	for _, k := range part {
		k.parent = p
		p.kids = append(p.kids, k)
	}
	return nil
}

// pPr returns p's paragraph properties, made if it has none.
func pPr(p *xnode) *xnode {
	if ppr := p.child("w:pPr"); ppr != nil {
		return ppr
	}
	ppr := elem("w:pPr")
	ppr.parent = p
	p.kids = append([]*xnode{ppr}, p.kids...)
	return ppr
}

// markParagraph makes p's mark a tracked change (ins, del, moveFrom or
// moveTo).
func (ip *inPlace) markParagraph(p *xnode, mark string) {
	ppr := pPr(p)
	rpr := ppr.child("w:rPr")
	if rpr == nil {
		rpr = elem("w:rPr")
		rpr.parent = ppr
		// Before a section's properties and a change of properties.
		i := len(ppr.kids)
		for k, c := range ppr.kids {
			if c.name == "w:sectPr" || c.name == "w:pPrChange" {
				i = k
				break
			}
		}
		ppr.kids = append(ppr.kids[:i], append([]*xnode{rpr}, ppr.kids[i:]...)...)
	}
	ch := ip.changeEl(mark)
	ch.parent = rpr
	rpr.kids = append([]*xnode{ch}, rpr.kids...)
}

// unnumberedBefore records that p was not numbered before: a change of
// its properties whose old properties have no numbering.
func (ip *inPlace) unnumberedBefore(p *xnode) {
	ppr := pPr(p)
	ip.trackUnnumbered(ppr)
}

// trackRow makes a row a tracked insertion or deletion.
func (ip *inPlace) trackRow(tr *xnode, change string) {
	trPr := tr.child("w:trPr")
	if trPr == nil {
		trPr = elem("w:trPr")
		trPr.parent = tr
		i := 0
		for k, c := range tr.kids { // after tblPrEx, if any
			if c.name == "w:tblPrEx" {
				i = k + 1
			}
		}
		tr.kids = append(tr.kids[:i], append([]*xnode{trPr}, tr.kids[i:]...)...)
	}
	trPr.add(ip.changeEl(change))
}

// trackNoteRef makes the body's reference to a note a tracked change.
func (ip *inPlace) trackNoteRef(src draft.Source, change string) error {
	tag := "w:footnoteReference"
	if src.Kind == draft.SourceEndnote {
		tag = "w:endnoteReference"
	}
	var ref *xnode
	var find func(n *xnode)
	find = func(n *xnode) {
		for _, k := range n.kids {
			if ref != nil {
				return
			}
			if k.name == tag && k.attr("w:id") == src.ID {
				ref = k
				return
			}
			find(k)
		}
	}
	find(ip.body)
	if ref == nil || ref.parent == nil || ref.parent.name != "w:r" {
		return errors.New("a note's reference not found")
	}
	run := ref.parent
	if run.parent != nil && (run.parent.name == "w:ins" || run.parent.name == "w:moveTo") {
		return nil // in an inserted paragraph already
	}
	ch := ip.changeEl(change)
	run.replace(ch)
	ch.add(run)
	return nil
}

// oldParagraph makes a paragraph of a block of the old draft alone, as
// deleted (change "del") or moved from (change "moveFrom", the move's
// name): its properties those of a paragraph of the new draft of its kind
// and level, its label numbered as that one's is, or typed.
func (ip *inPlace) oldParagraph(b draft.Block, change, move string) (*xnode, error) {
	m, ok := ip.byKind[[2]int{int(b.Kind), int(b.Level)}]
	if !ok {
		m, ok = ip.modelAhead(b)
	}
	if !ok && b.Kind != draft.Paragraph {
		return nil, errors.New("no paragraph of the kind of a deleted one")
	}
	p := elem("w:p")
	var rPr *xnode
	numbered := false
	if ok {
		if ppr := m.p.child("w:pPr"); ppr != nil {
			c := elem("w:pPr")
			for _, k := range ppr.kids {
				switch k.name {
				case "w:rPr", "w:sectPr", "w:pPrChange", "":
				case "w:numPr":
					if b.Label != "" && !m.typed {
						c.add(k.clone())
						numbered = true
					}
				default:
					c.add(k.clone())
				}
			}
			p.add(c)
		}
		for _, k := range m.p.kids {
			if k.name == "w:r" {
				rPr = k.child("w:rPr")
				break
			}
		}
	}
	text, marks := b.Text, b.Marks()
	if b.Label != "" && !numbered {
		text = b.Label + "\t" + text
		marks = shiftedMarks(marks, len(b.Label)+1)
	}
	if b.Label != "" && !numbered && ok && !m.typed {
		return nil, errors.New("a deleted paragraph's label neither numbered nor typed like its kind's")
	}
	tag := "w:delText"
	if change == "moveFrom" {
		tag = "w:t"
	}
	runs := wrap(ip.changeEl(change), markedRuns(text, marks, rPr, tag)...)
	if move != "" {
		start := ip.changeEl("moveFromRangeStart")
		start.attrs = append(start.attrs, elem("x", "w:name", move).attrs...)
		p.add(start, runs, elem("w:moveFromRangeEnd", "w:id", start.attr("w:id")))
	} else {
		p.add(runs)
	}
	ip.markParagraph(p, change)
	if numID, ilvl := numPrOf(p); numbered && numID != "" {
		ip.numbered = append(ip.numbered, ipNumbered{p, numID, ilvl, b.Label, false, false})
	}
	return p, nil
}

// modelAhead finds a paragraph of the new draft of b's kind and level, for
// a paragraph of the old draft alone before any such.
func (ip *inPlace) modelAhead(b draft.Block) (ipModel, bool) {
	for j, c := range ip.r.New.Blocks {
		if c.Kind == b.Kind && c.Level == b.Level && ip.sources[j].Kind == draft.SourceParagraph && !isNote(c) {
			u, err := ip.unit(j)
			if err != nil {
				return ipModel{}, false
			}
			return ipModel{p: u.node, typed: c.Label == "" || u.label >= 0}, true
		}
	}
	return ipModel{}, false
}

// oldRow makes a row of the old draft alone, deleted, like the rows of
// the new draft's table it stands in.
func (ip *inPlace) oldRow(b draft.Block) (*xnode, error) {
	if ip.last == nil || ip.last.name != "w:tr" {
		return nil, errors.New("a deleted row before any row of the new draft")
	}
	return ip.oldRowLike(b, ip.last)
}

// oldRowLike makes a deleted row of block b, its cells like those of row
// like.
func (ip *inPlace) oldRowLike(b draft.Block, like *xnode) (*xnode, error) {
	cells := strings.Split(b.Text, docxCellSep)
	var tcs []*xnode
	for _, k := range like.kids {
		if k.name == "w:tc" {
			tcs = append(tcs, k)
		}
	}
	if len(tcs) != len(cells) {
		return nil, errors.New("a deleted row with another number of cells")
	}
	tr := elem("w:tr")
	for _, k := range like.kids {
		switch k.name {
		case "w:tblPrEx":
			tr.add(k.clone())
		case "w:trPr":
			c := k.clone()
			c.kids = slices.DeleteFunc(c.kids, func(n *xnode) bool { return n.name == "w:ins" || n.name == "w:del" })
			tr.add(c)
		}
	}
	for i, tc := range tcs {
		c := elem("w:tc")
		if tcPr := tc.child("w:tcPr"); tcPr != nil {
			c.add(tcPr.clone())
		}
		p := elem("w:p")
		var rPr *xnode
		if first := tc.child("w:p"); first != nil {
			if ppr := first.child("w:pPr"); ppr != nil {
				pc := ppr.clone()
				pc.kids = slices.DeleteFunc(pc.kids, func(n *xnode) bool { return n.name == "w:rPr" || n.name == "w:pPrChange" })
				p.add(pc)
			}
			if r := first.child("w:r"); r != nil {
				rPr = r.child("w:rPr")
			}
		}
		if cells[i] != "" {
			p.add(wrap(ip.changeEl("del"), textRuns(cells[i], rPr, "w:delText")...))
		}
		c.add(p)
		tr.add(c)
	}
	ip.trackRow(tr, "del")
	return tr, nil
}

// write writes the package: every part as it was but the ones changed.
func (ip *inPlace) write(w io.Writer) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	changed := map[string]*xnode{ipMain: ip.main.root}
	if ip.numbering != nil {
		changed[ipNumbering] = ip.numbering.root
	}
	for _, part := range ip.notes {
		changed[part.name] = part.root
	}
	for _, f := range ip.zr.File {
		if root, ok := changed[f.Name]; ok {
			var sb strings.Builder
			root.write(&sb)
			if err := writeZipPart(zw, f.Name, func(w io.Writer) error {
				_, err := io.WriteString(w, sb.String())
				return err
			}); err != nil {
				return err
			}
			continue
		}
		if f.Name == ipCore {
			if err := writeZipPart(zw, f.Name, func(w io.Writer) error {
				_, err := io.WriteString(w, docxCoreProps(ip.opt))
				return err
			}); err != nil {
				return err
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			return err
		}
	}
	return zw.Close()
}

// shiftedMarks returns marks moved by n bytes.
func shiftedMarks(marks []draft.Mark, n int) []draft.Mark {
	out := make([]draft.Mark, len(marks))
	for i, m := range marks {
		m.Start, m.End = m.Start+int32(n), m.End+int32(n)
		out[i] = m
	}
	return out
}

// docxMarkElems are the run properties that marks set, which a deleted
// run's properties, taken from the runs about it, lose before its own
// marks give them.
var docxMarkElems = map[string]bool{"w:b": true, "w:bCs": true, "w:i": true, "w:iCs": true, "w:strike": true,
	"w:dstrike": true, "w:vertAlign": true, "w:rStyle": true, "w:rFonts": true}

// rPrOrder ranks the children of run properties as the schema orders
// them; others rank as their neighbours (stable sort).
var rPrOrder = func() map[string]int {
	m := map[string]int{}
	for i, n := range strings.Fields("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange") {
		m["w:"+n] = i + 1
	}
	return m
}()

// markStyles returns the styles marks set at each byte of a text of n
// bytes, as bits 1<<Style of the styles Word's run properties show.
func markStyles(n int, marks []draft.Mark) []uint16 {
	out := make([]uint16, n)
	for _, m := range marks {
		switch m.Style {
		case draft.CodeSpan, draft.Strong, draft.Emphasis, draft.Strikethrough, draft.Superscript, draft.Subscript:
		default:
			continue
		}
		for i := max(int(m.Start), 0); i < min(int(m.End), n); i++ {
			out[i] |= 1 << m.Style
		}
	}
	return out
}

// styledRPr returns run properties rPr, but for those marks set, which are
// styles' (bits 1<<Style); nil for none.
func styledRPr(rPr *xnode, styles uint16) *xnode {
	props := elem("w:rPr")
	if rPr != nil {
		for _, k := range rPr.kids {
			if !docxMarkElems[k.name] && k.name != "" && k.name != "w:rPrChange" {
				props.add(k.clone())
			}
		}
	}
	for _, p := range docxMarkProps {
		if styles&(1<<p.style) != 0 && props.child("w:"+strings.TrimSuffix(p.name, "/")) == nil {
			switch p.style {
			case draft.CodeSpan:
				props.add(elem("w:rFonts", "w:ascii", "Consolas", "w:hAnsi", "Consolas", "w:cs", "Courier New"))
			case draft.Strong:
				props.add(elem("w:b"))
			case draft.Emphasis:
				props.add(elem("w:i"))
			case draft.Strikethrough:
				props.add(elem("w:strike"))
			case draft.Superscript:
				props.add(elem("w:vertAlign", "w:val", "superscript"))
			case draft.Subscript:
				props.add(elem("w:vertAlign", "w:val", "subscript"))
			}
		}
	}
	slices.SortStableFunc(props.kids, func(a, b *xnode) int { return rPrOrder[a.name] - rPrOrder[b.name] })
	if len(props.kids) == 0 {
		return nil
	}
	return props
}

// markedRuns returns runs of text (see textRuns) with the formatting of
// marks (offsets in text): run properties rPr, but for those marks set,
// which are the marks' own.
func markedRuns(text string, marks []draft.Mark, rPr *xnode, tag string) []*xnode {
	styles := markStyles(len(text), marks)
	var out []*xnode
	for at := 0; at < len(text); {
		next := at + 1
		for next < len(text) && styles[next] == styles[at] {
			next++
		}
		out = append(out, textRuns(text[at:next], styledRPr(rPr, styles[at]), tag)...)
		at = next
	}
	return out
}

// formatChanges returns, for each byte of new's text, the styles (see
// markStyles) the old block had there where they differ from the new's,
// -1 elsewhere: the text both share (equal spans) formatted otherwise.
// Nil when spans of layout alone make the offsets uncertain.
func formatChanges(old, new draft.Block, spans []diff.Span) []int32 {
	oldS, newS := markStyles(len(old.Text), old.Marks()), markStyles(len(new.Text), new.Marks())
	out := make([]int32, len(new.Text))
	for i := range out {
		out[i] = -1
	}
	o, n := 0, 0
	for _, sp := range spans {
		if sp.Layout {
			return nil
		}
		switch sp.Op {
		case diff.SpanEqual:
			for i := 0; i < len(sp.Text) && o+i < len(oldS) && n+i < len(newS); i++ {
				if oldS[o+i] != newS[n+i] {
					out[n+i] = int32(oldS[o+i])
				}
			}
			o += len(sp.Text)
			n += len(sp.Text)
		case diff.SpanInsert:
			n += len(sp.Text)
		case diff.SpanDelete:
			o += len(sp.Text)
		}
	}
	return out
}

// deletedNote adds a note of the old draft alone: a note of the notes
// part, its text deleted, and its reference, deleted, at the end of the
// paragraph before it (the old draft's paragraph that referred to it).
func (ip *inPlace) deletedNote(b draft.Block) error {
	kind, tag := draft.SourceFootnote, "w:footnote"
	if strings.HasPrefix(b.Label, "endnote") {
		kind, tag = draft.SourceEndnote, "w:endnote"
	}
	part := ip.notes[kind]
	if part == nil {
		return errors.New("a note deleted where the new draft has no notes")
	}
	var root *xnode
	for _, k := range part.root.kids {
		if k.name == tag+"s" {
			root = k
		}
	}
	if root == nil {
		return errors.New("a notes part without its root")
	}
	// A note of the new draft as the model of its paragraph and of its
	// reference's run, and the next id.
	var model *xnode
	maxID := 0
	for _, k := range root.kids {
		if k.name != tag {
			continue
		}
		id, err := strconv.Atoi(k.attr("w:id"))
		if err == nil {
			maxID = max(maxID, id)
		}
		if t := k.attr("w:type"); t == "" || t == "normal" {
			if model == nil {
				model = k
			}
		}
	}
	var owner *xnode
	switch {
	case len(ip.pending) > 0:
		owner = ip.pending[len(ip.pending)-1]
	case ip.last != nil:
		owner = ip.last
	}
	if owner != nil && owner.name == "w:tr" { // the row's last cell's last paragraph
		var cell *xnode
		for _, k := range owner.kids {
			if k.name == "w:tc" {
				cell = k
			}
		}
		owner = nil
		if cell != nil {
			for _, k := range cell.kids {
				if k.name == "w:p" {
					owner = k
				}
			}
		}
	}
	if model == nil || owner == nil || owner.name != "w:p" || len(owner.after) > 0 && owner != ip.last {
		return errors.New("a deleted note without a model or a paragraph to refer to it")
	}
	id := strconv.Itoa(maxID + 1)
	note := elem(tag, "w:id", id)
	var refRPr, firstPPr *xnode
	for _, p := range model.kids {
		if p.name != "w:p" {
			continue
		}
		firstPPr = p.child("w:pPr")
		for _, r := range p.kids {
			if r.name == "w:r" && (r.child(tag+"Ref") != nil) {
				refRPr = r.child("w:rPr")
			}
		}
		break
	}
	paras := strings.Split(b.Text, "\n")
	for i, text := range paras {
		p := elem("w:p")
		if firstPPr != nil {
			c := firstPPr.clone()
			c.kids = slices.DeleteFunc(c.kids, func(n *xnode) bool { return n.name == "w:rPr" || n.name == "w:pPrChange" })
			p.add(c)
		}
		if i == 0 {
			r := elem("w:r")
			if refRPr != nil {
				r.add(refRPr.clone())
			}
			r.add(elem(tag + "Ref"))
			p.add(wrap(ip.changeEl("del"), r))
			text = " " + text
		}
		p.add(wrap(ip.changeEl("del"), textRuns(text, nil, "w:delText")...))
		if i < len(paras)-1 {
			ip.markParagraph(p, "del")
		}
		note.add(p)
	}
	root.add(note)
	ref := elem("w:r")
	if refRPr != nil {
		ref.add(refRPr.clone())
	}
	ref.add(elem(tag+"Reference", "w:id", id))
	owner.add(wrap(ip.changeEl("del"), ref))
	return nil
}

// pPrRank ranks the first children of paragraph properties as the schema
// orders them (pStyle, keepNext…, numPr…), others after.
func pPrRank(name string) int {
	switch name {
	case "w:pStyle":
		return 0
	case "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl":
		return 1
	case "w:numPr":
		return 2
	}
	return 3
}

// trackUnnumbered adds to paragraph properties ppr a tracked property
// change whose old properties are ppr's own without numbering (and without
// run, section and change properties).
func (ip *inPlace) trackUnnumbered(ppr *xnode) {
	old := elem("w:pPr")
	for _, k := range ppr.kids {
		switch k.name {
		case "w:numPr", "w:rPr", "w:sectPr", "w:pPrChange", "":
		default:
			old.add(k.clone())
		}
	}
	ch := ip.changeEl("pPrChange")
	ch.add(old)
	ppr.add(ch)
}
