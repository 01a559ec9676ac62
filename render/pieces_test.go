package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// The piece boundaries of a split or merge come from diff.Span.Break, not
// from the text: a paragraph with two line breaks of its own (as a Word
// paragraph with two w:br reads), split or merged, puts each piece's
// label before that piece's text in every output, and its own blank line
// stays text.

const (
	piecesFirst  = "States agreed on the text.\n\nThey noted the report of the Group."
	piecesSecond = "They decided to meet again in the spring of next year."
)

func piecesResult(t *testing.T, merge bool) *diff.Result {
	t.Helper()
	para := func(label, text string) draft.Block {
		return draft.Block{Kind: draft.Paragraph, Label: label, Text: text}
	}
	one := &draft.Document{Name: "one", Blocks: []draft.Block{para("1.", piecesFirst+" "+piecesSecond)}}
	two := &draft.Document{Name: "two", Blocks: []draft.Block{para("1.", piecesFirst), para("2.", piecesSecond)}}
	old, new := one, two
	if merge {
		old, new = two, one
	}
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := diff.Split
	if merge {
		want = diff.Merged
	}
	if len(r.Steps) != 1 || r.Steps[0].Op != want {
		t.Fatalf("want one %s step, got %+v", want, r.Steps)
	}
	return r
}

func TestPiecesSplitEveryOutput(t *testing.T) {
	r := piecesResult(t, false)
	var page bytes.Buffer
	if err := HTML(&page, r); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	html = html[strings.Index(html, `class="block `):] // the redline, not the tables before it
	// One piece break, after the paragraph's own blank line and the
	// sentence after it, with the second piece's label; none at the blank line.
	if n := strings.Count(html, `<span class="pb"></span>`); n != 1 {
		t.Errorf("page: %d piece breaks, want 1", n)
	}
	own := strings.Index(html, "States agreed on the text.")
	brk := strings.Index(html, `<span class="pb"></span><span class="label" dir="auto">2.</span>`)
	noted := strings.Index(html, "They noted the report of the Group.")
	decided := strings.Index(html, "They decided to meet")
	if own < 0 || brk < 0 || noted < 0 || decided < 0 || !(own < noted && noted < brk && brk < decided) {
		t.Errorf("page: want the text, its own blank line, the first piece's end, the label 2., the second piece; at %d %d %d %d", own, noted, brk, decided)
	}

	var md bytes.Buffer
	if err := Markdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if want := "They noted the report of the Group.{-- --}\n\n2. They decided"; !strings.Contains(md.String(), want) {
		t.Errorf("CriticMarkup lacks %q:\n%s", want, md.String())
	}
	if strings.Contains(md.String(), "on the text.\n\n2.") {
		t.Errorf("CriticMarkup puts the label at the paragraph's own blank line:\n%s", md.String())
	}

	var text bytes.Buffer
	if err := Text(&text, r); err != nil {
		t.Fatal(err)
	}
	if want := "States agreed on the text.\n\nThey noted the report of the Group.[- -]{+\n\n+}They decided"; !strings.Contains(text.String(), want) {
		t.Errorf("text lacks %q:\n%s", want, text.String())
	}

	var js bytes.Buffer
	if err := JSON(&js, r); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(js.String(), `"break": true`); n != 1 {
		t.Errorf("JSON: %d breaks, want 1:\n%s", n, js.String())
	}
	checkDOCXRoundTrip(t, r)
}

func TestPiecesMergeEveryOutput(t *testing.T) {
	r := piecesResult(t, true)
	var page bytes.Buffer
	if err := HTML(&page, r); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	html = html[strings.Index(html, `class="block `):]
	if n := strings.Count(html, `<span class="pb-del"></span>`); n != 1 {
		t.Errorf("page: %d struck piece breaks, want 1", n)
	}
	noted := strings.Index(html, "They noted the report of the Group.")
	brk := strings.Index(html, `<span class="pb-del"></span><span class="label" dir="auto">2.</span>`)
	decided := strings.Index(html, "They decided to meet")
	if noted < 0 || brk < 0 || decided < 0 || !(noted < brk && brk < decided) {
		t.Errorf("page: want the first piece, the struck label 2., the second piece; at %d %d %d", noted, brk, decided)
	}
	var md bytes.Buffer
	if err := Markdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if want := "They noted the report of the Group.{-- ¶ 2. --}{++ ++}They decided"; !strings.Contains(md.String(), want) {
		t.Errorf("CriticMarkup lacks %q:\n%s", want, md.String())
	}
	checkDOCXRoundTrip(t, r)
}
