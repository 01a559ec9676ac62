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
//
// Invisible format characters (zero-width space, byte-order mark, soft
// hyphen, direction marks: see isIgnorable) never start a token of their
// own but for one at the very start: they belong to the token they stand in
// or after (at the very start, the token after them), and tokenKey drops
// them, so that "inter\u200bnational" is one word, the same as
// "international".
func tokenize(dst []int, s string) []int {
	i, first := 0, len(dst)
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf { // ASCII, the common case, without decoding
			switch asciiKinds[c] {
			case tokSpace:
				i = spaceEnd(s, i+1)
			case tokWord:
				i = wordEnd(s, i+1)
			default:
				i++
			}
			dst = append(dst, i)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isIgnorable(r) {
			i += n
			if len(dst) > first {
				dst[len(dst)-1] = i
			}
			continue
		}
		switch classify(r) {
		case tokSpace:
			i = spaceEnd(s, i+n)
		case tokWord:
			i = wordEnd(s, i+n)
		default:
			i += n
		}
		dst = append(dst, i)
	}
	if len(dst) == first && len(s) > 0 { // nothing but invisible characters
		dst = append(dst, len(s))
	}
	return dst
}

// firstRune returns the first rune of a token that is not an invisible
// format character, or utf8.RuneError if there is none.
func firstRune(tok string) rune {
	for _, r := range tok {
		if !isIgnorable(r) {
			return r
		}
	}
	return utf8.RuneError
}

// tokenizeASCII is tokenize for ASCII text, appending to words the
// running count of words before each token and after the last, as
// tokenSeq keeps them.
func tokenizeASCII(ends []int, words []int32, s string) ([]int, []int32) {
	return tokenizeASCIIRange(ends, append(words, 0), s, 0, len(s))
}

// tokenizeASCIIRange appends the tokens of s[lo:hi], ASCII, to ends (as
// offsets in s) and their running word counts to words, which holds the
// count before them. The tokens are those of s there when hi is len(s) or
// a window's edge (see wordsWindowed).
func tokenizeASCIIRange(ends []int, words []int32, s string, lo, hi int) ([]int, []int32) {
	n := words[len(words)-1]
	for i := lo; i < hi; {
		var word bool
		if i, word = asciiTokenEnd(s, i); word {
			n++
		}
		ends = append(ends, i)
		words = append(words, n)
	}
	return ends, words
}

// asciiTokenEnd returns the end of the token at i of ASCII text, as
// tokenize cuts it (ASCII text has no invisible format characters, and no
// joiners but ' and -), and whether it is a word.
func asciiTokenEnd(s string, i int) (int, bool) {
	switch asciiKinds[s[i]] {
	case tokSpace:
		for i++; i < len(s) && asciiKinds[s[i]] == tokSpace; i++ {
		}
		return i, false
	case tokWord:
		for i++; i < len(s); i++ {
			if c := s[i]; asciiKinds[c] != tokWord &&
				!((c == '\'' || c == '-') && i+1 < len(s) && asciiKinds[s[i+1]] == tokWord) {
				break
			}
		}
		return i, true
	}
	return i + 1, false
}

// plainTokenEnd returns the end of the token at i of a text without
// invisible format characters (a Normalize key), as tokenize would cut it,
// without storing every token's end.
func plainTokenEnd(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		switch asciiKinds[c] {
		case tokSpace:
			return spaceEnd(s, i+1)
		case tokWord:
			return wordEnd(s, i+1)
		}
		return i + 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch classify(r) {
	case tokSpace:
		return spaceEnd(s, i+n)
	case tokWord:
		return wordEnd(s, i+n)
	}
	return i + n
}

// spaceEnd returns the end of the run of white space that continues at i.
func spaceEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiKinds[c] != tokSpace {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) && !isIgnorable(r) {
			break
		}
		i += n
	}
	return i
}

// wordEnd returns the end of the word that continues at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && asciiKinds[c] == tokWord {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if classify(r) == tokWord || isIgnorable(r) {
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

// Ignorable reports whether r is one of the invisible format characters
// that carry no word and that Normalize drops: see isIgnorable. Renderers
// use it to leave such a character unmarked when it alone was inserted or
// deleted; other format characters (category Cf) may print, as the Arabic
// number signs U+0600–U+0605 do, and are text like any other.
func Ignorable(r rune) bool { return isIgnorable(r) }

// isIgnorable reports invisible format characters that carry no word:
// zero-width space, word joiner, byte-order mark, soft hyphen, and the
// left-to-right, right-to-left and Arabic letter marks that copies from
// word processors scatter in Arabic text. (Zero-width joiner and non-joiner
// shape letters and belong to words.)
func isIgnorable(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u061c':
		return true
	}
	return false
}

func classify(r rune) tokenKind {
	if r < utf8.RuneSelf {
		return asciiKinds[r]
	}
	switch {
	case unicode.IsSpace(r) || isIgnorable(r):
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
	if isASCII(s) {
		for i := 0; i < len(s); {
			var word bool
			if i, word = asciiTokenEnd(s, i); word {
				n++
			}
		}
		return n
	}
	start := 0
	for _, end := range tokenize(nil, s) {
		if k := classify(firstRune(s[start:end])); k == tokWord || k == tokIdeo {
			n++
		}
		start = end
	}
	return n
}
