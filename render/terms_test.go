package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/negotiation"
)

// TestTermsHostile: a lexicon term or a draft name that holds markup or
// control characters reaches the page escaped and the terminal visible.
func TestTermsHostile(t *testing.T) {
	lex, err := negotiation.ParseLexicon("hostile", strings.NewReader("language en\n\nscale x\n    <b>shall</b>\n    should\x1b]0;pwned\x07\n"))
	if err != nil {
		t.Fatal(err)
	}
	var drafts []*draft.Document
	for _, text := range []string{"1. States <b>shall</b> act.\n", "1. States should\x1b]0;pwned\x07 act.\n"} {
		d, err := draft.Read("d\x1b[2J<i>", []byte(text), draft.Text)
		if err != nil {
			t.Fatal(err)
		}
		drafts = append(drafts, d)
	}
	h, err := diff.NewHistory(drafts, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := negotiation.CountSeries(h.Drafts, lex, []string{"en"})
	var page, text, js bytes.Buffer
	for _, f := range []struct {
		w  *bytes.Buffer
		fn func(*bytes.Buffer) error
	}{
		{&page, func(b *bytes.Buffer) error { return TermsHTML(b, h, s) }},
		{&text, func(b *bytes.Buffer) error { return TermsText(b, h, s) }},
		{&js, func(b *bytes.Buffer) error { return TermsJSON(b, h, s) }},
	} {
		if err := f.fn(f.w); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Contains(page.String(), "<b>") || strings.Contains(page.String(), "<i>") {
		t.Errorf("page holds unescaped markup:\n%s", page.String())
	}
	if strings.ContainsAny(text.String(), "\x1b\x07") {
		t.Errorf("text holds control characters: %q", text.String())
	}
	if len(s.Terms) == 0 {
		t.Fatalf("no terms counted: %+v", s)
	}
	if !strings.Contains(js.String(), `"counts": [`) {
		t.Errorf("JSON lacks counts:\n%s", js.String())
	}
}

// TestTermsCountsMismatch: a series whose rows do not count every draft
// is refused, not rendered short.
func TestTermsCountsMismatch(t *testing.T) {
	var drafts []*draft.Document
	for _, text := range []string{"1. a\n", "1. b\n"} {
		d, _ := draft.Read("d", []byte(text), draft.Text)
		drafts = append(drafts, d)
	}
	h, err := diff.NewHistory(drafts, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := &negotiation.TermSeries{Terms: []negotiation.TermRow{{Term: "shall", Counts: []int{1}}}}
	if err := TermsText(&bytes.Buffer{}, h, s); err == nil {
		t.Error("TermsText accepted a row with one count for two drafts")
	}
}
