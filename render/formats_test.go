package render

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
)

// statOf renders r with Stat as the only file of a listing.
func statOf(w io.Writer, r *diff.Result) error {
	if err := check(r); err != nil {
		return err
	}
	return Stat(w, []StatFile{{Name: r.New.Name, Stats: r.Stats(), Differs: r.Differs(false)}})
}

// scriptFormats are the formats of this file's tests, by golden extension.
var scriptFormats = []struct {
	ext    string
	render func(io.Writer, *diff.Result) error
}{
	{"ansi", ANSI},
	{"critic.md", Markdown},
	{"stat", statOf},
}

// TestGoldenScriptFormats renders every case as ANSI, CriticMarkup and
// --stat and compares with testdata/golden/CASE.EXT (-update rewrites).
func TestGoldenScriptFormats(t *testing.T) {
	for _, c := range cases {
		for _, f := range scriptFormats {
			t.Run(c.name+"."+f.ext, func(t *testing.T) {
				var a, b bytes.Buffer
				if err := f.render(&a, c.result()); err != nil {
					t.Fatal(err)
				}
				if err := f.render(&b, c.result()); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
					t.Fatalf("second rendering differs (error %v)", err)
				}
				compareGolden(t, filepath.Join("testdata", "golden", c.name+"."+f.ext), a.Bytes())
			})
		}
	}
}

// TestScriptFormatsErrors checks that malformed results and write errors
// give errors, not panics.
func TestScriptFormatsErrors(t *testing.T) {
	bad := &diff.Result{Old: document("old", para("", "x")), New: document("new"), Steps: []diff.Step{step(diff.Moved, one(0), diff.Blocks{})}}
	for _, f := range scriptFormats {
		if err := f.render(io.Discard, bad); err == nil {
			t.Errorf("%s: no error for a malformed result", f.ext)
		}
		if err := f.render(failingWriter{}, sampleResult()); !errors.Is(err, errWrite) {
			t.Errorf("%s: error %v, want %v", f.ext, err, errWrite)
		}
	}
}

// TestANSI checks the escape codes around deletions and insertions, and
// that control characters of a draft never reach the terminal.
func TestANSI(t *testing.T) {
	r := pair(blocks(para("1.", "States agreed\x1b]0;pwned\x07 that.")), blocks(para("1.", "States concluded\x1b[2J that.")),
		step(diff.Changed, one(0), one(0), eq("States "), del("agreed\x1b]0;pwned\x07"), ins("concluded\x1b[2J"), eq(" that.")))
	var buf bytes.Buffer
	if err := ANSI(&buf, r); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{"\x1b[9;31magreed␛]0;pwned␇\x1b[m", "\x1b[4;32mconcluded␛[2J\x1b[m", "\x1b[36m@@ ¶ 1 changed @@\x1b[m\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("ANSI output lacks %q:\n%q", want, got)
		}
	}
	if n := strings.Count(got, "\x1b"); n != 2*5 {
		t.Errorf("%d escape characters, want 10 (five styled runs):\n%q", n, got)
	}
}

// TestANSIMultiline checks that a style is closed before each line break.
func TestANSIMultiline(t *testing.T) {
	r := pair(blocks(para("", "a")), blocks(para("", "a\nb\n\nc")),
		step(diff.Changed, one(0), one(0), eq("a"), ins("\nb\n\nc")))
	var buf bytes.Buffer
	if err := ANSI(&buf, r); err != nil {
		t.Fatal(err)
	}
	if want := "a\n\x1b[4;32mb\x1b[m\n\n\x1b[4;32mc\x1b[m\n"; !strings.HasSuffix(buf.String(), want) {
		t.Errorf("got %q, want it to end in %q", buf.String(), want)
	}
}

// TestMarkdown checks CriticMarkup for each kind of change.
func TestMarkdown(t *testing.T) {
	tests := []struct {
		name string
		r    *diff.Result
		want string
	}{
		{"substitution", pair(blocks(para("12.", "States agreed that.")), blocks(para("14.", "States concluded that.")),
			step(diff.Changed, one(0), one(0), eq("States "), del("agreed"), ins("concluded"), eq(" that."))),
			"{~~12.~>14.~~} States {~~agreed~>concluded~~} that.\n"},
		{"insert and delete", pair(blocks(para("", "a b")), blocks(para("", "a c")),
			step(diff.Changed, one(0), one(0), eq("a "), ins("c"), del("b"))),
			"a {++c++}{--b--}\n"},
		{"heading inserted and deleted", pair(blocks(heading(2, "B.", "Old")), blocks(heading(3, "C.", "New")),
			step(diff.Deleted, one(0), diff.Blocks{}, del("Old")), step(diff.Inserted, diff.Blocks{}, one(0), ins("New"))),
			"## {--B. Old--}\n\n### {++C. New++}\n"},
		{"split keeps labels", pair(blocks(para("9.", "One. Two.")), blocks(para("9.", "One."), para("10.", "Two.")),
			step(diff.Split, one(0), run(0, 1), eq("One."), del(" "), insBreak(), eq("Two."))),
			"9. One.{-- --}\n\n10. Two. {>>split into ¶ 9 and ¶ 10<<}\n"},
		{"merge keeps labels", pair(blocks(para("9.", "One."), para("10.", "Two.")), blocks(para("9.", "One. Two.")),
			step(diff.Merged, run(0, 1), one(0), eq("One."), delBreak(), ins(" "), eq("Two."))),
			"9. One.{-- ¶ 10. --}{++ ++}Two. {>>merged from ¶ 9 and ¶ 10<<}\n"},
		{"renumbered reference", pair(blocks(para("", "See paragraph 22.")), blocks(para("", "See paragraph 25.")),
			step(diff.Changed, one(0), one(0), withRef(spans(eq("See paragraph ")), "22", "25", eq("."))...)),
			"See paragraph {~~22~>25~~}.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Markdown(&buf, tt.r); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", buf.String(), tt.want)
			}
		})
	}
}

// TestStat checks the scaling of the bar and the skipped files.
func TestStat(t *testing.T) {
	files := []StatFile{
		{Name: "a.md", Differs: true, Stats: diff.Stats{Changed: 2, WordsInserted: 80, WordsDeleted: 20}},
		{Name: "b/long-name.md", Differs: true, Stats: diff.Stats{Inserted: 1, Split: 1, WordsInserted: 1}},
		{Name: "same.md", Stats: diff.Stats{Equal: 3}},
		{Name: "logo.png", Skipped: "binary file"},
	}
	var buf bytes.Buffer
	if err := Stat(&buf, files); err != nil {
		t.Fatal(err)
	}
	want := " a.md           | 2 changed, 0 inserted, 0 deleted, 0 moved | +80 -20 " + strings.Repeat("+", 32) + strings.Repeat("-", 8) + "\n" +
		" b/long-name.md | 0 changed, 1 inserted, 0 deleted, 0 moved, 1 split | +1 -0 +\n" +
		" logo.png       | skipped: binary file\n" +
		" 2 files changed: 2 changed, 1 inserted, 0 deleted, 0 moved, 1 split paragraphs; 81 words inserted (+), 20 deleted (-); 1 file skipped\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := Stat(&buf, files[2:3]); err != nil || buf.Len() != 0 {
		t.Errorf("no difference: wrote %q (error %v), want nothing", buf.String(), err)
	}
}
