package render

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/redline-diff/redline/diff"
)

// TestPageKinds checks the kinds the page gives each change (data-k on
// the change and on its departures row), from the result's facts: a
// renumbering-only change (a new label alone, or renumbered references
// alone) is "ren" and no stop by default; the toolbar counts each kind
// and the position counts the stops.
func TestPageKinds(t *testing.T) {
	r := sampleResult()
	// a renumbered reference alone in the last paragraph
	o, n := ref("9", "8")
	r.Old.Blocks[12].Text = "Final paragraph 9."
	r.New.Blocks[11].Text = "Final paragraph 8."
	r.Steps[len(r.Steps)-1] = step(diff.Changed, one(12), one(11), eq("Final paragraph "), o, n, eq("."))
	page, root := renderPage(t, r)
	var got []string
	for _, el := range find(mainOf(root), func(n *html.Node) bool { return attr(n, "tabindex") == "-1" }) {
		got = append(got, attr(el, "id")+"="+attr(el, "data-k"))
	}
	// Steps: 1 changed (label same), 2 deleted, 3 inserted, 4 moved
	// (label 4. → 3.), 5 equal B. → B. (same), 6 changed 3. → 4., 8 split,
	// 9 merged, 11 deleted, 12 references only (label 9. → 8.).
	want := "c1=chg c2=del c3=ins c4=mov c5=chg c6=sm c7=sm c8=del c9=ren"
	if strings.Join(got, " ") != want {
		t.Errorf("kinds of the changes:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	var rows []string
	for _, tr := range find(root, func(n *html.Node) bool { return hasClass(n, "dep") }) {
		rows = append(rows, attr(tr, "data-k"))
	}
	if strings.Join(rows, " ") != "chg del ins mov chg sm sm del ren" {
		t.Errorf("kinds of the departures rows: %v", rows)
	}
	for _, s := range []string{
		`<span id="position" role="status">8 changes</span>`,
		`value="ren"> Renumbered only <span class="dim">(1)</span>`,
		`value="chg" checked> Changed <span class="dim">(2)</span>`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %s", s)
		}
	}
	if strings.Contains(page, `value="ren" checked`) {
		t.Errorf("renumbering-only changes are stops by default")
	}
	// a label changed alone
	_, root = renderPage(t, renumberedResult())
	els := find(mainOf(root), func(n *html.Node) bool { return attr(n, "tabindex") == "-1" })
	if len(els) != 1 || attr(els[0], "data-k") != "ren" {
		t.Errorf("a renumbered paragraph: %d changes, data-k %q, want 1 and ren", len(els), attr(els[0], "data-k"))
	}
}
