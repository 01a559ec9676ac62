package doc

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// B builds an expected block compactly.
func B(kind Kind, level int, label, text string, line int) Block {
	return Block{Kind: kind, Level: int16(level), Label: label, Text: text, Line: int32(line)}
}

// formatBlocks lists blocks one a line, for failure messages.
func formatBlocks(blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		fmt.Fprintf(&sb, "\n\tB(%v, %d, %q, %q, %d)", b.Kind, b.Level, b.Label, b.Text, b.Line)
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
			if !slices.Equal(d.Blocks, tc.want) {
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
		"txt": Text, "Text": Text, "auto": Auto, "": Auto,
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
	for _, s := range []string{"html", "docx", " md", "markdown2"} {
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
		if !slices.Equal(d.Blocks, want) {
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
		if !slices.Equal(d.Blocks, want) {
			t.Errorf("%s: got:%s\nwant:%s", name, formatBlocks(d.Blocks), formatBlocks(want))
		}
	}
}
