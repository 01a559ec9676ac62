package draftgen

import (
	"fmt"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// Case is one generated comparison: a draft of Size bytes drawn from Seed,
// edited as Edits says.
type Case struct {
	Seed  uint64
	Size  int
	Edits Edits
	// RunCopies is the number of copies of one paragraph the old draft holds
	// (see AddRun), and Huge the size in bytes of one very long paragraph
	// in it (see AddHuge); zero for none.
	RunCopies, Huge int
}

// Pair returns the case's two drafts as Markdown and its parts.
func (c Case) Pair() (old *Draft, ed *Edited) {
	old = Generate(c.Seed, c.Size)
	if c.RunCopies > 0 {
		old.AddRun(c.Seed, c.RunCopies)
	}
	if c.Huge > 0 {
		old.AddHuge(c.Seed, c.Huge)
	}
	return old, Edit(old, c.Seed^0x9e3779b97f4a7c15, c.Edits)
}

// Run compares the case's drafts through the real readers and Compare
// with opt, and scores the result against the ground truth.
func (c Case) Run(opt diff.Options) (Score, error) {
	old, ed := c.Pair()
	a, err := draft.Read("old.md", old.Markdown(), draft.Markdown)
	if err != nil {
		return Score{}, err
	}
	b, err := draft.Read("new.md", ed.Markdown(), draft.Markdown)
	if err != nil {
		return Score{}, err
	}
	if len(a.Blocks) != len(old.Paras)+1 || len(b.Blocks) != len(ed.Paras)+1 {
		return Score{}, fmt.Errorf("seed %d: read %d and %d blocks, want %d and %d",
			c.Seed, len(a.Blocks), len(b.Blocks), len(old.Paras)+1, len(ed.Paras)+1)
	}
	r, err := diff.Compare(a, b, opt)
	if err != nil {
		return Score{}, err
	}
	if err := r.Check(); err != nil {
		return Score{}, fmt.Errorf("seed %d: %v", c.Seed, err)
	}
	return ScoreResult(r, old, ed), nil
}

// RunSeeds runs the case for seeds first, first+1, …, first+n-1 and adds up
// the scores.
func RunSeeds(c Case, first uint64, n int, opt diff.Options) (Score, error) {
	var total Score
	for k := range n {
		c.Seed = first + uint64(k)
		s, err := c.Run(opt)
		if err != nil {
			return total, err
		}
		total.Add(s)
	}
	return total, nil
}
