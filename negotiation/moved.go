package negotiation

import "strings"

// moveBudget bounds the near-match search of followMoves, in words
// compared: once spent, only exact matches are taken, so that a draft with
// tens of thousands of long brackets costs a map, not a product.
const moveBudget = 1 << 24

// minMoveWords is the fewest words a passage must have to be followed to
// another paragraph by a near match; shorter ones ("[shall]") must match
// exactly, since a short word recurs everywhere.
const minMoveWords = 3

// moveDice is the least Dice coefficient of word multisets for a dropped
// and an opened passage to be taken as one passage moved and edited.
const moveDice = 0.8

// followMoves follows bracketed passages that moved to another step: a
// passage dropped from one paragraph and an opened one elsewhere, in
// brackets both, with the same words (or, for passages of three words or
// more, mostly the same: Dice ≥ 0.8) are one passage, still open and
// moved. The dropped bracket becomes Open with the opened one's place
// (Moved set, Edited when the words differ), and the opened one goes. A
// passage moved and unbracketed on the way is not followed: it reads as
// dropped here and new text there.
func followMoves(bs []Bracket) []Bracket {
	var dropped, opened []int
	for k := range bs {
		switch {
		case bs[k].Fate == Dropped && bs[k].Old != nil:
			dropped = append(dropped, k)
		case bs[k].Fate == Opened && bs[k].New != nil && !bs[k].Existing:
			opened = append(opened, k)
		}
	}
	if len(dropped) == 0 || len(opened) == 0 {
		return bs
	}
	words := func(b *Bracket, p *Place) []string { return bodyWords(p.Text, b.Tag) }
	oldW := make(map[int][]string, len(dropped))
	for _, k := range dropped {
		oldW[k] = words(&bs[k], bs[k].Old)
	}
	newW := make(map[int][]string, len(opened))
	exact := map[string][]int{} // words joined → opened brackets, in order
	for _, k := range opened {
		w := words(&bs[k], bs[k].New)
		newW[k] = w
		if len(w) > 0 {
			key := strings.Join(w, " ")
			exact[key] = append(exact[key], k)
		}
	}
	gone := make(map[int]bool)
	join := func(d, o int) {
		b := &bs[d]
		b.Fate, b.New, b.Moved = Open, bs[o].New, true
		b.Edited = strings.Join(oldW[d], " ") != strings.Join(newW[o], " ")
		gone[o] = true
	}
	var rest []int
	for _, d := range dropped {
		w := oldW[d]
		if len(w) == 0 {
			continue
		}
		key := strings.Join(w, " ")
		if c := exact[key]; len(c) > 0 && bs[c[0]].Step != bs[d].Step {
			join(d, c[0])
			exact[key] = c[1:]
			continue
		}
		rest = append(rest, d)
	}
	budget := moveBudget
	for _, d := range rest {
		if len(oldW[d]) < minMoveWords || budget < 0 {
			continue
		}
		best, bestScore := -1, moveDice
		for _, o := range opened {
			if gone[o] || bs[o].Step == bs[d].Step || len(newW[o]) < minMoveWords {
				continue
			}
			if budget -= len(oldW[d]) + len(newW[o]); budget < 0 {
				break
			}
			if s := multisetDice(oldW[d], newW[o]); s > bestScore || (best < 0 && s == bestScore) {
				best, bestScore = o, s
			}
		}
		if best >= 0 {
			join(d, best)
		}
	}
	if len(gone) == 0 {
		return bs
	}
	out := bs[:0]
	for k := range bs {
		if !gone[k] {
			out = append(out, bs[k])
		}
	}
	return out
}

// bodyWords returns the words of a bracketed passage's text, brackets and
// tag left out, folded as terms are.
func bodyWords(text, tag string) []string {
	text = strings.TrimPrefix(text, "[")
	text = strings.TrimSuffix(text, "]")
	if tag != "" {
		if i := strings.Index(text, ":"); i >= 0 && strings.TrimSpace(text[:i]) == tag {
			text = text[i+1:]
		}
	}
	toks := tokenize(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.key
	}
	return out
}

// multisetDice returns the Dice coefficient of two word multisets.
func multisetDice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
