package draft

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// fuzzSeeds are added to both fuzz targets, besides the corpus files in
// testdata/fuzz.
var fuzzSeeds = []string{
	"",
	"# A\n\n1. one\n\n   still one\n\n# B\n\n> quoted\n\n## C\n| a |\n|---|\n\n#\tD\n- x\n",
	"before\n| a | b \\| c |\n|:--|--:|\n| 1 | 2 | 3 |\n|\n",
	"5. States agreed that:\n    (a) foo;\n    (b) bar.\n\n6. Next.",
	"## A. Introduction\r\n\r\n12 bis. Inserted.\r\n",
	"\uFEFF# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	"- one\n  - two\n    1. three\n> quoted\n>> deeper\n",
	"1. bad \xff UTF-8 \xc3(\n",
	"Title\nI. Introduction\n1. Wrapped text at a fixed\nwidth of thirty or so.\nB. Next\n",
	"    code\n\n```\nfenced\n```\n<div>\nhtml\n</div>\n---\n",
	"(i)\n(v)\n(x)\n(h)\n(i)\na)\niv)\nOP 7 bis.\nPP3\n",
	"\xff\xfe1\x00.\x00 \x00S\x00\n\x00\n\x00#\x00 \x00A\x00\x00\xd8b\x00", // UTF-16LE, an unpaired surrogate
	"\xfe\xff\x00#\x00 \x00A\x00\r\x00\n\x001\x00.\x00 \xd8\x35\xdd\x3d!",  // UTF-16BE, a pair, an odd byte
}

// textSeeds are added to FuzzReadText: paginated text (form feeds, running
// heads, footers, page numbers), tables of contents and words broken
// across lines.
var textSeeds = []string{
	"   The text runs\n\nSample      Expires June 2026      [Page 1]\n\f\nInternet-Draft    Framing    March 2026\n\n" +
		"   on here.\n\nSample      Expires June 2026      [Page 2]\n\f\nInternet-Draft    Framing    March 2026\n\n" +
		"   Done.\n\nSample      Expires June 2026      [Page 3]\n",
	"1. The Group met in\n\f- 2 -\nand agreed\n\f\f\n- 3 -\n\fon it.\f\n",
	"Contents\n\n1. Introduction ........ 1\n   1.1 Scope . . . . . 2\n2. Long title wrapped\n   onto a line ..... 3\n\nText.",
	"The President and the well-known cooperation shall be.\nThe Pre-\nsident, the well-\n  known co-\noperation shal\nl be.\f\n",
	"A/HRC/55/L.12\n\nfirst page text that runs\n\n1\n\n2   A/HRC/55/L.12\n\nsecond\n\n2\n\nA/HRC/55/L.12   3\n\nthird\n\n3\n",
	"Page 1 of 3\nx\nPage 2 of 3\ny-\nPage 3 of 3\n-\n\f-\n\f",
}

func FuzzReadText(f *testing.F) {
	for _, s := range append(fuzzSeeds, textSeeds...) {
		f.Add([]byte(s))
	}
	for _, name := range []string{"id-v1.txt", "id-v2.txt", "pdf-v1.txt", "pdf-v2.txt"} {
		if data, err := os.ReadFile(filepath.Join("..", "testdata", "paginated", name)); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, Text)
	})
}

func FuzzReadMarkdown(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, Markdown)
		checkMarkdownParts(t, data)
		checkLikeGoldmark(t, data)
	})
}

// checkMarkdownParts checks that reading a Markdown draft in parts, split
// at every heading markdownParts allows, gives the blocks of reading it
// whole.
func checkMarkdownParts(t *testing.T, data []byte) {
	src, _, err := prepare("fuzz", data)
	if err != nil || nestedTooDeep(src) {
		return
	}
	whole := readMarkdownParts(src, []int{0})
	parts := markdownParts(src, 1)
	if got := readMarkdownParts(src, parts); !reflect.DeepEqual(got, whole) {
		t.Fatalf("read in parts at %v:\n%+v\nwhole:\n%+v", parts, got, whole)
	}
}

