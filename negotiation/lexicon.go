package negotiation

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// listKind is what a lexicon list holds.
type listKind uint8

const (
	scaleList     listKind = iota // ordered terms, strongest first
	hedgeList                     // phrases whose addition weakens
	referenceList                 // watched references
	exceptList                    // phrases inside which no term counts
)

var listKeywords = map[string]listKind{"scale": scaleList, "hedges": hedgeList, "references": referenceList, "except": exceptList}

// list is one list of a lexicon: a scale (each entry a rank), the hedges,
// the watched references or the exceptions of a language.
type list struct {
	kind    listKind
	lang    string
	name    string     // the scale's name; "hedges", "references", "except"
	entries [][]string // each entry's forms as written; the first names it
	// notAfter holds the folded words after which a form does not count
	// ("the requests" is a noun).
	notAfter map[string]bool
}

// rule returns the list as a reader sees it: "shall > must > should > may"
// for a scale, the entry's name otherwise.
func (l *list) rule(entry int) string {
	if l.kind != scaleList {
		return l.lang + "/" + l.name + ": " + l.entries[entry][0]
	}
	names := make([]string, len(l.entries))
	for k, e := range l.entries {
		names[k] = e[0]
	}
	return l.lang + "/" + l.name + ": " + strings.Join(names, " > ")
}

// language is the lists of one language.
type language struct {
	code   string
	common map[string]bool // folded common words, to tell the language of a text
	lists  []*list
	index  map[string][]pattern // folded first word → patterns, longest first
}

// pattern is one form of an entry, as folded words.
type pattern struct {
	words []string
	list  *list
	entry int
}

// Lexicon is a set of scales, hedges, watched references and exceptions
// in one or more languages, read from lexicon files (see the package
// documentation for their format). A Lexicon is not changed after it is
// made and may be used by several goroutines at once.
type Lexicon struct {
	langs []*language
}

// Languages returns the codes of the lexicon's languages, in the order
// they were first read.
func (x *Lexicon) Languages() []string {
	var out []string
	for _, l := range x.langs {
		out = append(out, l.code)
	}
	return out
}

// ParseLexicon reads one lexicon file; name names it in errors.
func ParseLexicon(name string, r io.Reader) (*Lexicon, error) {
	p := lexParser{name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		p.line++
		if err := p.parseLine(sc.Text()); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if p.lang == nil {
		return nil, fmt.Errorf("%s: no \"language\" line", name)
	}
	x := &Lexicon{langs: []*language{p.lang}}
	x.index()
	return x, nil
}

type lexParser struct {
	name string
	line int
	lang *language
	cur  *list
}

func (p *lexParser) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.name, p.line, fmt.Sprintf(format, args...))
}

func (p *lexParser) parseLine(line string) error {
	if i := strings.Index(line, "#"); i >= 0 {
		line = line[:i]
	}
	if strings.TrimSpace(line) == "" {
		return nil
	}
	if line[0] == ' ' || line[0] == '\t' {
		return p.parseMember(strings.TrimSpace(line))
	}
	keyword, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	rest = strings.TrimSpace(rest)
	switch keyword {
	case "language":
		if p.lang != nil {
			return p.errorf("a second \"language\" line (one language per file)")
		}
		if rest == "" || strings.ContainsAny(rest, " \t") {
			return p.errorf("\"language\" needs one code, such as en")
		}
		p.lang = &language{code: rest}
		return nil
	case "common":
		if p.lang == nil {
			return p.errorf("\"common\" before \"language\"")
		}
		if p.lang.common == nil {
			p.lang.common = make(map[string]bool)
		}
		for _, w := range strings.Fields(rest) {
			p.lang.common[fold(w)] = true
		}
		p.cur = nil
		return nil
	}
	kind, ok := listKeywords[keyword]
	switch {
	case !ok:
		return p.errorf("unknown keyword %q (want language, common, scale, hedges, references or except)", keyword)
	case p.lang == nil:
		return p.errorf("%q before \"language\"", keyword)
	case kind == scaleList && rest == "":
		return p.errorf("a scale needs a name: \"scale obligation\"")
	case kind != scaleList && rest != "":
		return p.errorf("%q takes no name", keyword)
	}
	name := keyword
	if kind == scaleList {
		name = rest
	}
	p.cur = &list{kind: kind, lang: p.lang.code, name: name}
	p.lang.lists = append(p.lang.lists, p.cur)
	return nil
}

