package draft

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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
	// Labels of other traditions (issue 16).
	"### § 12a Titel\n\n(1) Es gilt für\n1. Anlagen,\na) Teile,\naa) Stücke,\n\n§§ 7 bis 9 (weggefallen)\n\nArt. 5 Abs. 2 nach Nr.\n1 bis 2 (§ 5 Abs.\n1) gilt.\n",
	"第一章\u3000总纲\n\n\u3000\u3000第十二条\u3000国家：\n（一）第一项；\n(二十)项\n一、总则\n第十二条规定\n第一百三十四条第二款\n",
	"31A. Saving.\n(1) Clause\n(a) sub\n243ZA. Elections\n10000. Long\nC.10. Appendix\nA.1 Scope\n",
	"References\n\n1. T. Berners-Lee, R. Fielding, and\nL. Masinter. Title.\nJ. Smith and\nK. Jones. Title.\nG. van Rossum\n",
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
	if _, deep := nestedTooDeep(src); err != nil || deep {
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
	if _, deep := nestedTooDeep(repairedBytes(data)); f == Markdown && deep {
		if !errors.Is(err, ErrTooDeep) || !strings.HasPrefix(err.Error(), "fuzz: ") {
			t.Fatalf("Markdown nested too deep: err = %v, want ErrTooDeep naming the file", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	checkWarnings(t, data, d.Warnings)
	source := repaired(data)
	checkBlocks(t, source, d.Blocks, f == Markdown)
	if f == Text {
		checkLines(t, source, d.Blocks)
	}
	again, err := Read("fuzz", data, f)
	if err != nil || !reflect.DeepEqual(d, again) {
		t.Fatalf("second read differs: %v", err)
	}
}

// repairedBytes returns data as prepare reads it (line ends LF, invalid
// UTF-8 repaired), or data if prepare fails.
func repairedBytes(data []byte) []byte {
	src, _, err := prepare("fuzz", data)
	if err != nil {
		return data
	}
	return src
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
//
// In Markdown, where a reader sees the text markup shows (escapes and
// entities resolved, markup characters left out), ASCII punctuation is not
// looked for, and a character may come from an entity or numeric
// reference ("&amp;", "&#8212;").
func checkBlocks(t *testing.T, source string, blocks []Block, markdown bool) {
	lines := strings.Count(strings.ReplaceAll(source, "\r\n", "\n"), "\n") +
		strings.Count(source, "\r") - strings.Count(source, "\r\n") + 1
	rest, prevLine := source, 1
	for i, b := range blocks {
		checkBlock(t, i, b, source, markdown)
		if int(b.Line) < prevLine || int(b.Line) > lines {
			t.Fatalf("block %d: line %d after line %d (source has %d lines)", i, b.Line, prevLine, lines)
		}
		prevLine = int(b.Line)
		var ok bool
		if rest, ok = consumeInOrder(rest, b.Label+ownText(b), markdown); !ok {
			t.Fatalf("block %d (%q %q) is not in the source in reading order", i, b.Label, b.Text)
		}
	}
}

// checkBlock checks one block's fields.
func checkBlock(t *testing.T, i int, b Block, source string, markdown bool) {
	switch {
	case !utf8.ValidString(b.Text) || !utf8.ValidString(b.Label):
		t.Fatalf("block %d: invalid UTF-8", i)
	case b.Kind.LineByLine() && (b.Label != "" || strings.TrimRightFunc(b.Text, unicode.IsSpace) != b.Text ||
		strings.HasPrefix(strings.TrimLeft(b.Text, " \t"), "\n")):
		t.Fatalf("block %d: %v with a label, or with white space at its end or a blank line at its start: %q", i, b.Kind, b.Text)
	case !b.Kind.LineByLine() && (b.Text != strings.TrimSpace(b.Text) || b.Label != strings.TrimSpace(b.Label)):
		t.Fatalf("block %d: white space at the ends of %q %q", i, b.Label, b.Text)
	case b.Text == "" && b.Label == "":
		t.Fatalf("block %d is empty", i)
	case int(b.Kind) >= len(kindNames) || b.Level < 0 || b.Kind == Heading && (b.Level < 1 || b.Level > 6):
		t.Fatalf("block %d: kind %v level %d", i, b.Kind, b.Level)
	case b.Line < 1:
		t.Fatalf("block %d: line %d", i, b.Line)
	}
	for _, word := range strings.Fields(b.Label + " " + ownText(b)) {
		if _, ok := consumeInOrder(source, word, markdown); !ok || !markdown && !strings.Contains(source, word) {
			t.Fatalf("block %d: word %q is not in the source", i, word)
		}
	}
	for _, m := range b.Marks() {
		if m.Start < 0 || m.Start > m.End || int(m.End) > len(b.Text) || m.Start == m.End && m.Style != Rejoined {
			t.Fatalf("block %d: mark %+v out of its text %q", i, m, b.Text)
		}
	}
	if !reflect.DeepEqual(NormalizeMarks(slices.Clone(b.Marks())), b.Marks()) {
		t.Fatalf("block %d: marks %+v not normalised", i, b.Marks())
	}
	checkRejoined(t, i, b)
}

// checkRejoined checks a block's Rejoined marks: each at one place in its
// text, holding a line break (and the indentation after it), after a
// hyphen if any; one place has at most one, and they come in order.
func checkRejoined(t *testing.T, i int, b Block) {
	at := int32(-1)
	for _, m := range b.Marks() {
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
// source, and returns what follows the last of them. In Markdown (see
// checkBlocks), ASCII punctuation is skipped, and a character may come
// from a reference.
func consumeInOrder(source, text string, markdown bool) (string, bool) {
	for _, r := range text {
		if unicode.IsSpace(r) || markdown && r < utf8.RuneSelf && unicode.IsPunct(r) || markdown && strings.ContainsRune("$+<=>^`|~", r) {
			continue
		}
		i := strings.IndexRune(source, r)
		end := i + utf8.RuneLen(r)
		if markdown {
			if j, n := referenceTo(source, r); j >= 0 && (i < 0 || j < i) {
				i, end = j, j+n
			}
		}
		if i < 0 {
			return source, false
		}
		source = source[end:]
	}
	return source, true
}

// referenceTo returns the offset and length of the first entity or numeric
// reference in source whose text holds r, or -1. Besides CommonMark's
// references ("&amp;"), those HTML decodes without a semicolon ("&#0",
// "&eacute"), as in an HTML block, count.
func referenceTo(source string, r rune) (int, int) {
	for from := 0; ; {
		k := strings.IndexByte(source[from:], '&')
		if k < 0 {
			return -1, 0
		}
		k += from
		n := 1
		for n < len(source)-k && n < 40 && (source[k+n] == '#' || isASCIIAlnum(source[k+n])) {
			n++
		}
		ref := source[k : k+n]
		if n < len(source)-k && source[k+n] == ';' {
			n++
			ref = source[k : k+n]
		} else {
			ref += ";" // as HTML reads a reference without its semicolon
		}
		if d := html.UnescapeString(ref); d != ref && (strings.ContainsRune(d, r) || r == '\uFFFD') {
			return k, n
		}
		from = k + 1
	}
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// htmlFuzzSeeds are pages for FuzzReadHTML besides fuzzSeeds: each
// construct the reader knows, and some it must survive.
var htmlFuzzSeeds = []string{
	"<h1>T</h1><p>1. <i>Decides</i> &amp; <a href=x>links</a><br>on</p><ol start=3 type=a><li>x<ol><li value=9>y</ol></ol>",
	"<table><caption>c</caption><tr><th>a<td><p>b</p><table><tr><td>n</table></table><pre>\n  code <b>b</b>  \n\tx</pre>",
	"<blockquote><dl><dt>t<dd>d</dl><figure><img alt=\"i\"><figcaption>f</figcaption></figure></blockquote>",
	"<header>h</header><nav>n</nav><script>s</script><p hidden>x</p><p aria-hidden=true>y</p><template>t</template><div>loose<p>p</p>tail</div>",
	"<b><i>open<p>para<p>more</b> end</i><s><sup>1</sup></s><code><kbd>k</kbd></code>",
	"<math><![CDATA[a>b<p>c]]><mi>x</mi></math><svg><![CDATA[<p>]]><text>t</text></svg>",
	"<ol reversed><li>a<li>b</ol><ul style='list-style:none'><li>(a) x</ul><div role=heading aria-level=9>h</div>",
	"<p>&#0;&#x80;&notanentity; &lt;p&gt; \u00a0nbsp\u00a0</p><p data-redline-line=7>own attribute</p>",
}

func FuzzReadHTML(f *testing.F) {
	for _, s := range append(slices.Clone(fuzzSeeds), htmlFuzzSeeds...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkReadHTML(t, data)
	})
}

// checkReadHTML reads data as HTML and checks the reader's invariants:
// refused only for a NUL or nesting past the parser's limit; blocks
// trimmed, not empty, of the kinds HTML gives, in order of line; marks
// within the text, on character boundaries and normalised; the line
// attribute of withLines never in the text unless the page has it; the
// same reading twice.
func checkReadHTML(t *testing.T, data []byte) {
	watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("Read hangs on %q", data)) })
	defer watchdog.Stop()
	d, err := Read("fuzz", data, HTML)
	if err != nil {
		var readErr *Error
		deep := strings.Contains(err.Error(), "not readable as HTML") && bytes.Count(data, []byte("<")) >= 512
		if !errors.As(err, &readErr) || readErr.Name != "fuzz" || !deep && !errors.Is(err, ErrBinary) {
			t.Fatalf("Read: %v", err)
		}
		return
	}
	for _, w := range d.Warnings {
		if !strings.HasPrefix(w, "fuzz: ") {
			t.Fatalf("warning %q does not name the draft", w)
		}
	}
	lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
	prevLine := int32(1)
	for i, b := range d.Blocks {
		switch {
		case !utf8.ValidString(b.Text) || !utf8.ValidString(b.Label):
			t.Fatalf("block %d: invalid UTF-8", i)
		case b.Text != strings.TrimSpace(b.Text) || b.Label != strings.TrimSpace(b.Label) || b.Text == "" && b.Label == "":
			t.Fatalf("block %d: %q %q empty or not trimmed", i, b.Label, b.Text)
		case b.Kind > Code || b.Level < 0 || b.Kind == Heading && (b.Level < 1 || b.Level > 6):
			t.Fatalf("block %d: kind %v level %d", i, b.Kind, b.Level)
		case b.Line < prevLine || int(b.Line) > lines:
			t.Fatalf("block %d: line %d after %d (%d lines)", i, b.Line, prevLine, lines)
		case strings.Contains(b.Text, lineAttr) && !bytes.Contains(data, []byte(lineAttr)):
			t.Fatalf("block %d: the line attribute in %q", i, b.Text)
		}
		prevLine = b.Line
		checkFormatMarks(t, i, b)
	}
	again, err := Read("fuzz", data, HTML)
	if err != nil || !reflect.DeepEqual(d, again) {
		t.Fatalf("second read differs: %v", err)
	}
}

// checkFormatMarks checks the marks of formatting a reader of HTML or
// Word gives block i: each over some of its text, from and to character
// boundaries, none Rejoined, in their canonical form.
func checkFormatMarks(t *testing.T, i int, b Block) {
	t.Helper()
	for _, m := range b.Marks() {
		if m.Start < 0 || m.Start >= m.End || int(m.End) > len(b.Text) || m.Style == Rejoined ||
			!utf8.RuneStart(b.Text[m.Start]) || int(m.End) < len(b.Text) && !utf8.RuneStart(b.Text[m.End]) {
			t.Fatalf("block %d %q: mark %+v", i, b.Text, m)
		}
	}
	if norm := NormalizeMarks(slices.Clone(b.Marks())); !slices.Equal(norm, b.Marks()) {
		t.Fatalf("block %d: marks %v not normalised (%v)", i, b.Marks(), norm)
	}
}
