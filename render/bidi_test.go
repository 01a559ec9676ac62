package render

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"golang.org/x/net/html"
)

// TestBidiIsolated renders drafts whose words, labels, headings and names
// hold unterminated bidirectional overrides, embeddings and isolates in
// every HTML page: every text holding one must be the content of an
// element the page isolates (unicode-bidi: isolate in its style sheet, or
// a dir attribute), so that the override reorders nothing around it.
func TestBidiIsolated(t *testing.T) {
	const rlo, lre, rli = "\u202e", "\u202a", "\u2067"
	read := func(name, text string) *draft.Document {
		d, err := draft.Read(name, []byte(text), draft.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	old := read("old"+rlo+".md", "# A. Scope"+lre+"\n\n1. States agreed that the law applies.\n\n2. Norms are voluntary.\n\n# B. Rules\n\n3. Keep "+rli+"this.\n")
	new := read("new"+rlo+".md", "# B. Rules\n\n3. Keep "+rli+"this.\n\n# A. Scope"+lre+"\n\n1. States "+rlo+"concluded that the law applies.\n\n2. Norms are binding"+rlo+".\n\n4"+rlo+". Added.\n")
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h, err := diff.NewHistory([]*draft.Document{old, new, old}, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	traces, err := h.Trace("States")
	if err != nil {
		t.Fatal(err)
	}
	folder := &Folder{Old: "a" + rlo, New: "b", Files: []FolderFile{{Path: "x" + rlo + ".md", Status: FileChanged, Redline: "files/x.md.html"}}}
	for name, write := range map[string]func(io.Writer) error{
		"HTML":        func(w io.Writer) error { return HTML(w, r) },
		"HistoryHTML": func(w io.Writer) error { return HistoryHTML(w, h) },
		"BlameHTML":   func(w io.Writer) error { return BlameHTML(w, h) },
		"TraceHTML":   func(w io.Writer) error { return TraceHTML(w, h, traces) },
		"IndexHTML":   func(w io.Writer) error { return IndexHTML(w, folder) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkBidiIsolated(t, name, buf.String())
	}
}

// isolateRule matches a CSS rule that isolates its selectors.
var isolateRule = regexp.MustCompile(`(?:^|[}/])\s*([a-z0-9, \n]+?)\s*\{\s*unicode-bidi:\s*isolate;?\s*\}`)

// checkBidiIsolated checks that every text node of page holding a bidi
// control sits in an isolated element.
func checkBidiIsolated(t *testing.T, name, page string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	isolated := map[string]bool{}
	for _, m := range isolateRule.FindAllStringSubmatch(page, -1) {
		for _, sel := range strings.Split(m[1], ",") {
			isolated[strings.TrimSpace(sel)] = true
		}
	}
	if len(isolated) == 0 {
		t.Fatalf("%s: no rule isolates elements", name)
	}
	seen := 0
	walk(root, func(n *html.Node) {
		if n.Type != html.TextNode || !strings.ContainsAny(n.Data, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
			return
		}
		p := n.Parent
		switch {
		case p == nil:
			t.Errorf("%s: %q outside any element", name, n.Data)
		case p.Data == "title" || p.Data == "style" || p.Data == "script":
		case isolated[p.Data] || attr(p, "dir") != "":
			seen++
		default:
			t.Errorf("%s: %q in a <%s>, which is not isolated", name, n.Data, p.Data)
		}
	})
	if seen == 0 {
		t.Errorf("%s: no draft text with a bidi control found", name)
	}
}
