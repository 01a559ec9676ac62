package render

import (
	"html/template"
	"strings"
	"testing"
)

// escTexts exercise each escaped byte alone, together, at either end and
// in long runs of text that hold none.
var escTexts = []string{
	"", "plain text", `"`, "'", "&", "<", ">", "\x00",
	`<a href="x" onclick='y'>&amp;</a>` + "\x00",
	"States' \"views\" & <norms>",
	strings.Repeat("long text without any ", 50) + "<end>",
	"<" + strings.Repeat("x", 300),
	"\xff\xfe invalid UTF-8 < and \u2028",
	"État d'esprit — l'ONU « coopère » & agit",
}

func TestEsc(t *testing.T) {
	for _, s := range escTexts {
		if got, want := esc(s), template.HTMLEscapeString(s); got != want {
			t.Errorf("esc(%q) = %q, want %q", s, got, want)
		}
	}
	// Each escaped byte, and a byte that is not, at each end and in the
	// middle of texts on either side of the length from which
	// firstEscaped searches rather than looks at each byte.
	for _, n := range []int{1, 2, longEscape - 1, longEscape, longEscape + 1, 3 * longEscape} {
		for _, at := range []int{0, n / 2, n - 1} {
			for _, c := range []byte{'"', '\'', '&', '<', '>', 0, 'x', 0xff} {
				b := []byte(strings.Repeat("a", n))
				b[at] = c
				s := string(b)
				if got, want := esc(s), template.HTMLEscapeString(s); got != want {
					t.Errorf("esc of %d bytes with %q at %d = %q, want %q", n, c, at, got, want)
				}
			}
		}
	}
}

// FuzzEsc holds esc to template.HTMLEscapeString on any text.
func FuzzEsc(f *testing.F) {
	for _, s := range escTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := esc(s), template.HTMLEscapeString(s); got != want {
			t.Fatalf("esc(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkEsc(b *testing.B) {
	s := strings.Repeat("States agreed to cooperate on the norms of responsible behaviour. ", 6)
	b.SetBytes(int64(len(s)))
	b.Run("esc", func(b *testing.B) {
		for b.Loop() {
			esc(s)
		}
	})
	b.Run("template", func(b *testing.B) {
		for b.Loop() {
			template.HTMLEscapeString(s)
		}
	})
}
