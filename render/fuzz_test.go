package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

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
		checkPageSafe(t, r, want)
	})
}

// checkPageSafe renders r's page and checks that it rebuilds both drafts
// (see checkRebuild), that it has the page's own scripts alone (want of
// them), no event handler and no javascript: address, and that it names
// no http(s) resource: the one http(s) address a page may hold is a
// link's, on an <a rel="noopener noreferrer"> from a draft's formatting.
func checkPageSafe(t *testing.T, r *diff.Result, want int) {
	t.Helper()
	_, root := renderPage(t, r)
	checkRebuild(t, root, r)
	checkWriteRedline(t, r)
	if got := countScripts(root); got != want {
		t.Fatalf("%d script elements, want %d", got, want)
	}
	walk(root, func(n *html.Node) {
		for _, at := range n.Attr {
			val := strings.ToLower(at.Val)
			if strings.HasPrefix(strings.ToLower(at.Key), "on") {
				t.Fatalf("event handler attribute %q on <%s>", at.Key, n.Data)
			}
			if strings.Contains(val, "javascript:") {
				t.Fatalf("javascript: URL in %q", at.Val)
			}
			link := n.Data == "a" && at.Key == "href" && attr(n, "rel") == "noopener noreferrer"
			if !link && (strings.Contains(val, "http://") || strings.Contains(val, "https://")) {
				t.Fatalf("<%s %s=%q> names an http(s) resource", n.Data, at.Key, at.Val)
			}
		}
	})
}

// FuzzHTMLKinds renders drafts of code and paragraphs with formatting,
// built directly: blocks parted by blank lines, a block starting with ">"
// code (its text the rest), each pair of bytes of marks a mark over a
// block, a link's address taken from addr. The page must rebuild both
// drafts and stay as safe as any (see checkPageSafe).
func FuzzHTMLKinds(f *testing.F) {
	f.Add("intro *x*\n\n>a\n  b\nc", "intro x\n\n>a\n b\nc", []byte{0, 1, 5, 2, 9, 4}, "javascript:alert(1)")
	f.Add("see <b>here</b>", "see <i>there</i>", []byte{4, 3, 4, 12}, `https://x.example/"><script>alert(1)</script>`)
	f.Add(">x\n\n>y", ">y\n\n>x", []byte{1, 255, 0, 7}, "mailto:a@b")
	want := scriptsIn(f, "a", "b")
	f.Fuzz(func(t *testing.T, old, new string, marks []byte, addr string) {
		if !readable(old) || !readable(new) {
			return // a reader repairs or refuses it: see FuzzHTML
		}
		a, b := fuzzKindsDraft(old, marks, addr), fuzzKindsDraft(new, marks[len(marks)/2:], addr)
		r, err := diff.Compare(a, b, diff.Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkPageSafe(t, r, want)
	})
}

func fuzzKindsDraft(s string, marks []byte, addr string) *draft.Document {
	d := &draft.Document{Name: "d"}
	for i, p := range strings.Split(s, "\n\n") {
		b := draft.Block{Text: p, Line: int32(i + 1)}
		if rest, ok := strings.CutPrefix(p, ">"); ok {
			b.Kind, b.Text = draft.Code, rest
		}
		d.Blocks = append(d.Blocks, b)
	}
	for k := 0; k+1 < len(marks); k += 2 {
		blk := &d.Blocks[int(marks[k])%len(d.Blocks)]
		n := int32(len(blk.Text) + 1)
		start := int32(marks[k]) % n
		end := min(start+int32(marks[k+1]%16), n-1)
		m := draft.Mark{Start: start, End: end, Style: draft.Style(1 + marks[k+1]%7)}
		if m.Style == draft.Link {
			m.Value = addr
		}
		blk.SetMarks(append(blk.Marks(), m))
	}
	for i := range d.Blocks {
		d.Blocks[i].SetMarks(draft.NormalizeMarks(d.Blocks[i].Marks()))
	}
	return d
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

// readable reports whether s is text as a reader gives it: valid UTF-8
// without NUL, its line ends LF.
func readable(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsAny(s, "\x00\r")
}
