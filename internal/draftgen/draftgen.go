// Package draftgen makes synthetic negotiation drafts and edited copies of
// them with a known ground truth, for benchmarks and for scoring the
// aligner. Everything is drawn from a seeded generator: the same seed gives
// the same drafts on any machine.
package draftgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Para is one block of a generated draft.
type Para struct {
	// ID names the paragraph across edits; a new paragraph gets a fresh ID.
	ID      int
	Heading bool
	// Plain is a paragraph written without a number (a heading that
	// became a paragraph).
	Plain bool
	// Situation names the situation of real material a paragraph of a
	// generated draft stands for (Runs, Huge; see AddRun, AddHuge), if any.
	Situation string
	Text      string
}

// Draft is a generated draft: headings and numbered paragraphs.
type Draft struct {
	Paras  []Para
	nextID int
}

// vocabulary is drawn on for generated sentences.
var vocabulary = strings.Fields(`States agreed concluded reaffirmed recognized noted
recalled stressed underlined encouraged urged invited welcomed international law
Charter United Nations sovereignty norms responsible behaviour confidence-building
measures capacity-building cooperation information communications technologies ICT
security stability peace critical infrastructure healthcare medical facilities
supply chains vulnerabilities reporting electoral processes Internet availability
integrity points of contact dialogue regular institutional programme action working
group report recommendations voluntary non-binding obligations legally binding
human rights humanitarian principles proportionality necessity distinction due
diligence attribution incidents malicious activities non-State actors private sector
civil society academia regional organizations developing countries gender digital
divide resilience trust transparency exchange views best practices assistance
training technical legal policy frameworks implementation national surveys
consultations consensus future mandate sessions Member delegations Chair summary`)

// connectives join the words of a generated sentence.
var connectives = strings.Fields(`the of and to in for with on that by as through including`)

// sentence returns a sentence of n words.
func sentence(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := vocabulary[rng.IntN(len(vocabulary))]
		if i%3 == 2 {
			w = connectives[rng.IntN(len(connectives))]
		}
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

// paragraph returns a paragraph of two to four sentences.
func paragraph(rng *rand.Rand) string {
	n := 2 + rng.IntN(3)
	s := make([]string, n)
	for i := range s {
		s[i] = sentence(rng, 8+rng.IntN(14))
	}
	return strings.Join(s, " ")
}

// Generate returns a draft of about size bytes of Markdown: a heading,
// then numbered paragraphs, with a new section heading every 8 to 15
// paragraphs.
func Generate(seed uint64, size int) *Draft {
	return generate(seed, func(bytes, _ int) bool { return bytes < size })
}

// GenerateParas returns a draft of n numbered paragraphs (and headings).
func GenerateParas(seed uint64, n int) *Draft {
	return generate(seed, func(_, paras int) bool { return paras < n })
}

// generate draws paragraphs while more(bytes so far, paragraphs so far).
func generate(seed uint64, more func(bytes, paras int) bool) *Draft {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	d := &Draft{}
	bytes, paras, untilHeading := 0, 0, 0
	for section := 0; more(bytes, paras); paras++ {
		if untilHeading == 0 {
			d.add(Para{Heading: true, Text: fmt.Sprintf("%s %s", sectionName(section), sentenceTitle(rng))})
			section++
			untilHeading = 8 + rng.IntN(8)
		}
		p := d.add(Para{Text: paragraph(rng)})
		bytes += len(p.Text) + 6
		untilHeading--
	}
	return d
}

func (d *Draft) add(p Para) Para {
	p.ID = d.nextID
	d.nextID++
	d.Paras = append(d.Paras, p)
	return p
}

func sectionName(i int) string {
	return string(rune('A'+i%26)) + strings.Repeat(string(rune('A'+i%26)), i/26) + "."
}

func sentenceTitle(rng *rand.Rand) string {
	s := sentence(rng, 2+rng.IntN(4))
	return strings.TrimSuffix(s, ".")
}

// Markdown writes the draft as Markdown: "## X. Title" headings, and
// paragraphs numbered from 1 through the whole draft, a blank line apart.
func (d *Draft) Markdown() []byte {
	var b strings.Builder
	b.WriteString("# Generated report\n\n")
	n := 0
	for _, p := range d.Paras {
		if p.Heading {
			fmt.Fprintf(&b, "## %s\n\n", p.Text)
			continue
		}
		if p.Plain {
			fmt.Fprintf(&b, "%s\n\n", p.Text)
			continue
		}
		n++
		fmt.Fprintf(&b, "%d. %s\n\n", n, p.Text)
	}
	return []byte(b.String())
}
