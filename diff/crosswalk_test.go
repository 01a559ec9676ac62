package diff

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-diff/redline/draft"
)

func TestLabelNumber(t *testing.T) {
	tests := []struct{ label, want string }{
		{"22.", "22"},
		{"22)", "22"},
		{"22 bis", "22 bis"},
		{"22 bis.", "22 bis"},
		{"3.1.", "3.1"},
		{"10000.", "10000"},
		{"31B.", "31B"},
		{"131A.", "131A"},
		{"C.10", "C.10"},
		{"F.18.", "F.18"},
		{"§ 12", "12"},
		{"§12", "12"},
		{"§ 12a", "12a"},
		{"§\u00a074e", "74e"},
		{"§§ 7 bis 9", ""},
		{"Art. 5", "5"},
		{"Art 16a", "16a"},
		{"Artikel 5", "5"},
		{"Article 5", "5"},
		{"第十二条", "十二"},
		{"第一百三十四条", "一百三十四"},
		{"第十二章", "十二"},
		{"第十二條", "十二"},
		{"1、", "1"},
		{"(a)", ""},
		{"(1)", ""},
		{"（一）", ""},
		{"一、", ""},
		{"A.", ""},
		{"IV.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := labelNumber(tt.label); got != tt.want {
			t.Errorf("labelNumber(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

func TestEndsWithRefWord(t *testing.T) {
	tests := []struct {
		text      string
		continued bool
		want      bool
	}{
		{"as set out in paragraph ", false, true},
		{"in paragraphs 12 and ", false, true},
		{"paragraphs 1, ", false, true},
		{"nach § ", false, true},
		{"nach den §§ 3\nbis ", false, true},
		{"\nbis ", true, true},
		{"\nbis ", false, false},
		{"gemäß Art. ", false, true},
		{"nach Artikel ", false, true},
		{"under article ", false, true},
		{"see section ", false, true},
		{"in Appendix ", false, true},
		{"paragraph", false, false}, // no space: "paragraph12"
		{"we stop ", false, false},  // "op" inside a word
		{"the heart ", false, false},
		{"in 2021 and ", false, false},
		{"States and ", false, false},
	}
	for _, tt := range tests {
		if got := endsWithRefWord(tt.text, tt.continued); got != tt.want {
			t.Errorf("endsWithRefWord(%q, %v) = %v, want %v", tt.text, tt.continued, got, tt.want)
		}
	}
}

func TestMarkSplitRefs(t *testing.T) {
	renumbered := map[string]string{"九": "十", "十": "十一", "十九": "二十", "3.1": "3.2", "C.10": "F.18"}
	tests := []struct {
		name      string
		old, new  string
		marked    int // delete–insert pairs marked renumbered
		unmarked  int // spans changed and not marked
		wantSpans int // -1: not checked
	}{
		{"one character", "依照第九条规定", "依照第十条规定", 1, 0, 4},
		{"a character added", "依照第十条规定", "依照第十一条规定", 1, 0, 4},
		{"two references", "第九条、第十条施行", "第十条、第十一条施行", 2, 0, -1},
		{"not after 第", "九条", "十条", 0, 2, -1},
		{"not before 条", "第九个", "第十个", 0, 2, -1},
		{"not in the crosswalk", "依照第三条规定", "依照第四条规定", 0, 2, -1},
		{"dotted number", "as in section 3.1 above", "as in section 3.2 above", 1, 0, 4},
		{"dotted number ending a sentence", "as in section 3.1.", "as in section 3.2.", 1, 0, 4},
		{"dotted number without a reference word", "in 3.1 above", "in 3.2 above", 0, 2, -1},
		{"appendix", "see Appendix C.10 for", "see Appendix F.18 for", 1, 0, 4},
	}
	for _, tt := range tests {
		spans, err := Words(tt.old, tt.new)
		if err != nil {
			t.Fatal(err)
		}
		spans = markRefs(spans, renumbered)
		marked, unmarked := 0, 0
		oldText, newText := "", ""
		for _, sp := range spans {
			switch {
			case sp.Op == SpanDelete && sp.Renumbered:
				marked++
			case sp.Op != SpanEqual && !sp.Renumbered:
				unmarked++
			}
			if sp.Op != SpanInsert {
				oldText += sp.Text
			}
			if sp.Op != SpanDelete {
				newText += sp.Text
			}
		}
		if marked != tt.marked || unmarked != tt.unmarked || tt.wantSpans >= 0 && len(spans) != tt.wantSpans {
			t.Errorf("%s: %d marked, %d unmarked, %d spans; want %d, %d, %d: %+v", tt.name, marked, unmarked,
				len(spans), tt.marked, tt.unmarked, tt.wantSpans, spans)
		}
		if oldText != tt.old || newText != tt.new {
			t.Errorf("%s: spans give %q, %q; want %q, %q", tt.name, oldText, newText, tt.old, tt.new)
		}
	}
}

// TestLawsRenumbered compares the law pairs of testdata/laws, each renumbered
// by inserting one article or paragraph: every label that moved is counted
// as renumbered, every reference to one follows it, and no word changes but
// those of the inserted article.
func TestLawsRenumbered(t *testing.T) {
	tests := []struct {
		pair               string
		renumbered         int
		inserted, wordsIns int
	}{
		// § 3 to § 9 and §§ 7 bis 7b; the new § 3: heading, sentence, items 1. and 2.
		{"de", 7, 4, 27},
		// 第五条 to 第十二条; the new 第五条.
		{"zh", 8, 1, 28},
	}
	for _, tt := range tests {
		old := readLaw(t, tt.pair+"-v1.txt")
		new := readLaw(t, tt.pair+"-v2.txt")
		r, err := Compare(old, new, Options{})
		if err != nil {
			t.Fatal(err)
		}
		s := r.Stats()
		if s.Renumbered != tt.renumbered || s.Inserted != tt.inserted || s.WordsInserted != tt.wordsIns ||
			s.WordsDeleted != 0 || s.Deleted+s.Moved+s.Split+s.Merged != 0 {
			t.Errorf("%s: stats %+v; want %d renumbered, %d inserted with %d words, nothing else",
				tt.pair, s, tt.renumbered, tt.inserted, tt.wordsIns)
		}
		for i := range r.Steps {
			if st := &r.Steps[i]; st.Op == Changed && !st.NumberingOnly() {
				t.Errorf("%s: step %d changes words: %+v", tt.pair, i, st.Spans)
			}
		}
	}
}

// readLaw reads a draft of testdata/laws as plain text.
func readLaw(t *testing.T, name string) *draft.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "laws", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := draft.Read(name, data, draft.Text)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// FuzzMarkRefs checks that marking references never changes what the spans
// say: they still give the old and the new text, equal spans are never
// marked, and marked spans stand in delete–insert pairs.
func FuzzMarkRefs(f *testing.F) {
	f.Add("依照第九条、第十条规定", "依照第十条、第十一条规定")
	f.Add("第十九条和第二十条", "第二十条和第二十一条")
	f.Add("nach den §§ 3 bis 5 und § 9", "nach den §§ 4 bis 6 und § 10")
	f.Add("paragraphs 12 and 13", "paragraphs 13 and 14")
	f.Add("section 3.1.2 and 3.1.", "section 3.2.2 and 3.2.")
	f.Add("第第九九条条", "第十第十条条")
	renumbered := map[string]string{"九": "十", "十": "十一", "十九": "二十", "二十": "二十一",
		"3": "4", "4": "5", "5": "6", "9": "10", "12": "13", "13": "14", "3.1": "3.2", "3.1.2": "3.2.2"}
	f.Fuzz(func(t *testing.T, old, new string) {
		if !utf8.ValidString(old) || !utf8.ValidString(new) {
			return
		}
		spans, err := Words(old, new)
		if err != nil {
			t.Fatal(err)
		}
		spans = markRefs(spans, renumbered)
		var o, n strings.Builder
		for k, sp := range spans {
			if sp.Op != SpanInsert {
				o.WriteString(sp.Text)
			}
			if sp.Op != SpanDelete {
				n.WriteString(sp.Text)
			}
			switch {
			case sp.Renumbered && sp.Op == SpanEqual:
				t.Fatalf("equal span %d marked: %+v", k, spans)
			case sp.Renumbered && sp.Op == SpanDelete && (k+1 == len(spans) || !spans[k+1].Renumbered || spans[k+1].Op != SpanInsert):
				t.Fatalf("marked delete %d without its insert: %+v", k, spans)
			}
		}
		if o.String() != old || n.String() != new {
			t.Fatalf("spans give %q, %q; want %q, %q", o.String(), n.String(), old, new)
		}
	})
}
