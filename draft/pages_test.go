package draft

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// BM is B with marks.
func BM(kind Kind, level int, label, text string, line int, marks ...Mark) Block {
	b := B(kind, level, label, text, line)
	b.SetMarks(marks)
	return b
}

// rejoined is a Rejoined mark at offset at of a block's text.
func rejoined(at int, value string) Mark {
	return Mark{Start: int32(at), End: int32(at), Style: Rejoined, Value: value}
}

// pagedCase is a plain-text input with the blocks and warnings expected.
type pagedCase struct {
	name     string
	input    string
	want     []Block
	warnings []string
}

// runPagedCases reads each case as plain text and compares blocks (marks
// included) and warnings.
func runPagedCases(t *testing.T, cases []pagedCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read("T", []byte(tc.input), Text)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if !slices.EqualFunc(d.Blocks, tc.want, Block.Equal) {
				t.Errorf("got:%s\nwant:%s", formatMarkedBlocks(d.Blocks), formatMarkedBlocks(tc.want))
			}
			if !slices.Equal(d.Warnings, tc.warnings) {
				t.Errorf("warnings %q, want %q", d.Warnings, tc.warnings)
			}
		})
	}
}

const (
	idHead = "Internet-Draft              Message Framing               March 2026"
	idFoot = "Sample & Example          Expires September 3, 2026          [Page %d]"
)

func TestReadTextPages(t *testing.T) {
	runPagedCases(t, []pagedCase{
		{"Internet-Draft pages", "" +
			"   The first paragraph runs over\n" + // 1
			"   two lines.\n" +
			"\n" +
			"   The second paragraph starts on the first\n" + // 4
			"   page and\n" +
			"\n" +
			fmt.Sprintf(idFoot, 1) + "\n" +
			"\f\n" +
			idHead + "\n" +
			"\n\n" +
			"   ends on the second page.\n" + // 12
			"\n" +
			"   A third paragraph ends the page.\n" + // 14
			"\n" +
			fmt.Sprintf(idFoot, 2) + "\n" +
			"\f\n" +
			idHead + "\n" +
			"\n\n" +
			"   The last page has one paragraph.\n" + // 21
			"\n" +
			fmt.Sprintf(idFoot, 3) + "\n", []Block{
			B(Paragraph, 0, "", "The first paragraph runs over\n   two lines.", 1),
			B(Paragraph, 0, "", "The second paragraph starts on the first\n   page and\n   ends on the second page.", 4),
			B(Paragraph, 0, "", "A third paragraph ends the page.", 14),
			B(Paragraph, 0, "", "The last page has one paragraph.", 21),
		}, []string{"T: 5 page headers and footers removed"}},
		{"form feed starting the running head", "" +
			"1. The Group met in New York and in Geneva, where it held two sessions\n" + // 1
			"   of a week each, and in\n" +
			"\n" +
			fmt.Sprintf(idFoot, 1) + "\n" +
			"\f" + idHead + "\n" +
			"\n" +
			"   Vienna, twice. It agreed on the programme of work that the Chair had\n" + // 7
			"   proposed.\n" +
			"\n" +
			fmt.Sprintf(idFoot, 2) + "\n" +
			"\f" + idHead + "\n" +
			"\n" +
			"2. It adopted its report by consensus at the last meeting of the second\n" + // 13
			"   session, without a vote.\n" +
			"\n" +
			fmt.Sprintf(idFoot, 3) + "\n", []Block{
			B(Paragraph, 0, "1.", "The Group met in New York and in Geneva, where it held two sessions\n"+
				"   of a week each, and in\n   Vienna, twice. It agreed on the programme of work that the Chair had\n"+
				"   proposed.", 1),
			B(Paragraph, 0, "2.", "It adopted its report by consensus at the last meeting of the second\n   session, without a vote.", 13),
		}, []string{"T: 5 page headers and footers removed"}},
		{"a paragraph ends where a page does", "" +
			"   One paragraph runs on\n" + // 1
			"\n" +
			fmt.Sprintf(idFoot, 1) + "\n" +
			"\f\n" +
			idHead + "\n" +
			"\n" +
			"   across the break.\n" + // 7
			"   o  an item without a stop\n" +
			"\n" +
			"\n" +
			fmt.Sprintf(idFoot, 2) + "\n" +
			"\f\n" +
			idHead + "\n" +
			"\n" +
			"   Another paragraph.\n" + // 15
			"\n" +
			fmt.Sprintf(idFoot, 3) + "\n", []Block{
			B(Paragraph, 0, "", "One paragraph runs on\n   across the break.\n   o  an item without a stop", 1),
			B(Paragraph, 0, "", "Another paragraph.", 15),
		}, []string{"T: 5 page headers and footers removed"}},
		{"a bare form feed inside a paragraph", "The text runs\n\f\non here.\n\nNext.", []Block{
			B(Paragraph, 0, "", "The text runs\non here.", 1),
			B(Paragraph, 0, "", "Next.", 5),
		}, nil},
		{"a line that heads one page only stays", "" +
			"1. The Group met.\n" +
			fmt.Sprintf(idFoot, 1) + "\n" +
			"\f\n" +
			"ANNEX\n" + // 4
			"2. It agreed.\n" +
			fmt.Sprintf(idFoot, 2) + "\n" +
			"\f\n" +
			"3. It left.\n" + // 8
			fmt.Sprintf(idFoot, 3) + "\n", []Block{
			B(Paragraph, 0, "1.", "The Group met.", 1),
			B(Heading, 1, "", "ANNEX", 4),
			B(Paragraph, 0, "2.", "It agreed.", 5),
			B(Paragraph, 0, "3.", "It left.", 8),
		}, []string{"T: 3 page headers and footers removed"}},
	})
}

