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
		for _, key := range []string{"moved_sections", "labels"} {
			if !strings.HasPrefix(string(top[key]), "[") {
				t.Errorf("%s: %s is %s, want an array", c.name, key, top[key])
			}
		}
		var labels []map[string]json.RawMessage
		json.Unmarshal(top["labels"], &labels)
		if len(labels) != len(r.Crosswalk()) {
			t.Errorf("%s: %d labels, want %d", c.name, len(labels), len(r.Crosswalk()))
		}
		for i, l := range labels {
			if len(l) != 4 || l["old"] == nil || l["new"] == nil || l["old_block"] == nil || l["new_block"] == nil {
				t.Errorf("%s: labels[%d] is %v, want old, new, old_block, new_block", c.name, i, l)
			}
		}
		want := []string{"schema", "old", "new", "stats", "moved_sections", "labels", "blocks"}
		if hasWarnings {
			want = []string{"schema", "old", "new", "stats", "warnings", "moved_sections", "labels", "blocks"}
		}
		if got := topKeys(t, buf.Bytes()); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: top-level keys %v, want %v", c.name, got, want)
		}
	}
}

// topKeys returns the keys of the top-level JSON object in order.
func topKeys(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// TestJSONSection checks moved_sections, labels, the moved flag and
// renumbered spans on the moved section case and the moved split.
func TestJSONSection(t *testing.T) {
	var out struct {
		MovedSections []jsonMovedSection `json:"moved_sections"`
		Labels        []jsonLabelPair    `json:"labels"`
		Blocks        []struct {
			Op    string                       `json:"op"`
			Moved *bool                        `json:"moved"`
			Spans []map[string]json.RawMessage `json:"spans"`
		} `json:"blocks"`
	}
	var buf bytes.Buffer
	if err := JSON(&buf, sectionResult()); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	want := jsonMovedSection{Old: [2]int{4, 9}, New: [2]int{2, 7}, Up: true, Steps: [2]int{2, 7}}
	if len(out.MovedSections) != 1 || out.MovedSections[0] != want {
		t.Errorf("moved_sections %+v, want [%+v]", out.MovedSections, want)
	}
	if len(out.Labels) != 10 || out.Labels[2] != (jsonLabelPair{"C.", "B.", 4, 2}) {
		t.Errorf("labels %+v", out.Labels)
	}
	for i, b := range out.Blocks {
		if (b.Moved != nil) != (b.Op == "moved") || b.Moved != nil && !*b.Moved {
			t.Errorf("block %d (%s): moved %v", i, b.Op, b.Moved)
		}
	}
	spans := out.Blocks[11].Spans
	if len(spans) != 4 || string(spans[1]["renumbered"]) != "true" || string(spans[2]["renumbered"]) != "true" {
		t.Errorf("reference spans %v, want renumbered: true", spans)
	}
	if _, ok := spans[0]["renumbered"]; ok {
		t.Errorf("renumbered present on an equal span")
	}
	buf.Reset()
	if err := JSON(&buf, movedSplitResult()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"op": "split",
      "old": [
        2
      ],
      "new": [
        0,
        1
      ],
      "moved": true,`) {
		t.Errorf("moved split lacks \"moved\": true:\n%s", buf.String())
	}
}

// TestJSONLabelsKeepEmpty checks that a crosswalk row keeps an empty label.
func TestJSONLabelsKeepEmpty(t *testing.T) {
	r := pair(blocks(para("", "x")), blocks(para("1.", "x")), step(diff.Equal, one(0), one(0), eq("x")))
	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"labels": [
    {
      "old": "",
      "new": "1.",
      "old_block": 0,
      "new_block": 0
    }
  ],`) {
		t.Errorf("labels:\n%s", buf.String())
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
	if !strings.Contains(buf.String(), `"moved_sections": [],
  "labels": [],
  "blocks": []`) || strings.Contains(buf.String(), "null") {
		t.Errorf("empty JSON:\n%s", buf.String())
	}
}
