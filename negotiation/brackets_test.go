package negotiation

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-diff/redline/draft"
)

// describe writes passages as "body|tag|depth|group", one per passage.
func describe(text string, ps []Passage) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s|%s|%d|%d", p.BodyText(text), p.Tag, p.Depth, p.Group))
	}
	return out
}

func TestPassages(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "applicable [in its entirety] and essential", []string{"in its entirety||0|0"}},
		{"attached to a word", "structures[, including national points of contact].", []string{", including national points of contact||0|0"}},
		{"whole paragraph over sentences", "[Some States proposed it. Others did not.]", []string{"Some States proposed it. Others did not.||0|0"}},
		{"nested", "States [shall [, where appropriate,] cooperate]", []string{"shall [, where appropriate,] cooperate||0|0", ", where appropriate,||1|0"}},
		{"alternatives", "States recommended [Alt 1: that a PoA be established] [Alt 2: that a new OEWG be convened].",
			[]string{"that a PoA be established|Alt 1|0|1", "that a new OEWG be convened|Alt 2|0|1"}},
		{"options", "[Option A: annual meetings] [Option B: biennial meetings]", []string{"annual meetings|Option A|0|1", "biennial meetings|Option B|0|1"}},
		{"or connector", "States [shall] [or] [should] cooperate", []string{"shall||0|1", "should||0|1"}},
		{"bare or", "States [shall] or [should] cooperate", []string{"shall||0|1", "should||0|1"}},
		{"touching", "States [shall][should] cooperate", []string{"shall||0|1", "should||0|1"}},
		{"two apart are no group", "[shall] cooperate [in good faith]", []string{"shall||0|0", "in good faith||0|0"}},
		{"attributed", "[Proposal by Group X: delete the paragraph]", []string{"delete the paragraph|Proposal by Group X|0|0"}},
		{"delegation tag", "[EU: and gender equality]", []string{"and gender equality|EU|0|0"}},
		{"time is no tag", "[Meeting at 16:00 in room 4]", []string{"Meeting at 16:00 in room 4||0|0"}},
		{"year kept", "for the period [2027]", []string{"2027||0|0"}},
		{"unbalanced open", "States [shall cooperate", nil},
		{"unbalanced close", "States shall] cooperate [fully]", []string{"fully||0|0"}},
		{"citation number", "as agreed [1] and [12] and [1, 2] and [3–5]", nil},
		{"citation key", "QUIC [RFC9000] [RFC 9000] [I-D.ietf-quic-http] [BCP14] [TBD]", nil},
		{"author year", "as shown [Smith 2020] and [Smith et al. 2021]", nil},
		{"document symbol", "recalled in [Human Rights Council resolution 20/8] and [A/RES/73/27]", nil},
		{"footnote mark", "applies[^1] and [^note]", nil},
		{"ellipsis", "the Charter […] and [...] and [. . .]", nil},
		{"editorial", "it [sic] was [emphasis added] and [Note: to be checked] [citation needed]", nil},
		{"quotation alteration", "\"[t]he Assembly\" and State[s]", nil},
		{"page marker", "end of text [Page 12] [page 3 of 10] [p. 4]", nil},
		{"task boxes", "[ ] open item\n[x] done item\n[X] done", nil},
		{"link", "see [the report](https://example.org) and ![logo](x.png)", nil},
		{"index", "a[i] + b[0]", nil},
		{"kept beside excluded", "States [shall] cooperate [1].", []string{"shall||0|0"}},
		{"code-like empty", "[]", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(tt.text, Passages(tt.text))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Passages(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDocumentPassagesLinkReferences(t *testing.T) {
	src := "# Title\n\nSee [the report] and [the report][rep] and [States shall cooperate].\n\n[the report]: https://example.org\n[rep]: https://example.org/r\n"
	d, err := draft.Read("x.md", []byte(src), draft.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, ps := range DocumentPassages(d) {
		got = append(got, describe(d.Blocks[i].Text, ps)...)
	}
	if want := []string{"States shall cooperate||0|0"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDocumentPassagesSkipsCode(t *testing.T) {
	src := "1. States [shall] cooperate.\n\n```\nx = a[i] + [some words here]\n```\n"
	d, err := draft.Read("x.md", []byte(src), draft.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if n := CountBrackets(d); n != 1 {
		t.Errorf("%d passages, want 1 (the code block's brackets are not negotiation)", n)
	}
}

func TestHasBracketStructure(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"1. States shall cooperate.", false},
		{"1. See [optional] below.", false},                             // one short passage
		{"1. See [RFC9000] and [1] and [^2] and [x] and [sic].", false}, // none of the kind
		{"1. States [shall] cooperate [fully].", true},                  // two passages
		{"1. States agree [in its entirety and without delay].", true},
		{"1. [Alt 1: yes]", true},
		{"1. States [shall][should] cooperate.", true},
	}
	for _, tt := range tests {
		d, err := draft.Read("x.txt", []byte(tt.text+"\n"), draft.Text)
		if err != nil {
			t.Fatal(err)
		}
		if got := HasBracketStructure(d); got != tt.want {
			t.Errorf("HasBracketStructure(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// checkPassages checks the invariants of Passages on text: passages in
// order of their opening brackets, within the text, each from "[" to "]",
// the body between them, nesting balanced (each passage inside its
// parent, depth one more than the parent's), groups naming an earlier or
// the same passage of the same depth.
func checkPassages(t *testing.T, text string, ps []Passage) {
	t.Helper()
	var stack []Passage
	for k, p := range ps {
		if p.Start < 0 || p.End > len(text) || p.Start >= p.End || text[p.Start] != '[' || text[p.End-1] != ']' {
			t.Fatalf("passage %d %+v is not a bracket pair of %q", k, p, text)
		}
		if p.Body <= p.Start || p.Body > p.End-1 {
			t.Fatalf("passage %d %+v: body outside the brackets", k, p)
		}
		if k > 0 && p.Start <= ps[k-1].Start {
			t.Fatalf("passages out of order: %+v after %+v", p, ps[k-1])
		}
		for len(stack) > 0 && stack[len(stack)-1].End <= p.Start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && p.End > stack[len(stack)-1].End {
			t.Fatalf("passage %+v overlaps %+v without nesting", p, stack[len(stack)-1])
		}
		if p.Depth != len(stack) {
			t.Fatalf("passage %+v has depth %d, want %d", p, p.Depth, len(stack))
		}
		if p.Group != 0 && (p.Group < 1 || p.Group > k+1 || ps[p.Group-1].Depth != p.Depth) {
			t.Fatalf("passage %d %+v: bad group", k, p)
		}
		if utf8.ValidString(text) && !utf8.ValidString(p.Tag) {
			t.Fatalf("tag %q cuts a character", p.Tag)
		}
		stack = append(stack, p)
	}
}

func FuzzPassages(f *testing.F) {
	for _, s := range []string{
		"States [shall [, where appropriate,] cooperate]",
		"[Alt 1: a] [or] [Alt 2: b]",
		"[[[]]] ][ [x] [^1] [RFC 9000] [Page 3] […]",
		"a[i] [t]he State[s] [Proposal by G: x: y]",
		"[shall][should] or [may]",
		"\xff[\xfe]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkPassages(t, text, Passages(text))
	})
}
