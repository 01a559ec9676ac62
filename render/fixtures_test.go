package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// Helpers that build documents and results by hand, so that the renderers
// can be tested without diff.Compare.

func para(label, text string) draft.Block {
	return draft.Block{Kind: draft.Paragraph, Label: label, Text: text}
}

func sub(label, text string) draft.Block {
	return draft.Block{Kind: draft.Paragraph, Level: 1, Label: label, Text: text}
}

func heading(level int, label, text string) draft.Block {
	return draft.Block{Kind: draft.Heading, Level: int16(level), Label: label, Text: text}
}

func document(name string, blocks ...draft.Block) *draft.Document {
	for i := range blocks {
		blocks[i].Line = int32(2*i + 1)
	}
	return &draft.Document{Name: name, Blocks: blocks}
}

func eq(text string) diff.Span  { return diff.Span{Op: diff.SpanEqual, Text: text} }
func ins(text string) diff.Span { return diff.Span{Op: diff.SpanInsert, Text: text} }
func del(text string) diff.Span { return diff.Span{Op: diff.SpanDelete, Text: text} }

// insBreak and delBreak are the Sep between two pieces of a split (on the
// new side) or a merge (on the old side), as diff marks it.
func insBreak() diff.Span { return diff.Span{Op: diff.SpanInsert, Text: diff.Sep, Break: true} }
func delBreak() diff.Span { return diff.Span{Op: diff.SpanDelete, Text: diff.Sep, Break: true} }

// laid returns sp marked as half of a layout-only pair (diff.Span.Layout),
// as diff.Compare marks it.
func laid(sp diff.Span) diff.Span { sp.Layout = true; return sp }

// step returns a step; like diff.Compare, it sets Moved for op Moved.
func step(op diff.Op, old, new diff.Blocks, spans ...diff.Span) diff.Step {
	return diff.Step{Op: op, Old: old, New: new, Moved: op == diff.Moved, Spans: spans}
}

// run returns consecutive block indices as diff.Blocks; it panics on
// indices that are not consecutive, which no step can hold.
func run(idx ...int) diff.Blocks {
	for k := 1; k < len(idx); k++ {
		if idx[k] != idx[k-1]+1 {
			panic(fmt.Sprintf("blocks %v are not consecutive", idx))
		}
	}
	if len(idx) == 0 {
		return diff.Blocks{}
	}
	return diff.BlockRange(idx[0], idx[len(idx)-1]+1)
}

// moved marks a split or merge step as moved (diff.Step.Moved).
func moved(st diff.Step) diff.Step {
	st.Moved = true
	return st
}

// ref returns the spans of a cross-reference that follows the
// renumbering: old number deleted, new inserted, both Renumbered.
func ref(old, new string) (diff.Span, diff.Span) {
	return diff.Span{Op: diff.SpanDelete, Text: old, Renumbered: true},
		diff.Span{Op: diff.SpanInsert, Text: new, Renumbered: true}
}

func spans(s ...diff.Span) []diff.Span { return s }

func one(i int) diff.Blocks { return diff.OneBlock(i) }

// same returns the result of comparing a document with itself.
func same(d *draft.Document) *diff.Result {
	r := &diff.Result{Old: d, New: d}
	for i, b := range d.Blocks {
		r.Steps = append(r.Steps, step(diff.Equal, one(i), one(i), eq(b.Text)))
	}
	return r
}

