package diff

// myersBudget bounds the work of one Myers pass, counted as (N+M)·D.
const myersBudget = 40_000_000

// anchorMyers pairs, in a gap too large to pair by similarity and without
// unique blocks or runs to anchor on (a periodic or highly repetitive
// draft), the blocks of a shortest edit script over their texts (Myers
// 1986), when that script has few enough edits to be found within
// myersBudget; otherwise it leaves the gap as it is.
func (al *aligner) anchorMyers(o0, o1, n0, n1 int) {
	maxD := myersBudget / (o1 - o0 + n1 - n0)
	a, b := al.old.ids[o0:o1], al.new.ids[n0:n1]
	pairs := myers(a, b, maxD)
	slideToPartners(a, b, pairs, 0, myersBudget, nil)
	slideToPartners(a, b, pairs, 1, myersBudget, nil)
	for _, p := range pairs {
		al.pair(o0+p[0], n0+p[1])
	}
}

// slideToPartners rearranges the matched pairs of an edit script among
// equal elements so that insertions and deletions stand together: in a
// run of identical blocks with some edited in place, a shortest script
// may insert the edited blocks where they are and delete as many copies
// at the run's end, where "changed in place" is as short and is what
// happened. Side s (0: a, the old draft; 1: b) is the one whose unmatched
// elements move: a gap between pairs with more unmatched elements of the
// other side than of side s takes the first unmatched element of side s
// from the nearest later gap that has more of side s than of the other,
// when every matched element between is equal to it (the matches between
// shift by one, to equal elements). It stops after about budget steps.
// When free is not nil, only the elements free(side, x) accepts count
// and move (the others are as good as absent), and pairs[k] shifts only
// if free(-1, k) says it may.
func slideToPartners(a, b []int32, pairs [][2]int, s, budget int, free func(side, x int) bool) {
	seq := [2][]int32{a, b}
	o := 1 - s
	// Gap k lies between pairs[k-1] and pairs[k], with sentinels at both
	// ends; surplus(k) is its unmatched elements of side s less those of
	// the other.
	at := func(k, side int) int {
		switch {
		case k < 0:
			return -1
		case k >= len(pairs):
			return len(seq[side])
		}
		return pairs[k][side]
	}
	// count[side][x] is the number of elements before x that may move.
	var count [2][]int
	for side := range count {
		count[side] = make([]int, len(seq[side])+1)
		for x := range seq[side] {
			count[side][x+1] = count[side][x]
			if free == nil || free(side, x) {
				count[side][x+1]++
			}
		}
	}
	between := func(k, side int) int { return count[side][at(k, side)] - count[side][at(k-1, side)+1] }
	surplus := func(k int) int { return between(k, s) - between(k, o) }
	for k := 0; k < len(pairs) && budget > 0; {
		if surplus(k) >= 0 || !slideInto(seq[s], pairs, k, s, surplus, &budget, free) {
			k++
		}
	}
}

// slideInto moves to gap k the first unmatched element of side s of the
// nearest later gap with a surplus of them, over matched elements all
// equal to it, and reports whether it did (see slideToPartners).
func slideInto(seq []int32, pairs [][2]int, k, s int, surplus func(int) int, budget *int, free func(side, x int) bool) bool {
	v := seq[pairs[k][s]]
	for m := k + 1; m <= len(pairs); m++ {
		*budget--
		if free != nil && !free(-1, m-1) {
			return false
		}
		if surplus(m) > 0 {
			x := pairs[m-1][s] + 1
			if seq[x] != v || free != nil && !free(s, x) {
				return false
			}
			for p := k; p < m-1; p++ {
				pairs[p][s] = pairs[p+1][s]
			}
			pairs[m-1][s] = x
			return true
		}
		if m == len(pairs) || seq[pairs[m][s]] != v || *budget <= 0 {
			return false
		}
	}
	return false
}

// myers returns the matched pairs of a shortest edit script of a and b, or
// nil if it needs more than maxD insertions and deletions. It keeps the
// frontier of every round to trace the path back: O((N+M)·D) time and
// O(D²) memory.
func myers(a, b []int32, maxD int) [][2]int {
	n, m := len(a), len(b)
	maxD = min(maxD, n+m)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			x := v[off+k+1] // down: an insertion
			if k != -d && (k == d || v[off+k-1] >= v[off+k+1]) {
				x = v[off+k-1] + 1 // right: a deletion
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return tracePairs(a, b, trace, d, k)
			}
		}
	}
	return nil
}

// tracePairs walks the frontiers back from diagonal k at round d and
// returns the matched pairs in order. trace[d] is the frontier before
// round d, indexed from diagonal -d-1.
func tracePairs(a, b []int32, trace [][]int, d, k int) [][2]int {
	var pairs [][2]int
	x, y := len(a), len(b)
	snake := func(sx, sy int) { // the matches from (sx, sy) up to (x, y)
		for x > sx && y > sy {
			x, y = x-1, y-1
			pairs = append(pairs, [2]int{x, y})
		}
	}
	for ; d > 0; d-- {
		prev := trace[d]
		at := func(kk int) int { return prev[kk+d+1] }
		if k == -d || k != d && at(k-1) < at(k+1) {
			k++ // came down from diagonal k+1: an insertion
			snake(at(k), at(k)-k+1)
		} else {
			k-- // came right from diagonal k-1: a deletion
			snake(at(k)+1, at(k)-k)
		}
		x, y = at(k), at(k)-k
	}
	snake(0, 0)
	for l, r := 0, len(pairs)-1; l < r; l, r = l+1, r-1 {
		pairs[l], pairs[r] = pairs[r], pairs[l]
	}
	return pairs
}
