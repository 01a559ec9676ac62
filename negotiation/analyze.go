package negotiation

import (
	"fmt"
	"slices"
	"sort"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// Mode says whether brackets are looked for.
type Mode uint8

// The bracket modes. Their String forms are what ParseMode reads.
const (
	// Auto looks for brackets when either draft has bracket structure of
	// the negotiation kind (see HasBracketStructure).
	Auto Mode = iota
	On        // always
	Off       // never
)

var modeNames = [...]string{"auto", "on", "off"}

// String returns the mode's name: "auto", "on" or "off".
func (m Mode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return "unknown"
}

// ParseMode reads a mode's name.
func ParseMode(s string) (Mode, error) {
	if k := slices.Index(modeNames[:], s); k >= 0 {
		return Mode(k), nil
	}
	return 0, fmt.Errorf("unknown bracket mode %q (want auto, on or off)", s)
}

// Options tune Analyze. The zero value looks for brackets in auto mode and
// lets the drafts' words choose the lexicon's language.
type Options struct {
	Brackets Mode
	// Languages, when set, are the lexicon languages to use ("en", "fr");
	// otherwise the lexicon language whose common words are most frequent
	// in the two drafts is used (all of them if none is found).
	Languages []string
}

// Analysis is what a comparison means to a negotiator: the fate of every
// bracketed passage and every change of strength of language.
type Analysis struct {
	// Brackets holds every old passage with its fate and every new one
	// (opened), in order of their steps; within a step, old passages
	// first, then the opened ones, each in reading order.
	Brackets []Bracket `json:"brackets,omitempty"`
	// Signals holds the signals, in order of their steps, then of where
	// they stand.
	Signals []Signal `json:"signals,omitempty"`
	// Languages are the lexicon languages the signals were read with.
	Languages []string `json:"languages,omitempty"`
}

// Analyze reads the comparison r: the brackets (as opt.Brackets says) and,
// when lex is not nil, the signals of lex's scales, hedges and watched
// references. The result depends only on its inputs. Nothing is computed
// before Analyze is called; its cost is that of a pass over the steps with
// changes and a scan of the drafts' texts for "[".
func Analyze(r *diff.Result, lex *Lexicon, opt Options) *Analysis {
	a := &Analysis{}
	if opt.Brackets != Off {
		oldPs, newPs := DocumentPassages(r.Old), DocumentPassages(r.New)
		if opt.Brackets == On || bracketStructure(r.Old, oldPs) || bracketStructure(r.New, newPs) {
			a.Brackets = classifyBrackets(r, oldPs, newPs)
		}
	}
	if lex != nil {
		a.Signals, a.Languages = signals(r, lex, opt.Languages)
	}
	return a
}

// signals reads every changed step of r with the chosen languages of lex.
func signals(r *diff.Result, lex *Lexicon, only []string) ([]Signal, []string) {
	langs := pickLanguages(r, lex, only)
	var out []Signal
	var contexts []string
	for s := range r.Steps {
		st := &r.Steps[s]
		if !changed(st) {
			continue
		}
		c := stepSignals{step: s, old: newSide(r.Old, st.Old), new: newSide(r.New, st.New)}
		c.segs = segments(st.Spans)
		c.regions = changeRegions(c.segs)
		om, ob := masks(&c.old)
		nm, nb := masks(&c.new)
		oldMask, newMask := newRanges(om), newRanges(nm)
		c.oldBr, c.newBr = newRanges(ob), newRanges(nb)
		for _, l := range langs {
			c.run(l, oldMask, newMask)
		}
		out, contexts = append(out, c.out...), append(contexts, c.moves...)
	}
	out = cancelMoves(out, contexts)
	var codes []string
	for _, l := range langs {
		codes = append(codes, l.code)
	}
	return sortSignals(out), codes
}

func changed(st *diff.Step) bool {
	for _, sp := range st.Spans {
		if sp.Op != diff.SpanEqual && !sp.Renumbered {
			return true
		}
	}
	return false
}

func pickLanguages(r *diff.Result, lex *Lexicon, only []string) []*language {
	if len(only) > 0 {
		return lex.only(only)
	}
	var texts []string
	size := 0
	for _, doc := range [...]*draft.Document{r.Old, r.New} {
		for _, b := range doc.Blocks {
			if size >= detectBudget {
				break
			}
			texts = append(texts, b.Text)
			size += len(b.Text)
		}
	}
	return lex.detect(texts)
}

// HasBracketStructure reports whether any of the drafts has bracket
// structure of the negotiation kind, which turns the Auto mode on: a
// tagged passage or a group of alternatives, two passages or more, or one
// passage of three words or more. A lone "[optional]" or an undefined
// "[link]" does not.
func HasBracketStructure(drafts ...*draft.Document) bool {
	for _, d := range drafts {
		if d != nil && bracketStructure(d, DocumentPassages(d)) {
			return true
		}
	}
	return false
}

// bracketStructure is HasBracketStructure for one draft whose passages
// are ps.
func bracketStructure(d *draft.Document, ps [][]Passage) bool {
	n := 0
	for i, bps := range ps {
		for _, p := range bps {
			n++
			if n >= 2 || p.Tag != "" || p.Group > 0 || len(tokenize(p.BodyText(d.Blocks[i].Text))) >= 3 {
				return true
			}
		}
	}
	return false
}

// Tally counts the brackets of an analysis by fate, and its signals by
// kind.
type Tally struct {
	Brackets map[Fate]int       `json:"brackets"`
	Signals  map[SignalKind]int `json:"signals"`
}

// Tally returns the counts of a's brackets and signals.
func (a *Analysis) Tally() Tally {
	t := Tally{Brackets: map[Fate]int{}, Signals: map[SignalKind]int{}}
	for _, b := range a.Brackets {
		t.Brackets[b.Fate]++
	}
	for _, s := range a.Signals {
		t.Signals[s.Kind]++
	}
	return t
}

// Any reports whether a has a signal of any of the kinds (what "--fail-if"
// asks).
func (a *Analysis) Any(kinds ...SignalKind) bool {
	for _, s := range a.Signals {
		if slices.Contains(kinds, s.Kind) {
			return true
		}
	}
	return false
}

// SignalsAt returns the signals of step s (a sub-slice of a.Signals).
func (a *Analysis) SignalsAt(s int) []Signal {
	i := sort.Search(len(a.Signals), func(k int) bool { return a.Signals[k].Step >= s })
	j := sort.Search(len(a.Signals), func(k int) bool { return a.Signals[k].Step > s })
	return a.Signals[i:j]
}

// BracketsAt returns the brackets of step s (a sub-slice of a.Brackets).
func (a *Analysis) BracketsAt(s int) []Bracket {
	i := sort.Search(len(a.Brackets), func(k int) bool { return a.Brackets[k].Step >= s })
	j := sort.Search(len(a.Brackets), func(k int) bool { return a.Brackets[k].Step > s })
	return a.Brackets[i:j]
}
