package diff

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// isNormalASCIIByBytes is isNormalASCII as it was before it read eight
// bytes at a time: the reference.
func isNormalASCIIByBytes(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c < ' ' && c != 0 || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// TestIsNormalASCII checks isNormalASCII against the byte loop on strings
// with each kind of byte at every position of a word of eight.
func TestIsNormalASCII(t *testing.T) {
	base := "States agreed to cooperate on the norms."
	odd := []byte{0, '\t', '\n', 0x1f, ' ', 0x7f, 0x80, 0xc3, 0xff, 'x'}
	for i := range len(base) {
		for _, c := range odd {
			s := base[:i] + string([]byte{c}) + base[i+1:]
			if got, want := isNormalASCII(s), isNormalASCIIByBytes(s); got != want {
				t.Errorf("isNormalASCII(%q) = %v, want %v", s, got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("ab  .\t\x00\x7f\x80é")
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for k := range b {
			b[k] = alphabet[rng.IntN(len(alphabet))]
		}
		if got, want := isNormalASCII(string(b)), isNormalASCIIByBytes(string(b)); got != want {
			t.Fatalf("isNormalASCII(%q) = %v, want %v", b, got, want)
		}
	}
}

func BenchmarkIsNormalASCII(b *testing.B) {
	s := ""
	for len(s) < 400 {
		s += "States agreed to cooperate on the norms of responsible behaviour. "
	}
	s = s[:len(s)-1]
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if !isNormalASCII(s) {
			b.Fatal("not normal")
		}
	}
}
