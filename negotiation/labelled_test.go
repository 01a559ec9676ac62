package negotiation

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// The labelled set: testdata/signals/LANG.txt, one change a line,
//
//	old text ⟶ new text ⟶ expected signals
//
// the expected signals separated by ";" ("-" for none), each written as
// label writes a Signal: "weakened shall→should", "weakened +where
// appropriate" (a hedge added), "strengthened -consider" (a hedge
// removed), "reference-dropped human rights".

const arrow = "⟶"

type labelledCase struct {
	line     int
	old, new string
	want     []string
	// heldOut marks the lines after a "# HELD OUT" comment: written after
	// the lexicon and not tuned to it.
	heldOut bool
}

func readLabelled(t *testing.T, path string) []labelledCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelledCase
	heldOut := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		heldOut = heldOut || strings.HasPrefix(line, "# HELD OUT")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, arrow)
		if len(parts) != 3 {
			t.Fatalf("%s:%d: want old %s new %s expected, got %d parts", path, n, arrow, arrow, len(parts))
		}
		c := labelledCase{line: n, old: strings.TrimSpace(parts[0]), new: strings.TrimSpace(parts[1]), heldOut: heldOut}
		if c.old == c.new {
			t.Fatalf("%s:%d: old and new are the same", path, n)
		}
		for _, w := range strings.Split(parts[2], ";") {
			if w = strings.TrimSpace(w); w != "-" && w != "" {
				c.want = append(c.want, w)
			}
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// label writes a signal as the labelled set does.
func label(s Signal) string {
	switch {
	case s.From != "" && s.To != "":
		return s.Kind.String() + " " + s.From + "→" + s.To
	case s.List == "hedges" && s.To != "":
		return s.Kind.String() + " +" + s.To
	case s.List == "hedges":
		return s.Kind.String() + " -" + s.From
	}
	return s.Kind.String() + " " + s.From + s.To
}

// analyzePair compares two one-paragraph drafts and returns the labels of
// the signals.
func analyzePair(t *testing.T, lex *Lexicon, old, new string) []string {
	t.Helper()
	od, err := draft.Read("old", []byte(old+"\n"), draft.Text)
	if err != nil {
		t.Fatal(err)
	}
	nd, err := draft.Read("new", []byte(new+"\n"), draft.Text)
	if err != nil {
		t.Fatal(err)
	}
	r, err := diff.Compare(od, nd, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range Analyze(r, lex, Options{Brackets: Off}).Signals {
		got = append(got, label(s))
	}
	return got
}

// score counts true positives, false positives and false negatives of got
// against want, as multisets.
func score(got, want []string) (tp, fp, fn int) {
	left := slices.Clone(want)
	for _, g := range got {
		if k := slices.Index(left, g); k >= 0 {
			left = slices.Delete(left, k, k+1)
			tp++
		} else {
			fp++
		}
	}
	return tp, fp, len(left)
}

// TestLabelledSignals measures precision and recall of the shipped
// lexicons on the labelled set, per language, with the language detected
// from each pair's words as Analyze does by default. It fails below
// precision 0.95 or recall 0.90; -v prints the table.
func TestLabelledSignals(t *testing.T) {
	lex, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "signals", "*.txt"))
	if len(files) < 3 {
		t.Fatalf("%d labelled files, want en, es, fr", len(files))
	}
	var table, heldTable strings.Builder
	fmt.Fprintf(&table, "\n| language | changes | expected signals | found | true | precision | recall |\n|---|---|---|---|---|---|---|\n")
	total := 0
	for _, f := range files {
		lang := strings.TrimSuffix(filepath.Base(f), ".txt")
		cases := readLabelled(t, f)
		total += len(cases)
		var all, held tally
		for _, c := range cases {
			got := analyzePair(t, lex, c.old, c.new)
			all.add(got, c.want)
			if c.heldOut {
				held.add(got, c.want)
			}
			if a, b, d := score(got, c.want); a < len(c.want) || b > 0 || d > 0 {
				t.Logf("%s:%d: got %q, want %q\n\told: %s\n\tnew: %s", filepath.Base(f), c.line, got, c.want, c.old, c.new)
			}
		}
		all.row(&table, lang)
		if held.changes > 0 {
			held.row(&heldTable, lang+" (held out)")
		}
		if all.changes < 50 {
			t.Errorf("%s: %d labelled changes, want at least 50", lang, all.changes)
		}
		if p, r := all.precision(), all.recall(); p < 0.95 || r < 0.90 {
			t.Errorf("%s: precision %.3f (want ≥ 0.95), recall %.3f (want ≥ 0.90)", lang, p, r)
		}
	}
	if total < 150 {
		t.Errorf("%d labelled changes in all, want at least 150", total)
	}
	t.Log(table.String() + heldTable.String())
}

// tally sums the scores of labelled changes.
type tally struct{ changes, want, found, tp, fp, fn int }

func (s *tally) add(got, want []string) {
	tp, fp, fn := score(got, want)
	s.changes++
	s.want += len(want)
	s.found += len(got)
	s.tp, s.fp, s.fn = s.tp+tp, s.fp+fp, s.fn+fn
}

func (s *tally) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s *tally) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

func (s *tally) row(w *strings.Builder, name string) {
	fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %.3f | %.3f |\n", name, s.changes, s.want, s.found, s.tp, s.precision(), s.recall())
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
