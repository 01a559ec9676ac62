package draft

import (
	"fmt"
	"strings"
	"testing"
)

// generatedDraft returns a realistic draft of about size bytes: sections
// with numbered paragraphs, lettered sub-paragraphs, bracketed text and a
// table, as Markdown or (markdown false) as plain text hard-wrapped at 72
// columns.
func generatedDraft(size int, markdown bool) []byte {
	var sb strings.Builder
	sb.WriteString("# Report of the Open-ended Working Group\n\n")
	para := 0
	for section := 0; sb.Len() < size; section++ {
		heading := fmt.Sprintf("%c. Section %d", 'A'+section%26, section)
		if markdown {
			heading = "## " + heading
		}
		sb.WriteString(heading + "\n\n")
		for i := 0; i < 12; i++ {
			para++
			text := fmt.Sprintf("%d. States [agreed] that the *use* of ICTs by States, in paragraph %d, is "+
				"subject to international law, in particular the Charter of the United Nations, and that "+
				"capacity-building should be sustainable and demand-driven.", para, i)
			if !markdown {
				text = strings.Join(wrap(text, 72), "\n")
			}
			sb.WriteString(text + "\n")
			if i%4 == 0 {
				sb.WriteString("    (a) the general availability of the Internet;\n    (b) the integrity of supply chains.\n")
			}
			sb.WriteString("\n")
		}
		if markdown {
			sb.WriteString("| Draft | Paragraphs |\n| --- | --- |\n| zero | 52 |\n| final | 52 |\n\n")
		}
	}
	return []byte(sb.String())
}

func benchmarkRead(b *testing.B, size int, f Format) {
	data := generatedDraft(size, f == Markdown)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("draft", data, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadMarkdown(b *testing.B)     { benchmarkRead(b, 1<<20, Markdown) }
func BenchmarkReadText(b *testing.B)         { benchmarkRead(b, 1<<20, Text) }
func BenchmarkReadMarkdown10MB(b *testing.B) { benchmarkRead(b, 10<<20, Markdown) }
func BenchmarkReadText10MB(b *testing.B)     { benchmarkRead(b, 10<<20, Text) }

// BenchmarkReadMarkdownNested reads 1 MB of list items nested by
// indentation as deep as the Markdown reader accepts: goldmark's slowest
// case short of the plain-text fallback.
func BenchmarkReadMarkdownNested(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for depth := range maxNesting / 2 {
			sb.WriteString(strings.Repeat("  ", depth) + "- item\n")
		}
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if d, err := Read("nested.md", data, Markdown); err != nil || len(d.Warnings) > 0 {
			b.Fatal(err, d.Warnings)
		}
	}
}

// BenchmarkReadDocx reads a Word document of about 1 MB of text: headings
// of a heading style, numbered paragraphs of a list (the numbers only in
// Word's numbering), lettered sub-paragraphs, a run of tracked changes in
// every fourth paragraph and a footnote in every tenth. SetBytes counts
// the text, not the zipped file.
func BenchmarkReadDocx(b *testing.B) {
	var body, notes strings.Builder
	textBytes := 0
	for para, section := 0, 0; textBytes < 1<<20; section++ {
		heading := fmt.Sprintf("%c. Section %d", 'A'+section%26, section)
		body.WriteString(wp(`<w:pStyle w:val="Heading1"/>`, wr(heading)))
		textBytes += len(heading)
		for i := 0; i < 12; i++ {
			para++
			text := fmt.Sprintf("States [agreed] that the use of ICTs by States, in paragraph %d, is "+
				"subject to international law, in particular the Charter of the United Nations, and that "+
				"capacity-building should be sustainable and demand-driven.", i)
			runs := []string{wr(text)}
			if i%4 == 0 {
				runs = append(runs, `<w:del w:id="1" w:author="A"><w:r><w:delText> Old words.</w:delText></w:r></w:del>`,
					`<w:ins w:id="2" w:author="A">`+wr(" New words.")+`</w:ins>`)
			}
			if i%10 == 0 {
				id := fmt.Sprint(para)
				runs = append(runs, `<w:r><w:footnoteReference w:id="`+id+`"/></w:r>`)
				notes.WriteString(`<w:footnote w:id="` + id + `">` + wp("", wr("See A/RES/73/27, para. "+id+".")) + `</w:footnote>`)
			}
			body.WriteString(wp(numPr("1", "0"), runs...))
			textBytes += len(text)
			if i%4 == 0 {
				body.WriteString(wp(numPr("1", "1"), wr("the general availability of the Internet;")))
				body.WriteString(wp(numPr("1", "1"), wr("the integrity of supply chains.")))
				textBytes += 72
			}
		}
	}
	data := docxOf(b, docxParts{body: body.String(), styles: headingStyles, numbering: paraList, footnotes: notes.String()})
	b.SetBytes(int64(textBytes))
	b.ReportMetric(float64(len(data)), "docx-bytes")
	for b.Loop() {
		if _, err := Read("draft.docx", data, Docx); err != nil {
			b.Fatal(err)
		}
	}
}
