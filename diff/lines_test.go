package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redline-diff/redline/draft"
)

// spanString writes spans as git's word diff does: [-deleted-]{+inserted+}.
func spanString(spans []Span) string {
	var b strings.Builder
	for _, sp := range spans {
		switch sp.Op {
		case SpanEqual:
			b.WriteString(sp.Text)
		case SpanDelete:
			fmt.Fprintf(&b, "[-%s-]", sp.Text)
		case SpanInsert:
			fmt.Fprintf(&b, "{+%s+}", sp.Text)
		}
	}
	return b.String()
}

func TestLines(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"one line changed", "a\nb\nc", "a\nB\nc", "a\n[-b\n-]{+B\n+}c"},
		{"one word of a line is the whole line", "x := 1\ny := 2\nz := 3", "x := 1\ny := 20\nz := 3",
			"x := 1\n[-y := 2\n-]{+y := 20\n+}z := 3"},
		{"indentation only", "+--+\n|  |\n+--+", "+--+\n | |\n+--+", "+--+\n[-|  |\n-]{+ | |\n+}+--+"},
		{"line appended", "a\nb", "a\nb\nc", "a\nb{+\nc+}"},
		{"last line deleted", "a\nb\nc", "a\nb", "a\nb[-\nc-]"},
		{"line inserted", "a\nc", "a\nb\nc", "a\n{+b\n+}c"},
		{"first line deleted", "a\nb", "b", "[-a\n-]b"},
		{"blank lines", "a\n\nb", "a\nb", "a\n[-\n-]b"},
		{"from nothing", "", "a\nb", "{+a\nb+}"},
		{"to nothing", "a\nb", "", "[-a\nb-]"},
		{"same", "a\n  b", "a\n  b", "a\n  b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans, err := Lines(tt.old, tt.new)
			if err != nil {
				t.Fatal(err)
			}
			if got := spanString(spans); got != tt.want {
				t.Errorf("Lines(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
			}
			checkLossless(t, spans, tt.old, tt.new)
		})
	}
}

// checkLossless fails t unless the equal and delete spans rebuild old and
// the equal and insert spans new.
func checkLossless(t *testing.T, spans []Span, old, new string) {
	t.Helper()
	var a, b strings.Builder
	for _, sp := range spans {
		if sp.Op != SpanInsert {
			a.WriteString(sp.Text)
		}
		if sp.Op != SpanDelete {
			b.WriteString(sp.Text)
		}
	}
	if a.String() != old || b.String() != new {
		t.Errorf("spans %q are not lossless for %q, %q", spanString(spans), old, new)
	}
}

func TestLinesLong(t *testing.T) {
	var old, new strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&old, "line %d\n", i)
		if i == 5000 {
			new.WriteString("changed\n")
			continue
		}
		fmt.Fprintf(&new, "line %d\n", i)
	}
	spans, err := Lines(old.String(), new.String())
	if err != nil {
		t.Fatal(err)
	}
	checkLossless(t, spans, old.String(), new.String())
	var changed []string
	for _, sp := range spans {
		if sp.Op != SpanEqual {
			changed = append(changed, sp.Text)
		}
	}
	if want := []string{"line 5000\n", "changed\n"}; fmt.Sprint(changed) != fmt.Sprint(want) {
		t.Errorf("changes %q, want %q", changed, want)
	}
}

func codeDraft(blocks ...draft.Block) *draft.Document {
	for i := range blocks {
		blocks[i].Line = int32(i + 1)
	}
	return &draft.Document{Name: "draft", Blocks: blocks}
}

