package negotiation

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

func readText(t *testing.T, name, text string) *draft.Document {
	t.Helper()
	d, err := draft.Read(name, []byte(text), draft.Text)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func analyzeTexts(t *testing.T, old, new string, lex *Lexicon, opt Options) (*diff.Result, *Analysis) {
	t.Helper()
	r, err := diff.Compare(readText(t, "old", old), readText(t, "new", new), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r, Analyze(r, lex, opt)
}

// brief writes a bracket as "fate old-body→new-text", group and flags.
func brief(b Bracket) string {
	s := b.Fate.String() + " "
	if b.Old != nil {
		s += b.Old.Text
	}
	s += "→"
	if b.New != nil {
		s += b.New.Text
	}
	if b.Group > 0 {
		s += " g"
	}
	if b.Edited {
		s += " edited"
	}
	if b.Existing {
		s += " existing"
	}
	if b.Moved {
		s += " moved"
	}
	return s
}

func TestFates(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"agreed", "1. States shall cooperate [in good faith].\n", "1. States shall cooperate in good faith.\n",
			[]string{"agreed [in good faith]→in good faith"}},
		{"agreed edited", "1. States shall cooperate [in good faith and without delay].\n", "1. States shall cooperate in good faith and promptly.\n",
			[]string{"agreed [in good faith and without delay]→in good faith and edited"}},
		{"dropped", "1. States shall cooperate [in good faith].\n", "1. States shall cooperate.\n",
			[]string{"dropped [in good faith]→"}},
		{"dropped with its paragraph", "1. States shall cooperate.\n\n2. [States shall meet yearly.]\n", "1. States shall cooperate.\n",
			[]string{"dropped [States shall meet yearly.]→"}},
		{"still open", "1. States shall cooperate [in good faith].\n", "1. States shall cooperate [in good faith].\n",
			[]string{"still-open [in good faith]→[in good faith]"}},
		{"still open edited", "1. States shall cooperate [in good faith and fully].\n", "1. States shall cooperate [in good faith and promptly].\n",
			[]string{"still-open [in good faith and fully]→[in good faith and promptly] edited"}},
		{"opened over existing text", "1. States shall cooperate in good faith.\n", "1. States shall cooperate [in good faith].\n",
			[]string{"opened →[in good faith] existing"}},
		{"opened new text", "1. States shall cooperate.\n", "1. States shall cooperate [in good faith].\n",
			[]string{"opened →[in good faith]"}},
		{"alternative chosen", "1. States [shall] [or] [should] cooperate.\n", "1. States should cooperate.\n",
			[]string{"dropped [shall]→ g", "alternative-chosen [should]→should g"}},
		{"tagged alternative chosen, tag removed", "1. States recommended [Alt 1: a programme of action] [Alt 2: a new working group].\n",
			"1. States recommended a new working group.\n",
			[]string{"dropped [Alt 1: a programme of action]→ g", "alternative-chosen [Alt 2: a new working group]→a new working group g"}},
		{"alternatives all dropped", "1. States [shall][should] cooperate.\n", "1. States cooperate.\n",
			[]string{"dropped [shall]→ g", "dropped [should]→ g"}},
		{"nested: inner agreed, outer open", "1. States [shall [, where appropriate,] cooperate] now.\n", "1. States [shall, where appropriate, cooperate] now.\n",
			[]string{"still-open [shall [, where appropriate,] cooperate]→[shall, where appropriate, cooperate]", "still-open [, where appropriate,]→[shall, where appropriate, cooperate]"}},
		{"nested: all agreed", "1. States [shall [, where appropriate,] cooperate] now.\n", "1. States shall, where appropriate, cooperate now.\n",
			[]string{"agreed [shall [, where appropriate,] cooperate]→shall, where appropriate, cooperate", "agreed [, where appropriate,]→where appropriate"}},
		{"moved to another paragraph", "1. States shall cooperate [in good faith and without delay].\n\n2. Reports are due each year.\n",
			"1. States shall cooperate.\n\n2. Reports are due each year [in good faith and without delay].\n",
			[]string{"still-open [in good faith and without delay]→[in good faith and without delay] moved"}},
		{"moved and edited", "1. States shall cooperate [in good faith and without any delay].\n\n2. Reports are due each year.\n",
			"1. States shall cooperate.\n\n2. Reports are due each year [in good faith and without delay].\n",
			[]string{"still-open [in good faith and without any delay]→[in good faith and without delay] edited moved"}},
		{"short passage moved only when verbatim", "1. States [shall] cooperate.\n\n2. Reports [must] be made.\n",
			"1. States cooperate.\n\n2. Reports [should] be made.\n",
			[]string{"dropped [shall]→", "dropped [must]→", "opened →[should]"}},
		{"moved and unbracketed is not followed", "1. States shall cooperate [in good faith and without delay].\n\n2. Reports are due each year.\n",
			"1. States shall cooperate.\n\n2. Reports are due each year in good faith and without delay.\n",
			[]string{"dropped [in good faith and without delay]→"}},
		{"citations are not brackets", "1. States shall cooperate [1].\n", "1. States shall cooperate [2].\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, a := analyzeTexts(t, tt.old, tt.new, nil, Options{Brackets: On})
			var got []string
			for _, b := range a.Brackets {
				got = append(got, brief(b))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestModes(t *testing.T) {
	old, new := "1. See [optional] here.\n", "1. See optional here.\n"
	if _, a := analyzeTexts(t, old, new, nil, Options{}); a.Brackets != nil {
		t.Errorf("auto: %v, want no brackets for a lone one-word passage", a.Brackets)
	}
	if _, a := analyzeTexts(t, old, new, nil, Options{Brackets: On}); len(a.Brackets) != 1 {
		t.Errorf("on: %v, want one bracket", a.Brackets)
	}
	if _, a := analyzeTexts(t, "1. [Alt 1: x] [Alt 2: y]\n", "1. y\n", nil, Options{Brackets: Off}); a.Brackets != nil {
		t.Errorf("off: %v, want none", a.Brackets)
	}
	for _, s := range []string{"auto", "on", "off"} {
		m, err := ParseMode(s)
		if err != nil || m.String() != s {
			t.Errorf("ParseMode(%q) = %v, %v", s, m, err)
		}
	}
	if _, err := ParseMode("yes"); err == nil {
		t.Error("ParseMode(yes) gave no error")
	}
}

// The four changes issue 23 names, each in a paragraph of its own.
func TestSignalsNamedInTheIssue(t *testing.T) {
	lex := shippedLexicon(t)
	old := "1. States agreed that norms apply.\n\n2. States shall designate points of contact.\n\n3. Urges States to ratify the Convention.\n\n4. States should share information on threats.\n"
	new := "1. States take into account that norms apply.\n\n2. States should designate points of contact.\n\n3. Encourages States to ratify the Convention.\n\n4. States should, where appropriate, share information on threats.\n"
	r, a := analyzeTexts(t, old, new, lex, Options{})
	var got []string
	for _, s := range a.Signals {
		got = append(got, r.New.Blocks[s.New.Block].Label+" "+s.String())
	}
	want := []string{
		"1. weakened: States agreed → States take into account (en/commitment: States agreed > States concluded > States recommended > States take into account)",
		"2. weakened: shall → should (en/obligation: shall > must > should > may)",
		"3. weakened: Urges → Encourages (en/operative: decides > demands > requests > calls upon > urges > encourages > invites > welcomes > takes note)",
		`4. weakened: "where appropriate" added (en/hedges: where appropriate)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
	for _, s := range a.Signals {
		if len(a.SignalsAt(s.Step)) != 1 {
			t.Errorf("SignalsAt(%d) = %v, want the one signal", s.Step, a.SignalsAt(s.Step))
		}
	}
	if !a.Any(Weakened) || a.Any(ReferenceDropped) {
		t.Errorf("Any: weakened %v, reference-dropped %v; want true, false", a.Any(Weakened), a.Any(ReferenceDropped))
	}
}

func TestAnalysisJSON(t *testing.T) {
	_, a := analyzeTexts(t, "1. States shall cooperate [in good faith] and respect human rights.\n",
		"1. States should cooperate in good faith.\n", shippedLexicon(t), Options{Brackets: On})
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{`"brackets":[{"fate":"agreed","step":0,"old":{"block":0,"label":"1.","start":23,"end":38,"text":"[in good faith]"}`,
		`"kind":"weakened","lang":"en","list":"obligation","from":"shall","to":"should"`,
		`"kind":"reference-dropped","lang":"en","list":"references","from":"human rights"`, `"languages":["en"]`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %s:\n%s", want, s)
		}
	}
	var back Analysis
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(&back)
	if string(again) != s {
		t.Errorf("JSON does not round-trip:\n%s\n%s", s, again)
	}
	tally, _ := json.Marshal(a.Tally())
	if want := `{"brackets":{"agreed":1},"signals":{"reference-dropped":1,"weakened":1}}`; string(tally) != want {
		t.Errorf("tally %s, want %s", tally, want)
	}
}

func TestSignalsLanguage(t *testing.T) {
	lex := shippedLexicon(t)
	tests := []struct {
		old, new, lang string
	}{
		{"1. Les États doivent coopérer dans le cadre des travaux.\n", "1. Les États devraient coopérer dans le cadre des travaux.\n", "fr"},
		{"1. Los Estados deberán cooperar en el marco de los trabajos.\n", "1. Los Estados deberían cooperar en el marco de los trabajos.\n", "es"},
		{"1. The States shall cooperate in the work of the Group.\n", "1. The States should cooperate in the work of the Group.\n", "en"},
	}
	for _, tt := range tests {
		_, a := analyzeTexts(t, tt.old, tt.new, lex, Options{})
		if !slices.Equal(a.Languages, []string{tt.lang}) || len(a.Signals) != 1 || a.Signals[0].Lang != tt.lang || a.Signals[0].Kind != Weakened {
			t.Errorf("%q: languages %v, signals %v; want one weakened signal in %s", tt.new, a.Languages, a.Signals, tt.lang)
		}
	}
	// Forced to a language the text is not in: no signal.
	_, a := analyzeTexts(t, tests[0].old, tests[0].new, lex, Options{Languages: []string{"es"}})
	if len(a.Signals) != 0 {
		t.Errorf("French read as Spanish: %v", a.Signals)
	}
}

// A paragraph moved to another place with its hedge and reference is no
// signal; the same words lost are.
func TestSignalsMovedSentence(t *testing.T) {
	lex := shippedLexicon(t)
	old := "1. States noted the report.\n\n2. States should cooperate. States should respect human rights where appropriate.\n\n3. States met twice.\n"
	moved := "1. States noted the report. States should respect human rights where appropriate.\n\n2. States should cooperate.\n\n3. States met twice.\n"
	if _, a := analyzeTexts(t, old, moved, lex, Options{}); len(a.Signals) != 0 {
		t.Errorf("moved sentence: %v, want no signal", a.Signals)
	}
	lost := "1. States noted the report.\n\n2. States should cooperate.\n\n3. States met twice.\n"
	_, a := analyzeTexts(t, old, lost, lex, Options{})
	var got []string
	for _, s := range a.Signals {
		got = append(got, label(s))
	}
	if want := []string{"reference-dropped human rights", "strengthened -where appropriate"}; !slices.Equal(got, want) {
		t.Errorf("lost sentence: %q, want %q", got, want)
	}
}

func TestAnalyzeNoLexiconNoBrackets(t *testing.T) {
	r, a := analyzeTexts(t, "1. States shall cooperate.\n", "1. States should cooperate.\n", nil, Options{})
	if a.Brackets != nil || a.Signals != nil || a.Languages != nil {
		t.Errorf("%+v, want an empty analysis without a lexicon or brackets", a)
	}
	data, _ := json.Marshal(a)
	if string(data) != "{}" {
		t.Errorf("JSON %s, want {}", data)
	}
	_ = r
}
