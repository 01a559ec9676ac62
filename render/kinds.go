package render

import (
	"strings"

	"github.com/redline-diff/redline/diff"
)

// changeKinds is the set of kinds a change belongs to, by which the page
// filters its stops and the departures table's rows (see kindOrder).
type changeKinds uint8

const (
	kindInserted changeKinds = 1 << iota
	kindDeleted
	kindChanged
	kindMoved
	kindSplitMerged
	// kindRenumbered is a renumbering-only change: a block whose label
	// changed and nothing else (an equal step, diff.Result.Renumbered),
	// or whose only edits are cross-references that follow the
	// renumbering (diff.Step.NumberingOnly). Its words did not change.
	kindRenumbered
	kindFormatting
	// kindSignal marks a change with a signal of strength of language
	// (negotiation.Signal, see HTMLAnalysis): no filter of its own, but
	// "Signals only" keeps the changes that have it.
	kindSignal
)

// pageKind is one kind of change as the page names it: its token in the
// data-k attribute of a change and of its departures row, and its name
// in the filters.
type pageKind struct {
	kind  changeKinds
	token string
	name  string
	// hidden is set for a kind that is not a stop by default: a
	// renumbering-only change has no word change to read.
	hidden bool
}

// kindOrder lists the kinds in the order the filters show them.
var kindOrder = [...]pageKind{
	{kindInserted, "ins", "Inserted", false},
	{kindDeleted, "del", "Deleted", false},
	{kindChanged, "chg", "Changed", false},
	{kindMoved, "mov", "Moved", false},
	{kindSplitMerged, "sm", "Split/merged", false},
	{kindRenumbered, "ren", "Renumbered only", true},
	{kindFormatting, "fmt", "Formatting", false},
}

// kindsOf returns the kinds of a changed step, from the result's facts
// alone: its op, whether it moved (diff.Step.Moved), whether its label
// changed (diff.Result.Renumbered), whether its edits are renumbered
// references alone (diff.Step.NumberingOnly) and whether its formatting
// changed (diff.Step.Formatting). A step that is no change has none.
func kindsOf(r *diff.Result, st *diff.Step) changeKinds {
	var k changeKinds
	switch {
	case st.NumberingOnly(), st.Op == diff.Equal && r.Renumbered(st):
		k |= kindRenumbered
	case st.Op == diff.Inserted:
		k |= kindInserted
	case st.Op == diff.Deleted:
		k |= kindDeleted
	case st.Op == diff.Changed:
		k |= kindChanged
	case st.Op == diff.Split || st.Op == diff.Merged:
		k |= kindSplitMerged
	}
	if isMoved(st) {
		k |= kindMoved
	}
	if st.Formatting {
		k |= kindFormatting
	}
	return k
}

// stop reports whether a change of kinds k is a stop of the page's
// navigation by default: it has a kind not hidden by default.
func (k changeKinds) stop() bool {
	for _, pk := range kindOrder {
		if k&pk.kind != 0 && !pk.hidden {
			return true
		}
	}
	return false
}

// tokens returns the kinds' tokens, "chg fmt", for a data-k attribute.
// The strings of the few sets that occur are made once each.
func (k changeKinds) tokens() string {
	return kindTokens[k]
}

// kindTokens holds the tokens of every set of kinds (see tokens).
var kindTokens = func() (t [1 << (len(kindOrder) + 1)]string) {
	for k := range t {
		var parts []string
		for _, pk := range kindOrder {
			if changeKinds(k)&pk.kind != 0 {
				parts = append(parts, pk.token)
			}
		}
		if changeKinds(k)&kindSignal != 0 {
			parts = append(parts, "sig")
		}
		t[k] = strings.Join(parts, " ")
	}
	return t
}()

// kindCount is one filter of the page: a kind, how many changes have it,
// and whether it is on by default.
type kindCount struct {
	Token, Name string
	N           int
	On          bool
}

// kindCounts returns the filters of the changed steps changed of r: one
// per kind that occurs, in kindOrder, and the number of stops by default.
func kindCounts(r *diff.Result, changed []int) (filters []kindCount, stops int) {
	var n [len(kindOrder)]int
	for _, i := range changed {
		k := kindsOf(r, &r.Steps[i])
		if k.stop() {
			stops++
		}
		for j, pk := range kindOrder {
			if k&pk.kind != 0 {
				n[j]++
			}
		}
	}
	for j, pk := range kindOrder {
		if n[j] > 0 {
			filters = append(filters, kindCount{Token: pk.token, Name: pk.name, N: n[j], On: !pk.hidden})
		}
	}
	return filters, stops
}
