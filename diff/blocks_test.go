package diff

import (
	"slices"
	"testing"
)

func TestBlocks(t *testing.T) {
	tests := []struct {
		b       Blocks
		indices []int
		str     string
	}{
		{Blocks{}, []int{}, "[]"},
		{BlockRange(4, 4), []int{}, "[]"},
		{BlockRange(5, 2), []int{}, "[]"},
		{OneBlock(7), []int{7}, "[7]"},
		{BlockRange(0, 3), []int{0, 1, 2}, "[0 1 2]"},
	}
	for _, tt := range tests {
		if got := tt.b.Indices(); !slices.Equal(got, tt.indices) || got == nil {
			t.Errorf("%v.Indices() = %#v, want %#v", tt.b, got, tt.indices)
		}
		if got := tt.b.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
		if tt.b.Len() != len(tt.indices) {
			t.Errorf("%v.Len() = %d, want %d", tt.b, tt.b.Len(), len(tt.indices))
		}
		for k, i := range tt.indices {
			if got := tt.b.At(k); got != i {
				t.Errorf("%v.At(%d) = %d, want %d", tt.b, k, got, i)
			}
		}
		if n := len(tt.indices); n > 0 {
			if tt.b.First() != tt.indices[0] || tt.b.Last() != tt.indices[n-1] || tt.b.End() != tt.indices[n-1]+1 {
				t.Errorf("%v: First %d, Last %d, End %d", tt.b, tt.b.First(), tt.b.Last(), tt.b.End())
			}
		}
		var pos []int
		for k, i := range tt.b.All() {
			pos = append(pos, k)
			if i != tt.indices[k] {
				t.Errorf("%v.All() yields %d at %d, want %d", tt.b, i, k, tt.indices[k])
			}
			if k == 1 {
				break // All stops when the loop does
			}
		}
		if len(pos) != min(len(tt.indices), 2) {
			t.Errorf("%v.All() yielded positions %v", tt.b, pos)
		}
	}
	// Empty runs are equal whatever their ends, so that steps compare.
	if BlockRange(3, 3) != (Blocks{}) {
		t.Error("an empty range is not the zero Blocks")
	}
}

func TestBlocksAtPanics(t *testing.T) {
	for _, k := range []int{-1, 2, 3} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("BlockRange(5, 7).At(%d) did not panic", k)
				}
			}()
			BlockRange(5, 7).At(k)
		}()
	}
	defer func() {
		if recover() == nil {
			t.Error("First of no blocks did not panic")
		}
	}()
	Blocks{}.First()
}
