package draftgen

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Origin ops: how a paragraph of an edited draft came from the old one.
const (
	Kept     = "kept"     // same place, maybe words edited
	Inserted = "inserted" // new
	Moved    = "moved"    // elsewhere, maybe words edited
	Split    = "split"    // one piece of an old paragraph cut in two
	Merged   = "merged"   // two old paragraphs joined
)

// Origin records where a paragraph of an edited draft came from.
type Origin struct {
	Op   string
	From []int // IDs of the old paragraphs it came from
	// Kind names the edit of a situation (one of Kinds) that made it, if
	// any, for scores by kind.
	Kind string
}

// Edits says how much Edit changes.
type Edits struct {
	// WordRate is the share of words replaced, inserted or deleted.
	WordRate float64
	// ParaRate is the share of paragraphs that are deleted, followed by a
	// new paragraph, moved, split or merged with the next, in equal parts.
	ParaRate float64
	// SectionMoves is the number of whole sections moved elsewhere.
	SectionMoves int
	// MoveRate is the share of paragraphs moved on their own, besides
	// those ParaRate moves.
	MoveRate float64
	// EveryParagraph edits at least one word of every paragraph that keeps
	// words from the old draft: where WordRate drew no edit, one word is
	// replaced.
	EveryParagraph bool
	// The situations of real material (see kinds.go), each a share of the
	// paragraphs or headings it applies to: paragraphs that gain or lose
	// whole sentences; headings retitled; sections cut to a stub heading;
	// headings made paragraphs and paragraphs made headings.
	SentenceRate, RetitleRate, StubRate, KindRate float64
	// Shuffle puts every paragraph and heading in a random order.
	Shuffle bool
}

// Edited is an edited draft and its ground truth.
type Edited struct {
	*Draft
	// Origins[i] says where Paras[i] came from.
	Origins []Origin
	// Deleted lists the IDs of the old paragraphs that are gone.
	Deleted []int
}

// Edit returns an edited copy of d, drawn from seed.
func Edit(d *Draft, seed uint64, e Edits) *Edited {
	rng := rand.New(rand.NewPCG(seed, 0xed17))
	ed := &Edited{Draft: &Draft{nextID: d.nextID}}
	for _, p := range d.Paras {
		ed.Paras = append(ed.Paras, p)
		ed.Origins = append(ed.Origins, Origin{Op: Kept, From: []int{p.ID}, Kind: p.Situation})
	}
	for range e.SectionMoves {
		ed.moveSection(rng)
	}
	ed.structural(rng, e.ParaRate)
	ed.moves(rng, e.MoveRate)
	ed.situations(rng, e)
	for i := range ed.Paras {
		if !ed.Paras[i].Heading && ed.Paras[i].Situation != Runs && ed.Origins[i].Op != Inserted && !wordsKept[ed.Origins[i].Kind] {
			text := editWords(rng, ed.Paras[i].Text, e.WordRate)
			if e.EveryParagraph && text == ed.Paras[i].Text {
				text = replaceWord(rng, text)
			}
			ed.Paras[i].Text = text
		}
	}
	ed.editRuns(rng)
	if e.Shuffle {
		ed.shuffle(rng)
	}
	slices.Sort(ed.Deleted)
	return ed
}

// moveSection moves one section (a heading and its paragraphs) before
// another section's heading.
func (ed *Edited) moveSection(rng *rand.Rand) {
	var heads []int
	for i, p := range ed.Paras {
		if p.Heading {
			heads = append(heads, i)
		}
	}
	if len(heads) < 3 {
		return
	}
	k := 1 + rng.IntN(len(heads)-1)
	start, end := heads[k], len(ed.Paras)
	if k+1 < len(heads) {
		end = heads[k+1]
	}
	paras := slices.Clone(ed.Paras[start:end])
	origins := slices.Clone(ed.Origins[start:end])
	for i := range origins {
		origins[i].Op = Moved
	}
	ed.Paras = slices.Delete(ed.Paras, start, end)
	ed.Origins = slices.Delete(ed.Origins, start, end)
	var targets []int
	for i, p := range ed.Paras {
		if p.Heading && i != start {
			targets = append(targets, i)
		}
	}
	at := targets[rng.IntN(len(targets))]
	ed.Paras = slices.Insert(ed.Paras, at, paras...)
	ed.Origins = slices.Insert(ed.Origins, at, origins...)
}

