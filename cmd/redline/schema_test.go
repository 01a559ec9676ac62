package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaDir holds the JSON Schemas of redline's JSON outputs.
const schemaDir = "../../docs/schema"

// compileSchemas compiles every schema of schemaDir, each known by its
// $id and its references to the others resolved to the files, never
// fetched; it returns them by file name.
func compileSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	names, err := filepath.Glob(filepath.Join(schemaDir, "*.json"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no schemas in %s: %v", schemaDir, err)
	}
	ids := make(map[string]string)
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if want := "https://github.com/redline-diff/redline/docs/schema/" + filepath.Base(name); id != want {
			t.Fatalf("%s: $id %q, want %q", name, id, want)
		}
		if err := c.AddResource(id, doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ids[filepath.Base(name)] = id
	}
	out := make(map[string]*jsonschema.Schema)
	for name, id := range ids {
		sch, err := c.Compile(id)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = sch
	}
	return out
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	return compileSchemas(t)["redline-compare-1.json"]
}

// validate checks JSON text against the schema.
func validate(sch *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// jsonOutput is one JSON output of redline and the schema that describes
// it.
type jsonOutput struct {
	name   string // what made it
	schema string // file name in schemaDir
	data   []byte
}

// jsonOutputs runs every command that writes JSON on the shipped drafts
// (Markdown, plain text, Word), two folders, and a git repository, and
// returns each output with its schema: every JSON output redline has.
func jsonOutputs(t *testing.T) []jsonOutput {
	t.Helper()
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	drafts := abs("../../testdata/drafts")
	testdata := filepath.Dir(drafts)
	var outs []jsonOutput
	runJSON := func(schema, name string, wantCode int, args ...string) []byte {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"redline"}, args...), strings.NewReader(""), &stdout, &stderr); code != wantCode {
			t.Fatalf("%s: exit status %d, want %d: %s", name, code, wantCode, stderr.String())
		}
		if schema != "" {
			outs = append(outs, jsonOutput{name, schema, stdout.Bytes()})
		}
		return stdout.Bytes()
	}
	d := func(name string) string { return filepath.Join(drafts, name) }

	// compare: every consecutive pair, the zero draft against the final,
	// the plain-text pair, a Word pair (with its warnings), and the
	// negotiation layer's brackets and signals.
	pairs := [][2]string{
		{d("zero-draft.md"), d("final.md")},
		{filepath.Join(testdata, "text/chair-summary-v1.txt"), filepath.Join(testdata, "text/chair-summary-v2.txt")},
		{filepath.Join(testdata, "docx/rev1.docx"), filepath.Join(testdata, "docx/rev2-tracked.docx")},
	}
	for i := 0; i+1 < len(shippedDrafts); i++ {
		pairs = append(pairs, [2]string{d(shippedDrafts[i]), d(shippedDrafts[i+1])})
	}
	for _, p := range pairs {
		runJSON("redline-compare-1.json", "compare "+filepath.Base(p[0])+" "+filepath.Base(p[1]), exitDiffer, "compare", "-f", "json", p[0], p[1])
	}
	runJSON("redline-compare-1.json", "compare --brackets on rev2.md final.md", exitDiffer, "compare", "-f", "json", "--brackets", "on", d("rev2.md"), d("final.md"))
	runJSON("redline-compare-1.json", "compare rev1.md rev1.md", exitSame, "compare", "-f", "json", d("rev1.md"), d("rev1.md"))

	// history, trace, blame over the shipped series.
	series := []string{d("zero-draft.md"), d("rev1.md"), d("rev2.md"), d("final.md")}
	runJSON("redline-history-1.json", "history", exitDiffer, append([]string{"history", "-f", "json"}, series...)...)
	runJSON("redline-trace-1.json", "trace", exitDiffer, append([]string{"trace", "-f", "json", "--phrase", "States agreed", "--phrase", "human rights"}, series...)...)
	runJSON("redline-blame-1.json", "blame", exitDiffer, append([]string{"blame", "-f", "json"}, series...)...)

	// Two folders: the listing on standard output, and under -o the
	// index and each file's page.
	tmp := t.TempDir()
	old, new := filepath.Join(tmp, "old"), filepath.Join(tmp, "new")
	write := func(path string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(path string) []byte {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	write(filepath.Join(old, "report.md"), read(d("rev1.md")))
	write(filepath.Join(new, "report.md"), read(d("rev2.md")))
	write(filepath.Join(old, "same.md"), []byte("Same.\n"))
	write(filepath.Join(new, "same.md"), []byte("Same.\n"))
	write(filepath.Join(old, "gone.md"), []byte("Gone.\n"))
	write(filepath.Join(new, "sub/added.txt"), []byte("Added.\n"))
	write(filepath.Join(new, "logo.png"), []byte("\x89PNG\x00\x00"))
	runJSON("redline-folder-1.json", "folder listing", exitDiffer, "compare", "-f", "json", old, new)
	pages := filepath.Join(tmp, "pages")
	runJSON("", "", exitDiffer, "compare", "-f", "json", old, new, "-o", pages)
	outs = append(outs, jsonOutput{"folder index.json", "redline-folder-1.json", read(filepath.Join(pages, "index.json"))})
	outs = append(outs, jsonOutput{"folder page files/report.md.json", "redline-compare-1.json", read(filepath.Join(pages, "files/report.md.json"))})

	// redline git: the stream of one object per draft, and the index.
	if _, err := exec.LookPath("git"); err == nil {
		repo := filepath.Join(tmp, "repo")
		gitRun := func(args ...string) {
			t.Helper()
			cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org"}, args...)...)
			cmd.Dir = repo
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		write(filepath.Join(repo, "report.md"), read(d("zero-draft.md")))
		write(filepath.Join(repo, "annex.md"), read(d("rev1.md")))
		gitRun("init", "-q")
		gitRun("add", ".")
		gitRun("commit", "-q", "-m", "one")
		write(filepath.Join(repo, "report.md"), read(d("final.md")))
		write(filepath.Join(repo, "annex.md"), read(d("rev2.md")))
		gitRun("commit", "-q", "-a", "-m", "two")
		t.Chdir(repo)
		stream := runJSON("", "", exitDiffer, "git", "-f", "json", "HEAD~1", "HEAD")
		dec := json.NewDecoder(bytes.NewReader(stream))
		for n := 0; ; n++ {
			var raw json.RawMessage
			if err := dec.Decode(&raw); errors.Is(err, io.EOF) {
				if n != 2 {
					t.Fatalf("redline git -f json: %d objects, want 2", n)
				}
				break
			} else if err != nil {
				t.Fatalf("redline git -f json: %v", err)
			}
			outs = append(outs, jsonOutput{"git stream object", "redline-compare-1.json", raw})
		}
		runJSON("", "", exitDiffer, "git", "-f", "json", "-o", filepath.Join(tmp, "gitpages"), "HEAD~1", "HEAD")
		outs = append(outs, jsonOutput{"git index.json", "redline-folder-1.json", read(filepath.Join(tmp, "gitpages/index.json"))})
	} else {
		t.Log("no git: redline git's JSON is not checked")
	}
	return outs
}

// TestSchemas validates every JSON output of redline (jsonOutputs)
// against its schema in docs/schema, and checks that every schema there
// is used.
func TestSchemas(t *testing.T) {
	schemas := compileSchemas(t)
	used := make(map[string]bool)
	for _, out := range jsonOutputs(t) {
		used[out.schema] = true
		if err := validate(schemas[out.schema], out.data); err != nil {
			t.Errorf("%s does not match %s:\n%v", out.name, out.schema, err)
		}
	}
	for name := range schemas {
		if !used[name] {
			t.Errorf("%s: no output checked against it", name)
		}
	}
}

// TestSchemaPolicy checks that the schemas follow the README's
// compatibility policy, as a reader that validates sees it: a key added
// anywhere within schema 1 is accepted (so a reader does not break on the
// next release); a required key left out, a closed set's value out of
// its set, or another schema version is refused.
func TestSchemaPolicy(t *testing.T) {
	schemas := compileSchemas(t)
	for _, out := range jsonOutputs(t) {
		if strings.HasPrefix(out.name, "compare rev1.md rev1.md") {
			continue // no blocks to change
		}
		sch := schemas[out.schema]
		for _, added := range withUnknownKeys(t, out.data) {
			if err := validate(sch, added.data); err != nil {
				t.Errorf("%s with %s: refused, but keys may be added within schema 1:\n%v", out.name, added.name, err)
			}
		}
		for _, broken := range breaking(t, out.data) {
			if err := validate(sch, broken.data); err == nil {
				t.Errorf("%s with %s: accepted, but that is not schema 1", out.name, broken.name)
			}
		}
	}
}

// variant is an output changed in one way.
type variant struct {
	name string
	data []byte
}

// withUnknownKeys returns data with a key no schema knows added at the
// top and in the first object of each list.
func withUnknownKeys(t *testing.T, data []byte) []variant {
	var out []variant
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	add := func(name string, change func(doc map[string]any) bool) {
		var d map[string]any
		json.Unmarshal(data, &d)
		if change(d) {
			b, _ := json.Marshal(d)
			out = append(out, variant{name, b})
		}
	}
	add("an unknown key at the top", func(d map[string]any) bool { d["added_in_a_later_release"] = true; return true })
	for key := range doc {
		add("an unknown key in "+key, func(d map[string]any) bool {
			switch v := d[key].(type) {
			case map[string]any:
				v["added_in_a_later_release"] = 1
				return true
			case []any:
				if len(v) > 0 {
					if o, ok := v[0].(map[string]any); ok {
						o["added_in_a_later_release"] = "x"
						for _, inner := range o {
							if l, ok := inner.([]any); ok && len(l) > 0 {
								if io, ok := l[0].(map[string]any); ok {
									io["added_in_a_later_release"] = []any{}
								}
							}
						}
						return true
					}
				}
			}
			return false
		})
	}
	return out
}

// breaking returns data broken as the policy says only a new schema
// version may: a required key left out, a closed set's value changed,
// another version.
func breaking(t *testing.T, data []byte) []variant {
	var out []variant
	change := func(name string, f func(d map[string]any) bool) {
		var d map[string]any
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		if f(d) {
			b, _ := json.Marshal(d)
			out = append(out, variant{name, b})
		}
	}
	change("schema 2", func(d map[string]any) bool { d["schema"] = 2; return true })
	for _, key := range []string{"stats", "moved_sections", "labels", "blocks", "counts", "files", "drafts", "lineage", "phrases"} {
		change(key+" left out", func(d map[string]any) bool {
			_, ok := d[key]
			delete(d, key)
			return ok
		})
	}
	first := func(d map[string]any, key string) map[string]any {
		if l, ok := d[key].([]any); ok && len(l) > 0 {
			o, _ := l[0].(map[string]any)
			return o
		}
		return nil
	}
	change("a block's op out of its set", func(d map[string]any) bool {
		if b := first(d, "blocks"); b != nil {
			if _, ok := b["op"]; ok {
				b["op"] = "rewritten"
				return true
			}
		}
		return false
	})
	change("stats without reformatted", func(d map[string]any) bool {
		if s, ok := d["stats"].(map[string]any); ok {
			delete(s, "reformatted")
			return true
		}
		return false
	})
	change("a file's status out of its set", func(d map[string]any) bool {
		if f := first(d, "files"); f != nil {
			f["status"] = "renamed"
			return true
		}
		return false
	})
	return out
}

// TestSchemasAjv validates every JSON output with the second validator,
// ajv in strict mode (which also refuses a loose schema), through
// .ci/ajv/validate.js; skipped where node or ajv is missing (.ci/run
// installs ajv: cd .ci/ajv && npm install ajv@8).
func TestSchemasAjv(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node: ajv not run (bash .ci/run installs it)")
	}
	if _, err := os.Stat("../../.ci/ajv/node_modules/ajv"); err != nil {
		t.Skip("no ajv in .ci/ajv/node_modules: not run (bash .ci/run installs it)")
	}
	dir := t.TempDir()
	script, err := filepath.Abs("../../.ci/ajv/validate.js")
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := filepath.Abs(schemaDir)
	if err != nil {
		t.Fatal(err)
	}
	args := []string{script, schemas}
	add := func(i int, name, schema string, data []byte) {
		file := filepath.Join(dir, strings.NewReplacer(" ", "_", "/", "_").Replace(name)+"-"+itoa(i)+".json")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, schema+"="+file)
	}
	for i, out := range jsonOutputs(t) {
		add(i, out.name, out.schema, out.data)
		if vs := withUnknownKeys(t, out.data); len(vs) > 0 {
			add(i, out.name+" unknown key", out.schema, vs[0].data)
		}
	}
	cmd := exec.Command(node, args...)
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Errorf("ajv: %v", err)
	}
}

