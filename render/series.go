package render

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// This file holds what the renderers of a diff.History (history, trace,
// blame) share: checking the history, naming drafts and blocks, the page
// templates and the JSON encoder.

//go:embed history.tmpl
var historySource string

//go:embed trace.tmpl
var traceSource string

//go:embed blame.tmpl
var blameSource string

//go:embed series.css
var seriesCSS string

//go:embed history.js
var historyScript string

// seriesTemplates holds the history, trace and blame pages, with page.tmpl's
// definitions (a redline's blocks, markers and banners) for the history
// page's redlines. They are parsed on first use.
var seriesTemplates = sync.OnceValue(func() *template.Template {
	t := template.Must(template.New("page").Funcs(template.FuncMap{"slot": slot}).Parse(pageSource))
	for _, src := range []string{historySource, traceSource, blameSource, termsSource} {
		template.Must(t.New("").Parse(src))
	}
	return t
})

// checkHistory returns an error if h cannot be rendered: fewer than two
// drafts, or a revision that is not their comparison or breaks diff's
// invariants.
func checkHistory(h *diff.History) error {
	if h == nil || len(h.Drafts) < 2 || h.NumRevisions() != len(h.Drafts)-1 || len(h.Names) != len(h.Drafts) {
		return fmt.Errorf("render: a history needs two or more drafts, their names and their revisions")
	}
	for k := range h.NumRevisions() {
		r := h.Revision(k)
		if r == nil || r.Old != h.Drafts[k] || r.New != h.Drafts[k+1] {
			return fmt.Errorf("render: revision %d does not compare drafts %d and %d", k, k, k+1)
		}
		if err := check(r); err != nil {
			return err
		}
	}
	return nil
}

// draftName returns the name of draft k for people: h.Names[k], or the
// document's name when that is empty.
func draftName(h *diff.History, k int) string {
	if n := h.Names[k]; n != "" {
		return n
	}
	return h.Drafts[k].Name
}

// textName returns the name of draft k for text output: quoted as a Go
// string if it holds a line break or another control character.
func textName(h *diff.History, k int) string {
	return oneLine(draftName(h, k))
}

// blockIn names block i of draft k as blockRef does ("¶ 12"), or "" for -1.
func blockIn(h *diff.History, k, i int) string {
	if i < 0 {
		return ""
	}
	return blockRef(h.Drafts[k].Blocks[i])
}

// seriesCSSAll is the style sheet of the history, trace and blame pages:
// the redline page's, then theirs.
func seriesStyle() template.CSS {
	return template.CSS(pageCSS + seriesCSS)
}

// historyScriptHash is the Content-Security-Policy source that allows the
// history page's one inline script and nothing else.
var historyScriptHash = func() string {
	sum := sha256.Sum256([]byte(historyScript))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// jsonDraftEntry names a draft in the history, trace and blame JSON.
type jsonDraftEntry struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Blocks int    `json:"blocks"`
}

func jsonDrafts(h *diff.History) []jsonDraftEntry {
	out := make([]jsonDraftEntry, len(h.Drafts))
	for k, d := range h.Drafts {
		out[k] = jsonDraftEntry{Name: draftName(h, k), Path: d.Name, Blocks: len(d.Blocks)}
	}
	return out
}

// writeJSON writes v as the JSON renderers do: indented by two spaces,
// <, > and & unescaped.
func writeJSON(w io.Writer, v any) error {
	b, err := encodeJSON(v, "")
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// oneLine returns s for a line of text output: quoted as a Go string if it
// holds a line break or another control character.
func oneLine(s string) string {
	return fileName(s)
}

// kindName returns the JSON name of a block kind: "paragraph", "heading",
// "list_item", "quote", "table_row".
func kindName(k draft.Kind) string {
	return strings.ReplaceAll(k.String(), " ", "_")
}
