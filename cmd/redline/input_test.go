package main

import (
	"strings"
	"testing"
)

// TestReadLimited checks reading whatever the size a file had when asked:
// the same, smaller (it shrank), larger (it grew), past the limit, or
// unknown (standard input).
func TestReadLimited(t *testing.T) {
	big := strings.Repeat("x", 5<<20) // past the 2 MB of a huge page, twice
	for _, c := range []struct {
		name      string
		data      string
		hint, max int64
		tooBig    bool
	}{
		{"exact", "1. States agreed.", 17, 100, false},
		{"shrank", "1. States", 17, 100, false},
		{"grew", "1. States agreed. 2. More.", 17, 100, false},
		{"grew past the limit", "1. States agreed. 2. More.", 17, 20, true},
		{"stdin", "1. States agreed.", 0, 100, false},
		{"stdin past the limit", "1. States agreed.", 0, 10, true},
		{"empty", "", 0, 100, false},
		{"exactly the limit", "12345", 5, 5, false},
		{"large", big, int64(len(big)), 64 << 20, false},
		{"large, grew", big + "tail", int64(len(big)), 64 << 20, false},
	} {
		got, err := readLimited("f.md", strings.NewReader(c.data), c.max, c.hint)
		switch {
		case c.tooBig:
			if err == nil || !strings.Contains(err.Error(), "larger than the --max-size limit") {
				t.Errorf("%s: err %v, want too big", c.name, err)
			}
		case err != nil:
			t.Errorf("%s: %v", c.name, err)
		case string(got) != c.data:
			t.Errorf("%s: read %d bytes, want %d", c.name, len(got), len(c.data))
		}
	}
}
