package diff

import (
	"unicode"
	"unicode/utf8"
)

// tokenKind classifies a token.
type tokenKind uint8

const (
	tokWord  tokenKind = iota // letters and digits, with inner apostrophes and hyphens
	tokSpace                  // a run of white space
	tokPunct                  // one punctuation or symbol character
	tokIdeo                   // one CJK ideograph, kana or hangul syllable
)

// tokenize appends to dst the byte offsets at which the tokens of s end, so
// that token i is s[ends[i-1]:ends[i]] (with ends[-1] = 0). Tokens are
// words (letters, digits and combining marks, with inner apostrophes and
// hyphens: "l'État", "non-binding", "Member's", "2021–2025" is three
// tokens), runs of white space, single punctuation characters, and single
// CJK ideographs.
func tokenize(dst []int, s string) []int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch classify(r) {
		case tokSpace:
			i += n
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsSpace(r) && !isInvisibleSpace(r) {
					break
				}
				i += n
			}
		case tokWord:
			i = wordEnd(s, i+n)
		default:
			i += n
		}
		dst = append(dst, i)
	}
	return dst
}

// wordEnd returns the end of the word that continues at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if classify(r) == tokWord {
			i += n
			continue
		}
		if isJoiner(r) && i+n < len(s) {
			r2, _ := utf8.DecodeRuneInString(s[i+n:])
			if classify(r2) == tokWord {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// isJoiner reports whether r may join two word parts: apostrophes and
// hyphens ("l'État", "l’État", "non-binding").
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑', '·':
		return true
	}
	return false
}

// isInvisibleSpace reports white space that unicode.IsSpace misses: zero
// width spaces and the byte-order mark.
func isInvisibleSpace(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff':
		return true
	}
	return false
}

func classify(r rune) tokenKind {
	if r < utf8.RuneSelf {
		return asciiKinds[r]
	}
	switch {
	case unicode.IsSpace(r) || isInvisibleSpace(r):
		return tokSpace
	case isIdeograph(r):
		return tokIdeo
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || r == '\u200c' || r == '\u200d':
		return tokWord
	}
	return tokPunct
}

// asciiKinds classifies the ASCII characters without table lookups.
var asciiKinds = func() (k [utf8.RuneSelf]tokenKind) {
	for r := range k {
		switch {
		case r == ' ' || r >= '\t' && r <= '\r':
			k[r] = tokSpace
		case r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			k[r] = tokWord
		default:
			k[r] = tokPunct
		}
	}
	return k
}()

// isIdeograph reports whether r is written without spaces between words,
// so that each character is best treated as a word of its own.
func isIdeograph(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// CountWords returns the number of words in s: word tokens and ideographs,
// not white space or punctuation.
func CountWords(s string) int {
	n := 0
	start := 0
	for _, end := range tokenize(nil, s) {
		r, _ := utf8.DecodeRuneInString(s[start:end])
		if k := classify(r); k == tokWord || k == tokIdeo {
			n++
		}
		start = end
	}
	return n
}