func (p *lexParser) parseMember(line string) error {
	if p.cur == nil {
		return p.errorf("an indented line outside a scale, hedges, references or except list")
	}
	if rest, ok := strings.CutPrefix(line, "not after:"); ok {
		if p.cur.notAfter == nil {
			p.cur.notAfter = make(map[string]bool)
		}
		for _, w := range strings.Split(rest, "|") {
			if w = strings.TrimSpace(w); w != "" {
				p.cur.notAfter[fold(w)] = true
			}
		}
		return nil
	}
	var forms []string
	for _, f := range strings.Split(line, "|") {
		f = strings.Join(strings.Fields(f), " ")
		if f == "" {
			return p.errorf("an empty form in %q", line)
		}
		if len(words(f)) == 0 {
			return p.errorf("form %q has no words", f)
		}
		forms = append(forms, f)
	}
	p.cur.entries = append(p.cur.entries, forms)
	return nil
}

// index builds each language's table of patterns by first word, longest
// first, in the order of the files (the first list wins a tie).
func (x *Lexicon) index() {
	for _, l := range x.langs {
		l.index = make(map[string][]pattern)
		for _, li := range l.lists {
			for e, forms := range li.entries {
				for _, f := range forms {
					ws := words(f)
					l.index[ws[0]] = append(l.index[ws[0]], pattern{words: ws, list: li, entry: e})
				}
			}
		}
		for k, ps := range l.index {
			slices.SortStableFunc(ps, func(a, b pattern) int { return len(b.words) - len(a.words) })
			l.index[k] = ps
		}
	}
}

// words returns the folded words of a form.
func words(form string) []string {
	var out []string
	for _, t := range tokenize(form) {
		out = append(out, t.key)
	}
	return out
}

// MergeLexicons returns one lexicon holding the languages of all of xs. A
// language read again extends the first: its common words and its hedges,
// references and exceptions are added, and a scale of the same name
// replaces the earlier one (so a user's file can redefine "obligation").
func MergeLexicons(xs ...*Lexicon) *Lexicon {
	m := &Lexicon{}
	byCode := map[string]*language{}
	for _, x := range xs {
		if x == nil {
			continue
		}
		for _, l := range x.langs {
			into := byCode[l.code]
			if into == nil {
				into = &language{code: l.code}
				byCode[l.code] = into
				m.langs = append(m.langs, into)
			}
			into.merge(l)
		}
	}
	m.index()
	return m
}

func (l *language) merge(from *language) {
	for w := range from.common {
		if l.common == nil {
			l.common = make(map[string]bool)
		}
		l.common[w] = true
	}
	for _, li := range from.lists {
		i := slices.IndexFunc(l.lists, func(o *list) bool { return o.kind == scaleList && li.kind == scaleList && o.name == li.name })
		if i >= 0 {
			l.lists[i] = li
			continue
		}
		l.lists = append(l.lists, li)
	}
}

// LoadLexicons reads the lexicon files of fsys that match pattern (as
// fs.Glob matches), in name order, and merges them (see MergeLexicons).
func LoadLexicons(fsys fs.FS, pattern string) (*Lexicon, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no lexicon file matches %q", pattern)
	}
	var xs []*Lexicon
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			return nil, err
		}
		x, err := ParseLexicon(n, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		xs = append(xs, x)
	}
	return MergeLexicons(xs...), nil
}

//go:embed lexicons/*.txt
var shippedFiles embed.FS

var shipped = sync.OnceValues(func() (*Lexicon, error) {
	return LoadLexicons(shippedFiles, path.Join("lexicons", "*.txt"))
})

// Shipped returns the lexicons shipped with redline (English, French and
// Spanish), read on first use. The error is never non-nil in a released
// build; a test reads every shipped file.
func Shipped() (*Lexicon, error) { return shipped() }

// ShippedFiles returns the shipped lexicon files, to show users or copy
// as a start for their own (names "lexicons/en.txt", …).
func ShippedFiles() fs.FS { return shippedFiles }

// token is a word of a text: letters, digits and marks, with apostrophes
// and hyphens inside ("don't", "non-binding", "peut-être"), and its
// folded form. A French elision is a word of its own: "l'homme" is "l'"
// and "homme".
type token struct {
	start, end int
	key        string
}

// elided reports whether w is a French elided word (l, d, qu, …), which
// an apostrophe ends.
func elided(w string) bool {
	switch strings.ToLower(w) {
	case "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu":
		return true
	}
	return false
}

func isWordPart(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// tokenize returns the words of text.
func tokenize(text string) []token {
	var out []token
	start := -1
	for i, r := range text {
		switch {
		case isWordPart(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && (r == '\'' || r == '’') && elided(text[start:i]) && isWordPart(nextRune(text, i+len(string(r)))):
			// a French elision ("l'égalité", "qu'il") is a word of its own
			end := i + len(string(r))
			out = append(out, token{start, end, fold(text[start:end])})
			start = -1
		case start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '‑') && isWordPart(nextRune(text, i+len(string(r)))):
			// inside a word
		default:
			if start >= 0 {
				out = append(out, token{start, i, fold(text[start:i])})
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, token{start, len(text), fold(text[start:])})
	}
	return out
}
