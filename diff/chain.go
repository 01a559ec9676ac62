package diff

// reorder makes the moves minimal. The anchors that fixed the order were
// only the unchanged blocks; once edited blocks are paired and moves found,
// the order is settled again over every link: the heaviest chain of links
// in the same order in both drafts stays in place and every other link is a
// move. The chain with the most links wins, so that as few paragraphs as
// possible are shown as moved; between chains of as many links, the one
// with the longer texts, so that of two sections of as many paragraphs that
// swapped places the shorter is the one shown as moved. A split or merge
// left out of the chain keeps only its first pair, as a move; its other
// pieces fall back to inserted or deleted.
func (al *aligner) reorder() {
	links := al.links()
	in := heaviestChain(links, len(al.oldPair))
	for k, l := range links {
		if in[k] {
			al.oldMoved[l.old], al.moved[l.new] = -1, -1
			al.pair(int(l.old), int(l.new))
			continue
		}
		al.ungroup(int(l.old), int(l.new))
		al.oldPair[l.old], al.newPair[l.new] = -1, -1
		al.oldMoved[l.old], al.moved[l.new] = l.new, l.old
	}
}

// chainLink is a link between the first old and new blocks of a pair,
// group or move, with its weight.
type chainLink struct {
	old, new int32
	weight   int
}

// links lists the pairs, groups and moves in new-draft order.
func (al *aligner) links() []chainLink {
	links := make([]chainLink, 0, len(al.newPair))
	for j := range al.newPair {
		i := int(al.newPair[j])
		if i < 0 {
			i = int(al.moved[j])
		}
		if i >= 0 {
			w := linkWeight + min(len(al.old.key(i))+len(al.new.key(j)), linkWeight-1)
			links = append(links, chainLink{int32(i), int32(j), w})
		}
	}
	return links
}

// linkWeight is the weight of a link before its texts' length is added; it
// outweighs any text, so that more links always make a heavier chain.
const linkWeight = 1 << 30

// ungroup dissolves the split or merge headed by old i and new j, if any.
func (al *aligner) ungroup(i, j int) {
	for k := al.oldGroupEnd(i) - 1; k > i; k-- {
		al.oldPart[k] = -1
	}
	for k := al.newGroupEnd(j) - 1; k > j; k-- {
		al.newPart[k] = -1
	}
}

// heaviestChain returns which links (given in increasing new order) form
// the heaviest chain whose old blocks also increase, in O(n log n) with a
// Fenwick tree of prefix maxima over old block indices. Ties go to the
// chain found first, so the result is deterministic.
func heaviestChain(links []chainLink, nOld int) []bool {
	tree := make([]chainEnd, nOld+1) // 1-based Fenwick tree over old indices
	prev := make([]int32, len(links))
	for k, l := range links {
		p := prefixMax(tree, int(l.old)) // chains ending at old < l.old
		best := chainEnd{p.weight + l.weight, int32(k)}
		prev[k] = p.link
		for x := int(l.old) + 1; x <= nOld; x += x & -x {
			if best.weight > tree[x].weight {
				tree[x] = best
			}
		}
	}
	in := make([]bool, len(links))
	end := prefixMax(tree, nOld)
	for k := end.link; k >= 0 && end.weight > 0; k = prev[k] {
		in[k] = true
	}
	return in
}

// chainEnd is the weight of the heaviest chain found so far and its last link.
type chainEnd struct {
	weight int
	link   int32
}

// prefixMax returns the heaviest chain ending at an old index below n.
func prefixMax(tree []chainEnd, n int) chainEnd {
	best := chainEnd{0, -1}
	for x := n; x > 0; x -= x & -x {
		if tree[x].weight > best.weight {
			best = tree[x]
		}
	}
	return best
}
