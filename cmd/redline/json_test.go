package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-diff/redline/draft"
)

// jsonResult is schema 1 as a script reads it.
type jsonResult struct {
	Schema int `json:"schema"`
	Old    struct {
		Path   string `json:"path"`
		Blocks int    `json:"blocks"`
	} `json:"old"`
	New struct {
		Path   string `json:"path"`
		Blocks int    `json:"blocks"`
	} `json:"new"`
	Stats  map[string]int `json:"stats"`
	Blocks []struct {
		Op       string `json:"op"`
		Old      []int  `json:"old"`
		New      []int  `json:"new"`
		OldLabel string `json:"old_label"`
		NewLabel string `json:"new_label"`
		Spans    []struct {
			Op   string `json:"op"`
			Text string `json:"text"`
		} `json:"spans"`
	} `json:"blocks"`
}

// compareJSON runs "redline compare -f json" and decodes its output.
func compareJSON(t *testing.T, args ...string) (*jsonResult, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"redline", "compare", "-f", "json"}, args...), strings.NewReader(""), &stdout, &stderr)
	if code == exitTrouble {
		t.Fatalf("redline %v: exit 2: %s", args, stderr.String())
	}
	var res jsonResult
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatalf("redline %v: output is not JSON: %v", args, err)
	}
	return &res, code
}

// shippedDrafts lists the shipped Markdown drafts in negotiation order.
var shippedDrafts = []string{"zero-draft.md", "rev1.md", "rev2.md", "final.md"}

func draftPath(name string) string { return filepath.Join("..", "..", "testdata", "drafts", name) }

// TestJSONLossless checks, through the command line, that for every
// consecutive pair of shipped drafts and for unrelated texts each block of
// both drafts appears in exactly one entry, and that the equal+delete spans
// rebuild the old blocks' texts and equal+insert the new ones, exactly.
func TestJSONLossless(t *testing.T) {
	pairs := [][2]string{
		{draftPath("zero-draft.md"), draftPath("final.md")},
		{"../../testdata/text/chair-summary-v1.txt", "../../testdata/text/chair-summary-v2.txt"},
		{draftPath("zero-draft.md"), "../../testdata/text/chair-summary-v2.txt"}, // unrelated texts
		{"../../README.md", draftPath("rev1.md")},                                // unrelated texts
	}
	for i := 0; i+1 < len(shippedDrafts); i++ {
		pairs = append(pairs, [2]string{draftPath(shippedDrafts[i]), draftPath(shippedDrafts[i+1])})
	}
	for _, p := range pairs {
		t.Run(filepath.Base(p[0])+"→"+filepath.Base(p[1]), func(t *testing.T) {
			res, code := compareJSON(t, p[0], p[1])
			if code != exitDiffer {
				t.Errorf("exit status %d, want 1", code)
			}
			checkLossless(t, res, readDoc(t, p[0]), readDoc(t, p[1]))
		})
	}
}

func readDoc(t *testing.T, path string) *draft.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := draft.Read(path, data, draft.Auto)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func checkLossless(t *testing.T, res *jsonResult, old, new *draft.Document) {
	t.Helper()
	if res.Schema != 1 || res.Old.Blocks != len(old.Blocks) || res.New.Blocks != len(new.Blocks) {
		t.Fatalf("header: schema %d, blocks %d and %d; want 1, %d and %d",
			res.Schema, res.Old.Blocks, res.New.Blocks, len(old.Blocks), len(new.Blocks))
	}
	seenOld, seenNew := make([]int, len(old.Blocks)), make([]int, len(new.Blocks))
	for k, b := range res.Blocks {
		var oldText, newText strings.Builder
		for _, s := range b.Spans {
			switch s.Op {
			case "equal":
				oldText.WriteString(s.Text)
				newText.WriteString(s.Text)
			case "delete":
				oldText.WriteString(s.Text)
			case "insert":
				newText.WriteString(s.Text)
			default:
				t.Fatalf("entry %d: span op %q", k, s.Op)
			}
		}
		if want := joined(old, b.Old, seenOld); oldText.String() != want {
			t.Errorf("entry %d (%s): equal+delete spans give %q, want %q", k, b.Op, oldText.String(), want)
		}
		if want := joined(new, b.New, seenNew); newText.String() != want {
			t.Errorf("entry %d (%s): equal+insert spans give %q, want %q", k, b.Op, newText.String(), want)
		}
	}
	for i, n := range seenOld {
		if n != 1 {
			t.Errorf("old block %d appears %d times", i, n)
		}
	}
	for i, n := range seenNew {
		if n != 1 {
			t.Errorf("new block %d appears %d times", i, n)
		}
	}
}

// joined returns the texts of blocks idx of d joined as the diff package
// joins the pieces of a split or merge, counting each block as seen.
func joined(d *draft.Document, idx []int, seen []int) string {
	var parts []string
	for _, i := range idx {
		seen[i]++
		parts = append(parts, d.Blocks[i].Text)
	}
	return strings.Join(parts, "\n\n")
}
