package diff

import "testing"

// TestRuneTable checks that a table gives equal keys one rune and
// different keys different runes, in order of first use, on both sides of
// the length up to which keys are packed, with NUL bytes that packing
// must not confuse with a shorter key, and after reuse.
func TestRuneTable(t *testing.T) {
	keys := []string{"", " ", "a", "a\x00", "\x00a", "abcdefg", "abcdefgh", "abcdefg\x00", "\x00", "\x00\x00", "État", windowHeadKey, windowTailKey}
	for range 2 { // the second time from the pool
		table := getRuneTable(len(keys))
		seen := map[rune]string{}
		for round := range 2 {
			for k, key := range keys {
				r := table.rune(key)
				if want := rune(0x100 + k); r != want {
					t.Fatalf("round %d: rune(%q) = %#x, want %#x", round, key, r, want)
				}
				if other, ok := seen[r]; ok && other != key {
					t.Fatalf("%q and %q share rune %#x", key, other, r)
				}
				seen[r] = key
			}
		}
		putRuneTable(table)
	}
}
