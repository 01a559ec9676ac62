package diff

import "testing"

// TestIDTable checks that equal texts share an id and different texts
// never do, even when every hash collides.
func TestIDTable(t *testing.T) {
	texts := []string{"a", "b", "a", "c", "b", "", "c", "d"}
	want := []int{0, 1, 0, 2, 1, 3, 2, 4}
	for _, c := range []struct {
		name string
		hash func(string) uint64
	}{
		{"maphash", nil},
		{"all collide", func(string) uint64 { return 42 }},
		{"two buckets", func(s string) uint64 { return uint64(len(s) % 2) }},
	} {
		tab := newIDTable(0)
		tab.hash = c.hash
		for i, s := range texts {
			if got := tab.id(s); got != want[i] {
				t.Errorf("%s: id(%q) = %d, want %d", c.name, s, got, want[i])
			}
		}
	}
}