// pdfParagraphs are numbered paragraphs hard-wrapped at 72 columns without
// blank lines between them, as text extracted from a PDF; 90 lines.
func pdfParagraphs() []string {
	var lines []string
	for i := range 5 * len(sampleParagraphs) {
		p := fmt.Sprintf("%d. %s", i+1, sampleParagraphs[i%len(sampleParagraphs)])
		lines = append(lines, wrap(p, 72)...)
	}
	return lines
}

// laidOut lays lines out in pages of size lines, each page's head and foot
// (for the page's number, from 1) written around it; a blank head or foot
// is left out.
func laidOut(lines []string, size int, head, foot func(page int) []string) string {
	var out []string
	for page := 1; len(lines) > 0; page++ {
		n := min(size, len(lines))
		out = append(out, head(page)...)
		out = append(out, lines[:n]...)
		out = append(out, foot(page)...)
		lines = lines[n:]
	}
	return strings.Join(out, "\n") + "\n"
}

// lines returns its arguments, the lines of a head or foot.
func lines(s ...string) []string { return s }

func TestReadTextPageLayouts(t *testing.T) {
	body := pdfParagraphs()
	unpaged, err := Read("unpaged", []byte(strings.Join(body, "\n")), Text)
	if err != nil {
		t.Fatal(err)
	}
	none := func(int) []string { return nil }
	onePerPage := func(pages int) int { return pages }
	headsAndFeet := func(pages int) int { return 2*pages - 1 } // no head on the first
	tests := []struct {
		name       string
		head, foot func(page int) []string
		furniture  func(pages int) int
	}{
		{"running head and - N - at the foot", func(page int) []string {
			if page == 1 {
				return nil
			}
			return lines("A/HRC/55/L.12", "")
		}, func(page int) []string { return lines("", fmt.Sprintf("- %d -", page), "") }, headsAndFeet},
		{"running head and bare numbers, none on the first page", func(page int) []string {
			if page == 1 {
				return nil
			}
			return lines("A/HRC/55/L.12", "")
		}, func(page int) []string {
			if page == 1 {
				return nil
			}
			return lines("", fmt.Sprint(page), "")
		}, func(pages int) int { return 2 * (pages - 1) }},
		{"Page N of M at the head", func(page int) []string {
			return lines(fmt.Sprintf("Page %d of 5", page))
		}, none, onePerPage},
		{"bare page numbers", none, func(page int) []string { return lines("", fmt.Sprint(page)) }, onePerPage},
		{"heads alternating between odd and even pages", func(page int) []string {
			if page%2 == 0 {
				return lines(fmt.Sprintf("%d                                         A/HRC/55/L.12", page))
			}
			return lines(fmt.Sprintf("Report of the Group                              %d", page))
		}, none, onePerPage},
		{"[Page N] footers and running heads without form feeds", func(page int) []string {
			if page == 1 {
				return nil
			}
			return lines(idHead, "", "")
		}, func(page int) []string { return lines("", fmt.Sprintf(idFoot, page)) }, headsAndFeet},
		{"[Page N] footers and form feeds", func(page int) []string {
			if page == 1 {
				return nil
			}
			return lines("\f", idHead, "", "")
		}, func(page int) []string { return lines("", fmt.Sprintf(idFoot, page)) }, headsAndFeet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := laidOut(body, 12, tt.head, tt.foot)
			d, err := Read("T", []byte(input), Text)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := blockTexts(d.Blocks), blockTexts(unpaged.Blocks); !slices.Equal(got, want) {
				t.Errorf("input:\n%s\ngot:%s\nwant the blocks without pages:%s", input,
					formatBlocks(d.Blocks), formatBlocks(unpaged.Blocks))
			}
			pages := (len(body) + 11) / 12
			want := []string{fmt.Sprintf("T: %d page headers and footers removed", tt.furniture(pages))}
			if !slices.Equal(d.Warnings, want) {
				t.Errorf("warnings %q, want %q", d.Warnings, want)
			}
		})
	}
}

