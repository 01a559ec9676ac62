package negotiation

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/redline-diff/redline/draft"
)

// Passage is one bracketed passage of a block's text: text not yet
// agreed. Offsets are bytes into the block's Text.
type Passage struct {
	// Start is the offset of the opening "[", End the offset just after
	// the closing "]".
	Start int `json:"start"`
	End   int `json:"end"`
	// Body is the offset where the negotiated text starts: after the "["
	// and after a tag such as "Alt 1: ".
	Body int `json:"body"`
	// Tag is the passage's label as written, without its colon: "Alt 1",
	// "Option A", "Proposal by Group X", "EU"; empty if none.
	Tag string `json:"tag,omitempty"`
	// Depth is 0 for an outermost passage, 1 for one inside it, and so on.
	Depth int `json:"depth"`
	// Group is 0 for a passage that is not an alternative, otherwise 1 +
	// the index (in the block's passages) of the first alternative of its
	// group: "[Alt 1: …] [Alt 2: …]", "[shall] [or] [should]",
	// "[shall][should]".
	Group int `json:"group,omitempty"`
}

// BodyText returns the passage's negotiated text in text (its block's
// text): what stands between the tag and the closing bracket.
func (p Passage) BodyText(text string) string { return text[p.Body : p.End-1] }

// Passages returns the bracketed passages of one block's text, in order of
// their opening brackets, leaving out brackets that are not negotiation
// (see the package documentation). A "[" without its "]" in the same text,
// or a "]" without its "[", opens or closes nothing: a passage never spans
// two blocks.
func Passages(text string) []Passage {
	kept, _ := scan(text, nil)
	return kept
}

// DocumentPassages returns the passages of each block of d (nil for a
// block without any), or nil if d has none at all. Link reference
// definitions ("[label]: http://…", which the Markdown reader leaves as
// text) are read first, so that a "[label]" elsewhere in the draft is known
// as a link, not a bracket. Code, table-of-contents and front-matter blocks
// have no passages.
func DocumentPassages(d *draft.Document) [][]Passage {
	refs := linkLabels(d)
	var out [][]Passage
	for i, b := range d.Blocks {
		if !negotiable(b) || strings.IndexByte(b.Text, '[') < 0 {
			continue
		}
		if ps, _ := scan(b.Text, refs); len(ps) > 0 {
			if out == nil {
				out = make([][]Passage, len(d.Blocks))
			}
			out[i] = ps
		}
	}
	return out
}

// CountBrackets returns the number of bracketed passages in d, nested ones
// included: one point of the convergence curve.
func CountBrackets(d *draft.Document) int {
	n := 0
	for _, ps := range DocumentPassages(d) {
		n += len(ps)
	}
	return n
}

func negotiable(b draft.Block) bool {
	return b.Kind != draft.Code && b.Kind != draft.Contents && b.Kind != draft.FrontMatter
}

// linkLabels returns the folded labels of d's link reference definitions,
// "[label]: destination" at the start of a block or line, or nil.
func linkLabels(d *draft.Document) map[string]bool {
	var refs map[string]bool
	for _, b := range d.Blocks {
		if !strings.Contains(b.Text, "]:") {
			continue
		}
		for line := range strings.Lines(b.Text) {
			line = strings.TrimLeft(line, " ")
			end := strings.Index(line, "]:")
			if !strings.HasPrefix(line, "[") || end < 2 || strings.ContainsAny(line[1:end], "[]") {
				continue
			}
			if refs == nil {
				refs = make(map[string]bool)
			}
			refs[foldLabel(line[1:end])] = true
		}
	}
	return refs
}