// sampleResult is a small report draft against its revision with every
// op: changed, deleted, inserted, moved (with an edit), split, merged, a
// layout-only equal block, a deleted section paragraph and renumbering.
func sampleResult() *diff.Result {
	old := document("zero-draft.md",
		heading(1, "A.", "Introduction"),
		para("1.", "States agreed that the use of ICTs is a concern."),
		para("2.", "International humanitarian law applies to ICTs."),
		heading(1, "B.", "International law"),
		para("3.", "States agreed that international law, in particular the Charter, applies."),
		heading(1, "C.", "Norms"),
		para("4.", "States should respect the eleven norms."),
		para("5.", "Capacity building is essential. States should support it."),
		para("6.", "Points of contact help."),
		para("7.", "Each State should name one."),
		sub("(a)", "a sub-paragraph\nwith a line break"),
		para("8.", "Areas where States disagreed are set out in the annex."),
		para("9.", "Final paragraph."),
	)
	new := document("rev1.md",
		heading(1, "A.", "Introduction"),
		para("1.", "States concluded that the use of ICTs is a concern."),
		para("2.", "Healthcare facilities are critical infrastructure."),
		para("3.", "States should respect the eleven voluntary norms."),
		heading(1, "B.", "International law"),
		para("4.", "States reaffirmed that international law applies."),
		heading(1, "C.", "Norms"),
		para("5.", "Capacity building is essential."),
		para("6.", "States should support it."),
		para("7.", "Points of contact help; each State should name one."),
		sub("(a)", "a sub-paragraph with a line break"),
		para("8.", "Final paragraph."),
	)
	return &diff.Result{Old: old, New: new, Steps: []diff.Step{
		step(diff.Equal, one(0), one(0), eq("Introduction")),
		step(diff.Changed, one(1), one(1), eq("States "), del("agreed"), ins("concluded"), eq(" that the use of ICTs is a concern.")),
		step(diff.Deleted, one(2), diff.Blocks{}, del("International humanitarian law applies to ICTs.")),
		step(diff.Inserted, diff.Blocks{}, one(2), ins("Healthcare facilities are critical infrastructure.")),
		step(diff.Moved, one(6), one(3), eq("States should respect the eleven "), ins("voluntary "), eq("norms.")),
		step(diff.Equal, one(3), one(4), eq("International law")),
		step(diff.Changed, one(4), one(5), eq("States "), del("agreed"), ins("reaffirmed"), eq(" that international law"), del(", in particular the Charter,"), eq(" applies.")),
		step(diff.Equal, one(5), one(6), eq("Norms")),
		step(diff.Split, one(7), run(7, 8), eq("Capacity building is essential."), del(" "), insBreak(), eq("States should support it.")),
		step(diff.Merged, run(8, 9), one(9), eq("Points of contact help"), del("."), delBreak(), del("Each"), ins("; each"), eq(" State should name one.")),
		step(diff.Equal, one(10), one(10), eq("a sub-paragraph"), laid(del("\n")), laid(ins(" ")), eq("with a line break")),
		step(diff.Deleted, one(11), diff.Blocks{}, del("Areas where States disagreed are set out in the annex.")),
		step(diff.Equal, one(12), one(11), eq("Final paragraph.")),
	}}
}

// hostile is text that would become markup if it reached a page unescaped.
const hostile = `<script>alert(1)</script> "><img src=x onerror=alert(1)> &amp; 'x' </p></main>`

// hostileResult puts hostile text in names, labels, texts and every op,
// and in the heading and labels of a section that moved to the top.
func hostileResult() *diff.Result {
	old := document(`<b>old</b>"><img src=x onerror=alert(1)>.md`,
		heading(1, `<i>A.</i>`, "Head "+hostile),
		para(`<script>1.</script>`, "keep "+hostile+" old"),
		para("2.", "gone "+hostile),
		para(`3."><img src=x onerror=alert(2)>`, "moved "+hostile),
		para("4.", "split "+hostile+" here"),
		para("5.", "merge "+hostile),
		para("6.", "me"),
		heading(1, `<b>S.</b>`, "Section "+hostile),
		para(`7."><script>alert(3)</script>`, "section text "+hostile),
	)
	new := document(`<script>alert("new")</script>.md`,
		heading(1, `<s>S.</s>"><img src=x onerror=alert(4)>`, "Section "+hostile),
		para(`<u>1.</u>`, "section text "+hostile),
		heading(1, `<i>A.</i>`, "Head "+hostile),
		para(`<script>1.</script>`, "keep "+hostile+" new"),
		para(`3."><img src=x onerror=alert(2)>`, "moved "+hostile),
		para("<ins>4.</ins>", "added "+hostile),
		para("4.", "split "+hostile),
		para("<del>5.</del>", "here"),
		para("6.", "merge "+hostile+" me"),
	)
	return &diff.Result{Old: old, New: new, Steps: []diff.Step{
		step(diff.Moved, one(7), one(0), eq("Section "+hostile)),
		step(diff.Moved, one(8), one(1), eq("section text "+hostile)),
		step(diff.Equal, one(0), one(2), eq("Head "+hostile)),
		step(diff.Changed, one(1), one(3), eq("keep "+hostile+" "), del("old"), ins("new")),
		step(diff.Deleted, one(2), diff.Blocks{}, del("gone "+hostile)),
		step(diff.Moved, one(3), one(4), eq("moved "+hostile)),
		step(diff.Inserted, diff.Blocks{}, one(5), ins("added "+hostile)),
		step(diff.Split, one(4), run(6, 7), eq("split "+hostile), del(" "), insBreak(), eq("here")),
		step(diff.Merged, run(5, 6), one(8), eq("merge "+hostile), delBreak(), ins(" "), eq("me")),
	}}
}

