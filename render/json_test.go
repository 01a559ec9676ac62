package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/redline-diff/redline/diff"
)

// TestJSONShape decodes the JSON of every case and checks schema 1's
// promises: old and new always arrays, spans always an array, labels
// omitted when empty, warnings only when there are some, spans raw.
func TestJSONShape(t *testing.T) {
	for _, c := range cases {
		r := c.result()
		var buf bytes.Buffer
		if err := JSON(&buf, r); err != nil {
			t.Fatal(err)
		}
		var top map[string]json.RawMessage
		if err := json.Unmarshal(buf.Bytes(), &top); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if string(top["schema"]) != "1" {
			t.Errorf("%s: schema %s", c.name, top["schema"])
		}
		_, hasWarnings := top["warnings"]
		if want := len(r.Old.Warnings)+len(r.New.Warnings) > 0; hasWarnings != want {
			t.Errorf("%s: warnings present %v, want %v", c.name, hasWarnings, want)
		}
		checkJSONBlocks(t, c.name, r, top["blocks"])
	}
}

func checkJSONBlocks(t *testing.T, name string, r *diff.Result, raw json.RawMessage) {
	t.Helper()
	var blocks []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &blocks); err != nil || blocks == nil {
		t.Fatalf("%s: blocks %s: %v", name, raw, err)
	}
	if len(blocks) != len(r.Steps) {
		t.Fatalf("%s: %d blocks, %d steps", name, len(blocks), len(r.Steps))
	}
	for i, b := range blocks {
		st := &r.Steps[i]
		for _, key := range []string{"old", "new", "spans"} {
			if !strings.HasPrefix(string(b[key]), "[") {
				t.Errorf("%s block %d: %s is %s, want an array", name, i, key, b[key])
			}
		}
		if _, ok := b["old_label"]; ok != (r.OldLabel(st) != "") {
			t.Errorf("%s block %d: old_label present %v", name, i, ok)
		}
		var spans []jsonSpan
		json.Unmarshal(b["spans"], &spans)
		if len(spans) != len(st.Spans) {
			t.Errorf("%s block %d: %d spans, want %d (raw)", name, i, len(spans), len(st.Spans))
		}
	}
}

// TestJSONRaw checks that JSON neither folds layout-only spans nor
// escapes HTML characters.
func TestJSONRaw(t *testing.T) {
	r := pair(blocks(para("1.", "a\n<b>")), blocks(para("2.", "a <b>")),
		step(diff.Equal, one(0), one(0), eq("a"), del("\n"), ins(" "), eq("<b>")))
	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"text": "\n"`, `"op": "delete"`, `"text": "<b>"`, `"renumbered": 1`, `"old_label": "1."`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("JSON lacks %s:\n%s", want, buf.String())
		}
	}
}

// TestJSONEmpty checks the JSON of two empty drafts.
func TestJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, emptyResult()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"blocks": []`) || strings.Contains(buf.String(), "null") {
		t.Errorf("empty JSON:\n%s", buf.String())
	}
}
