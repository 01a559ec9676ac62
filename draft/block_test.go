package draft

import (
	"math"
	"testing"
	"unsafe"
)

// TestBlockSize guards the layout of Block: a draft of a million
// paragraphs holds a million of them.
func TestBlockSize(t *testing.T) {
	if got := unsafe.Sizeof(Block{}); got != 48 {
		t.Errorf("Block takes %d bytes, want 48", got)
	}
}

// TestNewBlockClamps checks that lines and levels too large for their
// fields are clamped, never wrapped to negative numbers.
func TestNewBlockClamps(t *testing.T) {
	for _, c := range []struct {
		level, line int
		wantLevel   int16
		wantLine    int32
	}{
		{0, 1, 0, 1},
		{6, 12345, 6, 12345},
		{math.MaxInt16 + 1, math.MaxInt32 + 1, math.MaxInt16, math.MaxInt32},
		{1 << 40, 1 << 40, math.MaxInt16, math.MaxInt32},
	} {
		b := newBlock(Paragraph, c.level, "", "x", c.line)
		if b.Level != c.wantLevel || b.Line != c.wantLine {
			t.Errorf("newBlock(level %d, line %d) = level %d, line %d; want %d, %d",
				c.level, c.line, b.Level, b.Line, c.wantLevel, c.wantLine)
		}
	}
}
