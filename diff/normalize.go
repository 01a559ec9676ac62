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
// white space but single spaces between words. (NUL passes: it is not
// white space.) Every block's text goes through it, and every excerpt on
// a page, so it reads eight bytes at a time.
func isNormalASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	i := 0
	var lastSpace uint64 // the high bit of the last byte read, if a space
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte of 0x80 or more, or (the bytes being ASCII) one below
		// a space: leave it to the loop below, byte by byte.
		if w&highs != 0 || (w-' '*ones)&^w&highs != 0 {
			break
		}
		// The high bit of each byte that is a space, exactly: two in a
		// row, here or across the last word read, are not normal.
		x := w ^ ' '*ones
		sp := ^((x&low7 + low7) | x | low7)
		if sp&(sp>>8) != 0 || sp&0x80 != 0 && lastSpace != 0 {
			return false
		}
		lastSpace = sp >> 56
	}
	for i = max(i-1, 0); i < len(s); i++ { // from the last byte read, for a pair across
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' && c != 0 || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}
