package diff

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTopCandidates checks the running selection against a full sort:
// highest counts first, ties by block index.
func TestTopCandidates(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for n := range 300 {
		counts := map[int]int{}
		for range n % 40 {
			counts[rng.IntN(100)] = 1 + rng.IntN(1+n%6) + rng.IntN(2)<<20
		}
		c := getCounter(100)
		for j, n := range counts {
			c.add(j, n)
		}
		type cand struct{ j, n int }
		var all []cand
		for j, c := range counts {
			all = append(all, cand{j, c})
		}
		slices.SortFunc(all, func(a, b cand) int {
			if c := cmp.Compare(b.n, a.n); c != 0 {
				return c
			}
			return cmp.Compare(a.j, b.j)
		})
		var want []int
		for _, c := range all[:min(len(all), maxCandidates)] {
			want = append(want, c.j)
		}
		if got := topCandidates(c); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("topCandidates(%v) = %v, want %v", counts, got, want)
		}
	}
}
