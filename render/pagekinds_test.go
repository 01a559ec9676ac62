package render

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/redline-diff/redline/draft"

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

// TestTableData checks the departures table and crosswalk of a page of
// more than tableRowsMax changes, written as data: no row as markup, one
// row of data per change and label, text (hostile text among it) intact
// in the data and unable to close its element, the data equal to what
// the rows' markup would say.
func TestTableData(t *testing.T) {
	var oldBlocks, newBlocks []draft.Block
	var steps []diff.Step
	n := tableRowsMax + 1
	for i := range n {
		text := fmt.Sprintf("Paragraph %d text.", i)
		if i == 7 {
			text = hostile
		}
		oldBlocks = append(oldBlocks, para(fmt.Sprintf("%d.", i+1), text))
		newBlocks = append(newBlocks, para(fmt.Sprintf("%d.", i+2), text+" More."))
		steps = append(steps, step(diff.Changed, one(i), one(i), eq(text), ins(" More.")))
	}
	r := &diff.Result{Old: document("old.md", oldBlocks...), New: document("new.md", newBlocks...), Steps: steps}
	page, root := renderPage(t, r)
	if rows := find(root, func(n *html.Node) bool {
		return n.DataAtom == atom.Tr && (hasClass(n, "dep") || hasClass(n, "renumbered"))
	}); len(rows) != 0 {
		t.Errorf("%d rows written as markup, want none", len(rows))
	}
	data := func(id string) [][]any {
		els := find(root, func(n *html.Node) bool { return attr(n, "id") == id })
		if len(els) != 1 || attr(els[0], "type") != "application/json" {
			t.Fatalf("no <script type=application/json id=%s>", id)
		}
		var rows [][]any
		if err := json.Unmarshal([]byte(textOf(els[0])), &rows); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		return rows
	}
	deps, cross := data("departures-data"), data("crosswalk-data")
	if len(deps) != n || len(cross) != n {
		t.Fatalf("%d departures and %d crosswalk rows, want %d", len(deps), len(cross), n)
	}
	if got := fmt.Sprint(deps[7]); got != fmt.Sprint([]any{"9.", "8.", "changed", "chg", 0.0, 1.0, excerpt(hostile, departureTextRunes)}) {
		t.Errorf("departure 8: %s", got)
	}
	if got := fmt.Sprint(cross[7]); got != fmt.Sprint([]any{"8.", "9.", 8.0, excerpt(hostile+" More.", crosswalkTextRunes)}) {
		t.Errorf("crosswalk row 8: %s", got)
	}
	if strings.Count(page, "<script") != 3 || strings.Contains(page, "<script>alert") {
		t.Errorf("the page has %d script elements, want the page's and two of data", strings.Count(page, "<script"))
	}
}
