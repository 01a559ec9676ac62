package doc

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
