package diff

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestUniqueIDs checks the array-counted uniqueIDs against uniqueRuns with
// runs of one on random id sequences, small alphabets (few unique ids) and
// large (mostly unique), and that it leaves its counts cleared for the
// next gap.
func TestUniqueIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ n, ids int }{{0, 1}, {1, 1}, {5, 3}, {40, 8}, {200, 50}, {300, 2000}} {
		for range 50 {
			a, b := make([]int32, tc.n), make([]int32, rng.IntN(tc.n+1))
			for i := range a {
				a[i] = rng.Int32N(int32(tc.ids))
			}
			for i := range b {
				b[i] = rng.Int32N(int32(tc.ids))
			}
			al := &aligner{numIDs: tc.ids}
			got := al.uniqueIDs(a, b)
			want := uniqueRuns(idHashes(a), idHashes(b), 1, func(i, j int) bool { return a[i] == b[j] })
			if !slices.Equal(got, want) {
				t.Fatalf("uniqueIDs(%v, %v) = %v, uniqueRuns gives %v", a, b, got, want)
			}
			if i := slices.IndexFunc(al.idCounts, func(c idCount) bool { return c != idCount{} }); i >= 0 {
				t.Fatalf("uniqueIDs(%v, %v) left id %d counted: %+v", a, b, i, al.idCounts[i])
			}
		}
	}
}

// TestIDRunHashes checks that idRunHashes hashes runs of ids as
// runHashes does their idHashes.
func TestIDRunHashes(t *testing.T) {
	ids := []int32{0, 5, 5, 2, 7, 0, 1}
	for k := 1; k <= len(ids)+1; k++ {
		if got, want := idRunHashes(ids, k), runHashes(idHashes(ids), k); !slices.Equal(got, want) {
			t.Errorf("k=%d: idRunHashes %v, runHashes %v", k, got, want)
		}
	}
}
