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
	for _, p := range myers(al.old.ids[o0:o1], al.new.ids[n0:n1], maxD) {
		al.pair(o0+p[0], n0+p[1])
	}
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
