package diff

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-diff/redline/draft"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestLanguages runs the drafts of testdata/languages/*.txtar, one per
// official UN language, through the Markdown reader and Compare, and checks
// the redline of every changed paragraph against the archive's "redline"
// file: one line "LABEL: markup" (or "LABEL (was OLD): markup") per step
// that is not equal, white-space-only differences shown as unchanged.
func TestLanguages(t *testing.T) {
	files, err := filepath.Glob("../testdata/languages/*.txtar")
	if err != nil || len(files) < 6 {
		t.Fatalf("want six language archives, found %d (%v)", len(files), err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]string{}
			for _, f := range ar.Files {
				parts[f.Name] = string(f.Data)
			}
			old, err := draft.Read("old.md", []byte(parts["old.md"]), draft.Markdown)
			if err != nil {
				t.Fatal(err)
			}
			new, err := draft.Read("new.md", []byte(parts["new.md"]), draft.Markdown)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Compare(old, new, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Check(); err != nil {
				t.Fatal(err)
			}
			if got, want := redlineLines(r), strings.TrimSpace(parts["redline"]); got != want {
				t.Errorf("redline:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// redlineLines writes the steps that are not equal, one a line.
func redlineLines(r *Result) string {
	var lines []string
	for k := range r.Steps {
		st := &r.Steps[k]
		if st.Op == Equal && !r.Renumbered(st) {
			continue
		}
		label := r.NewLabel(st)
		if st.New.Len() == 0 {
			label = r.OldLabel(st)
		}
		if r.Renumbered(st) {
			label += " (was " + r.OldLabel(st) + ")"
		}
		lines = append(lines, label+": "+markup(collapseLayout(st.Spans)))
	}
	return strings.Join(lines, "\n")
}

// collapseLayout shows a layout-only pair (Span.Layout) as the new text,
// unchanged, as renderers do.
func collapseLayout(spans []Span) []Span {
	var out []Span
	for k := 0; k < len(spans); k++ {
		sp := spans[k]
		if sp.Layout && k+1 < len(spans) {
			sp = Span{Op: SpanEqual, Text: spans[k+1].Text}
			if spans[k].Op == SpanInsert {
				sp.Text = spans[k].Text
			}
			k++
		}
		if n := len(out); n > 0 && out[n-1].Op == SpanEqual && sp.Op == SpanEqual {
			out[n-1].Text += sp.Text
			continue
		}
		out = append(out, sp)
	}
	return out
}
