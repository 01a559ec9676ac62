package diff

import "github.com/redline-diff/redline/doc"

// Options tune Compare. The zero value gives the defaults.
type Options struct {
	// MatchThreshold is the least similarity (0–1, Dice coefficient over
	// word bigrams of the normalized texts) at which two different blocks
	// are paired as one changed block rather than a deletion and an
	// insertion. Zero means DefaultMatchThreshold.
	MatchThreshold float64
}

// DefaultMatchThreshold is the MatchThreshold used when none is set.
const DefaultMatchThreshold = 0.4

// Compare aligns the blocks of two drafts and diffs the words of each
// aligned pair. (Implementation in progress.)
func Compare(old, new *doc.Document, opt Options) (*Result, error) {
	return &Result{Old: old, New: new}, nil
}
