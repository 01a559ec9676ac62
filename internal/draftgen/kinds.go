package draftgen

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// The situations of real material in which an aligner can hide the change
// a reader most needs to see, as edit kinds (Origin.Kind).
const (
	Sentence    = "sentence appended/removed" // a paragraph gains or loses whole sentences
	Retitled    = "heading retitled"          // a word replaced, hyphenated or recased
	Stub        = "section stub"              // a section cut to its heading, "(Deleted)"
	KindChanged = "kind change"               // a heading made a paragraph, or the reverse
	Shuffled    = "full shuffle"              // every paragraph and heading reordered
	Runs        = "identical runs"            // copies of one paragraph, a few edited in place
	Huge        = "1 MB paragraph"            // one very long paragraph, its words edited
)

// Kinds lists the edit kinds in the order scores report them.
var Kinds = []string{Sentence, Retitled, Stub, KindChanged, Shuffled, Runs, Huge}

// wordsKept are the kinds whose paragraphs Edit's word edits leave alone:
// the kind's own edit is the whole change.
var wordsKept = map[string]bool{Retitled: true, Stub: true, KindChanged: true}

// boilerplate is the paragraph AddRun repeats.
const boilerplate = "This paragraph was intentionally left blank in accordance with the practice of the Secretariat."

// AddRun inserts n copies of one boilerplate paragraph at a place drawn
// from seed, as forms and schedules repeat a line.
func (d *Draft) AddRun(seed uint64, n int) {
	rng := rand.New(rand.NewPCG(seed, 0x7e9))
	at := 1 + rng.IntN(len(d.Paras))
	run := make([]Para, n)
	for k := range run {
		run[k] = Para{ID: d.nextID, Situation: Runs, Text: boilerplate}
		d.nextID++
	}
	d.Paras = slices.Insert(d.Paras, at, run...)
}

// AddHuge inserts one paragraph of about size bytes at a place drawn from
// seed.
func (d *Draft) AddHuge(seed uint64, size int) {
	rng := rand.New(rand.NewPCG(seed, 0x1096))
	at := 1 + rng.IntN(len(d.Paras))
	var b strings.Builder
	for b.Len() < size {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sentence(rng, 8+rng.IntN(14)))
	}
	d.Paras = slices.Insert(d.Paras, at, Para{ID: d.nextID, Situation: Huge, Text: b.String()})
	d.nextID++
}

// situations applies the edits of the situations of real material that
// e asks for. It draws from rng only for those it asks for.
func (ed *Edited) situations(rng *rand.Rand, e Edits) {
	if e.StubRate > 0 {
		ed.stubs(rng, e.StubRate)
	}
	for i := range ed.Paras {
		p, o := &ed.Paras[i], &ed.Origins[i]
		if o.Op != Kept || o.Kind != "" || p.Situation != "" {
			continue
		}
		switch {
		case p.Heading && e.RetitleRate > 0 && rng.Float64() < e.RetitleRate:
			p.Text, o.Kind = retitle(rng, p.Text), Retitled
		case p.Heading && e.KindRate > 0 && rng.Float64() < e.KindRate:
			p.Heading, p.Plain, o.Kind = false, true, KindChanged
		case !p.Heading && e.KindRate > 0 && rng.Float64() < e.KindRate/8:
			// Paragraphs outnumber headings about eight to one.
			p.Heading, o.Kind = true, KindChanged
			p.Text = replaceWord(rng, p.Text)
		case !p.Heading && e.SentenceRate > 0 && rng.Float64() < e.SentenceRate:
			p.Text, o.Kind = resentence(rng, p.Text), Sentence
		}
	}
}

// resentence appends one to three sentences to a paragraph, or takes all
// its sentences but one away, first or last, in equal parts.
func resentence(rng *rand.Rand, text string) string {
	s := strings.SplitAfter(text, ". ")
	if rng.IntN(2) == 0 || len(s) < 2 {
		for range 1 + rng.IntN(3) {
			text += " " + sentence(rng, 8+rng.IntN(14))
		}
		return text
	}
	if rng.IntN(2) == 0 {
		return strings.TrimSpace(s[0])
	}
	return s[len(s)-1]
}

// retitle edits a heading's title ("C. Title words") in one of three
// ways: one word replaced, two words joined by a hyphen, or a word's
// first letter's case changed.
func retitle(rng *rand.Rand, text string) string {
	label, title, _ := strings.Cut(text, " ")
	words := strings.Fields(title)
	k := rng.IntN(len(words))
	switch {
	case rng.IntN(3) == 0 && len(words) > 1:
		k = min(k, len(words)-2)
		words = slices.Replace(words, k, k+2, words[k]+"-"+words[k+1])
	case rng.IntN(2) == 0 || len(words) == 1:
		r := []rune(words[k])
		if unicode.IsUpper(r[0]) {
			r[0] = unicode.ToLower(r[0])
		} else {
			r[0] = unicode.ToUpper(r[0])
		}
		words[k] = string(r)
	default:
		words[k] = replaceWord(rng, words[k])
	}
	return label + " " + strings.Join(words, " ")
}

// stubs cuts about rate of the sections to a stub: the heading keeps its
// label, its title becomes "(Deleted)", and the section's paragraphs go.
func (ed *Edited) stubs(rng *rand.Rand, rate float64) {
	for i := 1; i < len(ed.Paras); i++ {
		p := &ed.Paras[i]
		if !p.Heading || ed.Origins[i].Op != Kept || rng.Float64() >= rate {
			continue
		}
		label, _, _ := strings.Cut(p.Text, " ")
		p.Text = label + " (Deleted)"
		ed.Origins[i].Kind = Stub
		for i+1 < len(ed.Paras) && !ed.Paras[i+1].Heading && ed.Origins[i+1].Op == Kept && ed.Paras[i+1].Situation == "" {
			ed.Deleted = append(ed.Deleted, ed.Paras[i+1].ID)
			ed.remove(i + 1)
		}
	}
}

// editRuns edits in place about one in a hundred copies of a run of
// identical paragraphs (at least one), replacing one word, and marks
// every copy as of the kind Runs.
func (ed *Edited) editRuns(rng *rand.Rand) {
	var copies []int
	for i, p := range ed.Paras {
		if p.Situation == Runs {
			copies = append(copies, i)
			ed.Origins[i].Kind = Runs
		}
	}
	if len(copies) == 0 {
		return
	}
	for range max(1, len(copies)/100) {
		i := copies[rng.IntN(len(copies))]
		ed.Paras[i].Text = strings.Replace(ed.Paras[i].Text, "intentionally", "deliberately", 1)
	}
}

// shuffle puts the paragraphs and headings in a random order.
func (ed *Edited) shuffle(rng *rand.Rand) {
	rng.Shuffle(len(ed.Paras), func(i, j int) {
		ed.Paras[i], ed.Paras[j] = ed.Paras[j], ed.Paras[i]
		ed.Origins[i], ed.Origins[j] = ed.Origins[j], ed.Origins[i]
	})
	for i := range ed.Origins {
		if o := &ed.Origins[i]; o.Op == Kept {
			o.Op = Moved
		}
		if o := &ed.Origins[i]; o.Kind == "" {
			o.Kind = Shuffled
		}
	}
}