func TestReadTextNotPaginated(t *testing.T) {
	// Lines that recur with only their number changing, regularly, but
	// never where a sentence runs on: headings, not page furniture. The
	// draft reads as it would without them being numbered alike.
	var sb strings.Builder
	for article := 1; article <= 5; article++ {
		fmt.Fprintf(&sb, "Article %d\n", article)
		for i := range 3 {
			sb.WriteString(strings.Join(wrap(sampleParagraphs[(article+i)%len(sampleParagraphs)], 72), "\n") + "\n")
		}
	}
	input := sb.String()
	d, err := Read("T", []byte(input), Text)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) > 0 {
		t.Errorf("warnings %q", d.Warnings)
	}
	articles := 0
	for _, b := range d.Blocks {
		articles += strings.Count(b.Label+" "+b.Text, "Article ")
	}
	if articles != 5 {
		t.Errorf("%d blocks of articles, want 5:%s", articles, formatBlocks(d.Blocks))
	}
	if pages := paginate(input); pages.paginated || len(pages.edits) > 0 {
		t.Errorf("paginated: %+v", pages)
	}
}

func TestReadTextContents(t *testing.T) {
	runPagedCases(t, []pagedCase{
		{"dot leaders", "Contents\n\n1. Introduction .......... 1\n2. Scope ................. 3\n" +
			"   2.1 Definitions ....... 4\n3. Obligations ........... 7\n\n1. Introduction\n", []Block{
			B(Heading, 1, "", "Contents", 1),
			B(Contents, 0, "", "1. Introduction .......... 1\n2. Scope ................. 3\n"+
				"   2.1 Definitions ....... 4\n3. Obligations ........... 7", 3),
			B(Paragraph, 0, "1.", "Introduction", 8),
		}, nil},
		{"spaced leaders, a wrapped title, blank lines", "Table of Contents\n\n" +
			"   1.  Introduction . . . . . . . . . . . . . . . . 3\n" +
			"   2.  Considerations on the Framing of Requests and\n" +
			"       Responses  . . . . . . . . . . . . . . . . . 5\n" +
			"\n" +
			"   3.  Security . . . . . . . . . . . . . . . . . . 9\n" +
			"\n" +
			"   The text.\n", []Block{
			B(Heading, 1, "", "Table of Contents", 1),
			B(Contents, 0, "", "1.  Introduction . . . . . . . . . . . . . . . . 3\n"+
				"   2.  Considerations on the Framing of Requests and\n"+
				"       Responses  . . . . . . . . . . . . . . . . . 5\n"+
				"   3.  Security . . . . . . . . . . . . . . . . . . 9", 3),
			B(Paragraph, 0, "", "The text.", 9),
		}, nil},
		{"gaps without leaders in a draft without pages are text", "Draft      Paragraphs\n" +
			"zero       52\nfirst      54\nfinal      55\n", []Block{
			B(Paragraph, 0, "", "Draft      Paragraphs\nzero       52\nfirst      54\nfinal      55", 1),
		}, nil},
		{"two entries are no table of contents", "Intro ........ 1\nScope ........ 2\n\nText.", []Block{
			B(Paragraph, 0, "", "Intro ........ 1\nScope ........ 2", 1),
			B(Paragraph, 0, "", "Text.", 4),
		}, nil},
		{"gaps without leaders across pages", "" +
			"CONTENTS\n" +
			"   I.    Introduction                     1\n" + // 2
			"   II.   Mandate                          1\n" +
			fmt.Sprintf(idFoot, 1) + "\n" +
			"\f\n" +
			idHead + "\n" +
			"   III.  Work of the Group                2\n" +
			"   IV.   Conclusions                      3\n" +
			fmt.Sprintf(idFoot, 2) + "\n" +
			"\f\n" +
			idHead + "\n" +
			"   I. Introduction\n" + // 12
			fmt.Sprintf(idFoot, 3) + "\n", []Block{
			B(Heading, 1, "", "CONTENTS", 1),
			B(Contents, 0, "", "I.    Introduction                     1\n"+
				"   II.   Mandate                          1\n"+
				"   III.  Work of the Group                2\n"+
				"   IV.   Conclusions                      3", 2),
			B(Heading, 1, "I.", "Introduction", 12),
		}, []string{"T: 5 page headers and footers removed"}},
	})
}

