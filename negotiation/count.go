package negotiation

import (
	"strings"

	"github.com/redline-diff/redline/draft"
)

// TermCount is how often one term of a lexicon occurs in a draft.
type TermCount struct {
	Lang string `json:"lang"`
	// List is the term's scale name, "hedges" or "references"; Rank its
	// rank in a scale (0 the strongest), 0 otherwise.
	List  string `json:"list"`
	Rank  int    `json:"rank"`
	Term  string `json:"term"`
	Count int    `json:"count"`
	// Scale is set when List is a scale (Rank then counts).
	Scale bool `json:"scale,omitempty"`
}

// CountTerms counts the occurrences of every term of lex in d, as the
// signals see them (whole words, outside quotations and citations, not in
// exceptions), in the languages given or, if none, in the language d's
// common words choose: what "trace --lexicon" shows per draft. Terms are
// in lexicon order, those that do not occur included, so that the counts
// of several drafts line up.
func CountTerms(d *draft.Document, lex *Lexicon, languages []string) []TermCount {
	var langs []*language
	if len(languages) > 0 {
		langs = lex.only(languages)
	} else {
		var texts []string
		for _, b := range d.Blocks {
			texts = append(texts, b.Text)
		}
		langs = lex.detect(texts)
	}
	var out []TermCount
	index := map[*list]int{} // first TermCount of each list
	for _, l := range langs {
		for _, li := range l.lists {
			if li.kind == exceptList {
				continue
			}
			index[li] = len(out)
			for e, forms := range li.entries {
				out = append(out, TermCount{Lang: l.code, List: li.name, Rank: rankOf(li, e), Term: forms[0], Scale: li.kind == scaleList})
			}
		}
	}
	for _, b := range d.Blocks {
		if !negotiable(b) {
			continue
		}
		m, _ := blockMasks(b.Text, 0, nil, nil)
		masked := newRanges(m)
		for _, l := range langs {
			for _, o := range l.find(b.Text, masked) {
				out[index[o.list]+o.entry].Count++
			}
		}
	}
	return out
}

func rankOf(li *list, e int) int {
	if li.kind == scaleList {
		return e
	}
	return 0
}

// only returns the languages of x with the given codes, in x's order.
func (x *Lexicon) only(codes []string) []*language {
	var out []*language
	for _, l := range x.langs {
		for _, c := range codes {
			if strings.EqualFold(c, l.code) {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// TermSeries is how often each term of a lexicon occurs in each draft of
// a series: what "trace --lexicon" shows.
type TermSeries struct {
	// Languages are the lexicon languages counted.
	Languages []string `json:"languages"`
	// Terms holds, in lexicon order, the terms that occur in at least one
	// draft.
	Terms []TermRow `json:"terms"`
}

// TermRow is one term and its count in each draft, first to last.
type TermRow struct {
	Lang   string `json:"lang"`
	List   string `json:"list"`
	Rank   int    `json:"rank"`
	Term   string `json:"term"`
	Scale  bool   `json:"scale,omitempty"`
	Counts []int  `json:"counts"`
}

// Changed reports whether the term's count differs between two drafts.
func (r TermRow) Changed() bool {
	for _, c := range r.Counts {
		if c != r.Counts[0] {
			return true
		}
	}
	return false
}

// CountSeries counts the terms of lex in every draft (see CountTerms), in
// the languages given or, if none, in those the drafts' common words
// choose, all drafts together, so that every draft is counted in the same
// languages.
func CountSeries(drafts []*draft.Document, lex *Lexicon, languages []string) *TermSeries {
	if len(languages) == 0 {
		var texts []string
		for _, d := range drafts {
			for _, b := range d.Blocks {
				texts = append(texts, b.Text)
			}
		}
		for _, l := range lex.detect(texts) {
			languages = append(languages, l.code)
		}
	}
	s := &TermSeries{Languages: languages, Terms: []TermRow{}}
	if len(languages) == 0 {
		return s
	}
	var rows []TermRow
	for k, d := range drafts {
		counts := CountTerms(d, lex, languages)
		if k == 0 {
			rows = make([]TermRow, len(counts))
			for i, c := range counts {
				rows[i] = TermRow{Lang: c.Lang, List: c.List, Rank: c.Rank, Term: c.Term, Scale: c.Scale, Counts: make([]int, len(drafts))}
			}
		}
		for i, c := range counts {
			rows[i].Counts[k] = c.Count
		}
	}
	for _, r := range rows {
		for _, c := range r.Counts {
			if c > 0 {
				s.Terms = append(s.Terms, r)
				break
			}
		}
	}
	return s
}
