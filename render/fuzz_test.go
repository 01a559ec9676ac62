package render

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// FuzzHTML renders the redline of any two drafts, parses the page, and
// checks that the text of its equal and inserted regions rebuilds the new
// draft exactly and that of its equal and deleted regions the old draft
// (up to white space and Unicode form, which the page shows in the new
// draft's form), and that no input opened an element or an attribute: the
// page has exactly the scripts and event handlers (none) of a page made
// from harmless text.
func FuzzHTML(f *testing.F) {
	f.Add("1. States agreed.\n\n2. <script>alert(1)</script>", "1. States concluded.\n\n2. \"><img src=x onerror=alert(1)>", false)
	f.Add("# A <b>title</b>\n\n| a | b |\n|---|---|\n| <i>x</i> | &amp; |", "# A title\n\n> quote <!-- c -->", true)
	f.Add("(a) x\n(b) y", "(b) y\n(a) x", false)
	f.Add("الدول اتفقت", "الدول خلصت", true)
	f.Add("1. x\n\n2.\n\n3. y\n\n#\n\nz", "1. x\n\n3. y\n\n4.\n\n5. w\n\nz", true) // empty items and heading
	want := scriptsIn(f, "a", "b")
	f.Fuzz(func(t *testing.T, old, new string, markdown bool) {
		format := draft.Text
		if markdown {
			format = draft.Markdown
		}
		a, err := draft.Read("old <b>", []byte(old), format)
		if err != nil {
			return // binary input is refused, as it should be
		}
		b, err := draft.Read("new \"'", []byte(new), format)
		if err != nil {
			return
		}
		r, err := diff.Compare(a, b, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		page, root := renderPage(t, r)
		checkRebuild(t, root, r)
		checkWriteRedline(t, r)
		if got := countScripts(root); got != want {
			t.Fatalf("%d script elements, want %d", got, want)
		}
		walk(root, func(n *html.Node) {
			for _, at := range n.Attr {
				if strings.HasPrefix(strings.ToLower(at.Key), "on") {
					t.Fatalf("event handler attribute %q on <%s>", at.Key, n.Data)
				}
				if strings.Contains(strings.ToLower(at.Val), "javascript:") {
					t.Fatalf("javascript: URL in %q", at.Val)
				}
			}
		})
		if strings.Contains(page, "http://") || strings.Contains(page, "https://") {
			t.Fatal("the page names an http(s) resource")
		}
	})
}

// checkWriteRedline holds the markup a page writes straight in for each
// step's body to the markup redline returns (which views made one at a
// time, as a series' pages are, hold).
func checkWriteRedline(t *testing.T, r *diff.Result) {
	t.Helper()
	for i := range r.Steps {
		st := &r.Steps[i]
		var b strings.Builder
		writeRedline(&b, st.Spans, bodyStyle(r, st))
		if want := string(redline(st.Spans, bodyStyle(r, st))); b.String() != want {
			t.Fatalf("step %d written as %q, redline gives %q", i, b.String(), want)
		}
	}
}

// scriptsIn returns the number of script elements on the page of two
// harmless drafts.
func scriptsIn(f *testing.F, old, new string) int {
	a, _ := draft.Read("a", []byte(old), draft.Text)
	b, _ := draft.Read("b", []byte(new), draft.Text)
	r, err := diff.Compare(a, b, diff.Options{})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := HTML(&buf, r); err != nil {
		f.Fatal(err)
	}
	root, err := html.Parse(&buf)
	if err != nil {
		f.Fatal(err)
	}
	return countScripts(root)
}

func countScripts(root *html.Node) int {
	n := 0
	walk(root, func(x *html.Node) {
		if x.Type == html.ElementNode && x.Data == "script" {
			n++
		}
	})
	return n
}

// checkRebuild checks that each block of the page rebuilds its step's new
// text exactly and its old text up to white space and Unicode form.
func checkRebuild(t *testing.T, root *html.Node, r *diff.Result) {
	t.Helper()
	blocks := find(root, func(n *html.Node) bool { return hasClass(n, "block") })
	if len(blocks) != len(r.Steps) {
		t.Fatalf("%d blocks on the page, %d steps", len(blocks), len(r.Steps))
	}
	for i, n := range blocks {
		st := &r.Steps[i]
		old, new := rebuild(n)
		if want := sideText(r.New, st.New); new != want {
			t.Fatalf("block %d shows new text %q, want %q", i, new, want)
		}
		if want := sideText(r.Old, st.Old); diff.Normalize(old) != diff.Normalize(want) {
			t.Fatalf("block %d shows old text %q, want %q", i, old, want)
		}
	}
}
