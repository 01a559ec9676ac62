package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// pair returns a result over one-block-or-more drafts with the given steps.
func pair(old, new []draft.Block, steps ...diff.Step) *diff.Result {
	return &diff.Result{Old: document("old.md", old...), New: document("new.md", new...), Steps: steps}
}

func blocks(b ...draft.Block) []draft.Block { return b }

func TestText(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *diff.Result
		want string // after the "--- old.md\n+++ new.md\n" header
	}{
		{"changed",
			pair(blocks(para("12.", "States agreed.")), blocks(para("14.", "States concluded.")),
				step(diff.Changed, one(0), one(0), eq("States "), del("agreed"), ins("concluded"), eq("."))),
			"@@ ¶ 14 (was 12) changed @@\nStates [-agreed-]{+concluded+}.\n"},
		{"changed same label",
			pair(blocks(para("3.", "a b")), blocks(para("3.", "a c")),
				step(diff.Changed, one(0), one(0), eq("a "), del("b"), ins("c"))),
			"@@ ¶ 3 changed @@\na [-b-]{+c+}\n"},
		{"inserted first",
			pair(nil, blocks(para("1.", "New.")), step(diff.Inserted, diff.Blocks{}, one(0), ins("New."))),
			"@@ ¶ 1 inserted at the start @@\n{+New.+}\n"},
		{"inserted after",
			pair(blocks(para("1.", "A.")), blocks(para("1.", "A."), heading(2, "B.", "Threats")),
				step(diff.Equal, one(0), one(0), eq("A.")),
				step(diff.Inserted, diff.Blocks{}, one(1), ins("Threats"))),
			"@@ heading \"B. Threats\" inserted after ¶ 1 @@\n{+Threats+}\n"},
		{"deleted",
			pair(blocks(para("7.", "Gone.")), nil, step(diff.Deleted, one(0), diff.Blocks{}, del("Gone."))),
			"@@ ¶ 7 deleted @@\n[-Gone.-]\n"},
		{"moved",
			pair(blocks(para("15.", "a"), para("16.", "b")), blocks(para("15.", "b"), para("16.", "a")),
				step(diff.Equal, one(1), one(0), eq("b")),
				step(diff.Moved, one(0), one(1), eq("a"))),
			"@@ ¶ 15 (was 16) renumbered @@\n@@ ¶ 16 moved from ¶ 15 @@\na\n"},
		{"moved unlabelled",
			pair(blocks(para("", "a"), para("", "b")), blocks(para("", "b"), para("", "a")),
				step(diff.Moved, one(1), one(0), eq("b")),
				step(diff.Equal, one(0), one(1), eq("a"))),
			"@@ paragraph \"b\" moved from after paragraph \"a\" @@\nb\n"},
		{"split",
			pair(blocks(para("9.", "One. Two.")), blocks(para("9.", "One."), para("10.", "Two.")),
				step(diff.Split, one(0), run(0, 1), eq("One."), del(" "), insBreak(), eq("Two."))),
			"@@ ¶ 9 split into ¶ 9 and ¶ 10 @@\nOne.[- -]{+\n\n+}Two.\n"},
		{"merged",
			pair(blocks(para("9.", "One."), para("10.", "Two.")), blocks(para("9.", "One. Two.")),
				step(diff.Merged, run(0, 1), one(0), eq("One."), delBreak(), ins(" "), eq("Two."))),
			"@@ ¶ 9 and ¶ 10 merged into ¶ 9 @@\nOne.[-\n\n-]{+ +}Two.\n"},
		{"moved split",
			pair(blocks(para("1.", "a"), para("2.", "One. Two.")), blocks(para("1.", "One."), para("2.", "Two."), para("3.", "a")),
				moved(step(diff.Split, one(1), run(0, 1), eq("One."), del(" "), insBreak(), eq("Two."))),
				step(diff.Equal, one(0), one(2), eq("a"))),
			"@@ ¶ 2 moved and split into ¶ 1 and ¶ 2 @@\nOne.[- -]{+\n\n+}Two.\n@@ ¶ 3 (was 1) renumbered @@\n"},
		{"moved merge",
			pair(blocks(para("1.", "a"), para("2.", "One."), para("3.", "Two.")), blocks(para("1.", "One. Two."), para("2.", "a")),
				moved(step(diff.Merged, run(1, 2), one(0), eq("One."), delBreak(), ins(" "), eq("Two."))),
				step(diff.Equal, one(0), one(1), eq("a"))),
			"@@ ¶ 2 and ¶ 3 moved and merged into ¶ 1 @@\nOne.[-\n\n-]{+ +}Two.\n@@ ¶ 2 (was 1) renumbered @@\n"},
		{"reference renumbered",
			pair(blocks(para("5.", "See paragraph 3 above.")), blocks(para("5.", "See paragraph 2 above.")),
				diff.Step{Op: diff.Changed, Old: one(0), New: one(0), Spans: withRef(spans(eq("See paragraph ")), "3", "2", eq(" above."))}),
			"@@ ¶ 5 reference renumbered @@\nSee paragraph {#3→2#} above.\n"},
		{"references renumbered",
			pair(blocks(para("5.", "paragraphs 3 and 4")), blocks(para("5.", "paragraphs 2 and 3")),
				diff.Step{Op: diff.Changed, Old: one(0), New: one(0), Spans: append(withRef(spans(eq("paragraphs ")), "3", "2", eq(" and ")), withRef(nil, "4", "3")...)}),
			"@@ ¶ 5 references renumbered @@\nparagraphs {#3→2#} and {#4→3#}\n"},
		{"reference renumbered and words changed",
			pair(blocks(para("5.", "As in paragraph 3, States agreed.")), blocks(para("6.", "As in paragraph 2, States concluded.")),
				diff.Step{Op: diff.Changed, Old: one(0), New: one(0), Spans: withRef(spans(eq("As in paragraph ")), "3", "2", eq(", States "), del("agreed"), ins("concluded"), eq("."))}),
			"@@ ¶ 6 (was 5) changed @@\nAs in paragraph {#3→2#}, States [-agreed-]{+concluded+}.\n"},
		{"section moved down",
			pair(blocks(heading(1, "A.", "Norms"), para("1.", "n"), heading(1, "B.", "Law"), para("2.", "l")),
				blocks(heading(1, "A.", "Law"), para("1.", "l"), heading(1, "B.", "Norms"), para("2.", "n")),
				step(diff.Equal, one(2), one(0), eq("Law")),
				step(diff.Equal, one(3), one(1), eq("l")),
				step(diff.Moved, one(0), one(2), eq("Norms")),
				step(diff.Moved, one(1), one(3), eq("n"))),
			"@@ heading \"A. Law\" (was B) renumbered @@\n@@ ¶ 1 (was 2) renumbered @@\n" +
				"@@@ section \"B. Norms\" (¶ 2) moved after ¶ 1 @@@\n" +
				"@@ heading \"B. Norms\" moved from heading \"A. Norms\" @@\nNorms\n@@ ¶ 2 moved from ¶ 1 @@\nn\n"},
		{"section of paragraphs moved up",
			pair(blocks(para("1.", "a"), para("2.", "b"), para("3.", "c")),
				blocks(para("1.", "b"), para("2.", "c"), para("3.", "a")),
				step(diff.Moved, one(1), one(0), eq("b")),
				step(diff.Moved, one(2), one(1), eq("c")),
				step(diff.Equal, one(0), one(2), eq("a"))),
			"@@@ section ¶ 1–2 moved before ¶ 3 @@@\n" +
				"@@ ¶ 1 moved from ¶ 2 @@\nb\n@@ ¶ 2 moved from ¶ 3 @@\nc\n@@ ¶ 3 (was 1) renumbered @@\n"},
		{"layout only in a changed block",
			pair(blocks(para("1.", "a\nb c")), blocks(para("1.", "a b d")),
				step(diff.Changed, one(0), one(0), eq("a"), laid(del("\n")), laid(ins(" ")), eq("b "), del("c"), ins("d"))),
			"@@ ¶ 1 changed @@\na b [-c-]{+d+}\n"},
		{"inner newlines kept",
			pair(blocks(para("1.", "a\nb")), blocks(para("1.", "a\nc")),
				step(diff.Changed, one(0), one(0), eq("a\n"), del("b"), ins("c"))),
			"@@ ¶ 1 changed @@\na\n[-b-]{+c+}\n"},
	} {
		var buf bytes.Buffer
		if err := Text(&buf, c.r); err != nil {
			t.Fatal(err)
		}
		got, ok := strings.CutPrefix(buf.String(), "--- old.md\n+++ new.md\n")
		if !ok || got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, buf.String(), c.want)
		}
	}
}

