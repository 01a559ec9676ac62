package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// builder collects a document's blocks in reading order, splitting labels
// from text and giving sub-paragraphs their level. Both readers use it.
type builder struct {
	blocks  []Block
	outline outline
}

// scope is where running text stands: level is its depth (0 at top level,
// n+1 inside a list item of level n), owner the level of the numbered
// paragraph or list item that owns the sub-paragraphs found there.
type scope struct {
	level, owner int
}

// topLevel is the scope of text outside any list.
var topLevel = scope{}

// heading adds a heading and starts a new outline of sub-paragraphs.
// Marks, if any, are at offsets in text as given.
func (b *builder) heading(level int, text string, line int, marks ...Mark) {
	label, rest := splitLabel(strings.TrimSpace(text))
	b.outline.reset()
	b.add(withMarks(newBlock(Heading, level, label, rest, line), text, marks))
}

// paragraph adds running text of the given kind (Paragraph or Quote). A
// sub-paragraph ("(a) …") goes one level below its owner, and deeper for
// each outer form of sub-paragraph label open above it.
// Marks, if any, are at offsets in text as given.
func (b *builder) paragraph(kind Kind, sc scope, text string, line int, marks ...Mark) {
	full := text
	label, text := splitLabel(strings.TrimSpace(text))
	level := sc.level
	switch {
	case b.outline.isSub(label):
		level = sc.owner + 1 + b.outline.depth(label)
	case label != "":
		b.outline.start(label)
	}
	b.add(withMarks(newBlock(kind, level, label, text, line), full, marks))
}

// item adds a list item whose label is already known ("" for a bullet item,
// whose text may still start with a label of its own). Marks, if any, are
// at offsets in text as given.
func (b *builder) item(level int, label, text string, line int, marks ...Mark) {
	full := text
	text = strings.TrimSpace(text)
	if label == "" {
		label, text = splitLabel(text)
	}
	switch {
	case b.outline.isSub(label):
		b.outline.depth(label)
	case label != "":
		b.outline.start(label)
	}
	b.add(withMarks(newBlock(ListItem, level, label, text, line), full, marks))
}

// withMarks gives block the marks made on full, the text its Text was cut
// from (a label and white space taken off either end): each moved to
// Text's offsets, cut to Text, and normalised (see NormalizeMarks).
func withMarks(block Block, full string, marks []Mark) Block {
	if len(marks) == 0 {
		return block
	}
	// Text is a suffix of full with its white space trimmed (see
	// splitLabel): where it starts follows from the lengths.
	trimmed := strings.TrimSpace(full)
	lead := len(full) - len(strings.TrimLeftFunc(full, unicode.IsSpace))
	start := lead + len(trimmed) - len(block.Text)
	if start < 0 || !strings.HasPrefix(full[start:], block.Text) {
		return block
	}
	end := start + len(block.Text)
	out := make([]Mark, 0, len(marks))
	for _, m := range marks {
		s, e := max(int(m.Start), start), min(int(m.End), end)
		if s > e || s == e && m.Style != Rejoined {
			continue
		}
		m.Start, m.End = int32(s-start), int32(e-start)
		out = append(out, m)
	}
	block.SetMarks(NormalizeMarks(out))
	return block
}

// add appends a block unless it holds neither label nor text.
func (b *builder) add(block Block) {
	if block.Label != "" || block.Text != "" {
		b.blocks = append(b.blocks, block)
	}
}

// sourceLine is one line of a block as read from the source: its text with
// trailing white space trimmed, and its 1-based line number.
type sourceLine struct {
	text string
	num  int
}

// joinLines returns the lines' text joined by line breaks.
func joinLines(lines []sourceLine) string {
	if len(lines) == 1 {
		return lines[0].text
	}
	var sb strings.Builder
	for i, l := range lines {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(l.text)
	}
	return sb.String()
}

// groupLines splits lines into runs of non-blank lines (lines are blank
// when their text is empty), also starting a new run at each line i after
// a non-blank line for which startsNew(i) is true.
func groupLines(lines []sourceLine, startsNew func(i int) bool) [][]sourceLine {
	var groups [][]sourceLine
	eachGroup(lines, startsNew, func(g []sourceLine) { groups = append(groups, g) })
	return groups
}

// eachGroup calls emit with each run of groupLines in order, holding none
// of them: a plain-text draft of a million paragraphs is a million runs.
func eachGroup(lines []sourceLine, startsNew func(i int) bool, emit func([]sourceLine)) {
	start := -1
	for i, line := range lines {
		switch {
		case line.text == "":
			if start >= 0 {
				emit(lines[start:i])
			}
			start = -1
		case start < 0:
			start = i
		case startsNew(i):
			emit(lines[start:i])
			start = i
		}
	}
	if start >= 0 {
		emit(lines[start:])
	}
}

// opensSubBlock reports whether line, met inside a paragraph after the line
// prev, starts a block of its own: it starts with a paragraph label and
// prev ends a clause (see endsClause). The second condition keeps a
// hard-wrapped line such as "(a) of resolution 75/240", "2021. The …" or,
// after "(§ 5 Abs.", "1) weiter …" inside its paragraph.
func opensSubBlock(prev, line string) bool {
	return startsWithLabel(trimLeft(line)) && endsClause(prev)
}

// trimLeft returns s without leading white space.
func trimLeft(s string) string {
	return strings.TrimLeftFunc(s, unicode.IsSpace)
}

// closers are the closing quotation marks and brackets that may follow the
// punctuation at the end of a clause.
const closers = ")]}\"'”’»"

// withoutClosers returns s without trailing white space and closers.
func withoutClosers(s string) string {
	return strings.TrimRight(strings.TrimRightFunc(s, unicode.IsSpace), closers)
}

// endsSentence reports whether s ends with sentence-final punctuation
// (. : ; ? !), possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = withoutClosers(s)
	return s != "" && strings.ContainsRune(".:;?!", rune(s[len(s)-1]))
}

// endsClause reports whether s ends a clause of an enumeration: with
// sentence-final punctuation or a comma (ASCII or full-width), a dash
// ("for—"), or with the word "and" or "or" ("…; and", German "und",
// "oder"); but not with a word a number follows in a
// reference ("nach Nr.", "Art.", see endsWithReference).
func endsClause(s string) bool {
	s = withoutClosers(s)
	if s == "" || endsWithReference(s) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".:;?!,。：；？！，—", r) || strings.HasSuffix(s, "--") {
		return true // "—" and "--" as in "no law providing for—"
	}
	switch lastWord(s) {
	case "and", "or", "and/or", "und", "oder":
		return true
	}
	return false
}

// lastWord returns the text after the last white space in s.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}
