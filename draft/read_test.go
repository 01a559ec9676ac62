package draft

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// B builds an expected block compactly.
func B(kind Kind, level int, label, text string, line int) Block {
	return Block{Kind: kind, Level: int16(level), Label: label, Text: text, Line: int32(line)}
}

// withMarks returns b with marks.
func (b Block) withMarks(marks ...Mark) Block {
	b.SetMarks(marks)
	return b
}

// formatBlocks lists blocks one a line, for failure messages.
func formatBlocks(blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		fmt.Fprintf(&sb, "\n\tB(%v, %d, %q, %q, %d)", b.Kind, b.Level, b.Label, b.Text, b.Line)
		for _, m := range b.Marks() {
			fmt.Fprintf(&sb, " %d-%d:%d:%q", m.Start, m.End, m.Style, m.Value)
		}
	}
	return sb.String()
}

// readCase is one input and the blocks expected from it.
type readCase struct {
	name  string
	input string
	want  []Block
}

// runReadCases reads each case in format f and compares the blocks.
func runReadCases(t *testing.T, f Format, cases []readCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(tc.name, []byte(tc.input), f)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if !slices.EqualFunc(d.Blocks, tc.want, Block.Equal) {
				t.Errorf("got:%s\nwant:%s", formatBlocks(d.Blocks), formatBlocks(tc.want))
			}
			if len(d.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", d.Warnings)
			}
		})
	}
}

func TestFormatOf(t *testing.T) {
	tests := map[string]Format{
		"draft.md": Markdown, "DRAFT.MD": Markdown, "a/b/draft.markdown": Markdown,
		"draft.Markdown": Markdown, "draft.txt": Text, "draft": Text, "-": Text,
		"draft.md.txt": Text, "HEAD:drafts/zero.md": Markdown, "": Text, ".md": Markdown,
		"rev1.docx": Docx, "REV1.DOCX": Docx, "rev1.docm": Docx, "rev1.doc": Text, "rev1.docx.md": Markdown,
		"bill.html": HTML, "BILL.HTM": HTML, "spec.xhtml": Text, "bill.html.txt": Text,
	}
	for name, want := range tests {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	tests := map[string]Format{
		"markdown": Markdown, "md": Markdown, "MD": Markdown, "text": Text,
		"txt": Text, "Text": Text, "auto": Auto, "": Auto, "docx": Docx, "Word": Docx, "html": HTML, "HTM": HTML,
	}
	for s, want := range tests {
		got, err := ParseFormat(s)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", s, got, err, want)
		}
		if got.String() != strings.ToLower(got.String()) {
			t.Errorf("Format %d String = %q", got, got.String())
		}
	}
	for _, s := range []string{"xhtml", "doc", " md", "markdown2"} {
		if _, err := ParseFormat(s); err == nil {
			t.Errorf("ParseFormat(%q) succeeded", s)
		}
	}
}

func TestReadBinary(t *testing.T) {
	for _, f := range []Format{Text, Markdown, Auto} {
		_, err := Read("drafts/zero.md", []byte("1. States\x00agreed"), f)
		if !errors.Is(err, ErrBinary) {
			t.Fatalf("format %v: err = %v, want ErrBinary", f, err)
		}
		var readErr *Error
		if !errors.As(err, &readErr) || readErr.Name != "drafts/zero.md" {
			t.Errorf("format %v: err = %#v, want *Error naming the file", f, err)
		}
		want := "drafts/zero.md: binary file (NUL byte at offset 9)"
		if err.Error() != want {
			t.Errorf("format %v: message %q, want %q", f, err.Error(), want)
		}
	}
}

func TestReadUnknownFormat(t *testing.T) {
	_, err := Read("x", []byte("text"), Format(9))
	if err == nil || !strings.HasPrefix(err.Error(), "x: ") {
		t.Errorf("err = %v, want an error naming x", err)
	}
}

func TestReadInvalidUTF8(t *testing.T) {
	for _, f := range []Format{Text, Markdown} {
		d, err := Read("bad.txt", []byte("1. States\xff agreed \xc3(\n\n2. Fine \xe2\x82."), f)
		if err != nil {
			t.Fatal(err)
		}
		want := []Block{
			B(Paragraph, 0, "1.", "States\uFFFD agreed \uFFFD(", 1),
			B(Paragraph, 0, "2.", "Fine \uFFFD\uFFFD.", 3),
		}
		if f == Markdown {
			want[0].Kind, want[1].Kind = ListItem, ListItem
		}
		if !slices.EqualFunc(d.Blocks, want, Block.Equal) {
			t.Errorf("format %v: got:%s\nwant:%s", f, formatBlocks(d.Blocks), formatBlocks(want))
		}
		wantWarning := []string{"bad.txt: invalid UTF-8 repaired (4 bytes replaced by U+FFFD)"}
		if !slices.Equal(d.Warnings, wantWarning) {
			t.Errorf("format %v: warnings %q, want %q", f, d.Warnings, wantWarning)
		}
	}
}

func TestReadEmpty(t *testing.T) {
	for _, input := range []string{"", " ", "\n\n\n", " \t\r\n \r\n", "\uFEFF", "\uFEFF  \n", "\f\n\v"} {
		for _, f := range []Format{Text, Markdown} {
			d, err := Read("empty", []byte(input), f)
			if err != nil || len(d.Blocks) != 0 || len(d.Warnings) != 0 || d.Name != "empty" {
				t.Errorf("Read(%q, %v) = %+v, %v; want no blocks", input, f, d, err)
			}
		}
	}
}