// renumberedResult differs only in numbering.
func renumberedResult() *diff.Result {
	old := document("rev1.md", para("12.", "Text."), para("13.", "More text."))
	new := document("rev2.md", para("14.", "Text."), para("13.", "More text."))
	return &diff.Result{Old: old, New: new, Steps: []diff.Step{
		step(diff.Equal, one(0), one(0), eq("Text.")),
		step(diff.Equal, one(1), one(1), eq("More text.")),
	}}
}

// emptyResult compares two empty drafts.
func emptyResult() *diff.Result {
	return &diff.Result{Old: document("empty-a.md"), New: document("empty-b.md")}
}

// sameResult compares a draft with itself.
func sameResult() *diff.Result {
	return same(document("final.md",
		heading(1, "A.", "Introduction"),
		para("1.", "States reaffirmed the framework."),
		sub("(a)", "Its norms;"),
	))
}

// warnedResult has readers' warnings and unlabelled blocks.
func warnedResult() *diff.Result {
	old := document("old.txt", para("", "The Group met in New York."), heading(2, "", "Annex"))
	new := document("new.txt", para("", "The Group met in Geneva."), heading(2, "", "Annex"))
	old.Warnings = []string{"old.txt: line 3: invalid UTF-8 replaced by U+FFFD"}
	new.Warnings = []string{"new.txt: line 9: invalid UTF-8 replaced by U+FFFD"}
	return &diff.Result{Old: old, New: new, Steps: []diff.Step{
		step(diff.Changed, one(0), one(0), eq("The Group met in "), del("New York"), ins("Geneva"), eq(".")),
		step(diff.Equal, one(1), one(1), eq("Annex")),
	}}
}

// sectionResult moves section C (a heading and three paragraphs) ahead
// of section B, with a paragraph inserted into it and one deleted from it;
// the moved paragraphs are renumbered, and the last paragraph's
// cross-reference follows the renumbering (its only change).
func sectionResult() *diff.Result {
	old := document("rev1.md",
		heading(1, "A.", "Introduction"),
		para("1.", "Intro text."),
		heading(1, "B.", "International law"),
		para("2.", "Law applies."),
		heading(1, "C.", "Rules, norms and principles of responsible State behaviour"),
		para("3.", "States should respect norms."),
		para("4.", "Norms do not replace law."),
		para("5.", "An old norm."),
		para("6.", "Norms evolve."),
		heading(1, "D.", "Conclusions"),
		para("7.", "Observe the norms in paragraph 3 above."),
	)
	new := document("rev2.md",
		heading(1, "A.", "Introduction"),
		para("1.", "Intro text."),
		heading(1, "B.", "Rules, norms and principles of responsible State behaviour"),
		para("2.", "States should respect the norms."),
		para("3.", "Norms do not replace law."),
		para("4.", "A new norm on supply chains."),
		para("5.", "Norms evolve."),
		heading(1, "C.", "International law"),
		para("6.", "Law applies."),
		heading(1, "D.", "Conclusions"),
		para("7.", "Observe the norms in paragraph 2 above."),
	)
	oldRef, newRef := ref("3", "2")
	return &diff.Result{Old: old, New: new, Steps: []diff.Step{
		step(diff.Equal, one(0), one(0), eq("Introduction")),
		step(diff.Equal, one(1), one(1), eq("Intro text.")),
		step(diff.Moved, one(4), one(2), eq("Rules, norms and principles of responsible State behaviour")),
		step(diff.Moved, one(5), one(3), eq("States should respect "), ins("the "), eq("norms.")),
		step(diff.Moved, one(6), one(4), eq("Norms do not replace law.")),
		step(diff.Inserted, diff.Blocks{}, one(5), ins("A new norm on supply chains.")),
		step(diff.Moved, one(8), one(6), eq("Norms evolve.")),
		step(diff.Equal, one(2), one(7), eq("International law")),
		step(diff.Equal, one(3), one(8), eq("Law applies.")),
		step(diff.Deleted, one(7), diff.Blocks{}, del("An old norm.")),
		step(diff.Equal, one(9), one(9), eq("Conclusions")),
		step(diff.Changed, one(10), one(10), eq("Observe the norms in paragraph "), oldRef, newRef, eq(" above.")),
	}}
}