func TestReadTextRejoin(t *testing.T) {
	paged := func(text string) string {
		// Two page breaks with a footer, so that the draft is paginated.
		foot := "\n\n" + fmt.Sprintf(idFoot, 1) + "\n\f\n"
		return "Start.\n" + foot + "Middle.\n" + foot + text
	}
	runPagedCases(t, []pagedCase{
		{"hyphen dropped", "1. The President of the Council spoke.\n\n2. The Pre-\nsident agreed.\n", []Block{
			B(Paragraph, 0, "1.", "The President of the Council spoke.", 1),
			BM(Paragraph, 0, "2.", "The President agreed.", 3, rejoined(7, "-\n")),
		}, nil},
		{"hyphen kept in a compound", "It is a well-known rule.\n\nThe rule is well-\n   known.\n", []Block{
			B(Paragraph, 0, "", "It is a well-known rule.", 1),
			BM(Paragraph, 0, "", "The rule is well-known.", 3, rejoined(17, "\n   ")),
		}, nil},
		{"the more frequent form wins", "The co-operation and cooperation, cooperation here.\n\nThe co-\noperation.\n", []Block{
			B(Paragraph, 0, "", "The co-operation and cooperation, cooperation here.", 1),
			BM(Paragraph, 0, "", "The cooperation.", 3, rejoined(6, "-\n")),
		}, nil},
		{"neither form in the draft", "The co-\noperation.\n", []Block{
			B(Paragraph, 0, "", "The co-\noperation.", 1),
		}, nil},
		{"a word met only at line ends is not in the dictionary", "The President\nagreed.\n\nThe Pre-\nsident.\n", []Block{
			B(Paragraph, 0, "", "The President\nagreed.", 1),
			B(Paragraph, 0, "", "The Pre-\nsident.", 4),
		}, nil},
		{"two rejoined words in one paragraph", "The implementation shall be made by the President here.\n\n" +
			"The implemen-\ntation by the Pre-\n  sident.\n", []Block{
			B(Paragraph, 0, "", "The implementation shall be made by the President here.", 1),
			BM(Paragraph, 0, "", "The implementation by the President.", 3,
				rejoined(12, "-\n"), rejoined(29, "-\n  ")),
		}, nil},
		{"no hyphen: not rejoined in a draft without pages", "It shall be so.\n\nIt shal\nl be so.\n", []Block{
			B(Paragraph, 0, "", "It shall be so.", 1),
			B(Paragraph, 0, "", "It shal\nl be so.", 3),
		}, nil},
		{"no hyphen: rejoined in a paginated draft", paged("It shall be so.\n\nIt shal\nl be so.\n"), []Block{
			B(Paragraph, 0, "", "Start.", 1),
			B(Paragraph, 0, "", "Middle.", 6),
			B(Paragraph, 0, "", "It shall be so.", 11),
			BM(Paragraph, 0, "", "It shall be so.", 13, rejoined(7, "\n")),
		}, []string{"T: 2 page headers and footers removed"}},
		{"no hyphen: words of their own stay apart", paged("Go into it, in it and to it.\n\nGo in\nto it.\n"), []Block{
			B(Paragraph, 0, "", "Start.", 1),
			B(Paragraph, 0, "", "Middle.", 6),
			B(Paragraph, 0, "", "Go into it, in it and to it.", 11),
			B(Paragraph, 0, "", "Go in\nto it.", 13),
		}, []string{"T: 2 page headers and footers removed"}},
		{"across a page break", paged("The President spoke.\n\nThe Pre-\n\n" + fmt.Sprintf(idFoot, 3) + "\n\f\nsident agreed.\n"), []Block{
			B(Paragraph, 0, "", "Start.", 1),
			B(Paragraph, 0, "", "Middle.", 6),
			B(Paragraph, 0, "", "The President spoke.", 11),
			BM(Paragraph, 0, "", "The President agreed.", 13, rejoined(7, "-\n")),
		}, []string{"T: 3 page headers and footers removed"}},
	})
}