// withRef returns spans before, a renumbered reference old → new, and
// spans after.
func withRef(before []diff.Span, old, new string, after ...diff.Span) []diff.Span {
	o, n := ref(old, new)
	return append(append(before, o, n), after...)
}

// TestTextNoDifferences checks that equal drafts, empty ones and
// layout-only differences give no output at all.
func TestTextNoDifferences(t *testing.T) {
	layout := pair(blocks(para("1.", "a\nb")), blocks(para("1.", "a b")),
		step(diff.Equal, one(0), one(0), eq("a"), laid(del("\n")), laid(ins(" ")), eq("b")))
	for name, r := range map[string]*diff.Result{"same": sameResult(), "empty": emptyResult(), "layout": layout} {
		var buf bytes.Buffer
		if err := Text(&buf, r); err != nil || buf.Len() != 0 {
			t.Errorf("%s: %q, %v; want no output", name, buf.String(), err)
		}
	}
}

// TestTextName checks that a name with a line break cannot break the header.
func TestTextName(t *testing.T) {
	r := pair(nil, blocks(para("", "x")), step(diff.Inserted, diff.Blocks{}, one(0), ins("x")))
	r.Old.Name = "a\n+++ b"
	var buf bytes.Buffer
	if err := Text(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "--- \"a\\n+++ b\"\n+++ new.md\n") {
		t.Errorf("header %q", buf.String())
	}
}

