package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LabelPair is one row of a numbering crosswalk: the labels of a block of
// the old draft and of the new block it became.
type LabelPair struct {
	Old, New           string
	OldBlock, NewBlock int
}

// Crosswalk returns, for every block of the old draft that has a place in
// the new one (equal, changed, moved, or a piece of a split or merge), its
// label and the label of the block it became, in reading order of the new
// draft; pairs in which neither block has a label are left out.
func (r *Result) Crosswalk() []LabelPair {
	// Counted first, so that the list of tens of thousands of pairs is
	// made once at its size.
	n := 0
	r.eachLabelPair(func(LabelPair) { n++ })
	out := make([]LabelPair, 0, n)
	r.eachLabelPair(func(p LabelPair) { out = append(out, p) })
	return out
}

// eachLabelPair calls f with each pair of Crosswalk in order.
func (r *Result) eachLabelPair(f func(LabelPair)) {
	for k := range r.Steps {
		// Only a step's blocks are read, not copied whole: fillSpans
		// calls this while it sets the steps' spans.
		old, new := r.Steps[k].Old, r.Steps[k].New
		if old.Len() == 0 || new.Len() == 0 {
			continue
		}
		for n, i := range old.All() {
			for m, j := range new.All() {
				if n > 0 && m > 0 {
					continue // a split or merge maps its first block on each side
				}
				if p := (LabelPair{r.Old.Blocks[i].Label, r.New.Blocks[j].Label, i, j}); p.Old != "" || p.New != "" {
					f(p)
				}
			}
		}
	}
}

// renumberedNumbers returns the numbers of the old labels that changed,
// each with its new number ("22" → "25"). Where "paragraph 22" became
// "paragraph 25" and old paragraph 22 is new paragraph 25, the deleted
// "22" and inserted "25" are not an edit of the text but the numbering's:
// markRefs marks them Renumbered.
func (r *Result) renumberedNumbers() map[string]string {
	renumbered := make(map[string]string)
	r.eachLabelPair(func(p LabelPair) {
		if o, n := labelNumber(p.Old), labelNumber(p.New); o != "" && n != "" && o != n {
			renumbered[o] = n
		}
	})
	return renumbered
}

// markRefs marks each delete–insert pair of numbers that stands after a
// reference word and follows the crosswalk, and each reference whose
// number the word diff cut in pieces (see markSplitRefs). It returns the
// spans, rewritten where such a reference was.
func markRefs(spans []Span, renumbered map[string]string) []Span {
	if len(renumbered) == 0 {
		return spans
	}
	spans = markSplitRefs(spans, renumbered)
	for k := 1; k+1 < len(spans); k++ {
		del, ins := &spans[k], &spans[k+1]
		if del.Op != SpanDelete || ins.Op != SpanInsert || spans[k-1].Op != SpanEqual || del.Renumbered {
			continue
		}
		continued := k >= 2 && spans[k-2].Renumbered
		if renumbered[del.Text] == ins.Text && ins.Text != "" && endsWithRefWord(spans[k-1].Text, continued) {
			del.Renumbered, ins.Renumbered = true, true
		}
	}
	return spans
}

// refWords are the words that introduce a reference to a paragraph,
// section or article, in lower case.
var refWords = []string{"paragraph", "paragraphs", "para.", "paras.", "para", "paras", "¶", "op", "pp",
	"paragraphe", "paragraphes", "párrafo", "párrafos",
	"section", "sections", "appendix", "article", "articles", "art.", "arts.", "art", "artikel", "§", "§§"}

// refConnectors join the numbers of a list or range of references
// ("paragraphs 12 and 13", "§§ 3 bis 5"), in lower case.
var refConnectors = []string{"and", "or", "to", "und", "oder", "bis", "et", "à", "y", "a", ",", "&"}

// endsWithRefWord reports whether text ends with a reference word and
// white space ("… set out in paragraph ", "nach § "), or with a connector
// after one and its number ("paragraphs 12 and ", "§§ 3 bis "). continued
// tells that the number before text was itself marked as following the
// renumbering, so that a connector alone ("\nbis ") continues that
// reference.
func endsWithRefWord(text string, continued bool) bool {
	t := strings.ToLower(strings.TrimRightFunc(text, unicode.IsSpace))
	if len(t) == len(text) {
		return false
	}
	for range 4 { // a reference word, or a connector and a number before one
		if endsWithWord(t, refWords) {
			return true
		}
		c := endsWithWord(t, refConnectors)
		if !c {
			return false
		}
		t = strings.TrimRightFunc(strings.TrimRight(strings.TrimRightFunc(t, unicode.IsLetter), ",&"), unicode.IsSpace)
		if t == "" {
			return continued
		}
		before := strings.TrimRightFunc(t, isRefNumberRune)
		if len(before) == len(t) {
			return false
		}
		t = strings.TrimRightFunc(before, unicode.IsSpace)
	}
	return false
}