func TestCompareCode(t *testing.T) {
	para := draft.Block{Kind: draft.Paragraph, Text: "The packet header is laid out as follows."}
	diagram := "+--------+--------+\n|  type  | length |\n+--------+--------+"
	tests := []struct {
		name          string
		old, new      []draft.Block
		outline, want string // want: the spans of the code step
		ins, del      int    // words inserted and deleted
	}{
		{
			name:    "one line changed",
			old:     []draft.Block{para, {Kind: draft.Code, Text: "a := 1\nb := 2\nc := 3"}},
			new:     []draft.Block{para, {Kind: draft.Code, Text: "a := 1\nb := 4\nc := 3"}},
			outline: "equal 0>0, changed 1>1",
			want:    "a := 1\n[-b := 2\n-]{+b := 4\n+}c := 3",
			ins:     2, del: 2,
		},
		{
			name:    "indentation only is a change",
			old:     []draft.Block{para, {Kind: draft.Code, Text: diagram}},
			new:     []draft.Block{para, {Kind: draft.Code, Text: strings.Replace(diagram, "|  type  |", "| type   |", 1)}},
			outline: "equal 0>0, changed 1>1",
			want:    "+--------+--------+\n[-|  type  | length |\n-]{+| type   | length |\n+}+--------+--------+",
			ins:     2, del: 2,
		},
		{
			// A paragraph with the words of the code is not paired with it.
			name: "code pairs with code, not a paragraph",
			old:  []draft.Block{{Kind: draft.Code, Text: "States shall report\nannually to the Secretariat"}},
			new: []draft.Block{
				{Kind: draft.Paragraph, Text: "States shall report annually to the Secretariat and the Group."},
				{Kind: draft.Code, Text: "States shall report\nannually to the Secretariat\nin writing"},
			},
			outline: "inserted >0, changed 0>1",
			want:    "States shall report\nannually to the Secretariat{+\nin writing+}",
			ins:     10 + 2, // the paragraph's and the line's
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Compare(codeDraft(tt.old...), codeDraft(tt.new...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Check(); err != nil {
				t.Fatal(err)
			}
			if got := outline(r); got != tt.outline {
				t.Fatalf("outline %q, want %q", got, tt.outline)
			}
			st := &r.Steps[len(r.Steps)-1]
			if !r.LineByLine(st) {
				t.Errorf("the code step is not line by line")
			}
			if got := spanString(st.Spans); got != tt.want {
				t.Errorf("spans %q, want %q", got, tt.want)
			}
			s := r.Stats()
			if s.WordsInserted != tt.ins || s.WordsDeleted != tt.del {
				t.Errorf("words +%d -%d, want +%d -%d", s.WordsInserted, s.WordsDeleted, tt.ins, tt.del)
			}
			if !r.Differs(false) {
				t.Errorf("Differs is false")
			}
		})
	}
}

func TestLineByLineNotForProse(t *testing.T) {
	old := codeDraft(draft.Block{Kind: draft.Paragraph, Text: "a\nb\nc"})
	new := codeDraft(draft.Block{Kind: draft.Paragraph, Text: "a\nB\nc"})
	r, err := Compare(old, new, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.LineByLine(&r.Steps[0]) {
		t.Errorf("a paragraph is compared line by line")
	}
	if got, want := spanString(r.Steps[0].Spans), "a\n[-b-]{+B+}\nc"; got != want {
		t.Errorf("spans %q, want %q", got, want)
	}
}

func TestFormatting(t *testing.T) {
	em := func(s, e int32) draft.Mark { return draft.Mark{Start: s, End: e, Style: draft.Emphasis} }
	link := func(s, e int32, to string) draft.Mark {
		return draft.Mark{Start: s, End: e, Style: draft.Link, Value: to}
	}
	text := "The Assembly adopted the resolution by consensus."
	tests := []struct {
		name           string
		old, new       draft.Block
		op             Op
		formatting     bool
		differs        bool
		words          int // inserted + deleted
		formattedCount int
	}{
		{"same marks", draft.Block{Text: text}.WithMarks([]draft.Mark{em(13, 20)}),
			draft.Block{Text: text}.WithMarks([]draft.Mark{em(13, 20)}), Equal, false, false, 0, 0},
		{"emphasis added", draft.Block{Text: text},
			draft.Block{Text: text}.WithMarks([]draft.Mark{em(13, 20)}), Equal, true, true, 0, 1},
		{"emphasis moved", draft.Block{Text: text}.WithMarks([]draft.Mark{em(4, 12)}),
			draft.Block{Text: text}.WithMarks([]draft.Mark{em(13, 20)}), Equal, true, true, 0, 1},
		{"link address changed", draft.Block{Text: text}.WithMarks([]draft.Mark{link(25, 35, "https://a.example")}),
			draft.Block{Text: text}.WithMarks([]draft.Mark{link(25, 35, "https://b.example")}), Equal, true, true, 0, 1},
		{"rejoined marks are layout", draft.Block{Text: text}.WithMarks([]draft.Mark{{Start: 5, End: 5, Style: draft.Rejoined, Value: "-\n"}}),
			draft.Block{Text: text}, Equal, false, false, 0, 0},
		{"white space at a mark's end", draft.Block{Text: text}.WithMarks([]draft.Mark{em(13, 21)}),
			draft.Block{Text: text}.WithMarks([]draft.Mark{em(13, 20)}), Equal, false, false, 0, 0},
		{"words changed, formatting kept", draft.Block{Text: text}.WithMarks([]draft.Mark{em(13, 20)}),
			draft.Block{Text: "The Assembly adopted the resolution without a vote."}.WithMarks([]draft.Mark{em(13, 20)}),
			Changed, false, true, 5, 0},
		{"words and formatting changed", draft.Block{Text: text},
			draft.Block{Text: "The Assembly adopted the resolution without a vote."}.WithMarks([]draft.Mark{em(13, 20)}),
			Changed, true, true, 5, 1},
		{"formatting of a deleted word", draft.Block{Text: text}.WithMarks([]draft.Mark{em(36, 48)}),
			draft.Block{Text: "The Assembly adopted the resolution without a vote."},
			Changed, false, true, 5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Compare(codeDraft(tt.old), codeDraft(tt.new), Options{})
			if err != nil {
				t.Fatal(err)
			}
			st := r.Steps[0]
			if st.Op != tt.op || st.Formatting != tt.formatting {
				t.Errorf("op %s formatting %v, want %s %v", st.Op, st.Formatting, tt.op, tt.formatting)
			}
			if got := r.Differs(false); got != tt.differs {
				t.Errorf("Differs %v, want %v", got, tt.differs)
			}
			s := r.Stats()
			if s.WordsInserted+s.WordsDeleted != tt.words || s.Formatted != tt.formattedCount {
				t.Errorf("words %d formatted %d, want %d %d", s.WordsInserted+s.WordsDeleted, s.Formatted, tt.words, tt.formattedCount)
			}
		})
	}
}

func TestSpanMarks(t *testing.T) {
	old := codeDraft(draft.Block{Text: "keep old tail"}.WithMarks([]draft.Mark{{Start: 0, End: 8, Style: draft.Strong}}))
	new := codeDraft(draft.Block{Text: "keep new tail"}.WithMarks([]draft.Mark{{Start: 5, End: 13, Style: draft.Emphasis}}))
	r, err := Compare(old, new, Options{MatchThreshold: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	st := &r.Steps[0]
	got := fmt.Sprint(spanString(st.Spans), r.SpanMarks(st))
	// The equal spans show the new text's formatting, the deleted one the old's.
	want := "keep [-old-]{+new+} tail[[] [{0 3 2 }] [{0 3 1 }] [{0 5 1 }]]"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if !st.Formatting {
		t.Errorf("formatting not changed")
	}
}

func FuzzLines(f *testing.F) {
	f.Add("a\nb\nc", "a\nB\nc")
	f.Add("+--+\n|  |\n+--+", "+--+\n | |\n+--+\n")
	f.Add("x\n\n\nx\n", "x\nx")
	f.Fuzz(func(t *testing.T, old, new string) {
		spans, err := Lines(old, new)
		if err != nil {
			t.Fatal(err)
		}
		if o, n := rebuild(spans); o != old || n != new {
			t.Fatalf("not lossless: %q %q from %q %q", o, n, old, new)
		}
		again, _ := Lines(old, new)
		if spanString(again) != spanString(spans) {
			t.Fatal("not deterministic")
		}
	})
}

// FuzzCompareKinds compares drafts of code and prose blocks with marks:
// blocks are parted by blank lines, a block starting with ">" is code
// (the rest of its text), and each byte of marks makes a mark over some
// block.
func FuzzCompareKinds(f *testing.F) {
	f.Add("intro\n\n>a\n  b\nc", "intro\n\n>a\n b\nc\n\nend", []byte{0, 1, 5, 2})
	f.Add("one two three\n\n>x", "one two three\n\n>y", []byte{7, 3, 9, 4, 200, 1})
	f.Fuzz(func(t *testing.T, old, new string, marks []byte) {
		a, b := kindsDraft(old, marks), kindsDraft(new, marks[len(marks)/2:])
		r, err := Compare(a, b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
		for k := range r.Steps {
			st := &r.Steps[k]
			sm := r.SpanMarks(st)
			if sm != nil && len(sm) != len(st.Spans) {
				t.Fatalf("%d span marks for %d spans", len(sm), len(st.Spans))
			}
			for i, ms := range sm {
				for _, m := range ms {
					if m.Start < 0 || m.Start >= m.End || int(m.End) > len(st.Spans[i].Text) {
						t.Fatalf("mark %v outside span %q", m, st.Spans[i].Text)
					}
				}
			}
		}
	})
}

func kindsDraft(s string, marks []byte) *draft.Document {
	d := &draft.Document{}
	for i, p := range strings.Split(s, "\n\n") {
		b := draft.Block{Text: p, Line: int32(i + 1)}
		if rest, ok := strings.CutPrefix(p, ">"); ok {
			b.Kind, b.Text = draft.Code, rest
		}
		d.Blocks = append(d.Blocks, b)
	}
	for k := 0; k+1 < len(marks); k += 2 {
		blk := &d.Blocks[int(marks[k])%len(d.Blocks)]
		n := int32(len(blk.Text) + 1)
		start := int32(marks[k]) % n
		end := min(start+int32(marks[k+1]%16), n-1)
		blk.SetMarks(append(blk.Marks(), draft.Mark{Start: start, End: end, Style: draft.Style(1 + marks[k+1]%8)}))
	}
	for i := range d.Blocks {
		d.Blocks[i].SetMarks(draft.NormalizeMarks(d.Blocks[i].Marks()))
	}
	return d
}

func TestFormattingChanges(t *testing.T) {
	text := "The Assembly adopted the resolution by consensus."
	em := func(s, e int32) draft.Mark { return draft.Mark{Start: s, End: e, Style: draft.Emphasis} }
	r, err := Compare(codeDraft(draft.Block{Text: text}.WithMarks([]draft.Mark{em(4, 12)})),
		codeDraft(draft.Block{Text: text}.WithMarks([]draft.Mark{em(4, 20)})), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(r.FormattingChanges(&r.Steps[0])), "[[[13 20]]]"; got != want {
		t.Errorf("changes %s, want %s (\"adopted\")", got, want)
	}
	old := codeDraft(draft.Block{Text: "keep old tail"}.WithMarks([]draft.Mark{{Start: 0, End: 8, Style: draft.Strong}}))
	new := codeDraft(draft.Block{Text: "keep new tail"}.WithMarks([]draft.Mark{{Start: 5, End: 13, Style: draft.Emphasis}}))
	r, err = Compare(old, new, Options{MatchThreshold: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(r.FormattingChanges(&r.Steps[0])), "[[[0 4]] [] [] [[1 5]]]"; got != want {
		t.Errorf("changes %s, want %s", got, want)
	}
}

func TestSplitCode(t *testing.T) {
	code := func(s string) draft.Block { return draft.Block{Kind: draft.Code, Text: s} }
	para := func(s string) draft.Block { return draft.Block{Kind: draft.Paragraph, Text: s} }
	tests := []struct {
		name     string
		old, new []draft.Block
		want     string
		lines    bool
	}{
		{"code split into code", []draft.Block{code("open the file\nread the header\nparse the body\ncheck the sum\nclose the file\nreport errors")},
			[]draft.Block{code("open the file\nread the header\nparse the body"), code("check the sum\nclose the file\nreport errors")},
			"split 0>0+1", true},
		{"code not split into a paragraph", []draft.Block{code("open the file\nread the header\nparse the body\ncheck the sum\nclose the file\nreport errors")},
			[]draft.Block{code("open the file\nread the header\nparse the body"), para("check the sum close the file report errors")},
			"changed 0>0, inserted >1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Compare(codeDraft(tt.old...), codeDraft(tt.new...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Check(); err != nil {
				t.Fatal(err)
			}
			if got := outline(r); got != tt.want {
				t.Errorf("outline %q, want %q", got, tt.want)
			}
			if got := r.LineByLine(&r.Steps[0]); got != tt.lines {
				t.Errorf("first step line by line: %v", got)
			}
		})
	}
}
