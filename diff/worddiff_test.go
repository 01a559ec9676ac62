package diff

import (
	"fmt"
	"testing"
)

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

// TestRuneTableGrows checks a table through many growths of its short keys,
// long keys among them, and that an emptied table taken again from the
// pool knows none of them.
func TestRuneTableGrows(t *testing.T) {
	const n = 20000
	key := func(k int) string {
		if k%5 == 0 {
			return fmt.Sprintf("long key %d", k)
		}
		return fmt.Sprintf("k%d", k)
	}
	for range 3 {
		table := getRuneTable(4)
		want := func(k int) rune {
			r := rune(0x100 + k)
			if r >= 0xD800 {
				r += 0xE000 - 0xD800
			}
			return r
		}
		for k := range n {
			if r := table.rune(key(k)); r != want(k) {
				t.Fatalf("rune(%q) = %#x, want %#x", key(k), r, want(k))
			}
		}
		for k := n - 1; k >= 0; k-- {
			if r := table.rune(key(k)); r != want(k) {
				t.Fatalf("again: rune(%q) = %#x, want %#x", key(k), r, want(k))
			}
		}
		putRuneTable(table) // too large to keep
		small := getRuneTable(4)
		for k := range 100 { // in another order than before
			if r := small.rune(key(99 - k)); r != want(k) {
				t.Fatalf("reused table: rune(%q) = %#x, want %#x", key(99-k), r, want(k))
			}
		}
		putRuneTable(small)
	}
}
