package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// markup renders spans as [-deleted-]{+inserted+}, for readable tests.
func markup(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case SpanEqual:
			b.WriteString(s.Text)
		case SpanDelete:
			b.WriteString("[-" + s.Text + "-]")
		case SpanInsert:
			b.WriteString("{+" + s.Text + "+}")
		}
	}
	return b.String()
}

// rebuild returns the old and new texts the spans describe.
func rebuild(spans []Span) (old, new string) {
	var o, n strings.Builder
	for _, s := range spans {
		if s.Op != SpanInsert {
			o.WriteString(s.Text)
		}
		if s.Op != SpanDelete {
			n.WriteString(s.Text)
		}
	}
	return o.String(), n.String()
}

func TestWords(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"same", "States agreed.", "States agreed.", "States agreed."},
		{"empty", "", "", ""},
		{"all new", "", "New text.", "{+New text.+}"},
		{"all gone", "Old text.", "", "[-Old text.-]"},
		{"one word", "States shall take measures.", "States should take measures.",
			"States [-shall-]{+should+} take measures."},
		{"phrase", "States agreed to the principles.", "States take into account the principles.",
			"States [-agreed to-]{+take into account+} the principles."},
		{"lone the", "States agreed to the principles of cooperation.", "States take into account the norms of cooperation.",
			"States [-agreed to the principles-]{+take into account the norms+} of cooperation."},
		{"whole words", "the States concerned", "the Stakeholders concerned",
			"the [-States-]{+Stakeholders+} concerned"},
		{"dropped clause", "international law, in particular the Charter, applies.", "international law applies.",
			"international law[-, in particular the Charter,-] applies."},
		{"bracket cleaned", "States [shall] cooperate.", "States shall cooperate.",
			"States [-[-]shall[-]-] cooperate."},
		{"content word kept", "States shall take measures now.", "States should take steps now.",
			"States [-shall-]{+should+} take [-measures-]{+steps+} now."},
		{"elision", "l'État partie", "l'État membre", "l'État [-partie-]{+membre+}"},
		{"ideographs", "各国同意合作。", "各国决定合作。", "各国[-同意-]{+决定+}合作。"},
		{"line break only", "States\nagreed.", "States agreed.", "States[-\n-]{+ +}agreed."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Words(tt.old, tt.new)
			if err != nil {
				t.Fatal(err)
			}
			if m := markup(got); m != tt.want {
				t.Errorf("Words(%q, %q)\n got %s\nwant %s", tt.old, tt.new, m, tt.want)
			}
			if o, n := rebuild(got); o != tt.old || n != tt.new {
				t.Errorf("not lossless: rebuilt %q, %q", o, n)
			}
		})
	}
}

// TestWordsLong checks that texts far over maxDiffTokens with no sentence
// end still give a minimal, lossless diff (anchored on unique runs).
func TestWordsLong(t *testing.T) {
	var old, new strings.Builder
	for i := range 5000 {
		w := fmt.Sprintf("w%d ", i%1200) // every word repeats
		old.WriteString(w)
		if i == 2500 {
			w = "changed "
		}
		new.WriteString(w)
	}
	spans, err := Words(old.String(), new.String())
	if err != nil {
		t.Fatal(err)
	}
	if o, n := rebuild(spans); o != old.String() || n != new.String() {
		t.Fatal("not lossless")
	}
	var changes []string
	for _, s := range spans {
		if s.Op != SpanEqual {
			changes = append(changes, s.Op.String()+" "+s.Text)
		}
	}
	if want := []string{"delete w100", "insert changed"}; !slices.Equal(changes, want) {
		t.Errorf("changes %q, want %q", changes, want)
	}
}

