package render

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
)

var update = flag.Bool("update", false, "rewrite golden files")

// formats are the renderers under test, by golden file extension.
var formats = []struct {
	ext    string
	render func(io.Writer, *diff.Result) error
}{
	{"html", HTML},
	{"txt", Text},
	{"json", JSON},
}

// TestGolden renders every case in every format and compares the output
// with testdata/golden/CASE.EXT; go test ./render -update rewrites them.
// A page's style sheet and script are checked to be page.css and page.js,
// inlined whole, and left out of the golden file, so that a change of
// style is not a change of eight goldens.
func TestGolden(t *testing.T) {
	for _, c := range cases {
		for _, f := range formats {
			t.Run(c.name+"."+f.ext, func(t *testing.T) {
				var buf bytes.Buffer
				if err := f.render(&buf, c.result()); err != nil {
					t.Fatal(err)
				}
				got := buf.Bytes()
				if f.ext == "html" {
					got = withoutAssets(t, got)
				}
				compareGolden(t, filepath.Join("testdata", "golden", c.name+"."+f.ext), got)
			})
		}
	}
}

// withoutAssets checks that page holds page.css and page.js inlined whole
// and returns it with both replaced by "…".
func withoutAssets(t *testing.T, page []byte) []byte {
	t.Helper()
	style, script := "<style>\n"+pageCSS+"</style>", "<script>"+pageJS+"</script>"
	if !bytes.Contains(page, []byte(style)) || !bytes.Contains(page, []byte(script)) {
		t.Fatal("the page does not inline page.css and page.js whole")
	}
	page = bytes.Replace(page, []byte(style), []byte("<style>…</style>"), 1)
	return bytes.Replace(page, []byte(script), []byte("<script>…</script>"), 1)
}

// compareGolden compares got with the golden file, or rewrites the file
// under -update.
func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs: %s\n(if the change is intended, run go test ./render -update and review git diff %s)",
			path, firstDifference(string(want), string(got)), path)
	}
}

// firstDifference describes the first line where got departs from want.
func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g || i >= len(wl) || i >= len(gl) {
			return "first difference at line " + strconv.Itoa(i+1) + ":\n  want: " + quoteLine(w, i < len(wl)) + "\n  got:  " + quoteLine(g, i < len(gl))
		}
	}
	return "same lines, different bytes"
}

func quoteLine(s string, ok bool) string {
	if !ok {
		return "(end of file)"
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// TestDeterministic renders each case twice in each format and compares
// the bytes.
func TestDeterministic(t *testing.T) {
	for _, c := range cases {
		for _, f := range formats {
			var a, b bytes.Buffer
			if err := f.render(&a, c.result()); err != nil {
				t.Fatal(err)
			}
			if err := f.render(&b, c.result()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s.%s: two renderings differ", c.name, f.ext)
			}
		}
	}
}

// TestBadResult checks that malformed results give errors, not panics.
func TestBadResult(t *testing.T) {
	bad := map[string]*diff.Result{
		"nil result": nil,
		"nil old":    {New: document("new")},
		"old index":  {Old: document("old"), New: document("new", para("", "x")), Steps: []diff.Step{step(diff.Changed, one(3), one(0))}},
		"new index":  {Old: document("old", para("", "x")), New: document("new"), Steps: []diff.Step{step(diff.Changed, one(0), one(-1))}},
		"no new":     {Old: document("old", para("", "x")), New: document("new"), Steps: []diff.Step{step(diff.Moved, one(0), diff.Blocks{})}},
		"no old":     {Old: document("old"), New: document("new", para("", "x")), Steps: []diff.Step{step(diff.Split, diff.Blocks{}, one(0))}},
		"lossy":      {Old: document("old", para("", "x")), New: document("new", para("", "x")), Steps: []diff.Step{step(diff.Equal, one(0), one(0), eq("y"))}},
		"moved insertion": {Old: document("old", para("", "x")), New: document("new", para("", "x"), para("", "y")), Steps: []diff.Step{
			moved(step(diff.Equal, one(0), one(0), eq("x"))), moved(step(diff.Inserted, diff.Blocks{}, one(1), ins("y")))}},
	}
	for _, name := range []string{"nil result", "nil old", "old index", "new index", "no new", "no old", "lossy", "moved insertion"} {
		for _, f := range formats {
			if err := f.render(io.Discard, bad[name]); err == nil {
				t.Errorf("%s: %s: no error", f.ext, name)
			}
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

var errWrite = errors.New("disk full")

func (failingWriter) Write(p []byte) (int, error) { return 0, errWrite }

// TestWriteError checks that write errors reach the caller.
func TestWriteError(t *testing.T) {
	for _, f := range formats {
		if err := f.render(failingWriter{}, sampleResult()); !errors.Is(err, errWrite) {
			t.Errorf("%s: error %v, want %v", f.ext, err, errWrite)
		}
	}
}
