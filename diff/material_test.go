package diff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/redline-diff/redline/draft"
)

// Tests for alignment on real material (issue 19): each situation in
// which the aligner once hid the change a reader most needs to see.

// Filler paragraphs around the situations, unlike each other and the
// situations' own texts.
var (
	qA = "The Commission shall publish its annual report no later than the thirtieth day of June."
	qB = "Members of the Board are appointed for a term of four years and may be reappointed once."
	qC = "Any person who suffers damage through an unlawful act of an authority may claim compensation."
	qD = "Fees collected under this chapter accrue to the budget of the municipality concerned."
)

func TestSentenceAppendedOrRemoved(t *testing.T) {
	short := "The maximum penalty for an offence under this section is imprisonment for six months."
	long := short + " Where the offence endangers a vessel at sea or the safety of its crew, or is committed by the master," +
		" the maximum penalty is three years. A court may in addition order the forfeiture of any equipment used" +
		" in committing the offence, and may bar the offender from holding a licence for up to five years."
	tests := []struct {
		name     string
		old, new *draft.Document
		want     string
	}{
		{"sentence appended", mkDraft("(1)|"+qA, "(2)|"+short, "(3)|"+qB), mkDraft("(1)|"+qA, "(2)|"+long, "(3)|"+qB),
			"equal 0>0, changed 1>1, equal 2>2"},
		{"sentence removed", mkDraft("(1)|"+qA, "(2)|"+long, "(3)|"+qB), mkDraft("(1)|"+qA, "(2)|"+short, "(3)|"+qB),
			"equal 0>0, changed 1>1, equal 2>2"},
		{"two sentences appended, one word edited", mkDraft(qA, short, qB),
			mkDraft(qA, strings.Replace(long, "six", "nine", 1)+" An attempt is punishable.", qB),
			"equal 0>0, changed 1>1, equal 2>2"},
		{"sentence prepended", mkDraft(qA, short, qB),
			mkDraft(qA, "Unless another provision of this Act or of the Criminal Code threatens a heavier penalty for the same act,"+
				" including the provisions on piracy and on the seizure of ships, the following applies. "+short, qB),
			"equal 0>0, changed 1>1, equal 2>2"},
		{"a short paragraph is no part of a long unrelated one", mkDraft(qA, "Fees accrue.", qB),
			mkDraft(qA, qD, qB), "equal 0>0, deleted 1>, inserted >1, equal 2>2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkOutline(t, tt.old, tt.new, tt.want) })
	}
}

func TestShortBlockTwins(t *testing.T) {
	tests := []struct {
		name     string
		old, new *draft.Document
		want     string
	}{
		// The section "Stream limits" moved to the end; a new heading
		// "Stream priorities" stands where it was. Its verbatim twin wins
		// over the new heading beside it.
		{"moved heading keeps its twin",
			mkDraft("#Stream limits", qA, "#Flow control", qB, "#Errors", qC),
			mkDraft("#Stream priorities", qD, "#Flow control", qB, "#Errors", qC, "#Stream limits", qA),
			"inserted >0, inserted >1, equal 2>2, equal 3>3, equal 4>4, equal 5>5, moved 0>6, moved 1>7"},
		{"hyphen and case", mkDraft(qA, "#Never Indexed Literals", qB), mkDraft(qA, "#Never-indexed literals", qB),
			"equal 0>0, changed 1>1, equal 2>2"},
		// A repealed article's stub beside another stub of the same text:
		// the stub pairs with the article of its own number.
		{"stub pairs by its label",
			mkDraft("#Art. 6|Scope", qA, "#Art. 7|Transitional use", qB, "#Art. 8|(repealed)", "#Art. 9|Entry into force", qC),
			mkDraft("#Art. 6|Scope", qA, "#Art. 7|(repealed)", "#Art. 8|(repealed)", "#Art. 9|Entry into force", qC),
			"equal 0>0, equal 1>1, changed 2>2, deleted 3>, equal 4>3, equal 5>4, equal 6>5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkOutline(t, tt.old, tt.new, tt.want) })
	}
}

// alikeClauses returns n clauses that share most of their words, so that
// each is at least as like several others as the threshold.
func alikeClauses(n int) []string {
	subjects := []string{"the Secretariat", "the depositary", "each Party", "the Bureau", "the Committee",
		"the host State", "the Conference", "the Registrar", "the Chair", "the observer States", "the auditors",
		"the Treasurer", "the working group", "the rapporteur", "the panel of experts", "the Council"}
	var out []string
	for k := range n {
		out = append(out, fmt.Sprintf("Within %d days of the request, %s shall notify the Parties of any change in the financial rules of procedure.",
			10+k, subjects[k%len(subjects)]))
	}
	return out
}

func TestFullShuffleKeepsTwins(t *testing.T) {
	old := alikeClauses(40)
	rng := rand.New(rand.NewPCG(1, 2))
	new := append([]string(nil), old...)
	rng.Shuffle(len(new), func(i, j int) { new[i], new[j] = new[j], new[i] })
	for k := 0; k < len(new); k += 5 {
		new[k] = strings.Replace(new[k], "financial", "staff", 1) // edited: no verbatim twin
	}
	r, err := Compare(mkDraft(old...), mkDraft(new...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	index := map[string]int{}
	for i, s := range old {
		index[s] = i
	}
	for _, st := range r.Steps {
		if st.New.Len() == 0 {
			continue
		}
		j := st.New.First()
		i, verbatim := index[new[j]]
		switch {
		case st.Old.Len() > 1 || st.New.Len() > 1:
			t.Errorf("%s %s>%s: no split or merge was made", st.Op, ints(st.Old), ints(st.New))
		case verbatim && (st.Old.Len() != 1 || st.Old.First() != i):
			t.Errorf("new %d (old %d verbatim): got %s %s>%s", j, i, st.Op, ints(st.Old), ints(st.New))
		}
	}
}

// scramble returns text with rate of its words replaced by words seen
// nowhere else, drawn from rng.
func scramble(rng *rand.Rand, words []string, rate float64) string {
	out := append([]string(nil), words...)
	for k := range out {
		if rng.Float64() < rate {
			out[k] = fmt.Sprintf("novel%dx", rng.Uint32())
		}
	}
	return strings.Join(out, " ")
}

// longText returns n words of boilerplate-heavy text, drawn from a
// vocabulary of vocab words, as a long formal text repeats its terms.
func longText(rng *rand.Rand, n, vocab int) []string {
	words := make([]string, n)
	for k := range words {
		words[k] = fmt.Sprintf("w%d", rng.IntN(vocab))
	}
	return words
}

func TestLongParagraphSimilarity(t *testing.T) {
	// The same edit rate must give about the same similarity at any size.
	rng := rand.New(rand.NewPCG(3, 4))
	var sims []float64
	for _, n := range []int{200, 5000, 200_000} {
		words := longText(rng, n, 100)
		a, b := grams(strings.Join(words, " ")), grams(scramble(rng, words, 0.02))
		sims = append(sims, similarity(a, b))
	}
	for k, s := range sims {
		if s < 0.9 {
			t.Errorf("similarities by size %.3f: size %d below 0.9", sims, k)
		}
	}
}

func TestLongParagraphChanged(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	words := longText(rng, 250_000, 40) // about 1 MB
	old, new := strings.Join(words, " "), scramble(rng, words, 0.02)
	checkOutline(t, mkDraft(qA, old, qB), mkDraft(qA, new, qB), "equal 0>0, changed 1>1, equal 2>2")
}

func TestIdenticalRunEditedInPlace(t *testing.T) {
	const boiler = "This paragraph is intentionally left blank."
	for _, n := range []int{40, 300} {
		old := []string{qA}
		for range n {
			old = append(old, boiler)
		}
		old = append(old, qB)
		new := append([]string(nil), old...)
		edited := []int{7, n / 2, n - 3}
		for _, k := range edited {
			new[k] = "This paragraph is deliberately left blank."
		}
		var want []string
		for k := range old {
			op := "equal"
			for _, e := range edited {
				if e == k {
					op = "changed"
				}
			}
			want = append(want, fmt.Sprintf("%s %d>%d", op, k, k))
		}
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			checkOutline(t, mkDraft(old...), mkDraft(new...), strings.Join(want, ", "))
		})
	}
}

func TestKindChange(t *testing.T) {
	tests := []struct {
		name     string
		old, new *draft.Document
		want     string
	}{
		{"heading to paragraph", mkDraft(qA, "#Obligations of the operator", qB), mkDraft(qA, "Obligations of the operator", qB),
			"equal 0>0, changed 1>1, equal 2>2"},
		{"paragraph to heading, a word changed", mkDraft(qA, "Obligations of the operator of an installation", qB),
			mkDraft(qA, "#Obligations of the operators of an installation", qB), "equal 0>0, changed 1>1, equal 2>2"},
		{"long paragraph to heading", mkDraft(qA, qC, qB), mkDraft(qA, "#"+qC, qB), "equal 0>0, changed 1>1, equal 2>2"},
		{"a heading is not a paragraph of other words", mkDraft(qA, "#Obligations of the operator", qB),
			mkDraft(qA, "Duties of the owner", qB), "equal 0>0, deleted 1>, inserted >1, equal 2>2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkOutline(t, tt.old, tt.new, tt.want) })
	}
}

func TestUnspacedPhrases(t *testing.T) {
	tests := []struct{ old, new, want string }{
		// Two phrase rewrites held apart by one shared character "的".
		{"国务院应当加强对全国环境保护工作的统一监督管理。", "国务院应当完善对地方生态保护工作的分级监督管理。",
			"国务院应当[-加强对全国环境-]{+完善对地方生态+}保护工作的[-统一-]{+分级+}监督管理。"},
		// Two shared characters between rewrites, three left standing.
		{"委员会批准本年度预算草案。", "理事会审查本年度财务报告。", "[-委员会批准-]{+理事会审查+}本年度[-预算草案-]{+财务报告+}。"},
		// A spaced script keeps its rule: "the" stands between short changes.
		{"States agreed the text.", "States adopted the report.", "States [-agreed the text-]{+adopted the report+}."},
	}
	for _, tt := range tests {
		spans, err := Words(tt.old, tt.new)
		if err != nil {
			t.Fatal(err)
		}
		if got := markup(spans); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestLooseKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Never-Indexed Literals", "never indexed literals"},
		{"never indexed literals.", "never indexed literals"},
		{"(Deleted)", "deleted"},
		{"Ǆemal-Straße 12", "ǆemal straße 12"},
		{"第十二条 规定", "第 十 二 条 规 定"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := looseKey(tt.in); got != tt.want {
			t.Errorf("looseKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLooseHash(t *testing.T) {
	// The hash of ASCII text, computed in place, is that of its loose key.
	for _, s := range []string{"Never-Indexed Literals", "never indexed literals.", "(Deleted)", "a  b", "x"} {
		if got, want := looseHash(s), hashString(looseKey(s)); got != want {
			t.Errorf("looseHash(%q) = %x, want %x", s, got, want)
		}
	}
	if looseHash("—") != 0 || looseHash("...") != 0 {
		t.Error("a text without words has a loose hash")
	}
}
