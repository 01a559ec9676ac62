package diff

import (
	"math"
	"testing"
)

// TestSimilarity checks the Dice coefficients of gram sets against counts
// made by hand: over words alone when a block is short, over words and
// word pairs otherwise.
func TestSimilarity(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		// Short: words {states, agreed} and {states, concluded}: 2·1/4.
		{"States agreed", "States concluded", 0.5},
		{"States agreed", "states AGREED.", 1},
		{"", "", 1},
		{"Security", "", 0},
		// A short block against a long one is weighed by words alone:
		// {a, b} and {a, b, c, d, e}: 2·2/7.
		{"a b", "a b c d e", 4.0 / 7},
		// Long: words {a b c d e} and pairs {ab bc cd de} against words
		// {a b c d f} and pairs {ab bc cd df}: 4 + 3 shared of 9 + 9.
		{"a b c d e", "a b c d f", 14.0 / 18},
		// Repeated words count once: {a, b, c, d} and pairs {ab, bc, ca, cd}
		// against {a, b, c, d} and {ab, bc, cd}: 4 + 3 shared of 8 + 7.
		{"a b c a b c d", "a b c d", 14.0 / 15},
	} {
		got := similarity(grams(Normalize(c.a)), grams(Normalize(c.b)))
		if math.Abs(got-c.want) > 1e-9 {
			t.Errorf("similarity(%q, %q) = %.4f, want %.4f", c.a, c.b, got, c.want)
		}
	}
}
