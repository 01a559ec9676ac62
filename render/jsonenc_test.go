package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// JSON writes its blocks with appendJSONBlock, by hand; these tests hold
// it to the bytes that encoding/json writes for a jsonBlock, which is how
// JSON wrote them before, so that the hand-written encoder cannot drift
// from the schema's definition or from encoding/json's escaping.

// newJSONBlock converts one step to a jsonBlock, as JSON did before it
// wrote the blocks by hand: the reference for appendJSONBlock.
func newJSONBlock(r *diff.Result, st *diff.Step) jsonBlock {
	b := jsonBlock{
		Op:       st.Op.String(),
		Old:      st.Old.Indices(),
		New:      st.New.Indices(),
		Moved:    isMoved(st),
		OldLabel: r.OldLabel(st),
		NewLabel: r.NewLabel(st),
		Format:   st.Formatting,
		Spans:    make([]jsonSpan, len(st.Spans)),
	}
	for i, sp := range st.Spans {
		b.Spans[i] = jsonSpan{sp.Op.String(), sp.Text, sp.Renumbered, sp.Layout, sp.Break}
	}
	return b
}

// referenceJSON is JSON as it was before appendJSONBlock and
// appendJSONLabel: the labels and every block encoded by encoding/json,
// indented for their place.
func referenceJSON(w io.Writer, r *diff.Result) error {
	if err := check(r); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	res := newJSONResult(r)
	for _, p := range r.Crosswalk() {
		res.Labels = append(res.Labels, jsonLabelPair{p.Old, p.New, p.OldBlock, p.NewBlock})
	}
	head, err := encodeJSON(res, "")
	if err != nil {
		return err
	}
	bw.Write(head[:len(head)-len("[]\n}\n")])
	if len(r.Steps) == 0 {
		bw.WriteString("[]\n}\n")
		return bw.Flush()
	}
	bw.WriteString("[")
	for i := range r.Steps {
		b, err := encodeJSON(newJSONBlock(r, &r.Steps[i]), "    ")
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(b[:len(b)-1])
	}
	bw.WriteString("\n  ]\n}\n")
	return bw.Flush()
}

// checkJSONBlock compares appendJSONBlock with encoding/json for one step.
// It appends to a non-empty slice, to check that what is already there
// is kept.
func checkJSONBlock(t testing.TB, name string, r *diff.Result, st *diff.Step) {
	t.Helper()
	want, err := encodeJSON(newJSONBlock(r, st), "    ")
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	want = want[:len(want)-1] // without the encoder's final newline
	const before = ",\n    "
	got := appendJSONBlock([]byte(before), r, st)
	if !bytes.HasPrefix(got, []byte(before)) {
		t.Fatalf("%s: appendJSONBlock overwrote dst: %q", name, got)
	}
	if got = got[len(before):]; !bytes.Equal(got, want) {
		t.Errorf("%s: appendJSONBlock differs from encoding/json: %s\ngot:\n%s\nwant:\n%s",
			name, firstDifference(string(want), string(got)), got, want)
	}
}

// checkJSON compares JSON with referenceJSON for a whole result.
func checkJSON(t testing.TB, name string, r *diff.Result) {
	t.Helper()
	var got, want bytes.Buffer
	if err := JSON(&got, r); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := referenceJSON(&want, r); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("%s: JSON differs from encoding/json: %s", name, firstDifference(want.String(), got.String()))
	}
}

// jsonTexts are texts that exercise every branch of appendJSONString.
var jsonTexts = []string{
	"",
	"plain text",
	allControls(),
	"\b\f\n\r\t",
	"a\x00b\x1fc\x7fd",
	`"quoted" and \backslashed\ and \"both\"`,
	`<script>alert("x")</script> & &amp; <b>`,
	hostile,
	"line\u2028separator\u2029paragraph \u2027\u202a\u2030",
	"\u2028\u2029",
	"\xff",
	"a\xffb\xfe",
	"\xe2\x80",         // truncated U+2028
	"\xe2\x80 after",   // truncated, then ASCII
	"end \xf0\x9f\x98", // truncated emoji
	"\xed\xa0\x80",     // encoded surrogate
	"\xc0\xaf",         // overlong
	"\xf4\x90\x80\x80", // beyond U+10FFFF
	"\x80\x80\x80",     // lone continuation bytes
	"\ufffd is valid",  // U+FFFD itself is written raw
	"emoji 😀 👩‍⚖️ 🇺🇳",
	"الدول اتفقت على أن القانون الدولي ينطبق",
	"各国同意国际法适用 — 日本語 한국어",
	"\u0085 NEL, \u00a0 NBSP, \u200b ZWSP, \u200e LRM, \ufeff BOM, \u0601",
	"mixed\x01\"<\u2028\xff😀\\\n",
}

