package negotiation

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
)

// SignalKind is what a change did to the strength of a text.
type SignalKind uint8

// The signal kinds. Their String forms are the JSON names (and the names
// "--fail-if" takes).
const (
	Weakened         SignalKind = iota // a term replaced by a lower one of its scale, or a hedge added
	Strengthened                       // a term replaced by a higher one, or a hedge removed
	ReferenceDropped                   // a watched reference removed
	ReferenceAdded                     // a watched reference added
)

var signalNames = [...]string{"weakened", "strengthened", "reference-dropped", "reference-added"}

// String returns the kind's JSON name, e.g. "reference-dropped".
func (k SignalKind) String() string {
	if int(k) < len(signalNames) {
		return signalNames[k]
	}
	return "unknown"
}

// MarshalText writes the kind's name.
func (k SignalKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind's name.
func (k *SignalKind) UnmarshalText(b []byte) error {
	kind, err := ParseSignalKind(string(b))
	*k = kind
	return err
}

// ParseSignalKind returns the kind named s ("weakened", …).
func ParseSignalKind(s string) (SignalKind, error) {
	for k, n := range signalNames {
		if n == s {
			return SignalKind(k), nil
		}
	}
	return 0, fmt.Errorf("unknown signal kind %q (want %s)", s, strings.Join(signalNames[:], ", "))
}

// Signal is one change of a comparison that the lexicon reads as a change
// of strength: a term of a scale replaced by another, a hedge added or
// removed, a watched reference removed or added.
type Signal struct {
	Kind SignalKind `json:"kind"`
	// Lang and List name the rule's language and list: a scale's name
	// ("obligation"), "hedges" or "references".
	Lang string `json:"lang"`
	List string `json:"list"`
	// From and To are the terms by their lexicon names (the first form of
	// their entry): both for a scale; From alone for a hedge or reference
	// removed, To alone for one added.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Rule is the rule as a person reads it: "en/obligation: shall > must
	// > should > may", "en/hedges: where appropriate".
	Rule string `json:"rule"`
	// Step is the index, in the comparison's Steps, of the change.
	Step int `json:"step"`
	// Old and New are the terms as written in each draft, where they are.
	Old *Place `json:"old,omitempty"`
	New *Place `json:"new,omitempty"`
	// Bracketed is set when the term stands in a bracketed passage (in
	// the new draft; in the old one for a term removed): a proposal, not
	// agreed text.
	Bracketed bool `json:"bracketed,omitempty"`
}

// String describes the signal in one line, with the terms as written:
// "weakened: shall → should (en/obligation: shall > must > should > may)",
// "weakened: "where appropriate" added (en/hedges: where appropriate)".
func (s Signal) String() string {
	from, to := s.From, s.To
	if s.Old != nil && from != "" {
		from = s.Old.Text
	}
	if s.New != nil && to != "" {
		to = s.New.Text
	}
	switch {
	case from != "" && to != "":
		return fmt.Sprintf("%s: %s → %s (%s)", s.Kind, from, to, s.Rule)
	case to != "":
		return fmt.Sprintf("%s: %q added (%s)", s.Kind, to, s.Rule)
	}
	return fmt.Sprintf("%s: %q removed (%s)", s.Kind, from, s.Rule)
}

// stepSignals finds the signals of one step in the given languages.
type stepSignals struct {
	step     int
	old, new side
	segs     []segment
	regions  []region
	// oldBr and newBr are the ranges of each side's bracketed passages.
	oldBr, newBr ranges
	out          []Signal
	// moves holds, for each signal, the text of the change a hedge or
	// reference signal stands in ("" for a scale signal), so that one
	// removed here and added in another step can be recognised as moved
	// text (see cancelMoves); regions holds the first region it touches.
	moves   []string
	touched []int
}

// region is a run of non-equal segments: a change.
type region struct{ o0, o1, n0, n1 int }

func changeRegions(segs []segment) []region {
	var out []region
	in := false
	for _, sg := range segs {
		if sg.op == diff.SpanEqual {
			in = false
			continue
		}
		if !in {
			out = append(out, region{sg.o0, sg.o1, sg.n0, sg.n1})
			in = true
			continue
		}
		r := &out[len(out)-1]
		r.o1, r.n1 = sg.o1, sg.n1
	}
	return out
}

// touches returns the first and last regions that [a, b) of the old (or
// new) text overlaps or straddles, or -1, -1.
func touches(regions []region, a, b int, old bool) (int, int) {
	ends := func(r region) (int, int) {
		if old {
			return r.o0, r.o1
		}
		return r.n0, r.n1
	}
	first, last := -1, -1
	k := sort.Search(len(regions), func(k int) bool { _, hi := ends(regions[k]); return hi > a })
	for ; k < len(regions); k++ {
		lo, hi := ends(regions[k])
		if lo >= b {
			break
		}
		if lo < b && a < hi || lo == hi && a < lo && lo < b {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	return first, last
}

// masks returns the ranges of a side's joined text where no term counts
// (quotations, and brackets that are not negotiation: citations), and the
// ranges of its bracketed passages.
func masks(s *side) (masked, bracketed [][2]int) {
	for k, i := range s.blocks {
		masked, bracketed = blockMasks(s.doc.Blocks[i].Text, s.base[k], masked, bracketed)
	}
	return masked, bracketed
}

// blockMasks appends the masked and bracketed ranges of one block's text,
// which starts at offset base of the text they index.
func blockMasks(text string, base int, masked, bracketed [][2]int) ([][2]int, [][2]int) {
	for _, q := range quotations(text) {
		masked = append(masked, [2]int{q[0] + base, q[1] + base})
	}
	if strings.IndexByte(text, '[') >= 0 {
		kept, ex := scan(text, nil)
		for _, e := range ex {
			masked = append(masked, [2]int{e[0] + base, e[1] + base})
		}
		for _, p := range kept {
			bracketed = append(bracketed, [2]int{p.Start + base, p.End + base})
		}
	}
	return masked, bracketed
}

func (c *stepSignals) run(l *language, oldMask, newMask ranges) {
	var olds, news []occurrence
	if len(c.old.blocks) > 0 {
		olds = l.find(c.old.text, oldMask)
	}
	if len(c.new.blocks) > 0 {
		news = l.find(c.new.text, newMask)
	}
	if len(olds) == 0 && len(news) == 0 {
		return
	}
	both := len(c.old.blocks) > 0 && len(c.new.blocks) > 0
	if both {
		c.scales(olds, news)
	}
	ob, nb := c.byEntry(olds, true), c.byEntry(news, false)
	for _, li := range l.lists {
		if li.kind == hedgeList && both {
			c.counted(li, ob, nb, Strengthened, Weakened)
		}
	}
	c.cancelSwaps()
	for _, li := range l.lists {
		if li.kind == referenceList {
			c.counted(li, ob, nb, ReferenceDropped, ReferenceAdded)
		}
	}
}

// cancelSwaps drops a hedge removed and another added in the same change
// ("where appropriate" become "as appropriate"): a hedge for a hedge.
func (c *stepSignals) cancelSwaps() {
	type key struct {
		region     int
		lang, list string
	}
	added := map[key][]int{} // hedges added, by change, in order
	for j, t := range c.out {
		if t.Kind == Weakened && t.From == "" {
			k := key{c.touched[j], t.Lang, t.List}
			added[k] = append(added[k], j)
		}
	}
	gone := make([]bool, len(c.out))
	for i, s := range c.out {
		if s.Kind != Strengthened || s.To != "" {
			continue
		}
		k := key{c.touched[i], s.Lang, s.List}
		if q := added[k]; len(q) > 0 {
			gone[i], gone[q[0]] = true, true
			added[k] = q[1:]
		}
	}
	k := 0
	for i := range c.out {
		if !gone[i] {
			c.out[k], c.moves[k], c.touched[k] = c.out[i], c.moves[i], c.touched[i]
			k++
		}
	}
	c.out, c.moves, c.touched = c.out[:k], c.moves[:k], c.touched[:k]
}

// scales pairs, within each change (regions joined by a term that spans
// them), the touched terms of each scale in order, old with new, and
// reports each pair whose ranks differ.
func (c *stepSignals) scales(olds, news []occurrence) {
	group := make([]int, len(c.regions)) // group[k]: the first region of k's change
	for k := range group {
		group[k] = k
	}
	type touched struct {
		occurrence
		region int
	}
	mark := func(occs []occurrence, old bool) []touched {
		var out []touched
		for _, o := range occs {
			if o.list.kind != scaleList {
				continue
			}
			if a, b := touches(c.regions, o.start, o.end, old); a >= 0 {
				for k := a + 1; k <= b; k++ {
					group[k] = group[a]
				}
				out = append(out, touched{o, a})
			}
		}
		return out
	}
	to, tn := mark(olds, true), mark(news, false)
	for k := range group { // make the groups transitive, left to right
		group[k] = group[group[k]]
	}
	type key struct {
		list  *list
		group int
	}
	queues := map[key][]occurrence{} // the new terms of each scale and change, in order
	for _, n := range tn {
		k := key{n.list, group[n.region]}
		queues[k] = append(queues[k], n.occurrence)
	}
	for _, o := range to {
		k := key{o.list, group[o.region]}
		if q := queues[k]; len(q) > 0 {
			queues[k] = q[1:]
			if q[0].entry != o.entry {
				c.emitScale(o.occurrence, q[0])
			}
		}
	}
}

func (c *stepSignals) emitScale(o, n occurrence) {
	kind := Weakened
	if n.entry < o.entry {
		kind = Strengthened
	}
	li := o.list
	c.out = append(c.out, Signal{Kind: kind, Lang: li.lang, List: li.name,
		From: li.entries[o.entry][0], To: li.entries[n.entry][0], Rule: li.rule(0), Step: c.step,
		Old: c.old.place(o.start, o.end), New: c.new.place(n.start, n.end), Bracketed: c.newBr.overlaps(n.start, n.end)})
	c.moves = append(c.moves, "")
	c.touched = append(c.touched, -1)
}

// counted compares, for each entry of a hedge or reference list, its
// number of occurrences in the old and the new text of the step, and
// reports each one more (added) or fewer (removed), at a touched
// occurrence: a term that only moved inside the step counts the same on
// both sides.
func (c *stepSignals) counted(li *list, olds, news map[entryKey]*entryOccurrences, removed, added SignalKind) {
	for e := range li.entries {
		o, n := olds[entryKey{li, e}], news[entryKey{li, e}]
		if o == nil {
			o = &entryOccurrences{}
		}
		if n == nil {
			n = &entryOccurrences{}
		}
		for k := 0; k < len(o.touched) && k < len(o.all)-len(n.all); k++ {
			c.emitCounted(removed, li, e, o.touched[k], true)
		}
		for k := 0; k < len(n.touched) && k < len(n.all)-len(o.all); k++ {
			c.emitCounted(added, li, e, n.touched[k], false)
		}
	}
}

type entryKey struct {
	list  *list
	entry int
}

type entryOccurrences struct{ all, touched []occurrence }

// byEntry sorts the hedge and reference occurrences of one side by entry:
// all of them, and those a change touches.
func (c *stepSignals) byEntry(occs []occurrence, old bool) map[entryKey]*entryOccurrences {
	out := map[entryKey]*entryOccurrences{}
	for _, o := range occs {
		if o.list.kind != hedgeList && o.list.kind != referenceList {
			continue
		}
		k := entryKey{o.list, o.entry}
		eo := out[k]
		if eo == nil {
			eo = &entryOccurrences{}
			out[k] = eo
		}
		eo.all = append(eo.all, o)
		if a, _ := touches(c.regions, o.start, o.end, old); a >= 0 {
			eo.touched = append(eo.touched, o)
		}
	}
	return out
}

func (c *stepSignals) emitCounted(kind SignalKind, li *list, e int, o occurrence, old bool) {
	s := Signal{Kind: kind, Lang: li.lang, List: li.name, Rule: li.rule(e), Step: c.step}
	a, _ := touches(c.regions, o.start, o.end, old)
	var context string
	if old {
		s.From, s.Old = li.entries[e][0], c.old.place(o.start, o.end)
		s.Bracketed = c.oldBr.overlaps(o.start, o.end)
		context = sentenceAround(c.old.text, o.start, o.end)
	} else {
		s.To, s.New = li.entries[e][0], c.new.place(o.start, o.end)
		s.Bracketed = c.newBr.overlaps(o.start, o.end)
		context = sentenceAround(c.new.text, o.start, o.end)
	}
	c.out = append(c.out, s)
	c.moves = append(c.moves, context)
	c.touched = append(c.touched, a)
}

// sentenceAround returns the sentence of text that holds [start, end): from
// after the end of the sentence before (". ", "; ", "! ", "? " or a line
// break) to the end of its own, at most maxContext bytes on either side.
func sentenceAround(text string, start, end int) string {
	from, to := max(0, start-maxContext), min(len(text), end+maxContext)
	for i := start - 1; i > from; i-- {
		if text[i] == '\n' || strings.IndexByte(".;!?", text[i-1]) >= 0 && text[i] == ' ' {
			from = i + 1
			break
		}
	}
	for i := end; i < to; i++ {
		if text[i] == '\n' || strings.IndexByte(".;!?", text[i]) >= 0 && (i+1 == len(text) || text[i+1] == ' ') {
			to = i + 1
			break
		}
	}
	for from < start && !utf8.RuneStart(text[from]) {
		from++
	}
	for to > end && to < len(text) && !utf8.RuneStart(text[to]) {
		to--
	}
	return text[from:to]
}

// maxContext bounds the sentence sentenceAround returns.
const maxContext = 400

// cancelMoves drops pairs of signals that are one text moved between
// steps: a hedge or reference removed in one step and added in another,
// in sentences whose words are mostly the same (Dice ≥ 0.6 over their sets
// of folded words).
func cancelMoves(signals []Signal, contexts []string) []Signal {
	type key struct{ lang, list, term string }
	added := map[key][]int{} // additions of each term, in order
	for j, t := range signals {
		if contexts[j] != "" && t.From == "" && t.To != "" {
			k := key{t.Lang, t.List, t.To}
			added[k] = append(added[k], j)
		}
	}
	gone := make([]bool, len(signals))
	for i, s := range signals {
		if contexts[i] == "" || s.From == "" || s.To != "" {
			continue
		}
		tried := 0
		for _, j := range added[key{s.Lang, s.List, s.From}] {
			if gone[j] || signals[j].Step == s.Step {
				continue
			}
			if dice(contexts[i], contexts[j]) >= 0.6 {
				gone[i], gone[j] = true, true
				break
			}
			if tried++; tried == maxMoveCandidates {
				break
			}
		}
	}
	out := signals[:0]
	for i, s := range signals {
		if !gone[i] {
			out = append(out, s)
		}
	}
	return out
}

// maxMoveCandidates bounds how many additions of a term cancelMoves
// compares with one removal, so that its cost stays linear.
const maxMoveCandidates = 64

func dice(a, b string) float64 {
	wa, wb := wordSet(a), wordSet(b)
	if len(wa)+len(wb) == 0 {
		return 0
	}
	n := 0
	for w := range wa {
		if wb[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(wa)+len(wb))
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range tokenize(s) {
		m[t.key] = true
	}
	return m
}

// sortSignals orders signals by step, then by where they stand (in the
// new text, or the old one for a term removed), then kind, and drops duplicates (the same change read by two
// languages of the lexicon).
func sortSignals(ss []Signal) []Signal {
	at := func(s Signal) *Place { // where a reader meets it: the new text, or the old one
		if s.New != nil {
			return s.New
		}
		return s.Old
	}
	slices.SortStableFunc(ss, func(a, b Signal) int {
		return cmp.Or(cmp.Compare(a.Step, b.Step), comparePlaces(at(a), at(b)), comparePlaces(a.Old, b.Old),
			comparePlaces(a.New, b.New), cmp.Compare(a.Kind, b.Kind))
	})
	return slices.CompactFunc(ss, func(a, b Signal) bool {
		return a.Step == b.Step && a.Kind == b.Kind && samePlace(a.Old, b.Old) && samePlace(a.New, b.New)
	})
}

// comparePlaces orders places by block, then start; nil first.
func comparePlaces(a, b *Place) int {
	switch {
	case a == nil || b == nil:
		return cmp.Compare(btoi(a != nil), btoi(b != nil))
	}
	return cmp.Or(cmp.Compare(a.Block, b.Block), cmp.Compare(a.Start, b.Start))
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func samePlace(a, b *Place) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Block == b.Block && a.Start == b.Start && a.End == b.End
}
