package draft

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadText(t *testing.T) {
	runReadCases(t, Text, []readCase{
		{"sub-paragraphs", "5. States agreed that:\n    (a) foo;\n    (b) bar.", []Block{
			B(Paragraph, 0, "5.", "States agreed that:", 1),
			B(Paragraph, 1, "(a)", "foo;", 2),
			B(Paragraph, 1, "(b)", "bar.", 3),
		}},
		{"nested sub-paragraphs", "5. States:\n(a) foo:\n  (i) one;\n  (ii) two;\n(b) bar.\n6. Next.", []Block{
			B(Paragraph, 0, "5.", "States:", 1),
			B(Paragraph, 1, "(a)", "foo:", 2),
			B(Paragraph, 2, "(i)", "one;", 3),
			B(Paragraph, 2, "(ii)", "two;", 4),
			B(Paragraph, 1, "(b)", "bar.", 5),
			B(Paragraph, 0, "6.", "Next.", 6),
		}},
		{"numbered line without blank line", "12. First paragraph.\n13. Second paragraph.\n", []Block{
			B(Paragraph, 0, "12.", "First paragraph.", 1),
			B(Paragraph, 0, "13.", "Second paragraph.", 2),
		}},
		{"inner lines kept", "1. The Group met\n   in New York,   \n   twice.\n\n\n2. Later.", []Block{
			B(Paragraph, 0, "1.", "The Group met\n   in New York,\n   twice.", 1),
			B(Paragraph, 0, "2.", "Later.", 6),
		}},
		{"wrapped label-like lines stay", "1. The Group recalled the resolution referred to in paragraph\n(a) of the annex to resolution 75/240 that had been adopted in\n2021. States agreed to continue the work.\n\n2. Next.", []Block{
			B(Paragraph, 0, "1.", "The Group recalled the resolution referred to in paragraph\n(a) of the annex to resolution 75/240 that had been adopted in\n2021. States agreed to continue the work.", 1),
			B(Paragraph, 0, "2.", "Next.", 5),
		}},
		{"bare number is not a label", "Report\n\n2021 was a year of progress.", []Block{
			B(Heading, 1, "", "Report", 1),
			B(Paragraph, 0, "", "2021 was a year of progress.", 3),
		}},
		{"headings", "Report of the Group\n\nI. Introduction\n\nA. Mandate\n\n1. Text.\n\nCONCLUSIONS AND RECOMMENDATIONS\n\nB. Next section:\n\n2. A. Smith said.", []Block{
			B(Heading, 1, "", "Report of the Group", 1),
			B(Heading, 1, "I.", "Introduction", 3),
			B(Heading, 2, "A.", "Mandate", 5),
			B(Paragraph, 0, "1.", "Text.", 7),
			B(Heading, 1, "", "CONCLUSIONS AND RECOMMENDATIONS", 9),
			B(Paragraph, 0, "B.", "Next section:", 11),
			B(Paragraph, 0, "2.", "A. Smith said.", 13),
		}},
		{"I after H is a letter", "H. Eighth\n\nI. Ninth\n\nII. Roman", []Block{
			B(Heading, 2, "H.", "Eighth", 1),
			B(Heading, 2, "I.", "Ninth", 3),
			B(Heading, 1, "II.", "Roman", 5),
		}},
		{"only block is no title", "Just one line", []Block{
			B(Paragraph, 0, "", "Just one line", 1),
		}},
		{"title ending in a stop is no heading", "The Group met.\n\nIt agreed.", []Block{
			B(Paragraph, 0, "", "The Group met.", 1),
			B(Paragraph, 0, "", "It agreed.", 3),
		}},
		{"numbered paragraph is never a heading", "1. INTRODUCTION\n\n2. Text.", []Block{
			B(Paragraph, 0, "1.", "INTRODUCTION", 1),
			B(Paragraph, 0, "2.", "Text.", 3),
		}},
		{"heading between paragraphs without blank lines", "1. First.\nB. Threats\n2. Second.", []Block{
			B(Paragraph, 0, "1.", "First.", 1),
			B(Heading, 2, "B.", "Threats", 2),
			B(Paragraph, 0, "2.", "Second.", 3),
		}},
		{"bracketed text", "[Alt 1: States agreed]\n[Alt 2: States noted]", []Block{
			B(Paragraph, 0, "", "[Alt 1: States agreed]\n[Alt 2: States noted]", 1),
		}},
		{"operative paragraphs", "PP1 Recalling its resolution,\n\nOP 1. Requests the Secretary-General;\n\nOP 1 bis. Decides.", []Block{
			B(Paragraph, 0, "PP1", "Recalling its resolution,", 1),
			B(Paragraph, 0, "OP 1.", "Requests the Secretary-General;", 3),
			B(Paragraph, 0, "OP 1 bis.", "Decides.", 5),
		}},
		{"insertions", "12. Twelve.\n\n12 bis. Inserted.\n\n12ter Another.", []Block{
			B(Paragraph, 0, "12.", "Twelve.", 1),
			B(Paragraph, 0, "12 bis.", "Inserted.", 3),
			B(Paragraph, 0, "12ter", "Another.", 5),
		}},
		{"form feed and no-break space lines are blank", "1. One.\n\f\n\u00a0\n2. Two.", []Block{
			B(Paragraph, 0, "1.", "One.", 1),
			B(Paragraph, 0, "2.", "Two.", 4),
		}},
	})
}

