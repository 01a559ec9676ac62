package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
)

// TestExcerpt checks that an excerpt normalized from the head of a long
// text is the one normalized from the whole text.
func TestExcerpt(t *testing.T) {
	long := strings.Repeat("States  agreed\u00a0to\tthe e\u0301tat ", 200)
	for _, c := range []struct {
		s   string
		max int
	}{
		{"", 10},
		{"short text", 10},
		{"exactly ten", 11},
		{"one two three four five six", 10},
		{"nospacesatallinthistextwhatsoever", 10},
		{long, 60},
		{long, 1},
		{strings.Repeat(" ", 500) + "word", 3},
		{strings.Repeat("e\u0301", 300), 100},
		{strings.Repeat("\u200b", 400) + "after the marks", 5},
		{"الدول اتفقت على " + strings.Repeat("القانون ", 100), 20},
	} {
		got := excerpt(c.s, c.max)
		if want := excerptWhole(c.s, c.max); got != want {
			t.Errorf("excerpt(%.20q…, %d) = %q, want %q", c.s, c.max, got, want)
		}
	}
	// ASCII texts (excerptASCII) of every length around the bounds, with
	// spaces at and around the cut, folded white space and a late
	// non-ASCII letter.
	words := "States agreed to cooperate on norms of responsible behaviour in ICT use "
	texts := []string{
		strings.Repeat(words, 4),
		strings.Repeat("abcdefghij", 20),
		"  " + strings.Repeat("a  b\tc\n", 40),
		strings.Repeat("x ", 60) + "État " + strings.Repeat("y ", 60),
	}
	for _, text := range texts {
		for n := 0; n <= len(text); n++ {
			for _, max := range []int{1, 10, 60} {
				s := text[:n]
				if got, want := excerpt(s, max), excerptWhole(s, max); got != want {
					t.Fatalf("excerpt(%q, %d) = %q, want %q", s, max, got, want)
				}
			}
		}
	}
}

// excerptWhole is excerpt as first written: the whole text normalized.
func excerptWhole(s string, max int) string {
	s = diff.Normalize(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	end, cut, n := 0, 0, 0
	for i, r := range s {
		if n == max {
			end = i
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		cut = end
	}
	return s[:cut] + "…"
}
