package diff_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// TestInterleavedCopiesStayInPlace: in a draft of one-word paragraphs
// drawn from a few words, with one in twenty replaced, nearly every
// paragraph is a copy of many others. The paragraphs not edited stay in
// place: relinking each word's copies in order (reassignCopies) once took
// nearly all of them out of order and showed them moved.
func TestInterleavedCopiesStayInPlace(t *testing.T) {
	words := strings.Fields("States agreed norms law Charter security ICT healthcare supply chains electoral")
	rng := rand.New(rand.NewPCG(5, 6))
	const n = 20000
	a, b := make([]string, n), make([]string, n)
	edited := 0
	for i := range a {
		a[i] = words[rng.IntN(len(words))]
		b[i] = a[i]
		if rng.IntN(20) == 0 {
			b[i] = words[rng.IntN(len(words))]
			if b[i] != a[i] {
				edited++
			}
		}
	}
	old, err := draft.Read("old.txt", []byte(strings.Join(a, "\n\n")+"\n"), draft.Text)
	if err != nil {
		t.Fatal(err)
	}
	new, err := draft.Read("new.txt", []byte(strings.Join(b, "\n\n")+"\n"), draft.Text)
	if err != nil {
		t.Fatal(err)
	}
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	equal, moved := 0, 0
	for _, st := range r.Steps {
		switch {
		case st.Op == diff.Moved || st.Moved:
			moved++
		case st.Op == diff.Equal:
			equal++
		}
	}
	if equal < n-2*edited || moved > 2*edited {
		t.Errorf("%d paragraphs, %d edited: %d equal in place, %d moved", n, edited, equal, moved)
	}
}
