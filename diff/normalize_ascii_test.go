package diff

import (
	"math/rand/v2"
	"strings"
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
	for range 20000 {
		s := randomBytes(rng, "ab  .\t\x00\x7f\x80é", 40)
		if got, want := isNormalASCII(s), isNormalASCIIByBytes(s); got != want {
			t.Fatalf("isNormalASCII(%q) = %v, want %v", s, got, want)
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

// TestIsASCII checks isASCII, which reads eight bytes at a time, with one
// byte of each kind at every position of strings up to three words long.
func TestIsASCII(t *testing.T) {
	for n := range 25 {
		for i := range n {
			for _, c := range []byte{0, 'a', 0x7f, 0x80, 0xc3, 0xff} {
				b := []byte(strings.Repeat("x", n))
				b[i] = c
				if got, want := isASCII(string(b)), c < utf8.RuneSelf; got != want {
					t.Errorf("isASCII(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// randomBytes returns up to maxLen bytes drawn from the bytes of alphabet.
func randomBytes(rng *rand.Rand, alphabet string, maxLen int) string {
	b := make([]byte, rng.IntN(maxLen))
	for k := range b {
		b[k] = alphabet[rng.IntN(len(alphabet))]
	}
	return string(b)
}
