package diff

import (
	"fmt"
	"sync"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// This file is the only one that knows go-diff. Tokens are mapped to runes
// through a table of our own, diffed with DiffMainRunes (DiffTimeout 0, so
// that the result never depends on machine speed), and go-diff's panics are
// recovered into errors.

// maxDiffTokens is the most tokens one go-diff call should see on a side;
// longer texts are first diffed sentence by sentence (see diffLong).
const maxDiffTokens = 3000

// runeTable gives each distinct token key a rune of its own.
type runeTable struct {
	ids map[string]rune
	// short holds the keys of up to seven bytes (most words, the space),
	// packed with their length into a number: a lookup hashes one word.
	short map[uint64]rune
	next  rune
}

// runeTables keeps cleared tables for reuse: a word diff per paragraph
// would otherwise make and drop a map per paragraph.
var runeTables sync.Pool

// maxPooledKeys is the size beyond which a table is dropped rather than
// kept, so that clearing one for reuse stays cheap.
const maxPooledKeys = 1 << 12

// getRuneTable returns an empty table with room for about n keys; pass it
// to putRuneTable when done.
func getRuneTable(n int) *runeTable {
	if t, ok := runeTables.Get().(*runeTable); ok {
		return t
	}
	n = min(n, maxPooledKeys)
	return &runeTable{ids: make(map[string]rune, n/4), short: make(map[uint64]rune, n), next: 0x100}
}

// putRuneTable clears t (its keys hold pieces of the texts) and keeps it
// for reuse if it is not too large.
func putRuneTable(t *runeTable) {
	if len(t.ids)+len(t.short) > maxPooledKeys {
		return
	}
	clear(t.ids)
	clear(t.short)
	t.next = 0x100
	runeTables.Put(t)
}

// rune returns the rune for key, allocating one on first use. Runes skip
// the surrogate range so that go-diff's string conversions keep them.
func (t *runeTable) rune(key string) rune {
	var r rune
	if len(key) <= 7 {
		packed := uint64(len(key)) << 56
		for i := 0; i < len(key); i++ {
			packed |= uint64(key[i]) << (8 * i)
		}
		if r, ok := t.short[packed]; ok {
			return r
		}
		r = t.next
		t.short[packed] = r
	} else {
		if r, ok := t.ids[key]; ok {
			return r
		}
		r = t.next
		t.ids[key] = r
	}
	t.next++
	if t.next == 0xD800 {
		t.next = 0xE000
	}
	return r
}

// full reports whether the table has run out of runes.
func (t *runeTable) full() bool { return t.next > 0x10FFFF }

// diffRunes runs go-diff on two rune strings and returns the edit as runs
// of equal, deleted and inserted runes.
func diffRunes(a, b []rune) (runs []run, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("word diff failed: %v", p)
		}
	}()
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	for _, d := range dmp.DiffMainRunes(a, b, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			runs = append(runs, run{SpanEqual, n, n})
		case diffmatchpatch.DiffDelete:
			runs = append(runs, run{SpanDelete, n, 0})
		case diffmatchpatch.DiffInsert:
			runs = append(runs, run{SpanInsert, 0, n})
		}
	}
	return runs, nil
}
