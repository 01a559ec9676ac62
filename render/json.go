package render

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/redline-diff/redline/diff"
)

// JSON writes r as redline's JSON schema 1: "schema", "old" and "new"
// (path and block count), "stats", "warnings" (only when the readers
// reported any) and "blocks", one entry per step in reading order with its
// op, 0-based old and new block indices (always arrays), labels (omitted
// when empty) and spans, exactly as in r (no layout folding). The output
// is indented by two spaces and does not escape <, > and &.
func JSON(w io.Writer, r *diff.Result) error {
	if err := check(r); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(newJSONResult(r)); err != nil {
		return err
	}
	return bw.Flush()
}

// jsonResult is the top level of schema 1.
type jsonResult struct {
	Schema   int         `json:"schema"`
	Old      jsonDraft   `json:"old"`
	New      jsonDraft   `json:"new"`
	Stats    jsonStats   `json:"stats"`
	Warnings []string    `json:"warnings,omitempty"`
	Blocks   []jsonBlock `json:"blocks"`
}

// jsonDraft names a draft.
type jsonDraft struct {
	Path   string `json:"path"`
	Blocks int    `json:"blocks"`
}

// jsonStats is diff.Stats under schema 1's names.
type jsonStats struct {
	Equal         int `json:"equal"`
	Changed       int `json:"changed"`
	Inserted      int `json:"inserted"`
	Deleted       int `json:"deleted"`
	Moved         int `json:"moved"`
	Split         int `json:"split"`
	Merged        int `json:"merged"`
	Renumbered    int `json:"renumbered"`
	WordsInserted int `json:"words_inserted"`
	WordsDeleted  int `json:"words_deleted"`
}

// jsonBlock is one step.
type jsonBlock struct {
	Op       string     `json:"op"`
	Old      []int      `json:"old"`
	New      []int      `json:"new"`
	OldLabel string     `json:"old_label,omitempty"`
	NewLabel string     `json:"new_label,omitempty"`
	Spans    []jsonSpan `json:"spans"`
}

// jsonSpan is one span of a step's word diff.
type jsonSpan struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// newJSONResult converts r to schema 1.
func newJSONResult(r *diff.Result) *jsonResult {
	s := r.Stats()
	out := &jsonResult{
		Schema: 1,
		Old:    jsonDraft{r.Old.Name, len(r.Old.Blocks)},
		New:    jsonDraft{r.New.Name, len(r.New.Blocks)},
		Stats: jsonStats{
			Equal: s.Equal, Changed: s.Changed, Inserted: s.Inserted,
			Deleted: s.Deleted, Moved: s.Moved, Split: s.Split, Merged: s.Merged,
			Renumbered: s.Renumbered, WordsInserted: s.WordsInserted,
			WordsDeleted: s.WordsDeleted,
		},
		Warnings: warnings(r),
		Blocks:   make([]jsonBlock, len(r.Steps)),
	}
	for i := range r.Steps {
		out.Blocks[i] = newJSONBlock(r, &r.Steps[i])
	}
	return out
}

// newJSONBlock converts one step.
func newJSONBlock(r *diff.Result, st *diff.Step) jsonBlock {
	b := jsonBlock{
		Op:       st.Op.String(),
		Old:      append([]int{}, st.Old...),
		New:      append([]int{}, st.New...),
		OldLabel: r.OldLabel(st),
		NewLabel: r.NewLabel(st),
		Spans:    make([]jsonSpan, len(st.Spans)),
	}
	for i, sp := range st.Spans {
		b.Spans[i] = jsonSpan{sp.Op.String(), sp.Text}
	}
	return b
}
