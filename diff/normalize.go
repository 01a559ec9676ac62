package diff

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as compared: Unicode NFC, every run of white space
// (including line breaks, no-break and zero-width spaces, and the
// byte-order mark) folded to one space, and no white space at either end.
// Two texts with the same normal form have the same words.
func Normalize(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || isInvisibleSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
