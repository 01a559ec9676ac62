package render

import (
	"slices"
	"strconv"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// outlineView is the page's outline: the old draft's headings in the old
// order beside the new draft's in the new, each linking to its place in
// the redline, moved sections marked in both. A reorganised document
// without paragraph numbers reads best from it.
type outlineView struct {
	Old, New []outlineEntry
	Moved    int // headings that moved
}

// outlineEntry is one heading of the outline.
type outlineEntry struct {
	Text  string // its label and words
	Href  string // its place on the page
	Level int    // 1, 2, … (draft.Block.Level)
	Class string // "moved", "deleted", "inserted", "changed" or ""
	Note  string // "moved", "was 4th", …
}

// headingAnchor is the id of a heading that is no change, for the
// outline's links: "h" and its index in the new draft, plus one.
func headingAnchor(j int) string { return "h" + strconv.Itoa(j+1) }

// newOutline returns the outline of r, or nil when either draft has fewer
// than two headings: no order to read.
func newOutline(r *diff.Result, ids changeNums) *outlineView {
	type head struct {
		step, old, new int // step, old and new block index (-1: none)
	}
	var heads []head
	oldN, newN := 0, 0
	for i := range r.Steps {
		st := &r.Steps[i]
		h := head{step: i, old: -1, new: -1}
		if st.Old.Len() > 0 && r.Old.Blocks[st.Old.First()].Kind == draft.Heading {
			h.old = st.Old.First()
			oldN++
		}
		if st.New.Len() > 0 && r.New.Blocks[st.New.First()].Kind == draft.Heading {
			h.new = st.New.First()
			newN++
		}
		if h.old >= 0 || h.new >= 0 {
			heads = append(heads, h)
		}
	}
	if oldN < 2 && newN < 2 {
		return nil
	}
	o := &outlineView{}
	anchor := func(h head) string {
		if id := ids.id(h.step); id != "" {
			return "#" + id
		}
		return "#" + headingAnchor(h.new)
	}
	class := func(st *diff.Step) string {
		switch {
		case isMoved(st):
			return "moved"
		case st.Op == diff.Deleted:
			return "deleted"
		case st.Op == diff.Inserted:
			return "inserted"
		case st.Op != diff.Equal:
			return "changed"
		}
		return ""
	}
	for _, h := range heads { // the new order: the steps'
		st := &r.Steps[h.step]
		if h.new < 0 {
			continue
		}
		b := r.New.Blocks[h.new]
		e := outlineEntry{Text: labelled(b), Href: anchor(h), Level: int(b.Level), Class: class(st)}
		if e.Class == "moved" {
			o.Moved++
			e.Note = "moved"
		}
		o.New = append(o.New, e)
	}
	old := slices.Clone(heads)
	old = slices.DeleteFunc(old, func(h head) bool { return h.old < 0 })
	slices.SortStableFunc(old, func(a, b head) int { return a.old - b.old })
	for _, h := range old {
		st := &r.Steps[h.step]
		b := r.Old.Blocks[h.old]
		e := outlineEntry{Text: labelled(b), Href: anchor(h), Level: int(b.Level), Class: class(st)}
		if e.Class == "moved" {
			e.Note = "moved"
		}
		o.Old = append(o.Old, e)
	}
	return o
}
