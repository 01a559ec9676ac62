package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s as compared: Unicode NFC, every run of white space
// (including line breaks and no-break spaces) folded to one space, no
// white space at either end, and invisible format characters (zero-width
// space, byte-order mark, soft hyphen, direction marks) dropped. Two texts
// with the same normal form have the same words.
func Normalize(s string) string {
	if isNormalASCII(s) {
		return s // the common case, without a copy
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isIgnorable(r) {
			continue
		}
		if unicode.IsSpace(r) {
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

// isNormalASCII reports whether s is ASCII already in normal form: no
// white space but single spaces between words.
func isNormalASCII(s string) bool {
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
