package draft

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The label grammar is described in the package comment (doc.go). Each
// matcher below returns the byte length of the label it recognises at the
// start of s, or 0; a label must be followed by white space or the end of
// s, but for the Chinese labels, which text may follow directly.
//
// The matchers run on every line of a draft: they dispatch on the first
// byte, compile nothing and allocate nothing.

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
// are read as letters here; the outline decides from context. Forms from
// parenLetter on are sub-paragraph labels.
const (
	noLabel          labelForm = iota
	numberLabel                // 12.  12)  3.1  12 bis.  OP 7  PP3.  31B.  A.1  C.10  1、
	sectionLetter              // A.
	sectionRoman               // IV.
	articleLabel               // § 12  § 12a  §§ 12 bis 14  Art. 5  Artikel 5  Article 5
	cjkArticle                 // 第十二条
	cjkChapter                 // 第十二章  第一编
	cjkSection                 // 第二节
	cjkEnum                    // 一、
	parenLetter                // (a)  (aa)
	parenRoman                 // (iv)
	parenDigit                 // (1)  （1）
	parenUpperLetter           // (A)
	parenUpperRoman            // (IV)
	closeLetter                // a)
	closeRoman                 // iv)
	parenCJK                   // （一）  (一)
	parenDouble                // (aa) under (a): only the outline tells it apart
	closeDouble                // aa) under a): only the outline tells it apart
	numberItem                 // 1. under (1) in a law: only the outline tells it apart
	labelForms                 // number of forms
)

