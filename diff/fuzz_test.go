package diff

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-diff/redline/draft"
)

// FuzzWords checks that the word diff of any two texts is lossless and
// deterministic.
func FuzzWords(f *testing.F) {
	f.Add("States agreed to the principles.", "States take into account the principles.")
	f.Add("", "New text")
	f.Add("l'État partie", "l’État membre")
	f.Add("各国同意合作。", "各国决定合作。")
	f.Add("a\r\nb\tc", "a b  c")
	f.Add("Cafe\u0301", "Café")
	f.Fuzz(func(t *testing.T, old, new string) {
		spans, err := Words(old, new)
		if err != nil {
			t.Fatal(err)
		}
		if o, n := rebuild(spans); o != old || n != new {
			t.Fatalf("not lossless: %q %q from %q %q", o, n, old, new)
		}
		again, _ := Words(old, new)
		if markup(again) != markup(spans) {
			t.Fatal("not deterministic")
		}
		checkWindowed(t, old, new)
		checkMiddle(t, old, new)
		const p, s = "The States agreed to the principles of ", " as set out in the annex to this report."
		checkWindowed(t, p+old+s, p+new+s)
		checkWindowed(t, old+s, new+s)
		checkWindowed(t, p+old, p+new)
	})
}

// checkMiddle checks that diffGoMiddle, with its shortcut for ranges
// with no token in common, gives what go-diff gives on the whole texts'
// tokens.
func checkMiddle(t *testing.T, old, new string) {
	t.Helper()
	a, b := newTokenSeq(old), newTokenSeq(new)
	defer a.release()
	defer b.release()
	got, err := diffGoMiddle(a, b, 0, a.len(), 0, b.len())
	if err != nil || a.len() == 0 || b.len() == 0 {
		return
	}
	table := getRuneTable(a.len() + b.len())
	defer putRuneTable(table)
	ra, rb := tokenRunes(table, a, 0, a.len()), tokenRunes(table, b, 0, b.len())
	if table.full() {
		return
	}
	runs, err := diffRunes(ra, rb)
	if err != nil {
		t.Fatal(err)
	}
	if want := runsToSegs(runs); !slices.Equal(got, want) {
		t.Fatalf("diffGoMiddle(%q, %q) = %v, go-diff gives %v", old, new, got, want)
	}
}

// checkWindowed checks that wordsWindowed, with any margin, gives the
// diff of the whole texts whenever it gives one.
func checkWindowed(t *testing.T, old, new string) {
	t.Helper()
	if old == new {
		return
	}
	want, err := wordsWhole(old, new)
	if err != nil {
		t.Fatal(err)
	}
	for _, margin := range []int{0, 1, 2, 3, 5, 8, windowMargin} {
		if got, ok := wordsWindowed(old, new, margin); ok && !slices.Equal(got, want) {
			t.Fatalf("window (margin %d) of %q → %q:\n%s\nwant\n%s", margin, old, new, markup(got), markup(want))
		}
	}
}

// FuzzCompare checks the invariants of Compare on drafts made of the
// lines of two texts.
func FuzzCompare(f *testing.F) {
	f.Add("a\nb\nc", "a\nc\nb")
	f.Add("x\nx\nx", "x\nx")
	f.Add("States agreed.\n\nStates noted.", "States concluded.\nStates noted that.")
	f.Fuzz(func(t *testing.T, old, new string) {
		a, b := linesDraft(old), linesDraft(new)
		r, err := Compare(a, b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
		again, _ := Compare(a, b, Options{})
		if outline(again) != outline(r) {
			t.Fatal("not deterministic")
		}
	})
}

func linesDraft(s string) *draft.Document {
	d := &draft.Document{}
	for i, l := range strings.Split(s, "\n") {
		d.Blocks = append(d.Blocks, draft.Block{Text: l, Line: int32(i + 1)})
	}
	return d
}

// FuzzTokenize checks that tokens cover the text exactly, are never empty,
// never split a rune of valid UTF-8 (readers repair invalid UTF-8 before
// anything is diffed), and that words are counted from them alone.
// tokenStart returns the start of token i given the tokens' ends.
func tokenStart(ends []int, i int) int {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

func FuzzTokenize(f *testing.F) {
	f.Add("non-binding l'Etat -- a-' 'b x-y- 12-3 \t\n  ok.")
	f.Add("States agreed, in 2021–2025, that l'État…")
	f.Add("各国同意合作。\u200b\ufeff")
	f.Add("\xff\xfe broken \u00a0 UTF-8")
	f.Add("الدَّولي \u200fاتفقت")
	f.Fuzz(func(t *testing.T, s string) {
		ends := tokenize(nil, s)
		start := 0
		for _, end := range ends {
			if end <= start || end > len(s) {
				t.Fatalf("token [%d, %d) of %d bytes", start, end, len(s))
			}
			if end < len(s) && utf8.ValidString(s) && !utf8.RuneStart(s[end]) {
				t.Fatalf("token ends inside a rune at %d", end)
			}
			start = end
		}
		if start != len(s) {
			t.Fatalf("tokens cover %d of %d bytes", start, len(s))
		}
		words := 0
		for i := range ends {
			if isWordRune(firstRune(s[tokenStart(ends, i):ends[i]])) {
				words++
			}
		}
		if n := CountWords(s); n != words {
			t.Fatalf("CountWords(%q) = %d, want %d", s, n, words)
		}
		// ASCII text is cut in one pass by tokenizeASCII, which must cut
		// and count as tokenize and the word count do.
		if isASCII(s) {
			asciiEnds, words := tokenizeASCII(nil, nil, s)
			if !slices.Equal(asciiEnds, ends) {
				t.Fatalf("tokenizeASCII(%q) = %v, tokenize gives %v", s, asciiEnds, ends)
			}
			for i := range ends {
				tok := s[max(0, tokenStart(ends, i)):ends[i]]
				want := words[i]
				if isWordRune(firstRune(tok)) {
					want++
				}
				if words[i+1] != want {
					t.Fatalf("tokenizeASCII(%q): %d words before token %d, want %d", s, words[i+1], i+1, want)
				}
			}
		}
		// plainTokenEnd, which grams uses on normalized text, cuts it as
		// tokenize does.
		key := Normalize(s)
		want := tokenize(nil, key)
		k := 0
		for start := 0; start < len(key); k++ {
			end := plainTokenEnd(key, start)
			if k >= len(want) || end != want[k] {
				t.Fatalf("plainTokenEnd(%q, %d) = %d, tokenize says %v", key, start, end, want)
			}
			start = end
		}
		if k != len(want) {
			t.Fatalf("plainTokenEnd found %d tokens in %q, tokenize %d", k, key, len(want))
		}
		checkGramsASCII(t, s)
		checkGramsASCII(t, key)
	})
}

// checkGramsASCII holds gramsASCII to gramsUnicode on ASCII text.
func checkGramsASCII(t *testing.T, s string) {
	t.Helper()
	if !isASCII(s) {
		return
	}
	got, want := gramsASCII(s), gramsUnicode(s)
	if !slices.Equal(got.all, want.all) || got.nWords != want.nWords {
		t.Fatalf("gramsASCII(%q) = %v (%d words), gramsUnicode gives %v (%d words)", s, got.all, got.nWords, want.all, want.nWords)
	}
}
