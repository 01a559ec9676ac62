package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

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
// "renumbered", a span of a change of layout alone (diff.Span.Layout: both
// spans of the pair; their words are not counted in the stats) with
// "layout", the span that joins two pieces of a split (new side) or a
// merge (old side) with "break" (diff.Span.Break: its text is "\n\n", and
// a block's own "\n\n" never carries it), and "formatting" on a block whose formatting changed
// (diff.Step.Formatting; "formatted" in the stats counts them). Blocks'
// formatting itself (their marks) is not written. The output is indented by two spaces and does not escape
// <, > and &.
//
// The blocks are written one at a time, so that a draft of a million
// paragraphs is never held in memory twice over as JSON, and by hand
// (appendJSONBlock): encoding each through encoding/json by reflection,
// then re-indenting it, took most of the time and allocations of writing
// a large result.
func JSON(w io.Writer, r *diff.Result) error {
	return writeJSONWith(w, r, nil)
}

// writeJSONWith writes r as JSON does and then, before the closing brace, the
// bytes of extra (already indented, each key preceded by ",\n  ").
func writeJSONWith(w io.Writer, r *diff.Result, extra []byte) error {
	if err := check(r); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	head, err := encodeJSON(newJSONResult(r), "")
	if err != nil {
		return err
	}
	// head ends with empty labels and blocks: write all but those, then
	// the labels (one per numbered block) and the blocks, by hand.
	const tail = "[],\n  \"blocks\": []\n}\n"
	bw.Write(head[:len(head)-len(tail)])
	var buf []byte
	if labels := r.Crosswalk(); len(labels) == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString("[")
		for i := range labels {
			buf = buf[:0]
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendJSONLabel(append(buf, "\n    "...), &labels[i])
			bw.Write(buf)
		}
		bw.WriteString("\n  ]")
	}
	bw.WriteString(",\n  \"blocks\": ")
	if len(r.Steps) == 0 {
		bw.WriteString("[]")
		bw.Write(extra)
		bw.WriteString("\n}\n")
		return bw.Flush()
	}
	bw.WriteString("[")
	// One buffer serves every block: it grows to the longest block and is
	// then reused, so that writing a block allocates nothing.
	for i := range r.Steps {
		buf = buf[:0]
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, "\n    "...)
		buf = appendJSONBlock(buf, r, &r.Steps[i])
		bw.Write(buf)
	}
	bw.WriteString("\n  ]")
	bw.Write(extra)
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// appendJSONBlock appends step st of r as an entry of "blocks" to dst: the
// bytes that encodeJSON(jsonBlock, "    ") writes for it, indented for its
// place in the array, without the encoder's final newline. Field order,
// omitempty and escaping are those of jsonBlock and jsonSpan under
// encoding/json; jsonenc_test.go holds the two to the same bytes.
func appendJSONBlock(dst []byte, r *diff.Result, st *diff.Step) []byte {
	dst = append(dst, "{\n      \"op\": "...)
	dst = appendJSONString(dst, st.Op.String())
	dst = append(dst, ",\n      \"old\": "...)
	dst = appendJSONInts(dst, st.Old)
	dst = append(dst, ",\n      \"new\": "...)
	dst = appendJSONInts(dst, st.New)
	if isMoved(st) {
		dst = append(dst, ",\n      \"moved\": true"...)
	}
	if label := r.OldLabel(st); label != "" {
		dst = append(dst, ",\n      \"old_label\": "...)
		dst = appendJSONString(dst, label)
	}
	if label := r.NewLabel(st); label != "" {
		dst = append(dst, ",\n      \"new_label\": "...)
		dst = appendJSONString(dst, label)
	}
	if st.Formatting {
		dst = append(dst, ",\n      \"formatting\": true"...)
	}
	dst = append(dst, ",\n      \"spans\": "...)
	if len(st.Spans) == 0 {
		dst = append(dst, "[]"...)
	} else {
		dst = append(dst, '[')
		for i := range st.Spans {
			sp := &st.Spans[i]
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, "\n        {\n          \"op\": "...)
			dst = appendJSONString(dst, sp.Op.String())
			dst = append(dst, ",\n          \"text\": "...)
			dst = appendJSONString(dst, sp.Text)
			if sp.Renumbered {
				dst = append(dst, ",\n          \"renumbered\": true"...)
			}
			if sp.Layout {
				dst = append(dst, ",\n          \"layout\": true"...)
			}
			if sp.Break {
				dst = append(dst, ",\n          \"break\": true"...)
			}
			dst = append(dst, "\n        }"...)
		}
		dst = append(dst, "\n      ]"...)
	}
	return append(dst, "\n    }"...)
}

