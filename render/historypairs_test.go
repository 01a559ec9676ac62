package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/redline-diff/redline/diff"
)

// TestHistoryPairsAsCompare checks that the history page shows the
// redline of every pair of its drafts as redline compare shows it: each
// frame holds the compare page of the pair, byte for byte, and the table
// of revisions gives each consecutive pair the figures of its compare
// page's summary.
func TestHistoryPairsAsCompare(t *testing.T) {
	h := shippedSeries(t)
	var page bytes.Buffer
	if err := HistoryHTML(&page, h); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(page.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	frames := find(root, func(n *html.Node) bool { return n.DataAtom == atom.Iframe })
	n := len(h.Drafts)
	if len(frames) != n*(n-1)/2 {
		t.Fatalf("%d redlines, want one per pair of %d drafts", len(frames), n)
	}
	seen := map[string]bool{}
	for _, f := range frames {
		id := attr(f.Parent, "id") // "r2-4"
		var i, j int
		if _, err := fmt.Sscanf(id, "r%d-%d", &i, &j); err != nil {
			t.Fatalf("frame in %q: %v", id, err)
		}
		seen[id] = true
		r, err := diff.Compare(h.Drafts[i-1], h.Drafts[j-1], diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := HTML(&want, r); err != nil {
			t.Fatal(err)
		}
		if attr(f, "srcdoc") != want.String() {
			t.Errorf("redline %s is not the compare page of drafts %d and %d", id, i, j)
		}
	}
	// the table of revisions: a row per consecutive pair, its cells the
	// compare page's summary figures
	table := find(root, func(n *html.Node) bool { return n.DataAtom == atom.Table })[0]
	rows := find(table, func(n *html.Node) bool { return n.DataAtom == atom.Tr && n.Parent.DataAtom == atom.Tbody })
	if len(rows) != n-1 {
		t.Fatalf("%d rows of revisions, want %d", len(rows), n-1)
	}
	for k, row := range rows {
		var cells []string
		for _, td := range find(row, func(n *html.Node) bool { return n.DataAtom == atom.Td }) {
			cells = append(cells, textOf(td))
		}
		r, err := diff.Compare(h.Drafts[k], h.Drafts[k+1], diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, cmp := renderPage(t, r)
		var want []string
		for _, s := range find(cmp, func(n *html.Node) bool { return hasClass(n, "count") }) {
			want = append(want, textOf(find(s, func(n *html.Node) bool { return n.DataAtom == atom.Strong })[0]))
		}
		if strings.Join(cells, " ") != strings.Join(want, " ") || len(want) != 9 {
			t.Errorf("revision %d → %d: table %v, compare's summary %v", k+1, k+2, cells, want)
		}
	}
}