// TestJSONSchemaRefuses checks that the schema is strict enough to fail:
// documents that break schema 1 in different ways are refused, while a
// key added is not.
func TestJSONSchemaRefuses(t *testing.T) {
	sch := compileSchema(t)
	stats := `"stats": {"equal": 0, "changed": 0, "inserted": 1, "deleted": 0, "moved": 0, "split": 0, "merged": 0, "renumbered": 0, "reformatted": 0, "words_inserted": 1, "words_deleted": 0}`
	head := `{"schema": 1, "old": {"path": "a", "blocks": 0}, "new": {"path": "b", "blocks": 1}, ` + stats + `, "moved_sections": [], "labels": [], `
	good := head + `"blocks": [{"op": "inserted", "old": [], "new": [0], "spans": [{"op": "insert", "text": "x"}]}]}`
	if err := validate(sch, []byte(good)); err != nil {
		t.Fatalf("a valid document is refused: %v", err)
	}
	if doc := strings.Replace(good, `"spans"`, `"colour": "red", "spans"`, 1); validate(sch, []byte(doc)) != nil {
		t.Errorf("an added key is refused: %s", doc)
	}
	bad := map[string]string{
		"schema 2":          strings.Replace(good, `"schema": 1`, `"schema": 2`, 1),
		"unknown op":        strings.Replace(good, `"op": "inserted"`, `"op": "rewritten"`, 1),
		"inserted old":      strings.Replace(good, `"old": [], "new": [0]`, `"old": [0], "new": [0]`, 1),
		"span op":           strings.Replace(good, `"op": "insert"`, `"op": "added"`, 1),
		"negative index":    strings.Replace(good, `"new": [0]`, `"new": [-1]`, 1),
		"no stats":          strings.Replace(good, stats+", ", "", 1),
		"no labels":         strings.Replace(good, `"labels": [], `, "", 1),
		"no moved_sections": strings.Replace(good, `"moved_sections": [], `, "", 1),
		"labels not a list": strings.Replace(good, `"labels": []`, `"labels": {}`, 1),
	}
	for name, doc := range bad {
		if err := validate(sch, []byte(doc)); err == nil {
			t.Errorf("%s: the schema accepts %s", name, doc)
		}
	}
}
