package negotiation

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns the form of a word that lexicon matching compares: lower
// case, typographic apostrophe and non-breaking hyphen made plain, NFC.
func fold(w string) string {
	w = strings.ToLower(w)
	if isASCII(w) {
		return w
	}
	if strings.ContainsRune(w, '’') {
		w = strings.ReplaceAll(w, "’", "'")
	}
	if strings.ContainsRune(w, '‑') {
		w = strings.ReplaceAll(w, "‑", "-")
	}
	return norm.NFC.String(w)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// occurrence is one match of a lexicon form in a text.
type occurrence struct {
	list       *list
	entry      int
	start, end int // bytes
}

// find returns the occurrences of l's forms in text, leftmost-longest,
// without those inside masked ranges (quotations, citations), inside an
// exception ("should the need arise"), after a word of their list's "not
// after" line, or capitalized inside a sentence where the lexicon writes
// them in lower case ("in May", "Will").
func (l *language) find(text string, masked ranges) []occurrence {
	toks := tokenize(text)
	var out []occurrence
	for i := 0; i < len(toks); {
		p, ok := l.longest(toks, i)
		if !ok {
			i++
			continue
		}
		n := len(p.words)
		o := occurrence{list: p.list, entry: p.entry, start: toks[i].start, end: toks[i+n-1].end}
		if p.list.kind != exceptList && !masked.overlaps(o.start, o.end) &&
			!(i > 0 && p.list.notAfter[toks[i-1].key]) && !properNoun(text, o.start, p) {
			out = append(out, o)
		}
		i += n
	}
	return out
}

// longest returns the longest pattern that matches the words from toks[i].
func (l *language) longest(toks []token, i int) (pattern, bool) {
	for _, p := range l.index[toks[i].key] {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p.words[1:] {
			if toks[i+1+k].key != w {
				ok = false
				break
			}
		}
		if ok {
			return p, true
		}
	}
	return pattern{}, false
}

// ranges is a set of byte ranges that answers "does [a, b) overlap one of
// them?" in O(log n): the ranges sorted by start, with the greatest end
// so far.
type ranges struct {
	start, maxEnd []int
}

func newRanges(rs [][2]int) ranges {
	slices.SortFunc(rs, func(x, y [2]int) int { return cmp.Compare(x[0], y[0]) })
	r := ranges{start: make([]int, len(rs)), maxEnd: make([]int, len(rs))}
	end := 0
	for k, x := range rs {
		end = max(end, x[1])
		r.start[k], r.maxEnd[k] = x[0], end
	}
	return r
}

// overlaps reports whether [a, b) overlaps one of the ranges.
func (r ranges) overlaps(a, b int) bool {
	k := sort.SearchInts(r.start, b) - 1 // the last range starting before b
	return k >= 0 && r.maxEnd[k] > a
}

// properNoun reports whether a match at start is capitalized inside a
// sentence though its form is in lower case: a month ("in May") or a name.
// All capitals ("SHALL", as RFC 2119 writes it) still count.
func properNoun(text string, start int, p pattern) bool {
	first := firstRune(text[start:])
	if !unicode.IsUpper(first) || !unicode.IsLower(firstRune(p.list.entries[p.entry][0])) {
		return false
	}
	w := text[start:]
	if j := strings.IndexFunc(w, func(r rune) bool { return !isWordPart(r) }); j >= 0 {
		w = w[:j]
	}
	if strings.ToUpper(w) == w {
		return false
	}
	return !sentenceStart(text, start)
}

// sentenceStart reports whether offset i of text starts a sentence: only
// white space, an opening bracket or quotation mark stands between it and
// the start of the text or a sentence's end.
func sentenceStart(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '\n':
			return true
		case unicode.IsSpace(r) || strings.ContainsRune("([\"“«‘'¿¡", r):
			i -= n
		default:
			return strings.ContainsRune(".!?:;", r)
		}
	}
	return true
}

// quotations returns the byte ranges of text inside quotation marks:
// “…”, «…», „…“ and "…" (straight quotes paired in order). A quotation
// left open is not a range.
func quotations(text string) [][2]int {
	var out [][2]int
	var open []int
	straight := -1
	for i, r := range text {
		switch r {
		case '“', '«', '„':
			if r == '“' && len(open) > 0 && text[open[len(open)-1]:][0:3] == "„" {
				out = append(out, [2]int{open[len(open)-1], i + 3})
				open = open[:len(open)-1]
				continue
			}
			open = append(open, i)
		case '”', '»':
			if len(open) > 0 {
				out = append(out, [2]int{open[len(open)-1], i + utf8.RuneLen(r)})
				open = open[:len(open)-1]
			}
		case '"':
			if straight < 0 {
				straight = i
			} else {
				out = append(out, [2]int{straight, i + 1})
				straight = -1
			}
		}
	}
	return out
}

// detectBudget is how many bytes of text detect reads.
const detectBudget = 200_000

// detect returns the languages of x whose common words are most frequent
// in texts (the first detectBudget bytes are read); all of them when no
// common word is found, or the tied ones.
func (x *Lexicon) detect(texts []string) []*language {
	counts := make([]int, len(x.langs))
	budget := detectBudget
	for _, t := range texts {
		if budget <= 0 {
			break
		}
		if len(t) > budget {
			t = t[:budget]
		}
		budget -= len(t)
		for _, tok := range tokenize(t) {
			for k, l := range x.langs {
				if l.common[tok.key] {
					counts[k]++
				}
			}
		}
	}
	best := 0
	for _, c := range counts {
		best = max(best, c)
	}
	if best == 0 {
		return x.langs
	}
	var out []*language
	for k, c := range counts {
		if c == best {
			out = append(out, x.langs[k])
		}
	}
	return out
}
