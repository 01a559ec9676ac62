package diff

import (
	"math/rand/v2"
	"testing"
)

// lcsLen is the length of a longest common subsequence, by brute force.
func lcsLen(a, b []int32) int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = 1 + t[i+1][j+1]
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	return t[0][0]
}

func TestMyers(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for n := range 500 {
		a := make([]int32, rng.IntN(30))
		b := make([]int32, rng.IntN(30))
		for i := range a {
			a[i] = int32(rng.IntN(1 + n%5))
		}
		for i := range b {
			b[i] = int32(rng.IntN(1 + n%5))
		}
		pairs := myers(a, b, len(a)+len(b))
		want := lcsLen(a, b)
		if len(pairs) != want && !(want == 0 && pairs == nil) {
			t.Fatalf("%v %v: %d pairs, want %d", a, b, len(pairs), want)
		}
		for k, p := range pairs {
			if a[p[0]] != b[p[1]] || k > 0 && (p[0] <= pairs[k-1][0] || p[1] <= pairs[k-1][1]) {
				t.Fatalf("%v %v: bad pairs %v", a, b, pairs)
			}
		}
		if d := len(a) + len(b) - 2*want; d > 0 && myers(a, b, d-1) != nil {
			t.Fatalf("%v %v: found a script under the bound", a, b)
		}
	}
}
