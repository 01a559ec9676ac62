package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaFile is the JSON Schema of "redline compare -f json".
const schemaFile = "../../docs/schema/redline-compare-1.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(schemaFile)
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	return sch
}

// validate checks JSON text against the schema.
func validate(sch *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// TestJSONSchema validates the JSON output of every shipped draft pair
// (consecutive drafts, zero draft against final, the plain-text pair)
// against docs/schema/redline-compare-1.json.
func TestJSONSchema(t *testing.T) {
	sch := compileSchema(t)
	pairs := [][2]string{
		{draftPath("zero-draft.md"), draftPath("final.md")},
		{"../../testdata/text/chair-summary-v1.txt", "../../testdata/text/chair-summary-v2.txt"},
	}
	for i := 0; i+1 < len(shippedDrafts); i++ {
		pairs = append(pairs, [2]string{draftPath(shippedDrafts[i]), draftPath(shippedDrafts[i+1])})
	}
	for _, p := range pairs {
		t.Run(filepath.Base(p[0])+"→"+filepath.Base(p[1]), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := []string{"redline", "compare", "-f", "json", p[0], p[1]}
			if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitDiffer {
				t.Fatalf("exit status %d: %s", code, stderr.String())
			}
			if err := validate(sch, stdout.Bytes()); err != nil {
				t.Errorf("output does not match %s:\n%v", schemaFile, err)
			}
		})
	}
}

// TestJSONSchemaRefuses checks that the schema is strict enough to fail:
// documents that break schema 1 in different ways are refused.
func TestJSONSchemaRefuses(t *testing.T) {
	sch := compileSchema(t)
	stats := `"stats": {"equal": 0, "changed": 0, "inserted": 1, "deleted": 0, "moved": 0, "split": 0, "merged": 0, "renumbered": 0, "words_inserted": 1, "words_deleted": 0}`
	head := `{"schema": 1, "old": {"path": "a", "blocks": 0}, "new": {"path": "b", "blocks": 1}, ` + stats + `, `
	good := head + `"blocks": [{"op": "inserted", "old": [], "new": [0], "spans": [{"op": "insert", "text": "x"}]}]}`
	if err := validate(sch, []byte(good)); err != nil {
		t.Fatalf("a valid document is refused: %v", err)
	}
	bad := map[string]string{
		"schema 2":       strings.Replace(good, `"schema": 1`, `"schema": 2`, 1),
		"unknown op":     strings.Replace(good, `"op": "inserted"`, `"op": "rewritten"`, 1),
		"unknown field":  strings.Replace(good, `"spans"`, `"colour": "red", "spans"`, 1),
		"inserted old":   strings.Replace(good, `"old": [], "new": [0]`, `"old": [0], "new": [0]`, 1),
		"span op":        strings.Replace(good, `"op": "insert"`, `"op": "added"`, 1),
		"negative index": strings.Replace(good, `"new": [0]`, `"new": [-1]`, 1),
		"no stats":       strings.Replace(good, stats+", ", "", 1),
	}
	for name, doc := range bad {
		if err := validate(sch, []byte(doc)); err == nil {
			t.Errorf("%s: the schema accepts %s", name, doc)
		}
	}
}