// movedSplitResult moves paragraph 3 to the top and splits it there.
func movedSplitResult() *diff.Result {
	old := document("rev1.md", para("1.", "a"), para("2.", "b"), para("3.", "One. Two."))
	new := document("rev2.md", para("1.", "One."), para("2.", "Two."), para("3.", "a"), para("4.", "b"))
	return &diff.Result{Old: old, New: new, Steps: []diff.Step{
		moved(step(diff.Split, one(2), run(0, 1), eq("One."), del(" "), insBreak(), eq("Two."))),
		step(diff.Equal, one(0), one(2), eq("a")),
		step(diff.Equal, one(1), one(3), eq("b")),
	}}
}

// cases are the named results that the golden and invariant tests share.
var cases = []struct {
	name   string
	result func() *diff.Result
}{
	{"sample", sampleResult},
	{"hostile", hostileResult},
	{"renumbered", renumberedResult},
	{"empty", emptyResult},
	{"same", sameResult},
	{"warned", warnedResult},
	{"section", sectionResult},
	{"movedsplit", movedSplitResult},
	{"kinds", kindsResult},
}

// sideText returns the texts of a step's blocks on one side, joined with
// diff.Sep, as the spans must rebuild them.
func sideText(d *draft.Document, idx diff.Blocks) string {
	texts := make([]string, idx.Len())
	for i, j := range idx.All() {
		texts[i] = d.Blocks[j].Text
	}
	return strings.Join(texts, diff.Sep)
}

// spanText concatenates the spans of a step other than skip.
func spanText(spans []diff.Span, skip diff.SpanOp) string {
	var b strings.Builder
	for _, sp := range spans {
		if sp.Op != skip {
			b.WriteString(sp.Text)
		}
	}
	return b.String()
}

// TestFixturesLossless checks that the hand-built results keep the
// invariant the renderers rely on, and that every block appears once.
func TestFixturesLossless(t *testing.T) {
	all := append(cases[:len(cases):len(cases)], struct {
		name   string
		result func() *diff.Result
	}{"large", func() *diff.Result { return largeResult(500) }})
	for _, c := range all {
		r := c.result()
		if err := r.Check(); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		oldSeen := make([]int, len(r.Old.Blocks))
		newSeen := make([]int, len(r.New.Blocks))
		for i, st := range r.Steps {
			if got, want := spanText(st.Spans, diff.SpanInsert), sideText(r.Old, st.Old); got != want {
				t.Errorf("%s step %d: old text %q, want %q", c.name, i, got, want)
			}
			if got, want := spanText(st.Spans, diff.SpanDelete), sideText(r.New, st.New); got != want {
				t.Errorf("%s step %d: new text %q, want %q", c.name, i, got, want)
			}
			for _, j := range st.Old.All() {
				oldSeen[j]++
			}
			for _, j := range st.New.All() {
				newSeen[j]++
			}
		}
		for j, n := range oldSeen {
			if n != 1 {
				t.Errorf("%s: old block %d in %d steps", c.name, j, n)
			}
		}
		for j, n := range newSeen {
			if n != 1 {
				t.Errorf("%s: new block %d in %d steps", c.name, j, n)
			}
		}
	}
}