// checkRead reads data and checks the invariants every reader keeps.
func checkRead(t *testing.T, data []byte, f Format) {
	// Go's fuzzing has no time limit per input; a read that hangs crashes
	// the worker instead, so that the input is kept as a failure.
	watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("Read hangs on %q", data)) })
	defer watchdog.Stop()
	d, err := Read("fuzz", data, f)
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		checkReadUTF16(t, data, f, d, err)
		return
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if !errors.Is(err, ErrBinary) || !strings.HasPrefix(err.Error(), "fuzz: ") {
			t.Fatalf("data with NUL: err = %v, want ErrBinary naming the file", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	checkWarnings(t, data, d.Warnings)
	source := repaired(data)
	checkBlocks(t, source, d.Blocks)
	if f == Text {
		checkLines(t, source, d.Blocks)
	}
	again, err := Read("fuzz", data, f)
	if err != nil || !reflect.DeepEqual(d, again) {
		t.Fatalf("second read differs: %v", err)
	}
}

// repaired returns data as text with each invalid byte read as U+FFFD,
// independently of the reader's own repair.
func repaired(data []byte) string {
	var sb strings.Builder
	for _, r := range string(data) {
		sb.WriteRune(r)
	}
	return sb.String()
}

// checkReadUTF16 checks the reading d, err of UTF-16 data with a
// byte-order mark against the reading of the same text decoded by the
// standard library as UTF-8: the same blocks, or ErrBinary for a NUL.
func checkReadUTF16(t *testing.T, data []byte, f Format, d *Document, err error) {
	units := make([]uint16, (len(data)-2)/2)
	for k := range units {
		a, b := data[2+2*k], data[3+2*k]
		if data[0] == 0xFE {
			a, b = b, a
		}
		units[k] = uint16(a) | uint16(b)<<8
	}
	text := string(utf16.Decode(units))
	if len(data)%2 == 1 {
		text += "\uFFFD"
	}
	if strings.IndexByte(text, 0) >= 0 {
		if !errors.Is(err, ErrBinary) || !strings.HasPrefix(err.Error(), "fuzz: ") {
			t.Fatalf("UTF-16 with NUL: err = %v, want ErrBinary naming the file", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("Read of UTF-16: %v", err)
	}
	want, err := Read("fuzz", []byte(text), f)
	if err != nil {
		t.Fatalf("Read of its UTF-8: %v", err)
	}
	if !reflect.DeepEqual(d.Blocks, want.Blocks) {
		t.Fatalf("UTF-16 reads as\n%+v\nits UTF-8 as\n%+v", d.Blocks, want.Blocks)
	}
	if len(d.Warnings) > 1 || len(d.Warnings) == 1 && !strings.Contains(text, "\uFFFD") {
		t.Fatalf("warnings %q for UTF-16 that decodes to %q", d.Warnings, text)
	}
}

// checkWarnings checks that invalid UTF-8 gives one warning, and that
// every warning names the draft.
func checkWarnings(t *testing.T, data []byte, warnings []string) {
	repairs := 0
	for _, w := range warnings {
		if !strings.HasPrefix(w, "fuzz: ") {
			t.Fatalf("warning %q does not name the draft", w)
		}
		if strings.Contains(w, "UTF-8") {
			repairs++
		}
	}
	if valid := utf8.Valid(data); valid && repairs != 0 || !valid && repairs != 1 {
		t.Fatalf("%d UTF-8 warnings for valid=%v: %q", repairs, valid, warnings)
	}
}

// checkBlocks checks each block on its own and the blocks' order against
// the source: their non-space characters, label before text, must appear
// in the source in the same order.
func checkBlocks(t *testing.T, source string, blocks []Block) {
	lines := strings.Count(strings.ReplaceAll(source, "\r\n", "\n"), "\n") +
		strings.Count(source, "\r") - strings.Count(source, "\r\n") + 1
	rest, prevLine := source, 1
	for i, b := range blocks {
		checkBlock(t, i, b, source)
		if int(b.Line) < prevLine || int(b.Line) > lines {
			t.Fatalf("block %d: line %d after line %d (source has %d lines)", i, b.Line, prevLine, lines)
		}
		prevLine = int(b.Line)
		var ok bool
		if rest, ok = consumeInOrder(rest, b.Label+ownText(b)); !ok {
			t.Fatalf("block %d (%q %q) is not in the source in reading order", i, b.Label, b.Text)
		}
	}
}

// checkBlock checks one block's fields.
func checkBlock(t *testing.T, i int, b Block, source string) {
	switch {
	case !utf8.ValidString(b.Text) || !utf8.ValidString(b.Label):
		t.Fatalf("block %d: invalid UTF-8", i)
	case b.Text != strings.TrimSpace(b.Text) || b.Label != strings.TrimSpace(b.Label):
		t.Fatalf("block %d: white space at the ends of %q %q", i, b.Label, b.Text)
	case b.Text == "" && b.Label == "":
		t.Fatalf("block %d is empty", i)
	case int(b.Kind) >= len(kindNames) || b.Level < 0 || b.Kind == Heading && (b.Level < 1 || b.Level > 6):
		t.Fatalf("block %d: kind %v level %d", i, b.Kind, b.Level)
	case b.Line < 1:
		t.Fatalf("block %d: line %d", i, b.Line)
	}
	for _, word := range strings.Fields(b.Label + " " + ownText(b)) {
		if !strings.Contains(source, word) {
			t.Fatalf("block %d: word %q is not in the source", i, word)
		}
	}
	checkRejoined(t, i, b)
}

// checkRejoined checks a block's Rejoined marks: each at one place in its
// text, holding a line break (and the indentation after it), after a
// hyphen if any; one place has at most one, and they come in order.
func checkRejoined(t *testing.T, i int, b Block) {
	at := int32(-1)
	for _, m := range b.Marks {
		if m.Style != Rejoined {
			continue
		}
		value := strings.TrimPrefix(m.Value, "-")
		switch {
		case m.Start != m.End || m.Start <= at || int(m.Start) > len(b.Text):
			t.Fatalf("block %d: Rejoined mark at %d-%d after %d in %d bytes", i, m.Start, m.End, at, len(b.Text))
		case !strings.HasPrefix(value, "\n") || strings.TrimSpace(value) != "":
			t.Fatalf("block %d: Rejoined mark holds %q", i, m.Value)
		}
		at = m.Start
	}
}

// checkLines checks the plain-text reader's blocks against the source:
// each line of a block's text as written (its rejoined words broken again,
// see unjoined) is a line of the source, trimmed, and the lines come in
// the order of the source. Lines the reader left out (blank lines, page
// furniture) are in no block.
func checkLines(t *testing.T, source string, blocks []Block) {
	rest := source
	for i, b := range blocks {
		if b.Label != "" {
			j := strings.Index(rest, b.Label)
			if j < 0 {
				t.Fatalf("block %d: label %q is not in the source after the blocks before it", i, b.Label)
			}
			rest = rest[j+len(b.Label):]
		}
		for _, line := range strings.Split(unjoined(b), "\n") {
			line = strings.TrimSpace(line)
			j := strings.Index(rest, line)
			if j < 0 {
				t.Fatalf("block %d (%q): line %q is not in the source after the lines before it", i, b.Text, line)
			}
			rest = rest[j+len(line):]
		}
	}
}

// ownText returns the block's text without what the reader adds: the " | "
// between the cells of a table row (a row may lack the pipes in the source),
// and with what it took away: the characters of its rejoined words (see
// unjoined).
func ownText(b Block) string {
	if b.Kind == TableRow {
		return strings.ReplaceAll(unjoined(b), "|", " ")
	}
	return unjoined(b)
}

// consumeInOrder finds the non-space characters of text, in order, in
// source, and returns what follows the last of them.
func consumeInOrder(source, text string) (string, bool) {
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		i := strings.IndexRune(source, r)
		if i < 0 {
			return source, false
		}
		source = source[i+utf8.RuneLen(r):]
	}
	return source, true
}
