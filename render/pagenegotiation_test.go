package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/negotiation"
)

// shippedAnalysis compares two shipped drafts and reads them with the
// shipped lexicons, brackets on.
func shippedAnalysis(t *testing.T, oldName, newName string) (*diff.Result, *negotiation.Analysis) {
	t.Helper()
	read := func(name string) *draft.Document {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "drafts", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := draft.Read(name, b, draft.Auto)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	r, err := diff.Compare(read(oldName), read(newName), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lex, err := negotiation.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	return r, negotiation.Analyze(r, lex, negotiation.Options{Brackets: negotiation.On})
}

// TestHTMLAnalysis checks the page with what package negotiation decided:
// without brackets or signals it is HTML's, byte for byte; with them, the
// brackets panel counts each fate as the analysis does and lists every
// passage, each signal stands as a badge in its change and in its
// departures row, and "Signals only" counts the changes with one.
func TestHTMLAnalysis(t *testing.T) {
	r, a := shippedAnalysis(t, "rev2.md", "final.md")
	if len(a.Brackets) == 0 || len(a.Signals) == 0 {
		t.Fatalf("rev2 → final: %d brackets, %d signals; want some of each", len(a.Brackets), len(a.Signals))
	}
	var plain, none, with bytes.Buffer
	if err := HTML(&plain, r); err != nil {
		t.Fatal(err)
	}
	if err := HTMLAnalysis(&none, r, &negotiation.Analysis{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(plain.Bytes(), none.Bytes()) {
		t.Errorf("an empty analysis changes the page")
	}
	if err := HTMLAnalysis(&with, r, a); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(with.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// the panel: the tally, then a row per passage
	tally := a.Tally()
	var want []string
	for _, f := range []negotiation.Fate{negotiation.Agreed, negotiation.Dropped, negotiation.Open, negotiation.Chosen, negotiation.Opened} {
		want = append(want, strings.Join([]string{itoa(tally.Brackets[f]), fateName(f)}, " "))
	}
	panel := find(root, func(n *html.Node) bool { return attr(n, "id") == "brackets" })
	if len(panel) != 1 {
		t.Fatal("no brackets panel")
	}
	var counts []string
	for _, c := range find(panel[0], func(n *html.Node) bool { return hasClass(n, "count") }) {
		counts = append(counts, textOf(c))
	}
	if strings.Join(counts, ", ") != strings.Join(want, ", ") {
		t.Errorf("brackets panel: %v, want %v", counts, want)
	}
	if rows := find(panel[0], func(n *html.Node) bool { return n.DataAtom == atom.Tr && n.Parent.DataAtom == atom.Tbody }); len(rows) != len(a.Brackets) {
		t.Errorf("brackets panel: %d rows, want %d", len(rows), len(a.Brackets))
	}
	// each signal in its change and its departures row
	ids := newChangeNums(r)
	signalled := 0
	for i := range r.Steps {
		sigs := a.SignalsAt(i)
		if len(sigs) == 0 {
			continue
		}
		signalled++
		id := ids.id(i)
		block := find(root, func(n *html.Node) bool { return attr(n, "id") == id })
		if len(block) != 1 || !strings.Contains(attr(block[0], "data-k"), "sig") {
			t.Fatalf("change %s of a signal: not found, or without sig in data-k", id)
		}
		badges := find(block[0], func(n *html.Node) bool { return hasClass(n, "signal") })
		if len(badges) != len(sigs) {
			t.Errorf("change %s: %d badges, want %d", id, len(badges), len(sigs))
		}
		for k, s := range sigs {
			if k < len(badges) && (textOf(badges[k]) != signalText(s) || attr(badges[k], "title") != s.Rule || !hasClass(badges[k], s.Kind.String())) {
				t.Errorf("change %s: badge %q (%s), want %q (%s)", id, textOf(badges[k]), attr(badges[k], "title"), signalText(s), s.Rule)
			}
		}
		row := find(root, func(n *html.Node) bool {
			return hasClass(n, "dep") && len(find(n, func(a *html.Node) bool { return attr(a, "href") == "#"+id })) > 0
		})
		if len(row) != 1 || !strings.Contains(textOf(row[0]), signalText(sigs[0])) {
			t.Errorf("departures row of %s lacks its signal", id)
		}
	}
	if !strings.Contains(with.String(), `Signals only <span class="dim">(`+itoa(signalled)+`)</span>`) {
		t.Errorf("no \"Signals only\" filter counting %d changes", signalled)
	}
	// "States agreed" → "States take into account", weakened
	if !strings.Contains(with.String(), "▼ weakened: States agreed → States take into account") {
		t.Errorf("the weakened commitment is not shown")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