// allControls returns every ASCII control character and DEL.
func allControls() string {
	var b strings.Builder
	for c := byte(0); c < 0x20; c++ {
		b.WriteByte(c)
		b.WriteByte('.')
	}
	b.WriteByte(0x7f)
	return b.String()
}

// TestJSONStringEscapes pins the escapes of encoding/json (Go 1.22 and
// later write \b and \f short, earlier versions as \u0008 and \u000c)
// that appendJSONString copies, and compares the two for every byte on
// its own and every code point up to U+3000 and around U+FFFD.
func TestJSONStringEscapes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\b\f\n\r\t", `"\b\f\n\r\t"`},
		{"\x00\x01\x1f\x7f", `"\u0000\u0001\u001f` + "\x7f" + `"`},
		{`"\`, `"\"\\"`},
		{"<>&", `"<>&"`},
		{"\u2028\u2029", `"\u2028\u2029"`},
		{"a\xffb\xe2\x80", `"a\ufffdb\ufffd\ufffd"`},
		{"\ufffd", "\"\ufffd\""},
	} {
		if got := string(appendJSONString(nil, c.in)); got != c.want {
			t.Errorf("appendJSONString(%q) = %s, want %s", c.in, got, c.want)
		}
		if got := referenceString(t, c.in); got != c.want {
			t.Errorf("encoding/json writes %q as %s, not %s", c.in, got, c.want)
		}
	}
	var texts []string
	for b := range 256 {
		texts = append(texts, string([]byte{byte(b)}), "a"+string([]byte{byte(b)})+"z")
	}
	for c := rune(0); c <= 0x3000; c++ {
		texts = append(texts, string(c))
	}
	for c := rune(0xfff0); c <= 0x10010; c++ {
		texts = append(texts, string(c))
	}
	texts = append(texts, jsonTexts...)
	for _, s := range texts {
		if got, want := string(appendJSONString([]byte("x"), s)), "x"+referenceString(t, s); got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got[1:], want[1:])
		}
	}
}

// referenceString returns s as encoding/json writes it without escaping
// HTML.
func referenceString(t testing.TB, s string) string {
	t.Helper()
	b, err := encodeJSON(s, "")
	if err != nil {
		t.Fatal(err)
	}
	return string(b[:len(b)-1])
}

// TestJSONBlockTable compares appendJSONBlock with encoding/json for
// steps of every op, moved or not, with labels and without, with no spans,
// renumbered spans and hostile texts.
func TestJSONBlockTable(t *testing.T) {
	old := document("old.md",
		para("1.", "one"),
		para("", "unlabelled"),
		para("2.", "two"),
		para("3.", "three"),
	)
	new := document("new.md",
		para("1.", "one"),
		para("", "unlabelled"),
		para("(a)", "a"),
		para("(b)", "b"),
	)
	oldRef, newRef := ref("3", "2")
	tests := []struct {
		name string
		step diff.Step
	}{
		{"equal", step(diff.Equal, one(0), one(0), eq("one"))},
		{"equal unlabelled", step(diff.Equal, one(1), one(1), eq("unlabelled"))},
		{"equal relabelled", step(diff.Equal, one(1), one(2), eq("x"))},
		{"changed renumbered", step(diff.Changed, one(2), one(2), eq("see paragraph "), oldRef, newRef, eq("."))},
		{"changed one renumbered", step(diff.Changed, one(2), one(3), diff.Span{Op: diff.SpanInsert, Text: "4", Renumbered: true})},
		{"inserted", step(diff.Inserted, diff.Blocks{}, one(2), ins("a"))},
		{"inserted unlabelled", step(diff.Inserted, diff.Blocks{}, one(1), ins("unlabelled"))},
		{"deleted", step(diff.Deleted, one(3), diff.Blocks{}, del("three"))},
		{"deleted unlabelled", step(diff.Deleted, one(1), diff.Blocks{}, del("unlabelled"))},
		{"moved", step(diff.Moved, one(3), one(0), eq("one"))},
		{"moved without the flag", diff.Step{Op: diff.Moved, Old: one(0), New: one(3), Spans: spans(eq("x"))}},
		{"split", step(diff.Split, one(3), run(2, 3), eq("a"), del(" "), insBreak(), eq("b"))},
		{"split moved", moved(step(diff.Split, one(0), run(1, 2, 3), eq("a"), del(" "), insBreak(), eq("b")))},
		{"merged", step(diff.Merged, run(2, 3), one(3), eq("two"), delBreak(), ins(" "), eq("three"))},
		{"merged moved unlabelled", moved(step(diff.Merged, run(1, 2, 3), one(1), eq("x")))},
		{"no spans", step(diff.Equal, one(0), one(0))},
		{"empty spans", diff.Step{Op: diff.Changed, Old: one(0), New: one(0), Spans: []diff.Span{}}},
		{"no blocks", diff.Step{Op: diff.Equal}},
		{"empty span text", step(diff.Changed, one(0), one(0), eq(""), ins(""), del(""))},
		{"unknown ops", diff.Step{Op: diff.Op(200), Old: one(0), Spans: spans(diff.Span{Op: diff.SpanOp(9), Text: "?"})}},
	}
	r := &diff.Result{Old: old, New: new}
	for _, tt := range tests {
		checkJSONBlock(t, tt.name, r, &tt.step)
	}

	// Every text as span text and as labels, in every span op.
	r = &diff.Result{Old: &draft.Document{Name: "old \x01\u2028\xff.md"}, New: &draft.Document{Name: "new <\">.md"}}
	for i, text := range jsonTexts {
		r.Old.Blocks = append(r.Old.Blocks, draft.Block{Label: text, Text: text + "x"})
		r.New.Blocks = append(r.New.Blocks, draft.Block{Label: "(" + text + ")", Text: text + "y"})
		r.Steps = append(r.Steps, step(diff.Changed, one(i), one(i),
			eq(text), del("x"), diff.Span{Op: diff.SpanInsert, Text: "y", Renumbered: true}))
	}
	for i := range r.Steps {
		checkJSONBlock(t, fmt.Sprintf("text %q", jsonTexts[i]), r, &r.Steps[i])
	}
	checkJSON(t, "texts", r)
}

// TestJSONBlockFixtures compares appendJSONBlock with encoding/json for
// every step of the shared results and of a large one, and the whole of
// JSON's output with referenceJSON.
func TestJSONBlockFixtures(t *testing.T) {
	all := append(cases[:len(cases):len(cases)], struct {
		name   string
		result func() *diff.Result
	}{"large", func() *diff.Result { return largeResult(2000) }})
	for _, c := range all {
		r := c.result()
		for i := range r.Steps {
			checkJSONBlock(t, fmt.Sprintf("%s step %d", c.name, i), r, &r.Steps[i])
		}
		checkJSON(t, c.name, r)
	}
}

// FuzzJSONBlock compares appendJSONBlock, and JSON's output with its
// labels, with encoding/json for steps whose spans and labels carry any
// text.
func FuzzJSONBlock(f *testing.F) {
	for _, s := range jsonTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := &diff.Result{
			Old: &draft.Document{Name: "old", Blocks: []draft.Block{{Label: text, Text: text}}},
			New: &draft.Document{Name: "new", Blocks: []draft.Block{{Label: text + "\u2028", Text: text}}},
		}
		steps := []diff.Step{
			step(diff.Changed, one(0), one(0), eq(text), del(text), ins(text),
				diff.Span{Op: diff.SpanDelete, Text: text, Renumbered: true},
				diff.Span{Op: diff.SpanInsert, Text: text, Renumbered: true}),
			step(diff.Moved, one(0), one(0), eq(text)),
		}
		for i := range steps {
			checkJSONBlock(t, fmt.Sprintf("step %d", i), r, &steps[i])
		}
		// The whole output, with the labels in the crosswalk, against
		// encoding/json.
		r.Steps = []diff.Step{step(diff.Changed, one(0), one(0), del(text), ins(text))}
		if check(r) == nil {
			checkJSON(t, "fuzz", r)
		}
		if !utf8.ValidString(text) {
			return
		}
		// A valid text must survive the round trip too.
		var back jsonBlock
		b := appendJSONBlock(nil, r, &steps[0])
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		if back.OldLabel != text || back.Spans[0].Text != text {
			t.Fatalf("round trip gave label %q and text %q, want %q", back.OldLabel, back.Spans[0].Text, text)
		}
	})
}