// structural applies paragraph-level edits.
func (ed *Edited) structural(rng *rand.Rand, rate float64) {
	for i := 0; i < len(ed.Paras); i++ {
		if ed.Paras[i].Heading || ed.Origins[i].Op != Kept || rng.Float64() >= rate || ed.Paras[i].Situation != "" {
			continue
		}
		switch rng.IntN(5) {
		case 0: // deleted
			ed.Deleted = append(ed.Deleted, ed.Paras[i].ID)
			ed.remove(i)
			i--
		case 1: // a new paragraph follows
			ed.insert(i+1, Para{ID: ed.newID(), Text: paragraph(rng)}, Origin{Op: Inserted, From: nil})
			i++
		case 2:
			i -= ed.move(rng, i)
		case 3:
			i += ed.split(i)
		case 4:
			ed.merge(i)
		}
	}
}

// moves moves about rate of the paragraphs, each at least five places.
func (ed *Edited) moves(rng *rand.Rand, rate float64) {
	for i := 0; i < len(ed.Paras); i++ {
		if !ed.Paras[i].Heading && ed.Origins[i].Op == Kept && rng.Float64() < rate && ed.Paras[i].Situation == "" {
			i -= ed.move(rng, i)
		}
	}
}

func (ed *Edited) newID() int {
	ed.nextID++
	return ed.nextID - 1
}

func (ed *Edited) remove(i int) (Para, Origin) {
	p, o := ed.Paras[i], ed.Origins[i]
	ed.Paras = slices.Delete(ed.Paras, i, i+1)
	ed.Origins = slices.Delete(ed.Origins, i, i+1)
	return p, o
}

func (ed *Edited) insert(i int, p Para, o Origin) {
	ed.Paras = slices.Insert(ed.Paras, i, p)
	ed.Origins = slices.Insert(ed.Origins, i, o)
}

// move moves paragraph i at least six places away, if the draft is long
// enough; it returns 1 if the paragraph left a place at or before i, so
// the caller revisits i.
func (ed *Edited) move(rng *rand.Rand, i int) int {
	// Targets are places 1 … n-1 of the draft without paragraph i, less
	// the window i-5 … i+5 around its old place.
	n := len(ed.Paras) - 1
	lo, hi := max(1, i-5), min(n, i+5)
	free := (n - 1) - (hi - lo + 1)
	if free <= 0 {
		return 0
	}
	p, o := ed.remove(i)
	o.Op = Moved
	to := 1 + rng.IntN(free)
	if to >= lo {
		to += hi - lo + 1
	}
	ed.insert(to, p, o)
	if to > i {
		return 1
	}
	return 0
}

// split cuts paragraph i in two at a sentence end; it returns the number
// of extra paragraphs made.
func (ed *Edited) split(i int) int {
	text := ed.Paras[i].Text
	cut := strings.Index(text, ". ")
	if cut < 0 {
		return 0
	}
	from := []int{ed.Paras[i].ID}
	ed.Paras[i] = Para{ID: ed.newID(), Text: text[:cut+1]}
	ed.Origins[i] = Origin{Op: Split, From: from}
	ed.insert(i+1, Para{ID: ed.newID(), Text: text[cut+2:]}, Origin{Op: Split, From: from})
	return 1
}

// merge joins paragraph i with the next when that is an untouched paragraph.
func (ed *Edited) merge(i int) {
	if i+1 >= len(ed.Paras) || ed.Paras[i+1].Heading || ed.Origins[i+1].Op != Kept || ed.Paras[i+1].Situation != "" {
		return
	}
	from := []int{ed.Paras[i].ID, ed.Paras[i+1].ID}
	text := ed.Paras[i].Text + " " + ed.Paras[i+1].Text
	ed.remove(i + 1)
	ed.Paras[i] = Para{ID: ed.newID(), Text: text}
	ed.Origins[i] = Origin{Op: Merged, From: from}
}

// replaceWord replaces one word of text by a different one.
func replaceWord(rng *rand.Rand, text string) string {
	words := strings.Split(text, " ")
	i := rng.IntN(len(words))
	w := vocabulary[rng.IntN(len(vocabulary))]
	for w == words[i] {
		w = vocabulary[rng.IntN(len(vocabulary))]
	}
	words[i] = w
	return strings.Join(words, " ")
}

// editWords replaces, inserts or deletes about rate of the words of text.
func editWords(rng *rand.Rand, text string, rate float64) string {
	if rate <= 0 {
		return text
	}
	words := strings.Split(text, " ")
	for i := 0; i < len(words); i++ {
		if rng.Float64() >= rate {
			continue
		}
		w := vocabulary[rng.IntN(len(vocabulary))]
		switch rng.IntN(3) {
		case 0:
			words[i] = w
		case 1:
			words = slices.Insert(words, i, w)
			i++
		case 2:
			if len(words) > 3 {
				words = slices.Delete(words, i, i+1)
				i--
			}
		}
	}
	return strings.Join(words, " ")
}
