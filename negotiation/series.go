package negotiation

import "github.com/redline-diff/redline/diff"

// Series is the analysis of a negotiation's series of drafts: the
// brackets remaining in each draft (the convergence curve negotiators
// draw by hand), each revision's analysis, and the lineage of every
// bracketed passage.
type Series struct {
	// Remaining[k] is the number of bracketed passages (nested ones
	// included) in draft k.
	Remaining []int `json:"remaining"`
	// Revisions[k] analyses the comparison of draft k with draft k+1
	// (diff.History.Revision(k)).
	Revisions []*Analysis `json:"revisions"`
	// Lineages follow each bracketed passage from the draft where it was
	// first seen to the revision that settled it, in order of first
	// appearance.
	Lineages []Lineage `json:"lineages,omitempty"`
}

// Lineage is one bracketed passage followed through the drafts.
type Lineage struct {
	// Path holds the passage in each draft where it stood in brackets,
	// first to last.
	Path []Appearance `json:"path"`
	// Fate is how it ended: Open when it is still in brackets in the last
	// draft; otherwise agreed, dropped or alternative-chosen, by the
	// revision into draft Settled.
	Fate    Fate `json:"fate"`
	Settled int  `json:"settled"`
	// Kept is where its text stands, unbracketed, in draft Settled, when
	// it was agreed or chosen.
	Kept *Place `json:"kept,omitempty"`
}

// Appearance is a bracketed passage in one draft.
type Appearance struct {
	Draft int `json:"draft"`
	Place
}

// AnalyzeHistory analyses every revision of h (see Analyze); in Auto mode,
// brackets are looked for in every revision when any draft of the series
// has bracket structure, so that the curve runs to the clean final text.
func AnalyzeHistory(h *diff.History, lex *Lexicon, opt Options) *Series {
	if opt.Brackets == Auto {
		opt.Brackets = Off
		if HasBracketStructure(h.Drafts...) {
			opt.Brackets = On
		}
	}
	s := &Series{Remaining: make([]int, len(h.Drafts))}
	if opt.Brackets == On {
		for k, d := range h.Drafts {
			s.Remaining[k] = CountBrackets(d)
		}
	}
	for k := range h.NumRevisions() {
		s.Revisions = append(s.Revisions, Analyze(h.Revision(k), lex, opt))
	}
	if opt.Brackets == On {
		s.Lineages = lineages(s.Revisions)
	}
	return s
}

// lineages chains the revisions' brackets: a passage still open in draft
// k+1 continues its lineage there; one opened starts a new lineage.
func lineages(revs []*Analysis) []Lineage {
	type at struct{ draft, block, start int }
	var out []Lineage
	open := map[at][]int{} // a passage of a draft → the lineages standing there
	for k, a := range revs {
		next := map[at][]int{}
		for _, b := range a.Brackets {
			if b.Fate == Opened {
				out = append(out, Lineage{Fate: Open, Settled: -1, Path: []Appearance{{k + 1, *b.New}}})
				key := at{k + 1, b.New.Block, b.New.Start}
				next[key] = append(next[key], len(out)-1)
				continue
			}
			key := at{k, b.Old.Block, b.Old.Start}
			ids, ok := open[key]
			if !ok && k == 0 {
				out = append(out, Lineage{Fate: Open, Settled: -1, Path: []Appearance{{0, *b.Old}}})
				ids = []int{len(out) - 1}
				open[key] = ids
			}
			for _, id := range ids {
				l := &out[id]
				if b.Fate == Open {
					l.Path = append(l.Path, Appearance{k + 1, *b.New})
					nk := at{k + 1, b.New.Block, b.New.Start}
					next[nk] = append(next[nk], id)
					continue
				}
				l.Fate, l.Settled, l.Kept = b.Fate, k+1, b.New
			}
		}
		open = next
	}
	return out
}
