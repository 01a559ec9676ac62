package draft

import (
	"encoding/xml"
)

// This file reads the formatting of a Word document's runs as marks:
// italic, bold, struck through, superscript and subscript, set on the run
// or by its character style, and hyperlinks. A paragraph style's
// formatting (a heading's bold) is not formatting of the words.

// runFormat is a set of the styles of marks, a bit 1<<Style each.
type runFormat uint16

// with returns f with style s.
func (f runFormat) with(s Style) runFormat {
	return f | 1<<s
}

// marks adds to marks a mark from start to end for each style in f: a
// mark of the style that ends at start (among the last few) is made
// longer, so that a paragraph of many runs holds few marks.
func (f runFormat) marks(marks []Mark, start, end int) []Mark {
	for s := Emphasis; s <= Subscript && f != 0 && start < end; s++ {
		if f&(1<<s) == 0 {
			continue
		}
		extended := false
		for k := len(marks) - 1; k >= max(len(marks)-int(Subscript), 0) && !extended; k-- {
			if m := &marks[k]; m.Style == s && m.Value == "" && m.End == int32(start) {
				m.End, extended = int32(end), true
			}
		}
		if !extended {
			marks = append(marks, Mark{Start: int32(start), End: int32(end), Style: s})
		}
	}
	return marks
}

// runProps is what the reader takes from run properties: the styles they
// turn on and off, and the character style they name.
type runProps struct {
	on, off runFormat
	style   string
}

// readRunProps reads run properties up to their end. When tracked
// changes are rejected, the properties before a change (rPrChange) are
// those read.
func (r *docxReader) readRunProps(dec *xml.Decoder) (runProps, error) {
	var rp runProps
	var before *runProps
	strike := 0 // 1 struck through (single or double), -1 turned off
	err := walk(dec, false, func(tok xml.Token) (step, error) {
		t, ok := tok.(xml.StartElement)
		if !ok || !isWord(t.Name) {
			return into, nil
		}
		switch t.Name.Local {
		case "b":
			rp.set(Strong, onOff(t))
		case "i":
			rp.set(Emphasis, onOff(t))
		case "strike", "dstrike":
			if onOff(t) {
				strike = 1
			} else if strike == 0 {
				strike = -1
			}
		case "vertAlign":
			v := attr(t, "val")
			rp.set(Superscript, v == "superscript")
			rp.set(Subscript, v == "subscript")
		case "rStyle":
			rp.style = attr(t, "val")
		case "rPrChange":
			if !r.reject {
				return over, nil
			}
			return past, walk(dec, false, func(tok xml.Token) (step, error) {
				if t, ok := tok.(xml.StartElement); ok && isWord(t.Name) && t.Name.Local == "rPr" {
					old, err := r.readRunProps(dec)
					before = &old
					return past, err
				}
				return into, nil
			})
		}
		return into, nil
	})
	if strike != 0 {
		rp.set(Strikethrough, strike > 0)
	}
	if before != nil {
		return *before, err
	}
	return rp, err
}

// set turns style s on or off.
func (rp *runProps) set(s Style, on bool) {
	if on {
		rp.on, rp.off = rp.on.with(s), rp.off&^(1<<s)
	} else {
		rp.off, rp.on = rp.off.with(s), rp.on&^(1<<s)
	}
}

// onOff reads a toggle property: on unless its value says off.
func onOff(t xml.StartElement) bool {
	switch attr(t, "val") {
	case "0", "false", "off":
		return false
	}
	return true
}

// runFormat reads a run's properties up to their end and returns its
// formatting: its character style's (through the styles it is based on),
// changed by the run's own settings.
func (r *docxReader) runFormat(dec *xml.Decoder) (runFormat, error) {
	rp, err := r.readRunProps(dec)
	var f, decided runFormat
	for id, seen := rp.style, 0; id != "" && seen < 32; seen++ {
		st := r.charStyles[id]
		if st == nil {
			break
		}
		f |= st.run.on &^ decided
		decided |= st.run.on | st.run.off
		id = st.basedOn
	}
	return f&^rp.off | rp.on, err
}

// linkAddress returns the address of a hyperlink element: its
// relationship's target, and "#" and its anchor if it has one; "" if it
// has neither.
func (r *docxReader) linkAddress(t xml.StartElement) string {
	address := r.links[attr(t, "id")] // r:id
	if anchor := attr(t, "anchor"); anchor != "" {
		address += "#" + anchor
	}
	return address
}

// shiftMarks returns marks moved n bytes on.
func shiftMarks(marks []Mark, n int) []Mark {
	out := make([]Mark, len(marks))
	for i, m := range marks {
		m.Start += int32(n)
		m.End += int32(n)
		out[i] = m
	}
	return out
}

// rowMarks returns the marks of a table row's cells (at offsets in each)
// at offsets in the row's text, the cells joined by " | ".
func rowMarks(cells []string, marks [][]Mark) []Mark {
	var out []Mark
	at := 0
	for i, c := range cells {
		if i < len(marks) {
			out = append(out, shiftMarks(marks[i], at)...)
		}
		at += len(c) + len(" | ")
	}
	return out
}