// endsWithWord reports whether t ends with one of words, a word that starts
// with a letter not preceded by a letter or digit ("op" ends "… op" but not
// "stop").
func endsWithWord(t string, words []string) bool {
	for _, w := range words {
		if !strings.HasSuffix(t, w) {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(t[:len(t)-len(w)])
		if w[0] < 'a' || w[0] > 'z' || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isRefNumberRune reports whether r may be part of a referenced number
// ("12", "12a", "31B", "3.1").
func isRefNumberRune(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.')
}

// chineseNumerals are the characters of Chinese numbers, and the digits.
const chineseNumerals = "〇零一二三四五六七八九十百千万萬两兩0123456789０１２３４５６７８９"

// isChineseNumeral reports whether r is a Chinese numeral or a digit.
func isChineseNumeral(r rune) bool {
	return strings.ContainsRune(chineseNumerals, r)
}

// markSplitRefs marks the references whose number follows the crosswalk
// but was cut in pieces by the word diff, and rewrites each as one marked
// delete–insert pair of whole numbers: a Chinese reference, whose
// ideographs are tokens of their own ("第十{+一+}条" as "第{-十-}{+十一+}条"
// where old article 10 is new article 11), and a dotted number after a
// reference word ("section 3.{-1-}{+2+}" as "section {-3.1-}{+3.2+}"). The
// number is put together from the spans around the change (see refAt).
// The spans are returned as they are when there is no such reference.
func markSplitRefs(spans []Span, renumbered map[string]string) []Span {
	if !hasSplitRef(spans) {
		return spans
	}
	out := make([]Span, 0, len(spans)+2)
	for i := 0; i < len(spans); {
		if n := len(out); spans[i].Op != SpanEqual && n > 0 && out[n-1].Op == SpanEqual {
			continued := n >= 2 && out[n-2].Renumbered
			if m, head, old, new, tail := refAt(out[n-1].Text, spans, i, renumbered, continued); m > 0 {
				out[n-1].Text = head
				out = append(out, Span{Text: old, Op: SpanDelete, Renumbered: true},
					Span{Text: new, Op: SpanInsert, Renumbered: true})
				if tail != "" {
					out = append(out, Span{Text: tail, Op: SpanEqual})
				}
				i = m + 1
				continue
			}
		}
		out = append(out, spans[i])
		i++
	}
	return out
}

// hasSplitRef reports whether an equal span ends within a number (a digit,
// a letter, a full stop, a Chinese numeral or "第") before a span that is
// not equal: whether markSplitRefs has anything to look at.
func hasSplitRef(spans []Span) bool {
	for k := 0; k+1 < len(spans); k++ {
		if spans[k].Op != SpanEqual || spans[k+1].Op == SpanEqual {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(spans[k].Text); isRefNumberRune(r) || isChineseNumeral(r) || r == '第' {
			return true
		}
	}
	return false
}

// refAt looks for a reference whose number follows the crosswalk, changed
// in the spans from i on, after the equal text before (see markSplitRefs):
// a Chinese one, "第" and numerals before 条, 章, 节 or 编; or a number of
// digits, letters and full stops after a reference word, the diff's cut
// within it. It returns the index m of the equal span after the number,
// before without the number's start (head), the old and new numbers, and
// the text of span m after the number (tail); or m = 0.
func refAt(before string, spans []Span, i int, renumbered map[string]string, continued bool) (m int, head, old, new, tail string) {
	chinese := true
	inNumber := isChineseNumeral
	head = strings.TrimRightFunc(before, inNumber)
	if !strings.HasSuffix(head, "第") {
		chinese, inNumber = false, isRefNumberRune
		head = strings.TrimRightFunc(before, inNumber)
		if head == before || !endsWithRefWord(head, continued) {
			return 0, "", "", "", ""
		}
	}
	prefix := before[len(head):]
	old, new = prefix, prefix
	for m = i; m < len(spans); m++ {
		sp := spans[m]
		if sp.Op == SpanEqual && (chinese && strings.TrimLeftFunc(sp.Text, inNumber) != "" ||
			!chinese && numberEnd(sp.Text) < len(sp.Text)) {
			break
		}
		if strings.TrimLeftFunc(sp.Text, inNumber) != "" {
			return 0, "", "", "", ""
		}
		if sp.Op != SpanInsert {
			old += sp.Text
		}
		if sp.Op != SpanDelete {
			new += sp.Text
		}
	}
	if m == len(spans) {
		return 0, "", "", "", ""
	}
	after := spans[m].Text
	if chinese {
		tail = strings.TrimLeftFunc(after, inNumber)
		if r, _ := utf8.DecodeRuneInString(tail); !strings.ContainsRune("条條章节節编編", r) {
			return 0, "", "", "", ""
		}
	} else {
		tail = after[numberEnd(after):]
	}
	suffix := after[:len(after)-len(tail)]
	old, new = old+suffix, new+suffix
	if old == new || renumbered[old] != new {
		return 0, "", "", "", ""
	}
	return m, head, old, new, tail
}

// numberEnd returns the end of the rest of a number at the start of s:
// letters and digits, and a full stop followed by one ("3.1.2", not the
// full stop ending a sentence).
func numberEnd(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			i++
		case c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			i++
		default:
			return i
		}
	}
	return i
}

// labelNumber returns the number a label carries, as references write it:
// "22." → "22", "22 bis" → "22 bis", "31B." → "31B", "C.10" → "C.10",
// "§ 12a" → "12a", "Art. 5" → "5", "第十二条" → "十二"; "(a)" and a range
// "§§ 7 bis 9" → "".
func labelNumber(label string) string {
	l := strings.TrimSuffix(strings.TrimRight(label, ".)"), "、")
	switch {
	case l == "":
		return ""
	case l[0] >= '0' && l[0] <= '9':
		return l
	case l[0] >= 'A' && l[0] <= 'Z' && len(l) > 2 && l[1] == '.' && l[2] >= '0' && l[2] <= '9':
		return l
	case strings.HasPrefix(l, "§§"):
		return ""
	case strings.HasPrefix(l, "§"):
		return strings.TrimLeftFunc(l[len("§"):], unicode.IsSpace)
	case strings.HasPrefix(l, "第"):
		_, size := utf8.DecodeLastRuneInString(l)
		return l[len("第") : len(l)-size]
	}
	for _, prefix := range []string{"Artikel ", "Article ", "Art. ", "Art "} {
		if strings.HasPrefix(l, prefix) {
			return l[len(prefix):]
		}
	}
	return ""
}
