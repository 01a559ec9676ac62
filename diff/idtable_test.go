package diff

import (
	"hash/maphash"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/redline-diff/redline/draft"
)

// TestAssignIDs checks that equal texts share an id and different texts
// never do, numbered in order of first appearance over the old draft then
// the new, even when every hash collides or hashes fall in many shards.
func TestAssignIDs(t *testing.T) {
	old := []string{"a", "b", "a", "c"}
	new := []string{"b", "", "c", "d", "a"}
	wantOld, wantNew := []int32{0, 1, 0, 2}, []int32{1, 3, 2, 4, 0}
	seed := maphash.MakeSeed()
	for _, c := range []struct {
		name string
		hash func(string) uint64
	}{
		{"maphash", func(s string) uint64 { return maphash.String(seed, s) }},
		{"all collide", func(string) uint64 { return 42 }},
		{"two hashes", func(s string) uint64 { return uint64(len(s) % 2) }},
		{"a shard each", func(s string) uint64 {
			if s == "" {
				return 7
			}
			return uint64(s[0]-'a'+1) << 59
		}},
		{"shards collide", func(s string) uint64 { return uint64(len(s)%2) << 63 }},
	} {
		gotOld, gotNew, n := idsOf(old, new, c.hash)
		if !slices.Equal(gotOld, wantOld) || !slices.Equal(gotNew, wantNew) || n != 5 {
			t.Errorf("%s: ids %v %v (%d texts), want %v %v (5)", c.name, gotOld, gotNew, n, wantOld, wantNew)
		}
	}
}

// TestAssignIDsRandom holds assignIDs to one map filled in order, on
// drafts of a few texts repeated at random, with hashes that collide.
func TestAssignIDsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	texts := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	hash := func(s string) uint64 { return uint64(s[0]%3) << 62 } // three hashes for eight texts
	for range 200 {
		old := make([]string, rng.IntN(40))
		new := make([]string, rng.IntN(40))
		for _, d := range [][]string{old, new} {
			for k := range d {
				d[k] = texts[rng.IntN(len(texts))]
			}
		}
		gotOld, gotNew, n := idsOf(old, new, hash)
		seen := map[string]int32{}
		var want []int32
		for _, s := range append(slices.Clone(old), new...) {
			if _, ok := seen[s]; !ok {
				seen[s] = int32(len(seen))
			}
			want = append(want, seen[s])
		}
		if got := append(slices.Clone(gotOld), gotNew...); !slices.Equal(got, want) || n != len(seen) {
			t.Fatalf("%q %q: ids %v (%d texts), want %v (%d)", old, new, got, n, want, len(seen))
		}
	}
}

// idsOf returns the ids assignIDs gives the texts of two drafts.
func idsOf(old, new []string, hash func(string) uint64) (oldIDs, newIDs []int32, n int) {
	blocks := func(texts []string) []draft.Block {
		var bs []draft.Block
		for _, s := range texts {
			bs = append(bs, draft.Block{Kind: draft.Paragraph, Text: s})
		}
		return bs
	}
	a, ah := newSide(blocks(old), hash)
	b, bh := newSide(blocks(new), hash)
	n = assignIDs(&a, &b, ah, bh)
	return a.ids, b.ids, n
}
