package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The label grammar is described in the package comment (doc.go). Each
// matcher below returns the byte length of the label it recognises at the
// start of s, or 0; a label must be followed by white space or the end of s.

// splitLabel splits the paragraph label at the start of text from the rest:
// label is exactly as written, without the white space after it, and rest is
// text after that white space. Without a label, it returns "" and text.
func splitLabel(text string) (label, rest string) {
	n, _ := matchLabel(text)
	if n == 0 {
		return "", text
	}
	return text[:n], strings.TrimLeftFunc(text[n:], unicode.IsSpace)
}

// startsWithLabel reports whether text begins with a paragraph label.
func startsWithLabel(text string) bool {
	n, _ := matchLabel(text)
	return n > 0
}

// labelForm is the written form of a label, the first clue to its place in
// the outline of a paragraph.
type labelForm uint8

// The forms of label. Single letters that are also roman numerals (i, v, x)
// are read as letters here; the outline decides from context.
const (
	noLabel          labelForm = iota
	numberLabel                // 12.  12)  3.1  12 bis.  OP 7  PP3.
	sectionLetter              // A.
	sectionRoman               // IV.
	parenLetter                // (a)  (aa)
	parenRoman                 // (iv)
	parenDigit                 // (1)
	parenUpperLetter           // (A)
	parenUpperRoman            // (IV)
	closeLetter                // a)
	closeRoman                 // iv)
	labelForms                 // number of forms
)

// matchLabel returns the length and form of the label at the start of s.
func matchLabel(s string) (int, labelForm) {
	if n := matchNumber(s); n > 0 {
		return n, numberLabel
	}
	if n := matchOperative(s); n > 0 {
		return n, numberLabel
	}
	if n, form := matchParenthesized(s); n > 0 {
		return n, form
	}
	if n, form := matchClosed(s); n > 0 {
		return n, form
	}
	return matchSection(s)
}

