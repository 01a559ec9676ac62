package diff

import (
	"iter"
	"strconv"
	"strings"
)

// Blocks is a run of consecutive blocks of one draft, by 0-based index:
// the old or the new blocks of a step. The zero value holds no blocks.
//
// A step's blocks are always consecutive (a split or merge joins
// neighbours), so a run is held as its two ends, 8 bytes, rather than as a
// list of indices: on a million one-paragraph steps the lists' headers
// alone took 48 MB.
type Blocks struct {
	start, end int32
}

// BlockRange returns the blocks start, start+1, …, end-1; none if end ≤
// start. Indices must lie in [0, 2³¹).
func BlockRange(start, end int) Blocks {
	if end <= start {
		return Blocks{}
	}
	return Blocks{int32(start), int32(end)}
}

// OneBlock returns block i alone.
func OneBlock(i int) Blocks { return BlockRange(i, i+1) }

// Len returns the number of blocks.
func (b Blocks) Len() int { return int(b.end - b.start) }

// At returns the k-th block (from 0); it panics if k is out of range, as
// indexing a slice does.
func (b Blocks) At(k int) int {
	if k < 0 || k >= b.Len() {
		panic("diff: Blocks.At(" + strconv.Itoa(k) + ") of " + strconv.Itoa(b.Len()) + " blocks")
	}
	return int(b.start) + k
}

// First and Last return the first and the last block; they panic if there
// are none.
func (b Blocks) First() int { return b.At(0) }
func (b Blocks) Last() int  { return b.At(b.Len() - 1) }

// End returns the index after the last block (the start if there are
// none).
func (b Blocks) End() int { return int(b.end) }

// All yields the position (from 0) and the index of each block in order,
// as ranging over a slice of the indices would.
func (b Blocks) All() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for k, i := 0, int(b.start); i < int(b.end); k, i = k+1, i+1 {
			if !yield(k, i) {
				return
			}
		}
	}
}

// Indices returns the blocks' indices as a new slice.
func (b Blocks) Indices() []int {
	out := make([]int, 0, b.Len())
	for _, i := range b.All() {
		out = append(out, i)
	}
	return out
}

// String formats the blocks as a slice of their indices is: "[3 4]".
func (b Blocks) String() string {
	var sb strings.Builder
	sb.WriteByte('[')
	for k, i := range b.All() {
		if k > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(strconv.Itoa(i))
	}
	sb.WriteByte(']')
	return sb.String()
}