// unjoined returns a block's text with the characters its Rejoined marks
// hold put back: the text as written in the source.
func unjoined(b Block) string {
	var sb strings.Builder
	at := 0
	for _, m := range b.Marks() {
		if m.Style != Rejoined || int(m.Start) < at || int(m.Start) > len(b.Text) {
			continue
		}
		sb.WriteString(b.Text[at:m.Start])
		sb.WriteString(m.Value)
		at = int(m.Start)
	}
	sb.WriteString(b.Text[at:])
	return sb.String()
}

// readTestdata reads a file of the repository's testdata folder.
func readTestdata(t *testing.T, path ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{"..", "testdata"}, path...)...))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadPaginatedTestdata(t *testing.T) {
	tests := []struct {
		file      string
		furniture int
		contents  int // lines of the table of contents
		joined    string
	}{
		{"id-v1.txt", 9, 14, "A connection is a reliable, ordered stream of octets.  This document\n" +
			"   does not define how connections are opened or closed; it assumes that"},
		{"id-v2.txt", 9, 14, "A single party may play several of these roles at once, for different\n" +
			"   connections; the requirements of this document apply to each role"},
		{"pdf-v1.txt", 8, 0, "their implementation of the well-known commitments"},
		{"pdf-v2.txt", 8, 0, "with the participation of\nStates, treaty bodies"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := readTestdata(t, "paginated", tt.file)
			d, err := Read(tt.file, data, Text)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{fmt.Sprintf("%s: %d page headers and footers removed", tt.file, tt.furniture)}
			if !slices.Equal(d.Warnings, want) {
				t.Errorf("warnings %q, want %q", d.Warnings, want)
			}
			contents, joined := 0, false
			for _, b := range d.Blocks {
				text := b.Label + " " + b.Text
				for _, furniture := range []string{"ETP Message Framing ", "[Page", "A/HRC/55/L.12", "\f"} {
					if strings.Contains(text, furniture) {
						t.Errorf("block %q holds furniture %q", text, furniture)
					}
				}
				if strings.Trim(text, " 0123456789") == "" {
					t.Errorf("block %q is a page number", text)
				}
				if b.Kind == Contents {
					contents += strings.Count(b.Text, "\n") + 1
				}
				joined = joined || strings.Contains(b.Text, tt.joined)
				for _, line := range strings.Split(unjoined(b), "\n") {
					if !strings.Contains(string(data), strings.TrimSpace(line)) {
						t.Errorf("block %q: line %q not in the source", b.Text, line)
					}
				}
			}
			if contents != tt.contents {
				t.Errorf("%d lines of contents, want %d", contents, tt.contents)
			}
			if !joined {
				t.Errorf("no block holds %q, which runs across a page break", tt.joined)
			}
		})
	}
}

// BenchmarkReadTextPaginated reads 10 MB of generatedDraft's plain text
// laid out in pages of 50 lines with a running head, a footer with the
// page number and a form feed: the page search, the furniture's removal
// and paragraphs joined across page breaks, on the scale of a long draft.
func BenchmarkReadTextPaginated(b *testing.B) {
	body := strings.Split(string(generatedDraft(10<<20, false)), "\n")
	data := []byte(laidOut(body, 50, func(page int) []string {
		if page == 1 {
			return nil
		}
		return lines("\f", idHead, "", "")
	}, func(page int) []string { return lines("", fmt.Sprintf(idFoot, page)) }))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if d, err := Read("draft", data, Text); err != nil || len(d.Warnings) != 1 {
			b.Fatal(err, d.Warnings)
		}
	}
}