// labelEndsAt reports whether a label of n bytes at the start of s is
// followed by white space or the end of s.
func labelEndsAt(s string, n int) bool {
	if n >= len(s) {
		return n == len(s)
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsSpace(r)
}

// byteAt returns s[i], or 0 past the end of s.
func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// digitsAt returns the end of a run of 1 to max ASCII digits starting at
// s[i], or i if there is no such run (none, or too many digits).
func digitsAt(s string, i, max int) int {
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j-i > max {
		return i
	}
	return j
}

// matchNumber matches a paragraph number: "12." "12)" "3.1" "3.1." and the
// Latin insertions "12 bis" "12bis." "12 ter." … A bare number followed by
// white space ("2021 was") is not a label; a dotted number without final
// punctuation ("3.1") is one only if the text after it looks like the start
// of a sentence, so that "1.5 million" is not.
func matchNumber(s string) int {
	i := digitsAt(s, 0, 4)
	if i == 0 {
		return 0
	}
	dotted := false
	for byteAt(s, i) == '.' {
		j := digitsAt(s, i+1, 3)
		if j == i+1 {
			break
		}
		i, dotted = j, true
	}
	if n := matchInsertion(s, i); n > 0 {
		return n
	}
	if c := byteAt(s, i); (c == '.' || c == ')') && labelEndsAt(s, i+1) {
		return i + 1
	}
	if dotted && labelEndsAt(s, i) && opensSentence(s[i:]) {
		return i
	}
	return 0
}

// latinInsertions are the suffixes of paragraphs inserted between two
// numbered ones ("12 bis" comes after 12).
var latinInsertions = []string{
	"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies",
	"novies", "nonies", "decies",
}

// matchInsertion matches " bis", "bis", " bis." … at s[i:], after a number,
// and returns the end of the whole label or 0.
func matchInsertion(s string, i int) int {
	if byteAt(s, i) == ' ' {
		i++
	}
	for _, suffix := range latinInsertions {
		if !strings.HasPrefix(s[i:], suffix) {
			continue
		}
		end := i + len(suffix)
		if byteAt(s, end) == '.' && labelEndsAt(s, end+1) {
			return end + 1
		}
		if labelEndsAt(s, end) {
			return end
		}
	}
	return 0
}

// opensSentence reports whether s, after its leading white space, is empty
// or starts like a sentence or heading: a capital letter, an opening bracket
// or an opening quotation mark.
func opensSentence(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || strings.ContainsRune("([\"“‘'«", r)
}

// matchOperative matches preambular and operative paragraph labels: "OP 7",
// "OP7", "OP 7.", "PP3", "PP 3.", also with an insertion ("OP 7 bis").
func matchOperative(s string) int {
	if !strings.HasPrefix(s, "OP") && !strings.HasPrefix(s, "PP") {
		return 0
	}
	i := 2
	if byteAt(s, i) == ' ' {
		i++
	}
	j := digitsAt(s, i, 3)
	if j == i {
		return 0
	}
	if n := matchInsertion(s, j); n > 0 {
		return n
	}
	if byteAt(s, j) == '.' && labelEndsAt(s, j+1) {
		return j + 1
	}
	if labelEndsAt(s, j) {
		return j
	}
	return 0
}

// matchParenthesized matches a sub-paragraph label in parentheses: "(a)",
// "(aa)", "(iv)", "(1)", "(A)", "(IV)".
func matchParenthesized(s string) (int, labelForm) {
	if byteAt(s, 0) != '(' {
		return 0, noLabel
	}
	end := strings.IndexByte(s[:min(len(s), 8)], ')')
	if end < 2 || !labelEndsAt(s, end+1) {
		return 0, noLabel
	}
	token := s[1:end]
	if digitsAt(token, 0, 3) == len(token) {
		return end + 1, parenDigit
	}
	switch form := tokenForm(token); form {
	case closeLetter:
		return end + 1, parenLetter
	case closeRoman:
		return end + 1, parenRoman
	}
	switch {
	case len(token) == 1 && token[0] >= 'A' && token[0] <= 'Z':
		return end + 1, parenUpperLetter
	case romanValue(token, upperRoman) > 0:
		return end + 1, parenUpperRoman
	}
	return 0, noLabel
}

// matchClosed matches a letter or roman sub-paragraph label closed by a
// parenthesis only: "a)", "iv)". ("1)" is a paragraph number.)
func matchClosed(s string) (int, labelForm) {
	end := strings.IndexByte(s[:min(len(s), 6)], ')')
	if end < 1 || !labelEndsAt(s, end+1) {
		return 0, noLabel
	}
	if form := tokenForm(s[:end]); form != noLabel {
		return end + 1, form
	}
	return 0, noLabel
}

// tokenForm classifies a lower-case sub-paragraph token: closeLetter for a
// letter, possibly repeated ("a", "aa", "aaa"); closeRoman for a roman
// numeral of two or more letters ("ii", "iv"); noLabel otherwise.
func tokenForm(token string) labelForm {
	if len(token) >= 2 && romanValue(token, lowerRoman) > 0 {
		return closeRoman
	}
	if len(token) > 3 || token == "" || token[0] < 'a' || token[0] > 'z' {
		return noLabel
	}
	if strings.Count(token, token[:1]) != len(token) {
		return noLabel
	}
	return closeLetter
}

// matchSection matches a section label: a capital letter and a dot ("A."),
// or a roman numeral from I to XL and a dot ("IV.").
func matchSection(s string) (int, labelForm) {
	end := strings.IndexByte(s[:min(len(s), 5)], '.')
	if end < 1 || !labelEndsAt(s, end+1) {
		return 0, noLabel
	}
	token := s[:end]
	if v := romanValue(token, upperRoman); v > 0 && v <= 40 {
		return end + 1, sectionRoman
	}
	if len(token) == 1 && token[0] >= 'A' && token[0] <= 'Z' {
		return end + 1, sectionLetter
	}
	return 0, noLabel
}

// Roman numerals are looked up in two tables of their canonical spellings,
// from 1 to 49 (letters I, V, X and L only).
var upperRoman, lowerRoman = romanTables(49)

// romanTables returns the canonical roman numerals from 1 to max, in upper
// and in lower case, mapped to their values.
func romanTables(max int) (upper, lower map[string]int) {
	upper, lower = map[string]int{}, map[string]int{}
	for v := 1; v <= max; v++ {
		r := romanNumeral(v)
		upper[r], lower[strings.ToLower(r)] = v, v
	}
	return upper, lower
}

// romanNumeral writes v (1–49) in capital roman numerals.
func romanNumeral(v int) string {
	tens := []string{"", "X", "XX", "XXX", "XL"}
	units := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	return tens[v/10] + units[v%10]
}

// romanValue returns the value of token in table, or 0 if it is not one.
func romanValue(token string, table map[string]int) int {
	return table[token]
}