func foldLabel(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// scan finds the bracket pairs of text and sorts them into negotiation
// passages (kept) and the rest (excluded: citations, links, marks), each
// excluded pair as its [start, end) byte range. It is a single pass with a
// stack of open brackets, then a pass over the pairs; depth and groups are
// computed over the kept pairs only.
func scan(text string, refs map[string]bool) (kept []Passage, excluded [][2]int) {
	var stack, starts, ends []int
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '[':
			stack = append(stack, i)
		case ']':
			if len(stack) > 0 {
				starts = append(starts, stack[len(stack)-1])
				ends = append(ends, i+1)
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(starts) == 0 {
		return nil, nil
	}
	pairs := sortPairs(starts, ends)
	var connectors [][2]int
	for k, pr := range pairs {
		switch classify(text, pr[0], pr[1], refs, pairs, k) {
		case pairKept:
			p := Passage{Start: pr[0], End: pr[1], Body: pr[0] + 1}
			p.Tag, p.Body = tagOf(text, pr[0]+1, pr[1]-1)
			kept = append(kept, p)
		case pairConnector:
			connectors = append(connectors, pr)
		default:
			excluded = append(excluded, pr)
		}
	}
	setDepths(kept)
	kept = slices.DeleteFunc(kept, func(p Passage) bool { return p.Depth >= MaxDepth })
	groupAlternatives(text, kept, connectors)
	return kept, excluded
}

// MaxDepth bounds nesting: a bracket pair inside MaxDepth passages is
// text of its parent, not a passage, so that hostile input cannot make
// the fate of every passage cost the length of the whole block.
const MaxDepth = 8

// sortPairs returns the bracket pairs in order of their opening brackets
// (the scan finds them in order of their closing ones).
func sortPairs(starts, ends []int) [][2]int {
	pairs := make([][2]int, len(starts))
	for k := range starts {
		pairs[k] = [2]int{starts[k], ends[k]}
	}
	slices.SortFunc(pairs, func(a, b [2]int) int { return a[0] - b[0] }) // starts are distinct
	return pairs
}

func setDepths(kept []Passage) {
	var open []int // ends of the enclosing kept passages
	for k := range kept {
		for len(open) > 0 && open[len(open)-1] <= kept[k].Start {
			open = open[:len(open)-1]
		}
		kept[k].Depth = len(open)
		open = append(open, kept[k].End)
	}
}

type pairClass uint8

const (
	pairKept pairClass = iota
	pairExcluded
	pairConnector // "[or]" between alternatives
)

// classify says whether the bracket pair [start, end) of text is a
// negotiation passage. pairs are all the pairs of the text, k this one's
// index.
func classify(text string, start, end int, refs map[string]bool, pairs [][2]int, k int) pairClass {
	body := text[start+1 : end-1]
	trimmed := strings.TrimSpace(body)
	before, after := prevRune(text, start), nextRune(text, end)
	switch {
	case before == '!' || after == '(' || after == ':' && lineStart(text, start):
		return pairExcluded // image, inline link, reference definition
	case refs != nil && refs[foldLabel(body)]:
		return pairExcluded // a link by reference
	case refs != nil && after == '[' && k+1 < len(pairs) && pairs[k+1][0] == end &&
		(refs[foldLabel(text[end+1:pairs[k+1][1]-1])] || pairs[k+1][1] == end+2):
		return pairExcluded // "[text][ref]", "[text][]"
	case refs != nil && before == ']' && k > 0 && pairs[k-1][1] == start && refs[foldLabel(body)]:
		return pairExcluded
	case len(trimmed) > 200:
		return pairKept // longer than any mark, citation or connector
	case isConnector(trimmed):
		return pairConnector
	case notNegotiation(trimmed):
		return pairExcluded
	case !strings.ContainsFunc(trimmed, unicode.IsSpace) && isWordRune(before) && strings.IndexByte(trimmed, ',') < 0:
		return pairExcluded // an index or an alteration: "a[i]", "State[s]"
	case utf8.RuneCountInString(trimmed) <= 2 && isLetters(trimmed) && isWordRune(after):
		return pairExcluded // an alteration inside a quotation: "[t]he"
	}
	return pairKept
}

func lineStart(text string, i int) bool {
	j := strings.LastIndexByte(text[:i], '\n')
	return strings.TrimSpace(text[j+1:i]) == ""
}

func prevRune(s string, i int) rune {
	if i == 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func nextRune(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// isConnector reports whether a bracket's body joins alternatives: "[or]".
func isConnector(body string) bool {
	switch strings.ToLower(body) {
	case "or", "and/or", "ou", "o", "alternatively":
		return true
	}
	return false
}

// editorial holds bracketed editorial marks (lower case, without final
// punctuation), which are not negotiation.
var editorial = map[string]bool{
	"sic": true, "emphasis added": true, "emphasis in original": true, "emphasis mine": true,
	"emphasis supplied": true, "citation needed": true, "footnote omitted": true,
	"footnotes omitted": true, "citations omitted": true, "internal citations omitted": true,
	"quotation marks omitted": true, "internal quotation marks omitted": true,
	"translation": true, "unofficial translation": true, "translated": true, "ibid": true,
	"id": true, "stet": true, "illegible": true, "inaudible": true, "redacted": true,
	"blank": true, "intentionally left blank": true, "this page intentionally left blank": true,
	"continued": true, "cont'd": true, "cont": true, "tbd": true, "tba": true,
	"traduction non officielle": true, "traducción no oficial": true, "nota": true,
}

// notNegotiation reports whether a bracket's trimmed body marks something
// other than negotiated text: a task box, a footnote mark, an ellipsis, an
// editorial mark, a page marker or a citation.
func notNegotiation(body string) bool {
	lower := strings.ToLower(strings.TrimRight(body, ".!"))
	switch {
	case body == "" || body == "x" || body == "X": // task-list boxes, "[]"
		return true
	case strings.HasPrefix(body, "^"): // footnote marks "[^1]"
		return true
	case strings.Trim(body, ". …\u00a0") == "": // ellipses "[…]", "[...]", "[. . .]"
		return true
	case editorial[lower] || isNote(lower):
		return true
	case isPageMarker(lower):
		return true
	}
	return isCitation(body)
}

// isNote reports whether a body is an editor's note ("Note: …",
// "Chair's note: …"), which comments on the text rather than proposing it.
func isNote(lower string) bool {
	for _, p := range []string{"note:", "editor's note:", "editorial note:", "chair's note:", "facilitator's note:", "note by the secretariat:", "n.b.:", "nb:"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

func isPageMarker(lower string) bool {
	for _, p := range []string{"page ", "p. ", "pp. ", "pg. ", "p.", "pp.", "página ", "pág. "} {
		if rest, ok := strings.CutPrefix(lower, p); ok && rest != "" && isDigit(rest[0]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isCitation reports whether a bracket's body is a reference: "1", "12",
// "1, 2", "3–5" (up to three digits each: a year such as "[2027]" may be
// negotiated), "RFC9000", "RFC 9000", "I-D.ietf-quic-http", "BCP14",
// "Smith 2020", "Smith et al. 2020", a document symbol at the end of at
// most six words ("Human Rights Council resolution 20/8").
func isCitation(body string) bool {
	if numberList(body) {
		return true
	}
	fields := strings.Fields(body)
	if len(fields) == 1 {
		return citationKey(fields[0])
	}
	if len(fields) == 2 && strings.ToUpper(fields[0]) == fields[0] && allDigits(fields[1]) {
		return true // "RFC 9000", "ISO 27001"
	}
	last := strings.TrimRight(fields[len(fields)-1], ",.;")
	if len(fields) <= 6 && strings.Contains(last, "/") && strings.ContainsAny(last, "0123456789") {
		return true // "General Assembly resolution 75/240", "A/RES/73/27"
	}
	return len(fields) <= 4 && len(last) == 4 && allDigits(last) && unicode.IsUpper(firstRune(fields[0]))
}

func numberList(s string) bool {
	run := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			run++
			if run > 3 {
				return false
			}
		case r == ',' || r == '-' || r == '–' || r == ' ':
			run = 0
		default:
			return false
		}
	}
	return strings.ContainsAny(s, "0123456789")
}

// citationKey reports whether one word is a citation key: dotted
// ("I-D.ietf-quic-http"), or holding a digit ("RFC9000", "Smith2020") or
// in capitals ("TBD", "HTTP") and made of letters, digits and . _ / : +
// -. A number alone is not (see numberList).
func citationKey(w string) bool {
	if allDigits(w) {
		return false // short numbers are numberList's; "[2027]" may be negotiated
	}
	if i := strings.IndexByte(w, '.'); i > 0 && i < len(w)-1 {
		return true // "I-D.ietf-quic-http", "W3C.REC-xml"
	}
	digit, upper, lower := false, 0, 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case strings.ContainsRune("._/:+-", r):
		default:
			return false
		}
	}
	return digit || upper >= 2 && lower == 0
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// tagOf returns the tag at the start of the body text[from:to] ("Alt 1:",
// "Option A:", "Proposal by Group X:", "EU:") and where the negotiated
// text starts after it; "" and from if there is none. A tag starts with a
// capital letter, has at most six words and no sentence punctuation, and
// ends with a colon followed by white space.
func tagOf(text string, from, to int) (string, int) {
	body := text[from:to]
	colon := strings.IndexByte(body[:min(len(body), 61)], ':')
	if colon <= 0 || !unicode.IsUpper(firstRune(body)) {
		return "", from
	}
	tag := body[:colon]
	if strings.ContainsAny(tag, ".;,!?()[]\"“”") && !strings.HasPrefix(tag, "Alt.") || len(strings.Fields(tag)) > 6 {
		return "", from
	}
	rest := body[colon+1:]
	if rest != "" && !unicode.IsSpace(firstRune(rest)) {
		return "", from // "16:00", "A/RES/1:2"
	}
	body = strings.TrimLeftFunc(rest, unicode.IsSpace)
	return tag, to - len(body)
}

// isAlternativeTag reports whether a tag names an alternative: "Alt 1",
// "Alternative B", "Option A", "Variant 2", "Opción 1", "Variante A".
func isAlternativeTag(tag string) bool {
	lower := strings.ToLower(tag)
	for _, p := range []string{"alt", "alternative", "option", "variant", "variante", "opción", "opcion"} {
		if rest, ok := strings.CutPrefix(lower, p); ok && (rest == "" || rest[0] == ' ' || rest[0] == '.' || isDigit(rest[0])) {
			return true
		}
	}
	return false
}

// groupAlternatives sets the Group of passages that are alternatives to
// one another: neighbours at the same depth separated only by white space,
// an "[or]" connector or the word "or", when they are tagged as
// alternatives, joined by a connector, or touching ("[shall][should]").
func groupAlternatives(text string, kept []Passage, connectors [][2]int) {
	for k := range kept {
		prev := -1 // the previous passage at the same depth, inside the same parent
		for j := k - 1; j >= 0; j-- {
			if kept[j].Depth == kept[k].Depth {
				prev = j
				break
			}
			if kept[j].Depth < kept[k].Depth {
				break
			}
		}
		if prev < 0 || kept[prev].End > kept[k].Start {
			continue
		}
		gap := text[kept[prev].End:kept[k].Start]
		joined, connected := alternativeGap(gap, kept[prev].End, connectors)
		if !joined {
			continue
		}
		if connected || gap == "" || isAlternativeTag(kept[prev].Tag) && isAlternativeTag(kept[k].Tag) {
			if kept[prev].Group == 0 {
				kept[prev].Group = prev + 1
			}
			kept[k].Group = kept[prev].Group
		}
	}
}

// alternativeGap reports whether the text between two passages (starting
// at offset at) leaves them neighbours (only white space, connectors and
// the word "or"), and whether a connector or "or" is among it.
func alternativeGap(gap string, at int, connectors [][2]int) (joined, connected bool) {
	for i := 0; i < len(gap); {
		r, n := utf8.DecodeRuneInString(gap[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
			continue
		case r == '[':
			c := connectorAt(connectors, at+i)
			if c < 0 {
				return false, false
			}
			i = c - at
			connected = true
			continue
		}
		w := gap[i:]
		if j := strings.IndexFunc(w, unicode.IsSpace); j >= 0 {
			w = w[:j]
		}
		if !isConnector(w) {
			return false, false
		}
		connected = true
		i += len(w)
	}
	return true, connected
}

func connectorAt(connectors [][2]int, start int) int {
	k := sort.Search(len(connectors), func(k int) bool { return connectors[k][0] >= start })
	if k < len(connectors) && connectors[k][0] == start {
		return connectors[k][1]
	}
	return -1
}
