package draft

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// plainTemplates are lines of each plain kind, lookalikes lines that look
// plain but read otherwise in CommonMark (or may), which must send their
// part to goldmark. FuzzPlainMarkdown makes drafts of them.
var (
	plainTemplates = []string{
		"", "# Title", "## A. Introduction", "### IV. Conclusions", "###### six",
		"1. States agreed.", "12. (a) of resolution 75/240;", "2. The Group noted", "3. (i) first.",
		"1. 2021 was a year", "999999999. nine digits", "text continues here",
		"(b) sub-paragraph text.", "(c) another;", "2021 figures show", "45", "\"Quoted\" start",
		"'single' start", "État des lieux", "ends a clause.", "a\\", "\u00a0nbsp start", "\u3000",
		"x | y", "a\tb", "1. ends a clause:", "(d) last.",
	}
	lookalikes = []string{
		"1) paren", "1.  two spaces", "1.", "1. ", "1234567890. ten digits", "#nospace",
		"####### seven", "## closing ##", "## trailing  ", "#", "# ", "text  ", " indented",
		"\tTab", "- bullet", "* star", "+ plus", "> quote", "---", "***", "===", "| a | b |",
		"|---|---|", ":--|--:", "[ref]: /url", "<div>", "```", "~~~", "    code",
		"1. # heading in item", "1. - bullet in item", "1. 2. nested", "1. 2) nested",
		"0. zero", "01. leading zero", "2. :colon", "1. > quote",
	}
)

// TestReadPlain checks that a draft of numbered paragraphs under headings
// is read without goldmark, to the blocks goldmark's tree gives.
func TestReadPlain(t *testing.T) {
	src := "# Report\n\n## A. Introduction\n\n1. States agreed that\n(a) norms apply;\n(b) law applies.\n\n2. Further text\nlazily continued.\n3. A tight item.\n\nRunning text.\n\n## B. Rest\n\n4. Last.\n"
	r := &markdownReader{lines: lineCursor{index: newLineIndex([]byte(src))}}
	r.src, r.text = []byte(src), src
	if !r.readPlain() {
		t.Fatal("a plain draft was left to goldmark")
	}
	checkLikeGoldmark(t, []byte(src))
	if len(r.blocks) != 9 { // "(a)" stays in item 1: "that" ends no clause
		t.Errorf("%d blocks, want 9: %+v", len(r.blocks), r.blocks)
	}
	for _, line := range slices.Concat(plainTemplates, lookalikes) {
		checkLikeGoldmark(t, []byte(line+"\n"))
		checkLikeGoldmark(t, []byte("1. item\n"+line+"\n\n"+line+"\ntext\n"+line))
	}
}

// FuzzPlainMarkdown holds the reading of plain parts to goldmark's on two
// drafts made of one line for each byte of the input: one of plain lines
// alone, read without goldmark, and one that mixes in lookalikes.
func FuzzPlainMarkdown(f *testing.F) {
	f.Add([]byte{1, 0, 5, 11, 12, 13, 0, 7, 0, 14})
	f.Add([]byte{5, 11, 5, 6, 0, 10, 16, 7})
	f.Add([]byte{5, 27, 5, 23, 0, 12, 34, 2})
	f.Fuzz(func(t *testing.T, picks []byte) {
		all := slices.Concat(plainTemplates, lookalikes)
		var plain, mixed strings.Builder
		for _, p := range picks {
			plain.WriteString(plainTemplates[int(p)%len(plainTemplates)] + "\n")
			mixed.WriteString(all[int(p)%len(all)] + "\n")
		}
		checkLikeGoldmark(t, []byte(plain.String()))
		checkLikeGoldmark(t, []byte(mixed.String()))
	})
}

// TestPlainOnTestdata reads every Markdown draft under testdata with and
// without the plain reading: the blocks must be the same.
func TestPlainOnTestdata(t *testing.T) {
	names, err := filepath.Glob("../testdata/*/*.md")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../testdata/*/*/*.md")
	names = append(names, more...)
	if len(names) < 5 {
		t.Fatalf("%d drafts found", len(names))
	}
	plain, all := 0, 0
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src, _, err := prepare(name, data)
		if _, deep := nestedTooDeep(src); err != nil || deep {
			continue
		}
		parts := markdownParts(src, 1) // as many parts as there are headings
		got := readMarkdownWith(markdownParser(), src, parts, true)
		want := readMarkdownWith(markdownParser(), src, parts, false)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read apart with plain parts", name)
		}
		for k, start := range parts {
			end := len(src)
			if k+1 < len(parts) {
				end = parts[k+1]
			}
			r := &markdownReader{lines: lineCursor{index: newLineIndex(src[start:end])}}
			r.src, r.text = src[start:end], string(src[start:end])
			if r.readPlain() {
				plain++
			}
			all++
		}
	}
	t.Logf("%d of %d parts plain", plain, all)
	if plain == 0 {
		t.Error("no part of the test drafts is plain: the test compares nothing")
	}
}