// appendJSONLabel appends a label pair as an entry of "labels": the bytes
// encodeJSON(jsonLabelPair, "    ") writes for it, without the final
// newline (jsonenc_test.go holds the two to the same bytes).
func appendJSONLabel(dst []byte, p *diff.LabelPair) []byte {
	dst = append(dst, "{\n      \"old\": "...)
	dst = appendJSONString(dst, p.Old)
	dst = append(dst, ",\n      \"new\": "...)
	dst = appendJSONString(dst, p.New)
	dst = append(dst, ",\n      \"old_block\": "...)
	dst = strconv.AppendInt(dst, int64(p.OldBlock), 10)
	dst = append(dst, ",\n      \"new_block\": "...)
	dst = strconv.AppendInt(dst, int64(p.NewBlock), 10)
	return append(dst, "\n    }"...)
}

// appendJSONInts appends a block's indices as a field value of
// appendJSONBlock: one per line, or [] (never null) when there are none,
// as encoding/json indents a non-nil []int.
func appendJSONInts(dst []byte, v diff.Blocks) []byte {
	if v.Len() == 0 {
		return append(dst, "[]"...)
	}
	dst = append(dst, '[')
	for i, n := range v.All() {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, "\n        "...)
		dst = strconv.AppendInt(dst, int64(n), 10)
	}
	return append(dst, "\n      ]"...)
}

// jsonSafe marks the ASCII bytes that encoding/json writes as they are
// when it does not escape HTML: all but the quote, the backslash and the
// control characters below U+0020 (DEL is written raw).
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()

// appendJSONString appends s quoted exactly as encoding/json quotes a
// string with SetEscapeHTML(false), so that JSON's output does not depend
// on which of the two wrote a value: short escapes for the quote, the
// backslash, \b, \f, \n, \r and \t, \u00xx (lower-case hex) for the other
// control characters, \ufffd for each byte of invalid UTF-8, and \u2028
// and \u2029 for the line and paragraph separators, which JavaScript
// does not allow raw in a string; everything else, <, > and & too, raw.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0 // s[start:i] is raw text not yet appended
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xf])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
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
	// Formatted is diff.Stats.Formatted, left out when 0 (it came after
	// schema 1's first outputs).
	Formatted int `json:"formatted,omitempty"`
}

// newJSONStats converts diff.Stats to schema 1's names.
func newJSONStats(s diff.Stats) jsonStats {
	return jsonStats{
		Equal: s.Equal, Changed: s.Changed, Inserted: s.Inserted,
		Deleted: s.Deleted, Moved: s.Moved, Split: s.Split, Merged: s.Merged,
		Renumbered: s.Renumbered, Reformatted: s.Reformatted,
		WordsInserted: s.WordsInserted, WordsDeleted: s.WordsDeleted, Formatted: s.Formatted,
	}
}

// jsonBlock is one step. JSON writes the blocks by hand (appendJSONBlock)
// rather than through this type, which stays as the definition of a
// block: jsonenc_test.go encodes it with encoding/json and checks that
// appendJSONBlock writes the same bytes. Format is diff.Step.Formatting:
// the text both drafts share is formatted differently (with op "equal", a
// change of formatting alone).
type jsonBlock struct {
	Op       string     `json:"op"`
	Old      []int      `json:"old"`
	New      []int      `json:"new"`
	Moved    bool       `json:"moved,omitempty"`
	OldLabel string     `json:"old_label,omitempty"`
	NewLabel string     `json:"new_label,omitempty"`
	Format   bool       `json:"formatting,omitempty"`
	Spans    []jsonSpan `json:"spans"`
}

// jsonSpan is one span of a step's word diff.
type jsonSpan struct {
	Op         string `json:"op"`
	Text       string `json:"text"`
	Renumbered bool   `json:"renumbered,omitempty"`
	Layout     bool   `json:"layout,omitempty"`
	Break      bool   `json:"break,omitempty"`
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
		Labels:        []jsonLabelPair{}, // written by JSON one at a time
		Blocks:        []jsonBlock{},     // likewise
	}
	for _, sec := range r.MovedSections() {
		out.MovedSections = append(out.MovedSections, jsonMovedSection{sec.Old, sec.New, sec.Up, sec.Steps})
	}
	return out
}