// TestWordsOddInput checks that line ends, no-break and zero-width spaces,
// byte-order marks and Unicode normal forms are not changes of words.
func TestWordsOddInput(t *testing.T) {
	tests := []struct{ name, old, new string }{
		{"CRLF", "States agreed\r\nthat", "States agreed\nthat"},
		{"no-break space", "l'État :", "l'État\u00a0:"},
		{"zero-width space in a word", "international law", "inter\u200bnational law"},
		{"zero-width space leading", "\u200bStates agreed", "States agreed"},
		{"byte-order mark", "\ufeffStates", "States"},
		{"soft hyphen", "confidence-building", "confi\u00addence-building"},
		{"direction mark", "الدول \u200fاتفقت", "الدول اتفقت"},
		{"NFD", "État", "E\u0301tat"},
		{"tabs", "States\tagreed", "States agreed"},
		{"only invisible", "\u200b", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if Normalize(tt.old) != Normalize(tt.new) {
				t.Errorf("Normalize differs: %q, %q", Normalize(tt.old), Normalize(tt.new))
			}
			spans, err := Words(tt.old, tt.new)
			if err != nil {
				t.Fatal(err)
			}
			if o, n := rebuild(spans); o != tt.old || n != tt.new {
				t.Fatalf("not lossless")
			}
			for k := 0; k < len(spans); k++ {
				sp := spans[k]
				if sp.Op == SpanEqual {
					continue
				}
				// Every change is a delete–insert pair of the same words.
				if k+1 >= len(spans) || Normalize(sp.Text) != Normalize(spans[k+1].Text) {
					if Normalize(sp.Text) != "" {
						t.Errorf("a change of words: %s", markup(spans))
					}
					continue
				}
				k++
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"States agreed.", "States agreed."},
		{" States  agreed.\n", "States agreed."},
		{"States\tagreed", "States agreed"},
		{"États\u00a0:", "États :"},
		{"E\u0301tat", "État"},
		{"inter\u200bnational", "international"},
		{"\ufeffStates", "States"},
		{"a\x00b", "a\x00b"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkNewTokenSeq(b *testing.B) {
	text := "Working rights through programme peace with non-State transparency. Voluntary noted through implementation working the humanitarian exchange the peace. Report availability that invited training the humanitarian national through developing mandate on rights incidents as technologies concluded to rights. Humanitarian measures and critical rights with noted report as."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		newTokenSeq(text).release()
	}
}

// TestWordsWindowed checks that the window is taken where it should be,
// given up where its head or tail would change the diff, and that either
// way the diff is that of the whole texts.
func TestWordsWindowed(t *testing.T) {
	const (
		p = "The Working Group recalled the principles of international law and the Charter of the United Nations, "
		s = " and urged States to take into account the recommendations of the Group in their national policies."
	)
	for _, c := range []struct {
		name     string
		old, new string
		margin   int
		ok       bool
	}{
		{"word replaced", p + "States agreed" + s, p + "States decided" + s, windowMargin, true},
		{"word inserted", p + "States agreed" + s, p + "all States agreed" + s, windowMargin, true},
		{"edit at the start", "States agreed" + s, "Parties agreed" + s, windowMargin, true},
		{"edit at the end", p + "States agreed.", p + "States decided.", windowMargin, true},
		{"no shared bytes to set aside", "States agreed.", "Parties decided.", windowMargin, false},
		{"non-ASCII outside the window", "Les États " + p + "agreed" + s + " é", "Les États " + p + "decided" + s + " é", windowMargin, true},
		{"non-ASCII inside the window", p + "États agreed" + s, p + "États decided" + s, windowMargin, false},
		{"white space only", p + "States  agreed" + s, p + "States agreed" + s, windowMargin, true},
		{"text opening with white space", " " + p + "agreed" + s, " " + p + "decided" + s, windowMargin, true},
		{"text opening with non-ASCII", "États " + p + "agreed", "États " + p + "decided", windowMargin, true},
		// Sliding the inserted "a " leftwards runs over the whole run of
		// "a ", into the head when the margin is small: the window is
		// given up there, and the slide is done on the whole texts.
		{"slide into the head", "b a a a a a a c d e f g", "b a a a a a a a c d e f g", 0, false},
		{"slide within the window", p + "the report" + s, p + "the the report" + s, windowMargin, true},
		{"slide into the tail", "x y a b c d e f g h", "x y z a b c d e f g h", 0, true},
		// Past the first differing byte, "  " and " " are the same token:
		// the common prefix runs on into the old text's tail.
		{"prefix running into the tail", "k x y  z w", "k x y z z w", 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, err := wordsWhole(c.old, c.new)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := wordsWindowed(c.old, c.new, c.margin)
			if ok != c.ok {
				t.Errorf("window taken = %v, want %v", ok, c.ok)
			}
			if ok && !slices.Equal(got, want) {
				t.Errorf("window:\n%s\nwhole texts:\n%s", markup(got), markup(want))
			}
			if w, _ := Words(c.old, c.new); !slices.Equal(w, want) {
				t.Errorf("Words:\n%s\nwhole texts:\n%s", markup(w), markup(want))
			}
		})
	}
}

// TestDisjoint checks the shortcut of diffGoMiddle for ranges without a
// token in common against go-diff (see checkMiddle).
func TestDisjoint(t *testing.T) {
	for _, c := range [][2]string{
		{"agreed", "decided"},
		{"agreed to", "decided on"},
		{"agreed to", "decided to"},
		{"a b", "b a"},
		{"States  agreed", "States agreed"},
		{"x", "x"},
	} {
		checkMiddle(t, c[0], c[1])
	}
}

// TestCommonPrefixSuffix holds commonPrefixLen and commonSuffixLen, which
// compare eight bytes at a time, to byte-by-byte loops, at every length and
// at every place of the first difference.
func TestCommonPrefixSuffix(t *testing.T) {
	base := "The Working Group recalled the principles of international law."
	for n := range len(base) + 1 {
		a := base[:n]
		for d := 0; d <= n; d++ {
			for _, b := range []string{a, a[:d] + "#" + a[min(d+1, n):], a[:d], a + "x", "x" + a} {
				p := 0
				for p < min(len(a), len(b)) && a[p] == b[p] {
					p++
				}
				if got := commonPrefixLen(a, b); got != p {
					t.Fatalf("commonPrefixLen(%q, %q) = %d, want %d", a, b, got, p)
				}
				s := 0
				for s < min(len(a), len(b)) && a[len(a)-1-s] == b[len(b)-1-s] {
					s++
				}
				if got := commonSuffixLen(a, b); got != s {
					t.Fatalf("commonSuffixLen(%q, %q) = %d, want %d", a, b, got, s)
				}
			}
		}
	}
}

// TestLongParagraphAnchoredOnSentences: a paragraph of more sentences
// than one go-diff call takes (maxDiffTokens) is diffed between the
// sentences found once in each; the spans still rebuild both texts, and
// each edited sentence is marked where it stands, the unedited ones equal.
func TestLongParagraphAnchoredOnSentences(t *testing.T) {
	var a, b []string
	for k := range maxDiffTokens + 500 {
		s := fmt.Sprintf("Sentence %d says that States agreed on point %d.", k, k*7)
		a = append(a, s)
		switch k % 50 {
		case 3:
			s = strings.Replace(s, "agreed", "concluded", 1) // edited in place
		case 17:
			continue // deleted
		case 29:
			b = append(b, "A new sentence was inserted here.")
		}
		b = append(b, s)
	}
	// Two sentences repeat, so they anchor nothing.
	a = append(a, "Repeated.", "Repeated.")
	b = append(b, "Repeated.", "Repeated.")
	old, new := strings.Join(a, " "), strings.Join(b, " ")
	spans, err := Words(old, new)
	if err != nil {
		t.Fatal(err)
	}
	if o, n := rebuild(spans); o != old || n != new {
		t.Fatal("spans do not rebuild the texts")
	}
	var dels, ins []string
	for _, sp := range spans {
		switch sp.Op {
		case SpanDelete:
			dels = append(dels, sp.Text)
		case SpanInsert:
			ins = append(ins, sp.Text)
		}
	}
	edits := (maxDiffTokens + 500 + 49) / 50
	if len(dels) != 2*edits || len(ins) != 2*edits {
		t.Errorf("%d deletions and %d insertions, want %d each", len(dels), len(ins), 2*edits)
	}
	if !slices.Contains(dels, "agreed") || !slices.Contains(ins, "concluded") {
		t.Errorf("the word edited in place is not marked: %q, %q", dels[:4], ins[:4])
	}
}
