package negotiation

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"scale x\n    a\n", `x.txt:1: "scale" before "language"`},
		{"language en\nlanguage fr\n", `x.txt:2: a second "language" line`},
		{"language en fr\n", `x.txt:1: "language" needs one code`},
		{"language en\nscale\n", `x.txt:2: a scale needs a name`},
		{"language en\nhedges x\n", `x.txt:2: "hedges" takes no name`},
		{"language en\nranks x\n", `x.txt:2: unknown keyword "ranks"`},
		{"language en\n    shall\n", `x.txt:2: an indented line outside`},
		{"language en\nscale s\n    shall | | must\n", `x.txt:3: an empty form`},
		{"language en\nscale s\n    --\n", `x.txt:3: form "--" has no words`},
		{"# nothing\n", `x.txt: no "language" line`},
	}
	for _, tt := range tests {
		_, err := ParseLexicon("x.txt", strings.NewReader(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseLexicon(%q) error %v, want %q…", tt.src, err, tt.want)
		}
	}
}

// Every shipped file parses, and no form stands twice in one language
// (two ranks, or a scale and a hedge, would make a match ambiguous).
func TestShippedLexicons(t *testing.T) {
	lex := shippedLexicon(t)
	if got := lex.Languages(); !slices.Equal(got, []string{"en", "es", "fr"}) {
		t.Fatalf("languages %v, want [en es fr]", got)
	}
	for _, l := range lex.langs {
		seen := map[string]string{}
		for _, li := range l.lists {
			for e, forms := range li.entries {
				for _, f := range forms {
					key := strings.Join(words(f), " ")
					where := li.name + "/" + li.entries[e][0]
					if prev, ok := seen[key]; ok && prev != where {
						t.Errorf("%s: %q in %s and in %s", l.code, f, prev, where)
					}
					seen[key] = where
				}
			}
		}
		if len(l.common) < 10 {
			t.Errorf("%s: %d common words, want at least 10", l.code, len(l.common))
		}
	}
	names, _ := fs.Glob(ShippedFiles(), "lexicons/*.txt")
	if len(names) != 3 {
		t.Errorf("shipped files %v, want 3", names)
	}
}

// A user's file extends a shipped language: a hedge added, a scale
// replaced.
func TestMergeLexicons(t *testing.T) {
	user := fstest.MapFS{"mine.txt": {Data: []byte("language en\nscale obligation\n    shall\n    should\nhedges\n    if feasible\n")}}
	extra, err := LoadLexicons(user, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	lex := MergeLexicons(shippedLexicon(t), extra)
	old := "1. States shall, if feasible, report and must cooperate on matters of mutual interest.\n"
	new := "1. States should report and may cooperate on matters of mutual interest.\n"
	_, a := analyzeTexts(t, old, new, lex, Options{})
	var got []string
	for _, s := range a.Signals {
		got = append(got, label(s))
	}
	// must → may is no longer on the (replaced) obligation scale.
	if want := []string{"weakened shall→should", "strengthened -if feasible"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := LoadLexicons(user, "none*.txt"); err == nil {
		t.Error("LoadLexicons with no match gave no error")
	}
}

func TestTokenize(t *testing.T) {
	var got []string
	for _, tok := range tokenize("Les droits de l’homme, non-binding peut-être qu'il; SHALL 12bis") {
		got = append(got, tok.key)
	}
	want := []string{"les", "droits", "de", "l'", "homme", "non-binding", "peut-être", "qu'", "il", "shall", "12bis"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestQuotations(t *testing.T) {
	text := `a "b c" d “e” f «g» h „i“ j "unclosed`
	var got []string
	for _, q := range quotations(text) {
		got = append(got, text[q[0]:q[1]])
	}
	if want := []string{`"b c"`, "“e”", "«g»", "„i“"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