func TestDisplaySpans(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []diff.Span
		want []diff.Span
	}{
		{"newline for space", []diff.Span{eq("a"), laid(del("\n")), laid(ins(" ")), eq("b")}, []diff.Span{eq("a b")}},
		{"insert first", []diff.Span{eq("a"), laid(ins(" ")), laid(del("\n  ")), eq("b")}, []diff.Span{eq("a b")}},
		{"NFD to NFC", []diff.Span{laid(del("Cafe\u0301")), laid(ins("Café"))}, []diff.Span{eq("Café")}},
		{"two pairs", []diff.Span{laid(del("\n")), laid(ins(" ")), laid(del("Cafe\u0301")), laid(ins("Café"))}, []diff.Span{eq(" Café")}},
		{"same words, not marked", []diff.Span{del("Cafe\u0301"), ins("Café")}, []diff.Span{del("Cafe\u0301"), ins("Café")}},
		{"words differ", []diff.Span{del("agreed"), ins("concluded")}, []diff.Span{del("agreed"), ins("concluded")}},
		{"space dropped", []diff.Span{eq("a"), del(" "), ins(""), eq("b")}, []diff.Span{eq("a"), del(" "), eq("b")}},
		{"edge space differs", []diff.Span{eq("a"), del(" b"), ins("b")}, []diff.Span{eq("a"), del(" b"), ins("b")}},
		{"paragraph break", []diff.Span{del("\n\n"), ins(" ")}, []diff.Span{del("\n\n"), ins(" ")}},
		{"lone delete", []diff.Span{eq("a"), del("\n")}, []diff.Span{eq("a"), del("\n")}},
		{"empty", nil, []diff.Span{}},
	} {
		got := displaySpans(c.in)
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

func TestBlockRef(t *testing.T) {
	for _, c := range []struct {
		b    draft.Block
		want string
	}{
		{para("12.", "x"), "¶ 12"},
		{para("12 bis.", "x"), "¶ 12 bis"},
		{sub("(a)", "x"), "¶ (a)"},
		{heading(1, "B.", "Existing and potential threats"), `heading "B. Existing and potential threats"`},
		{para("", "The Group met\nin New York on many occasions during 2020."), `paragraph "The Group met in New York on many…"`},
		{draft.Block{Kind: draft.ListItem, Text: "Supplychainintegrityandresponsiblereportingofvulnerabilities"}, `list item "Supplychainintegrityandresponsiblereport…"`},
	} {
		if got := blockRef(c.b); got != c.want {
			t.Errorf("blockRef(%q) = %q, want %q", c.b.Text, got, c.want)
		}
	}
}