// matchLabel returns the length and form of the label at the start of s.
func matchLabel(s string) (int, labelForm) {
	if s == "" {
		return 0, noLabel
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		if n := matchNumber(s); n > 0 {
			return n, numberLabel
		}
	case c == '(':
		return matchParenthesized(s)
	case c >= 'a' && c <= 'z':
		return matchClosed(s)
	case c >= 'A' && c <= 'Z':
		if n := matchOperative(s); n > 0 {
			return n, numberLabel
		}
		if n := matchArticle(s); n > 0 {
			return n, articleLabel
		}
		return matchSection(s)
	case c == 0xC2: // the first byte of "§"
		if n := matchParagraphSign(s); n > 0 {
			return n, articleLabel
		}
	case c >= 0xE0: // a character from U+0800 on: perhaps Chinese
		return matchChinese(s)
	}
	return 0, noLabel
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

// anyDigits is the max of digitsAt for a number of any length.
const anyDigits = math.MaxInt

// matchNumber matches a paragraph number of any length: "12." "12)" "3.1"
// "3.1." "10000.", an article number with letters "31B." "131A." "243ZA."
// "12a.", the Latin insertions "12 bis" "12bis." "12 ter." … and the
// Chinese "1、". A bare number followed by white space ("2021 was") is not
// a label; a dotted number without final punctuation ("3.1") is one only
// if the text after it looks like the start of a sentence, so that "1.5
// million" is not, nor a number in groups of three ("10.000 Euro"); an
// insertion without final punctuation likewise, so that "1 bis 2" is not.
func matchNumber(s string) int {
	i := digitsAt(s, 0, anyDigits)
	if i == 0 {
		return 0
	}
	return numberEnd(s, i)
}

// numberEnd matches the rest of a paragraph number whose first digits end
// at s[i] (see matchNumber) and returns the end of the label or 0.
func numberEnd(s string, i int) int {
	dotted, grouped := false, true
	for byteAt(s, i) == '.' {
		j := digitsAt(s, i+1, 3)
		if j == i+1 {
			break
		}
		i, dotted, grouped = j, true, grouped && j-i == 4
	}
	if !dotted {
		i = letterSuffixEnd(s, i)
	}
	if n := matchInsertion(s, i); n > 0 {
		return n
	}
	if c := byteAt(s, i); (c == '.' || c == ')') && labelEndsAt(s, i+1) {
		return i + 1
	}
	if dotted && !grouped && labelEndsAt(s, i) && opensSentence(s[i:]) {
		return i
	}
	if !dotted && strings.HasPrefix(s[i:], "、") {
		return i + len("、")
	}
	return 0
}

// letterSuffixEnd returns the end of the letters of an article number
// ("31B." "243ZA." "12a."): one lower-case letter or one or two capitals
// followed by "." or ")"; or i if there are none.
func letterSuffixEnd(s string, i int) int {
	j := i
	switch c := byteAt(s, j); {
	case c >= 'a' && c <= 'z':
		j++
	case c >= 'A' && c <= 'Z':
		j++
		if c := byteAt(s, j); c >= 'A' && c <= 'Z' {
			j++
		}
	}
	if c := byteAt(s, j); j > i && (c == '.' || c == ')') {
		return j
	}
	return i
}

// latinInsertions are the suffixes of paragraphs inserted between two
// numbered ones ("12 bis" comes after 12).
var latinInsertions = []string{
	"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies",
	"novies", "nonies", "decies",
}

// matchInsertion matches " bis", "bis", " bis." … at s[i:], after a number,
// and returns the end of the whole label or 0. Without its full stop, an
// insertion must be followed by the start of a sentence: "1 bis 2" is a
// range, not paragraph 1 bis.
func matchInsertion(s string, i int) int {
	if byteAt(s, i) == ' ' {
		i++
	}
	if c := byteAt(s, i); c < 'b' || c > 't' { // the common case: no insertion
		return 0
	}
	for _, suffix := range latinInsertions {
		if !strings.HasPrefix(s[i:], suffix) {
			continue
		}
		end := i + len(suffix)
		if byteAt(s, end) == '.' && labelEndsAt(s, end+1) {
			return end + 1
		}
		if labelEndsAt(s, end) && opensSentence(s[end:]) {
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
	return unicode.IsUpper(r) || strings.ContainsRune("([\"“‘'«„", r)
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
// "(aa)", "(iv)", "(1)", "(A)", "(IV)", and "(一)" with a Chinese numeral.
func matchParenthesized(s string) (int, labelForm) {
	if byteAt(s, 0) != '(' {
		return 0, noLabel
	}
	end := strings.IndexByte(s[:min(len(s), 26)], ')')
	if end < 2 {
		return 0, noLabel
	}
	token := s[1:end]
	if token[0] >= 0xE0 && chineseNumeralEnd(token, 0) == len(token) {
		return end + 1, parenCJK // text may follow without a space
	}
	if end > 7 || !labelEndsAt(s, end+1) {
		return 0, noLabel
	}
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
// parenthesis only: "a)", "aa)", "iv)". ("1)" is a paragraph number.)
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
// or a roman numeral from I to XL and a dot ("IV."), unless a name follows
// a single letter, which is then an initial ("T. Berners-Lee, …"); and an
// appendix or section number of a capital letter and numbers ("A.1"
// "C.10." "F.18.2"), read as a paragraph number.
func matchSection(s string) (int, labelForm) {
	if byteAt(s, 1) == '.' && isDigit(byteAt(s, 2)) {
		return numberEnd(s, 1), numberLabel
	}
	end := strings.IndexByte(s[:min(len(s), 5)], '.')
	if end < 1 || !labelEndsAt(s, end+1) {
		return 0, noLabel
	}
	token := s[:end]
	if end == 1 && followsInitial(s[end+1:]) {
		return 0, noLabel
	}
	if v := romanValue(token, upperRoman); v > 0 && v <= 40 {
		return end + 1, sectionRoman
	}
	if len(token) == 1 && token[0] >= 'A' && token[0] <= 'Z' {
		return end + 1, sectionLetter
	}
	return 0, noLabel
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool {
	return c >= '0' && c <= '9'
}

// nameParticles are the lower-case words that start a surname ("G. van
// Rossum").
var nameParticles = []string{"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "ten", "ter", "zu"}

// followsInitial reports whether s, the text after a single capital and a
// dot, is a name, so that the capital is an initial, not a section label:
// another initial ("R. Fielding"), a name particle ("van Rossum"), a
// hyphenated name ("Berners-Lee"), or a word followed by a full stop
// ("Jones. Title."), by a comma ("Smith, R."), by "et al." or by "and" or
// "&" and another initial or nothing ("Smith and T. …", "Smith and" at a
// line's end).
func followsInitial(s string) bool {
	word, after := cutWord(s)
	if word == "" {
		return false
	}
	if c := word[0]; c >= 'a' && c <= 'z' {
		for _, p := range nameParticles {
			if word == p {
				return true
			}
		}
		return false
	}
	if isInitial(word) {
		return true // "R. Fielding"
	}
	if hasLower(word) { // a name, not a heading in capitals ("INTRODUCTION, SCOPE")
		switch {
		case len(word) > 2 && strings.HasSuffix(word, ".") && !strings.Contains(word[:len(word)-1], "."):
			return true // "K. Jones. Title."
		case strings.HasSuffix(word, ","):
			return !startsLower(trimLeft(after)) // "Smith, R." but not "Background, scope"
		}
		if i := strings.IndexByte(word, '-'); i > 0 && i+1 < len(word) && word[i+1] >= 'A' && word[i+1] <= 'Z' {
			return true // "Berners-Lee"
		}
	}
	next, after := cutWord(after)
	switch next {
	case "and", "&":
		after = trimLeft(after)
		return after == "" || isInitial(strings.TrimRight(after[:min(len(after), 3)], " "))
	case "et":
		return strings.HasPrefix(trimLeft(after), "al")
	}
	return false
}

// cutWord returns the first word of s, after its leading white space, and
// the rest of s after the word.
func cutWord(s string) (word, rest string) {
	s = trimLeft(s)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// hasLower reports whether s holds an ASCII lower-case letter.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// isInitial reports whether word is an initial: a capital and a dot, maybe
// hyphenated or followed by more ("R." "J.-P." "R.T." "R.,").
func isInitial(word string) bool {
	return len(word) >= 2 && word[0] >= 'A' && word[0] <= 'Z' && word[1] == '.'
}

// matchArticle matches an article label: "Art. 5", "Art 5", "Artikel 5",
// "Article 5", with letters ("Art. 5a"). See articleNumberEnd for what
// may follow.
func matchArticle(s string) int {
	if !strings.HasPrefix(s, "Art") {
		return 0
	}
	i := 3
	switch {
	case strings.HasPrefix(s[i:], "ikel "), strings.HasPrefix(s[i:], "icle "):
		i += len("ikel ")
	case strings.HasPrefix(s[i:], ". "):
		i += 2
	case byteAt(s, i) == ' ':
		i++
	default:
		return 0
	}
	return articleNumberEnd(s, i, false)
}

// matchParagraphSign matches a German paragraph label: "§ 12", "§12",
// "§ 12a", "§ 12.", and a range of paragraphs "§§ 12 bis 14", "§§ 12-14",
// "§§ 12, 13" (a heading over paragraphs repealed together).
func matchParagraphSign(s string) int {
	if !strings.HasPrefix(s, "§") {
		return 0
	}
	i := len("§")
	several := strings.HasPrefix(s[i:], "§")
	if several {
		i += len("§")
	}
	return articleNumberEnd(s, skipNoBreakSpace(s, i), several)
}

// skipNoBreakSpace returns the end of one space, no-break space or narrow
// no-break space at s[i], or i.
func skipNoBreakSpace(s string, i int) int {
	switch {
	case byteAt(s, i) == ' ':
		return i + 1
	case strings.HasPrefix(s[i:], "\u00a0"), strings.HasPrefix(s[i:], "\u202f"):
		return i + 2 + btoi(s[i] == 0xE2)
	}
	return i
}

// btoi is 1 for true and 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// articleNumberEnd matches the number of an article or German paragraph at
// s[i] — digits, a lower-case letter, maybe doubled, or a capital ("5a" "5aa" "5A"),
// a full stop — and, for a range (several), "bis", "-", "–", "und" or ","
// and another such number; and returns the end of the label, or 0. What
// follows must start a heading or sentence (or be a dash before a title,
// "Article 5 – Scope") and not continue a reference:
// "§ 5 Abs. 2 gilt" and "Art. 5 des Vertrags" are running text, and so is
// a number with a full stop at the end of a line ("… nach\n§ 8.").
func articleNumberEnd(s string, i int, several bool) int {
	end := articleNumber(s, i)
	if end == i {
		return 0
	}
	if several {
		for _, sep := range []string{" bis ", "-", "–", " und ", ", "} {
			if strings.HasPrefix(s[end:], sep) {
				if e := articleNumber(s, end+len(sep)); e > end+len(sep) {
					end = e
				}
				break
			}
		}
	}
	if byteAt(s, end) == '.' {
		if end+1 == len(s) {
			return 0 // "… nach\n§ 8." ends a sentence
		}
		end++
	}
	if !labelEndsAt(s, end) || continuesReference(s[end:]) {
		return 0
	}
	if rest := trimLeft(s[end:]); !opensSentence(rest) && !startsWithDash(rest) {
		return 0
	}
	return end
}

// startsWithDash reports whether s starts with a dash and a space, as a
// title after an article number may ("Article 5 – Scope").
func startsWithDash(s string) bool {
	for _, dash := range []string{"- ", "– ", "— "} {
		if strings.HasPrefix(s, dash) {
			return true
		}
	}
	return false
}

// articleNumber returns the end of an article number at s[i] (see
// articleNumberEnd), or i.
func articleNumber(s string, i int) int {
	j := digitsAt(s, i, 6)
	if j == i {
		return i
	}
	switch c := byteAt(s, j); {
	case c >= 'a' && c <= 'z':
		j++
		if byteAt(s, j) == c { // "12aa"
			j++
		}
	case c >= 'A' && c <= 'Z':
		j++
	}
	if c := byteAt(s, j); c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) {
		return i // a word, not a number with letters ("5th")
	}
	return j
}

// referenceWords are the words that carry a reference on after an article
// or paragraph number: "§ 5 Abs. 2", "Art. 5 Nr. 1".
var referenceWords = []string{"Abs.", "Absatz", "Absätze", "Satz", "Sätze", "S.", "Nr.", "Nummer", "Nrn.",
	"Buchst.", "Buchstabe", "Halbsatz", "Alt.", "Alternative", "Unterabs.", "Unterabsatz", "Ziff.", "Ziffer",
	"Paragraph", "Paragraphs", "Para.", "No."}

// continuesReference reports whether s, after white space, starts with a
// word that continues a reference (see referenceWords) or with an
// abbreviation of the law referred to ("BGB", "StGB": a capital after the
// first letter), so that the number before it is not a label.
func continuesReference(s string) bool {
	word, _ := cutWord(s)
	for _, w := range referenceWords {
		if word == w {
			return true
		}
	}
	for k := 1; k < len(word); k++ {
		if c := word[k]; c >= 'A' && c <= 'Z' {
			return true
		}
		if c := word[k]; c == '-' || c == '.' {
			break
		}
	}
	return false
}

// endsWithReference reports whether line ends with a word that a number
// follows in a reference ("nach Nr.", "gemäß §", "in paragraph"), so that
// a number at the start of the next line continues the reference and is
// no label.
func endsWithReference(line string) bool {
	word := lastWord(withoutClosers(line))
	switch word {
	case "§", "§§", "Art.", "Artikel", "Article", "article", "Abs.", "Absatz", "Nr.", "Nrn.", "Nummer",
		"No.", "no.", "Nos.", "para.", "paras.", "paragraph", "paragraphs", "section", "sections", "Section",
		"Ziff.", "Buchst.", "Satz", "Kap.", "Abschn.", "Anl.", "Anh.", "Rn.", "vgl.":
		return true
	}
	return false
}

// Chinese numerals and labels. Every character of a Chinese label is
// three bytes long in UTF-8.

// chineseNumerals are the characters of Chinese numbers (from 〇 to 万), in
// simplified and traditional characters.
const chineseNumerals = "〇零一二三四五六七八九十百千万萬两兩"

// chineseNumeralEnd returns the end of a run of Chinese numerals or ASCII
// or full-width digits at s[i], or i.
func chineseNumeralEnd(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case isDigit(c):
			i++
		case c >= 0xE0 && i+3 <= len(s) && isChineseDigit(s[i:i+3]):
			i += 3
		default:
			return i
		}
	}
	return i
}

// isChineseDigit reports whether the three bytes of r are a Chinese
// numeral or a full-width digit.
func isChineseDigit(r string) bool {
	return r >= "０" && r <= "９" || strings.Contains(chineseNumerals, r)
}

// chineseLabelEndsAt reports whether a label "第…条" of n bytes at the
// start of s ends there: at the end of s, at white space, or before text
// that follows it without a space, but for a character that would make it
// part of a reference ("第十二条规定" "第十二条第二款" "第三条、第四条").
func chineseLabelEndsAt(s string, n int) bool {
	if n == len(s) || labelEndsAt(s, n) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return r >= 0x2E80 && !strings.ContainsRune("第的、和及至到或中规所之修，。", r)
}

// matchChinese matches the labels of Chinese texts: "第十二条" (an
// article), "第十二章" and "第一编" (a chapter or part), "第二节" (a
// section), in simplified or traditional characters (條, 編, 節, as
// Japanese laws write them too), "一、" (a numbered section) and "（一）"
// "（1）" (an item in full-width parentheses).
func matchChinese(s string) (int, labelForm) {
	switch {
	case strings.HasPrefix(s, "第"):
		i := len("第")
		j := chineseNumeralEnd(s, i)
		if j == i || j-i > 30 || j+3 > len(s) {
			return 0, noLabel
		}
		form := noLabel
		switch s[j : j+3] {
		case "条", "條":
			form = cjkArticle
		case "章", "编", "編":
			form = cjkChapter
		case "节", "節":
			form = cjkSection
		}
		if form != noLabel && chineseLabelEndsAt(s, j+3) {
			return j + 3, form
		}
	case strings.HasPrefix(s, "（"):
		i := len("（")
		j := chineseNumeralEnd(s, i)
		if j > i && strings.HasPrefix(s[j:], "）") {
			if digitsAt(s, i, 3) == j {
				return j + len("）"), parenDigit
			}
			return j + len("）"), parenCJK
		}
	default:
		j := chineseNumeralEnd(s, 0)
		if j > 0 && j <= 30 && strings.HasPrefix(s[j:], "、") {
			return j + len("、"), cjkEnum
		}
	}
	return 0, noLabel
}

// divisionLevel returns the heading level that a label of the given form
// gives a heading-like line, or 0 if the form makes no heading by itself:
// 1 for a part or chapter ("第十二章") and a Chinese numbered section
// ("一、"), 2 for a section ("第二节") and an article or German
// paragraph ("§ 12", "Art. 5"). (The roman and lettered sections are
// decided in the text reader's headingLevel.)
func divisionLevel(form labelForm) int {
	switch form {
	case cjkChapter, cjkEnum:
		return 1
	case cjkSection, articleLabel:
		return 2
	}
	return 0
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
