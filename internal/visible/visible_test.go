package visible

import (
	"bytes"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, text, line string }{
		{"plain text", "plain text", "plain text"},
		{"a\x1b]0;title\x07b", "a␛]0;title␇b", "a␛]0;title␇b"},
		{"clear\x1b[2J", "clear␛[2J", "clear␛[2J"},
		{"two\nlines\tand tab", "two\nlines\tand tab", "two␊lines␉and tab"},
		{"cr\rback", "cr␍back", "cr␍back"},
		{"del\x7f", "del␡", "del␡"},
		{"csi\u009b2J", "csi<U+009B>2J", "csi<U+009B>2J"},
		{"rlo\u202eolleh", "rlo<U+202E>olleh", "rlo<U+202E>olleh"},
		{"isolate\u2067x\u2069", "isolate<U+2067>x<U+2069>", "isolate<U+2067>x<U+2069>"},
		{"rlm\u200fkept", "rlm\u200fkept", "rlm\u200fkept"},
		{"bad\xff\x9bbytes", `bad\xff\x9bbytes`, `bad\xff\x9bbytes`},
		{"é ü 日本 \U0001F600", "é ü 日本 \U0001F600", "é ü 日本 \U0001F600"},
	} {
		if got := Text(tc.in); got != tc.text {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.text)
		}
		if got := Line(tc.in); got != tc.line {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.line)
		}
	}
}

// TestWriter writes text in pieces of every size: characters split
// between writes come out whole, and the output is Text's.
func TestWriter(t *testing.T) {
	in := "é\x1b[31m日本\u202e\u009b\U0001F600 tail\xe6\x97"
	want := Text(in)
	for size := 1; size <= len(in); size++ {
		var buf bytes.Buffer
		vw := NewWriter(&buf)
		for i := 0; i < len(in); i += size {
			n, err := vw.Write([]byte(in[i:min(i+size, len(in))]))
			if err != nil || n != min(size, len(in)-i) {
				t.Fatalf("size %d: Write = %d, %v", size, n, err)
			}
		}
		if err := vw.Flush(); err != nil {
			t.Fatal(err)
		}
		if buf.String() != want {
			t.Errorf("size %d: %q, want %q", size, buf.String(), want)
		}
		if strings.ContainsAny(buf.String(), "\x1b\u009b\u202e") {
			t.Errorf("size %d: a control passed: %q", size, buf.String())
		}
	}
}