// wrap hard-wraps the words of text greedily at width characters.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// sampleParagraphs are unlabelled paragraphs of varied length.
var sampleParagraphs = []string{
	"The Open-ended Working Group was established by the General Assembly to further develop the rules, norms and principles of responsible behaviour of States.",
	"States noted that the misuse of ICTs for disinformation could erode trust.",
	"Malicious ICT activity against critical infrastructure that provides services across several States, such as energy, water and financial services, could have cascading domestic, regional and global effects. States stressed that such infrastructure is an attractive target.",
	"In the light of the COVID-19 pandemic, States underscored the importance of protecting healthcare infrastructure, including medical services and facilities.",
	"Several delegations proposed that threats to electoral processes be examined in greater depth by any future process, and that the Secretariat compile national views.",
	"The Chair trusts that this summary will help to inform future work.",
}

// wrappedDraft lays out paras with the given separator between paragraphs,
// each hard-wrapped at width (0: not wrapped), and returns the text and
// the number of lines of each paragraph.
func wrappedDraft(paras []string, width int, separator string) string {
	var out []string
	for _, p := range paras {
		lines := []string{p}
		if width > 0 {
			lines = wrap(p, width)
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	return strings.Join(out, separator) + "\n"
}

// blockTexts returns the blocks' texts with line breaks folded to spaces.
func blockTexts(blocks []Block) []string {
	var texts []string
	for _, b := range blocks {
		texts = append(texts, strings.Join(strings.Fields(b.Label+" "+b.Text), " "))
	}
	return texts
}

func TestReadTextLayouts(t *testing.T) {
	labelled := make([]string, len(sampleParagraphs))
	for i, p := range sampleParagraphs {
		labelled[i] = fmt.Sprintf("%d. %s", i+1, p)
	}
	tests := []struct {
		name  string
		paras []string
		width int
		sep   string
	}{
		{"hard-wrapped at 72, no blank lines", sampleParagraphs, 72, "\n"},
		{"hard-wrapped at 66, no blank lines", sampleParagraphs, 66, "\n"},
		{"hard-wrapped, labelled, no blank lines", labelled, 72, "\n"},
		{"hard-wrapped, blank lines", sampleParagraphs, 72, "\n\n"},
		{"one paragraph per line", sampleParagraphs, 0, "\n"},
		{"one labelled paragraph per line", labelled, 0, "\n"},
		{"one paragraph per line, blank lines", sampleParagraphs, 0, "\n\n"},
	}
	for _, tt := range tests {
		input := wrappedDraft(tt.paras, tt.width, tt.sep)
		d, err := Read(tt.name, []byte(input), Text)
		if err != nil {
			t.Fatal(err)
		}
		if got := blockTexts(d.Blocks); !slices.Equal(got, tt.paras) {
			t.Errorf("%s: input\n%s\ngot %d blocks:%s", tt.name, input, len(got), formatBlocks(d.Blocks))
		}
	}
}

func TestReadTextRagged(t *testing.T) {
	// Lines broken by hand at varying widths, with numbered paragraphs and
	// no blank lines: the labels and sentence ends carry the structure.
	input := `Chair's summary
I. Introduction
1. This summary was prepared by the Chair
under her own responsibility and
reflects the range of views expressed at the sessions.
2. The summary is not an agreed text.
It is without prejudice to the position
of any delegation.
II. Views on threats
3. Many delegations emphasized that malicious activity
against infrastructure had increased significantly during
the period under review; several described incidents.
`
	d, err := Read("ragged.txt", []byte(input), Text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		B(Heading, 1, "", "Chair's summary", 1),
		B(Heading, 1, "I.", "Introduction", 2),
		B(Paragraph, 0, "1.", "This summary was prepared by the Chair\nunder her own responsibility and\nreflects the range of views expressed at the sessions.", 3),
		B(Paragraph, 0, "2.", "The summary is not an agreed text.\nIt is without prejudice to the position\nof any delegation.", 6),
		B(Heading, 1, "II.", "Views on threats", 9),
		B(Paragraph, 0, "3.", "Many delegations emphasized that malicious activity\nagainst infrastructure had increased significantly during\nthe period under review; several described incidents.", 10),
	}
	if !slices.EqualFunc(d.Blocks, want, Block.Equal) {
		t.Errorf("got:%s\nwant:%s", formatBlocks(d.Blocks), formatBlocks(want))
	}
}

func TestReadTextSummaries(t *testing.T) {
	// The shipped plain-text drafts (testdata/text) are written by others;
	// check the facts documented in their FACTS.md when they are present.
	with, errWith := os.ReadFile(filepath.Join("..", "testdata", "text", "chair-summary-v2.txt"))
	without, errWithout := os.ReadFile(filepath.Join("..", "testdata", "text", "chair-summary-v2-nolines.txt"))
	if errWith != nil || errWithout != nil {
		t.Skip("testdata/text drafts not present")
	}
	a, err := Read("v2.txt", with, Text)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read("v2-nolines.txt", without, Text)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(blockTexts(a.Blocks), blockTexts(b.Blocks)) {
		t.Errorf("with and without blank lines differ:%s\n---%s", formatBlocks(a.Blocks), formatBlocks(b.Blocks))
	}
	for _, d := range []*Document{a, b} {
		checkSummary(t, d)
	}
	if v1, err := os.ReadFile(filepath.Join("..", "testdata", "text", "chair-summary-v1.txt")); err == nil {
		d, err := Read("v1.txt", v1, Text)
		if err != nil {
			t.Fatal(err)
		}
		checkSummary(t, d)
	}
}

// checkSummary checks the facts the chair's summaries share: numbered
// paragraphs 1 to 17, and four headings (the title, I., II. and III.).
func checkSummary(t *testing.T, d *Document) {
	numbered, headings := 0, []string{}
	for _, blk := range d.Blocks {
		if blk.Kind == Paragraph && blk.Label == fmt.Sprintf("%d.", numbered+1) {
			numbered++
		}
		if blk.Kind == Heading {
			headings = append(headings, blk.Label)
		}
	}
	if numbered != 17 || !slices.Equal(headings, []string{"", "I.", "II.", "III."}) {
		t.Errorf("%s: %d numbered paragraphs and headings %q, want 17 and [\"\" I. II. III.]", d.Name, numbered, headings)
	}
}
