package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/redline-diff/redline/diff"
)

// JSON writes r as redline's JSON schema 1: "schema", "old" and "new"
// (path and block count), "stats", "warnings" (only when the readers
// reported any), "moved_sections" (diff.Result.MovedSections), "labels"
// (the numbering crosswalk, diff.Result.Crosswalk) and "blocks", one entry
// per step in reading order with its op, 0-based old and new block indices
// (always arrays), "moved" when the blocks left their place, labels
// (omitted when empty) and spans, exactly as in r (no layout folding), a
// span of a cross-reference that follows the renumbering with
// "renumbered". The output is indented by two spaces and does not escape
// <, > and &.
//
// The blocks are written one at a time, so that a draft of a million
// paragraphs is never held in memory twice over as JSON.
func JSON(w io.Writer, r *diff.Result) error {
	if err := check(r); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	head, err := encodeJSON(newJSONResult(r), "")
	if err != nil {
		return err
	}
	// head ends "\n  \"blocks\": []\n}\n": write all but "[]\n}\n", then the blocks.
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
		bw.Write(b[:len(b)-1]) // without the encoder's final newline
	}
	bw.WriteString("\n  ]\n}\n")
	return bw.Flush()
}

// encodeJSON encodes v indented by two spaces after prefix, without
// escaping <, > and &.
func encodeJSON(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	err := enc.Encode(v)
	return buf.Bytes(), err
}

// jsonResult is the top level of schema 1.
type jsonResult struct {
	Schema   int       `json:"schema"`
	Old      jsonDraft `json:"old"`
	New      jsonDraft `json:"new"`
	Stats    jsonStats `json:"stats"`
	Warnings []string  `json:"warnings,omitempty"`
	// MovedSections and Labels are always arrays, [] when empty.
	MovedSections []jsonMovedSection `json:"moved_sections"`
	Labels        []jsonLabelPair    `json:"labels"`
	Blocks        []jsonBlock        `json:"blocks"`
}

// jsonMovedSection is a diff.MovedSection: block ranges [start, end) in
// each draft, and the range of its steps (indices into "blocks").
type jsonMovedSection struct {
	Old   [2]int `json:"old"`
	New   [2]int `json:"new"`
	Up    bool   `json:"up"`
	Steps [2]int `json:"steps"`
}

// jsonLabelPair is a row of the numbering crosswalk (diff.LabelPair); both
// labels are always present, "" for a block without one.
type jsonLabelPair struct {
	Old      string `json:"old"`
	New      string `json:"new"`
	OldBlock int    `json:"old_block"`
	NewBlock int    `json:"new_block"`
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
	Reformatted   int `json:"reformatted"`
	WordsInserted int `json:"words_inserted"`
	WordsDeleted  int `json:"words_deleted"`
}

// newJSONStats converts diff.Stats to schema 1's names.
func newJSONStats(s diff.Stats) jsonStats {
	return jsonStats{
		Equal: s.Equal, Changed: s.Changed, Inserted: s.Inserted,
		Deleted: s.Deleted, Moved: s.Moved, Split: s.Split, Merged: s.Merged,
		Renumbered: s.Renumbered, Reformatted: s.Reformatted,
		WordsInserted: s.WordsInserted, WordsDeleted: s.WordsDeleted,
	}
}

// jsonBlock is one step.
type jsonBlock struct {
	Op       string     `json:"op"`
	Old      []int      `json:"old"`
	New      []int      `json:"new"`
	Moved    bool       `json:"moved,omitempty"`
	OldLabel string     `json:"old_label,omitempty"`
	NewLabel string     `json:"new_label,omitempty"`
	Spans    []jsonSpan `json:"spans"`
}

// jsonSpan is one span of a step's word diff.
type jsonSpan struct {
	Op         string `json:"op"`
	Text       string `json:"text"`
	Renumbered bool   `json:"renumbered,omitempty"`
}

// newJSONResult converts r to schema 1.
func newJSONResult(r *diff.Result) *jsonResult {
	out := &jsonResult{
		Schema:        1,
		Old:           jsonDraft{r.Old.Name, len(r.Old.Blocks)},
		New:           jsonDraft{r.New.Name, len(r.New.Blocks)},
		Stats:         newJSONStats(r.Stats()),
		Warnings:      warnings(r),
		MovedSections: []jsonMovedSection{},
		Labels:        []jsonLabelPair{},
		Blocks:        []jsonBlock{}, // written by JSON one at a time
	}
	for _, sec := range r.MovedSections() {
		out.MovedSections = append(out.MovedSections, jsonMovedSection{sec.Old, sec.New, sec.Up, sec.Steps})
	}
	for _, p := range r.Crosswalk() {
		out.Labels = append(out.Labels, jsonLabelPair{p.Old, p.New, p.OldBlock, p.NewBlock})
	}
	return out
}

// newJSONBlock converts one step.
func newJSONBlock(r *diff.Result, st *diff.Step) jsonBlock {
	b := jsonBlock{
		Op:       st.Op.String(),
		Old:      append([]int{}, st.Old...),
		New:      append([]int{}, st.New...),
		Moved:    isMoved(st),
		OldLabel: r.OldLabel(st),
		NewLabel: r.NewLabel(st),
		Spans:    make([]jsonSpan, len(st.Spans)),
	}
	for i, sp := range st.Spans {
		b.Spans[i] = jsonSpan{sp.Op.String(), sp.Text, sp.Renumbered}
	}
	return b
}