func TestReadLineEnds(t *testing.T) {
	want := []Block{
		B(Heading, 2, "A.", "Introduction", 1),
		B(Paragraph, 0, "1.", "States agreed that:", 3),
		B(Paragraph, 1, "(a)", "foo;", 4),
		B(Paragraph, 1, "(b)", "bar.", 5),
		B(Paragraph, 0, "2.", "Second\nline.", 7),
	}
	lf := "A. Introduction\n\n1. States agreed that:\n(a) foo;\n(b) bar.\n\n2. Second\nline.\n"
	for name, input := range map[string]string{
		"LF":   lf,
		"CRLF": strings.ReplaceAll(lf, "\n", "\r\n"),
		"CR":   strings.ReplaceAll(lf, "\n", "\r"),
		"BOM":  "\uFEFF" + strings.ReplaceAll(lf, "\n", "\r\n"),
	} {
		d, err := Read(name+".txt", []byte(input), Auto)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(d.Blocks, want, Block.Equal) {
			t.Errorf("%s: got:%s\nwant:%s", name, formatBlocks(d.Blocks), formatBlocks(want))
		}
	}
}

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	units := utf16.Encode([]rune(s))
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// TestReadUTF16 checks that a draft saved as UTF-16 with a byte-order
// mark (Word's and Notepad's "Unicode text") reads as its UTF-8 form does,
// in either byte order, with CRLF line ends and characters beyond the
// Basic Multilingual Plane; that code units which are not UTF-16 are
// replaced with a warning; and that NUL is refused as in UTF-8.
func TestReadUTF16(t *testing.T) {
	text := "A. Introduction\r\n\r\n1. States agreed that 𝔽 (U+1D53D) and the “Charter” apply.\r\n\r\n2. Les États ont noté.\r\n"
	want, err := Read("utf8.txt", []byte(text), Text)
	if err != nil {
		t.Fatal(err)
	}
	for _, big := range []bool{false, true} {
		for _, f := range []Format{Text, Markdown} {
			want, _ := Read("utf8", []byte(text), f)
			for _, data := range [][]byte{utf16Bytes(text, big), utf16Bytes("\uFEFF"+text, big)} {
				d, err := Read("utf16", data, f)
				if err != nil {
					t.Fatalf("big endian %v, %v: %v", big, f, err)
				}
				if !slices.EqualFunc(d.Blocks, want.Blocks, Block.Equal) || len(d.Warnings) != 0 {
					t.Errorf("big endian %v, %v: got:%s\nwarnings %q\nwant:%s", big, f, formatBlocks(d.Blocks), d.Warnings, formatBlocks(want.Blocks))
				}
			}
		}
	}
	if len(want.Blocks) != 3 {
		t.Fatalf("the UTF-8 text gives %d blocks", len(want.Blocks))
	}

	// An unpaired high surrogate, an unpaired low one, and a last odd byte.
	bad := utf16Bytes("1. a", false)
	bad = append(bad, 0x00, 0xD8, 'b', 0, 0x00, 0xDC, 'c')
	d, err := Read("bad.txt", bad, Text)
	if err != nil {
		t.Fatal(err)
	}
	if got, w := d.Blocks[0].Text, "a\uFFFDb\uFFFD\uFFFD"; got != w {
		t.Errorf("repaired text %q, want %q", got, w)
	}
	if w := []string{"bad.txt: invalid UTF-16 repaired (3 code units replaced by U+FFFD)"}; !slices.Equal(d.Warnings, w) {
		t.Errorf("warnings %q, want %q", d.Warnings, w)
	}

	_, err = Read("nul.txt", utf16Bytes("1. a\x00b", false), Text)
	if !errors.Is(err, ErrBinary) || err.Error() != "nul.txt: binary file (NUL character at offset 10 of UTF-16 text)" {
		t.Errorf("NUL in UTF-16: %v", err)
	}
	_, err = Read("nobom.txt", utf16Bytes("1. States agreed.", false)[2:], Text)
	if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "offset 1; UTF-16 without a byte-order mark?") {
		t.Errorf("UTF-16 without a byte-order mark: %v", err)
	}
	_, err = Read("bin", []byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08"), Text)
	if err == nil || strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("binary data: %v, want no mention of UTF-16", err)
	}
}

// TestReadBinaryHints checks that a refused binary file is named for what
// a draft saved wrongly would be: a Word document not read as one, an old
// Word document, UTF-16 without a byte-order mark.
func TestReadBinaryHints(t *testing.T) {
	tests := map[string]string{
		"PK\x03\x04\x14\x00\x06\x00":               "x: binary file (NUL byte at offset 5; a zip archive: a Word document? name it .docx or pass --from docx)",
		"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00": "x: binary file (NUL byte at offset 8; a Word 97-2003 document? save it as .docx)",
		"1\x00.\x00 \x00S\x00t\x00":                "x: binary file (NUL byte at offset 1; UTF-16 without a byte-order mark? save it as UTF-8, or as UTF-16 with one)",
		"\x001. a":                                 "x: binary file (NUL byte at offset 0)",
	}
	for data, want := range tests {
		_, err := Read("x", []byte(data), Text)
		if !errors.Is(err, ErrBinary) || err.Error() != want {
			t.Errorf("Read(%q): %v, want %s", data, err, want)
		}
	}
}
