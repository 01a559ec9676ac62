package diff

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSimilarity checks the Dice coefficients of gram sets against counts
// made by hand: over words alone when a block is short, over words and
// word pairs otherwise.
func TestSimilarity(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		// Short: words {states, agreed} and {states, concluded}: 2·1/4.
		{"States agreed", "States concluded", 0.5},
		{"States agreed", "states AGREED.", 1},
		{"", "", 1},
		{"Security", "", 0},
		// A short block against a long one is weighed by words alone:
		// {a, b} and {a, b, c, d, e}: 2·2/7.
		{"a b", "a b c d e", 4.0 / 7},
		// Long: words {a b c d e} and pairs {ab bc cd de} against words
		// {a b c d f} and pairs {ab bc cd df}: 4 + 3 shared of 9 + 9.
		{"a b c d e", "a b c d f", 14.0 / 18},
		// Repeated words count once: {a, b, c, d} and pairs {ab, bc, ca, cd}
		// against {a, b, c, d} and {ab, bc, cd}: 4 + 3 shared of 8 + 7.
		{"a b c a b c d", "a b c d", 14.0 / 15},
	} {
		got := similarity(grams(Normalize(c.a)), grams(Normalize(c.b)))
		if math.Abs(got-c.want) > 1e-9 {
			t.Errorf("similarity(%q, %q) = %.4f, want %.4f", c.a, c.b, got, c.want)
		}
	}
}

func BenchmarkGrams(b *testing.B) {
	text := "Working rights through programme peace with non-State transparency. Voluntary noted through implementation working the humanitarian exchange the peace. Report availability that invited training the humanitarian national through developing mandate on rights incidents as technologies concluded to rights. Humanitarian measures and critical rights with noted report as."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		grams(text)
	}
}

// TestSortHashes checks sortHashes against slices.Sort on random hashes,
// on lists with repeats, with values bunched in one bucket, and at the
// lengths where it changes method.
func TestSortHashes(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 31, 32, 33, 100, 1000, maxBucketHashes, maxBucketHashes + 1, 5000} {
		for _, gen := range []func() uint64{
			rng.Uint64,
			func() uint64 { return rng.Uint64N(8) }, // repeats, all in bucket 0
			func() uint64 { return ^uint64(0) - rng.Uint64N(1000) }, // all in the last bucket
		} {
			s := make([]uint64, n)
			for i := range s {
				s[i] = gen()
			}
			want := slices.Sorted(slices.Values(s))
			sortHashes(s)
			if !slices.Equal(s, want) {
				t.Fatalf("n=%d: sortHashes differs from slices.Sort", n)
			}
		}
	}
}

func BenchmarkSortHashes(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	src := make([]uint64, 110)
	for i := range src {
		src[i] = rng.Uint64()
	}
	s := make([]uint64, len(src))
	b.Run("buckets", func(b *testing.B) {
		for b.Loop() {
			copy(s, src)
			sortHashes(s)
		}
	})
	b.Run("slices.Sort", func(b *testing.B) {
		for b.Loop() {
			copy(s, src)
			slices.Sort(s)
		}
	})
}

// TestSimilarityAtLeast checks that similarityAtLeast gives similarity
// whenever that is at least the threshold and a value below it otherwise,
// on sets sharing every share of members, and at thresholds met exactly.
func TestSimilarityAtLeast(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	words := func(n, from int) string {
		var b []byte
		for k := range n {
			b = append(b, " w"...)
			b = append(b, byte('a'+(from+k)%26), byte('a'+(from+k)/26%26))
		}
		return string(b)
	}
	for range 2000 {
		na, nb := rng.IntN(40), rng.IntN(40)
		a, b := grams(Normalize(words(na, 0))), grams(Normalize(words(nb, rng.IntN(max(na, 1)+1))))
		exact := similarity(a, b)
		for _, th := range []float64{0, 0.3, 0.5, 0.6, exact, math.Nextafter(exact, 2), 1} {
			got := similarityAtLeast(a, b, th)
			if exact >= th && got != exact || exact < th && got >= th {
				t.Fatalf("similarityAtLeast(%d words, %d words, %v) = %v; similarity is %v", na, nb, th, got, exact)
			}
		}
	}
}

// TestMinShared checks minShared against a count from zero.
func TestMinShared(t *testing.T) {
	for n := 1; n < 300; n++ {
		for _, th := range []float64{0, 0.1, 1.0 / 3, 0.5, 0.6, 2.0 / 3, 0.99, 1, 1.5} {
			want := 0
			for want <= n && 2*float64(want)/float64(n) < th {
				want++
			}
			if got := minShared(n, th); got != want {
				t.Fatalf("minShared(%d, %v) = %d, want %d", n, th, got, want)
			}
		}
	}
}

// TestGramsASCII holds the one-pass grams of ASCII text to the general
// ones, on words with joiners at every place a joiner can stand.
func TestGramsASCII(t *testing.T) {
	for _, s := range []string{
		"",
		"States agreed",
		"non-binding l'Etat -- a-' 'b x-y- 12-3 \t\n  ok.",
		"-a a- 'a a' a'b a-b-c a--b a''b",
		"A. 1. (b) i) STATES Agreed, AGREED; agreed!",
		"x",
		"'",
		"a b a b a b",
		"\x00\x7f\x01word\x1fword",
	} {
		checkGramsASCII(t, s)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		checkGramsASCII(t, randomBytes(rng, "aZ9 '-.\t", 30))
	}
}

// TestGramSketch checks that sharedAtMost never bounds the members two
// sets share below their number: on sets that share none, some or all,
// of sizes that leave the sketch sparse and that fill it.
func TestGramSketch(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		pool := make([]uint64, 1+rng.IntN(5000))
		for k := range pool {
			pool[k] = rng.Uint64()
		}
		pick := func() *gramSet {
			all := make([]uint64, rng.IntN(len(pool)+1))
			for k := range all {
				all[k] = pool[rng.IntN(len(pool))]
			}
			return &gramSet{all: sortedSet(all)}
		}
		a, b := pick(), pick()
		var sa, sb gramSketch
		sa.fill(a)
		sb.fill(b)
		common, _ := shared(a.all, b.all, 0)
		if got := sa.sharedAtMost(&sb); got < common {
			t.Fatalf("sets of %d and %d sharing %d: bound %d", len(a.all), len(b.all), common, got)
		}
		if got := sb.sharedAtMost(&sa); got < common {
			t.Fatalf("sets of %d and %d sharing %d: bound %d the other way", len(a.all), len(b.all), common, got)
		}
	}
}
