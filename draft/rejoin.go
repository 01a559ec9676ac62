package draft

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dictionary counts the words of a draft that stand whole on a line: every
// word but the first and the last of each line, either of which may be
// part of a word broken across lines.
type dictionary map[string]int32

// newDictionary counts the words of the lines of s. A word is a run of
// letters, marks and digits, with single hyphens and apostrophes inside
// it ("well-known", "States'" is "States").
func newDictionary(s lineSource) dictionary {
	d := make(dictionary)
	var words []string
	for r := s.reader(); ; {
		line, ok := r.next()
		if !ok {
			return d
		}
		words = appendWords(words[:0], line.text)
		for i := 1; i < len(words)-1; i++ {
			d[words[i]]++
		}
	}
}

// appendWords appends the words of line to words.
func appendWords(words []string, line string) []string {
	for i := 0; i < len(line); {
		n := wordLen(line[i:])
		if n == 0 {
			_, size := decodeRune(line[i:])
			i += size
			continue
		}
		words = append(words, line[i:i+n])
		i += n
	}
	return words
}

// isWordRune reports whether r is part of a word: a letter, mark or digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		lower := r | 0x20
		return 'a' <= lower && lower <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// decodeRune is utf8.DecodeRuneInString, quicker for ASCII.
func decodeRune(s string) (rune, int) {
	if s != "" && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(s)
}

// wordLen returns the length of the word at the start of s, 0 if none.
func wordLen(s string) int {
	n := 0
	for n < len(s) {
		r, size := decodeRune(s[n:])
		if isWordRune(r) {
			n += size
			continue
		}
		if n > 0 && (r == '-' || r == '\'' || r == '’') {
			if next, _ := decodeRune(s[n+size:]); isWordRune(next) {
				n += size
				continue
			}
		}
		break
	}
	return n
}

// lastWordLen returns the length of the word at the end of s, 0 if none.
func lastWordLen(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeLastRuneInString(s[:len(s)-n])
		if isWordRune(r) {
			n += size
			continue
		}
		if n > 0 && (r == '-' || r == '\'' || r == '’') {
			if before, _ := utf8.DecodeLastRuneInString(s[:len(s)-n-size]); isWordRune(before) {
				n += size
				continue
			}
		}
		break
	}
	return n
}

// softHyphen is U+00AD, where a word may be broken.
const softHyphen = "\u00ad"

// lineBreak is how a word broken at the end of a line is rejoined.
type lineBreak uint8

const (
	keepBreak  lineBreak = iota // no word is broken: the line break stays
	dropHyphen                  // "Pre-⏎sident" is "President"
	keepHyphen                  // "well-⏎known" is "well-known"
	closeBreak                  // "shal⏎l" is "shall"
)

// brokenWord returns how the word at the end of line prev and the start of
// line next, the line after it in a paragraph, is rejoined. Either part is
// a word (see wordLen) ending or starting in a letter. A line ending in a
// hyphen after a letter is rejoined with the next line's first word where
// the draft (see dictionary) holds the two as one word: without the hyphen
// if that word is more frequent than the hyphenated one, with it if the
// hyphenated word is in the draft at all. A line ending in a letter is
// rejoined, only if closeBreaks is set, with a next line starting in lower
// case where the draft holds the two as one word and does not hold both
// parts as words of their own ("in⏎to" stays apart). A line ending in a
// soft hyphen (U+00AD) after a letter is rejoined, without it, with a
// next line starting in a letter.
func (r *textReader) brokenWord(prev, next string, scratch []byte) (lineBreak, []byte) {
	if strings.HasSuffix(prev, softHyphen) {
		// A soft hyphen ending a line is where a word was broken: the PDF
		// reader writes one where the PDF hyphenated a word.
		first, _ := utf8.DecodeRuneInString(trimLeft(next))
		if last, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(prev, softHyphen)); unicode.IsLetter(first) && unicode.IsLetter(last) {
			return dropHyphen, scratch
		}
		return keepBreak, scratch
	}
	hyphen := strings.HasSuffix(prev, "-")
	if !hyphen && !r.brokenWords {
		return keepBreak, scratch
	}
	next = trimLeft(next)
	body := strings.TrimSuffix(prev, "-")
	stem := body[len(body)-lastWordLen(body):]
	first, _ := utf8.DecodeRuneInString(next)
	last, _ := utf8.DecodeLastRuneInString(stem)
	switch {
	case stem == "" || !unicode.IsLetter(first) || !unicode.IsLetter(last):
		return keepBreak, scratch
	case !hyphen && !unicode.IsLower(first):
		return keepBreak, scratch
	}
	rest := next[:wordLen(next)]
	if r.words == nil {
		r.words = newDictionary(r.source)
	}
	scratch = append(append(scratch[:0], stem...), rest...)
	joined := r.words[string(scratch)]
	if !hyphen {
		if joined > 0 && (r.words[stem] == 0 || r.words[rest] == 0) {
			return closeBreak, scratch
		}
		return keepBreak, scratch
	}
	scratch = append(append(append(scratch[:0], stem...), '-'), rest...)
	switch hyphenated := r.words[string(scratch)]; {
	case joined > hyphenated:
		return dropHyphen, scratch
	case hyphenated > 0:
		return keepHyphen, scratch
	}
	return keepBreak, scratch
}

// rejoin returns the lines of a paragraph joined by line breaks, as
// joinLines does, but for words broken across lines (see brokenWord),
// which are rejoined: the line break, the next line's indentation and a
// dropped hyphen are left out of the text, and a Rejoined mark at their
// place holds them, so that the text as written is recoverable.
func (r *textReader) rejoin(p []sourceLine) (string, []Mark) {
	var breaks []lineBreak
	var scratch []byte
	for i := 1; i < len(p); i++ {
		var b lineBreak
		if b, scratch = r.brokenWord(p[i-1].text, p[i].text, scratch); b != keepBreak {
			if breaks == nil {
				breaks = make([]lineBreak, len(p))
			}
			breaks[i] = b
		}
	}
	if breaks == nil || len(r.source.src) > math.MaxInt32 {
		return joinLines(p), nil // (a mark's offsets are 32 bits)
	}
	var text []byte
	var marks []Mark
	for i, l := range p {
		line := l.text
		if i > 0 && breaks[i] != keepBreak {
			indent := line[:len(line)-len(trimLeft(line))]
			value := "\n" + indent
			if breaks[i] == dropHyphen {
				h := "-"
				if len(text) >= len(softHyphen) && string(text[len(text)-len(softHyphen):]) == softHyphen {
					h = softHyphen
				}
				text, value = text[:len(text)-len(h)], h+value
			}
			line = line[len(indent):]
			marks = append(marks, Mark{Start: int32(len(text)), End: int32(len(text)), Style: Rejoined, Value: value})
		} else if i > 0 {
			text = append(text, '\n')
		}
		text = append(text, line...)
	}
	return string(text), marks
}
