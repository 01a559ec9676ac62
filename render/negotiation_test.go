package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/negotiation"
)

// TestJSONAnalysisGolden analyses every golden case with the shipped
// lexicons: where the analysis found nothing, JSONAnalysis writes the
// golden JSON byte for byte (no cost to those without brackets or hits);
// where it found something, the golden JSON's keys are unchanged and
// "brackets" and "signals" are a's lists.
func TestJSONAnalysisGolden(t *testing.T) {
	lex, err := negotiation.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	quiet := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.result()
			a := negotiation.Analyze(r, lex, negotiation.Options{})
			var buf bytes.Buffer
			if err := JSONAnalysis(&buf, r, a); err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", "golden", c.name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Brackets) == 0 && len(a.Signals) == 0 {
				quiet++
				if !bytes.Equal(buf.Bytes(), want) {
					t.Fatal("no brackets and no signals, yet the JSON differs from the golden file")
				}
				return
			}
			var got, gold map[string]any
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(want, &gold); err != nil {
				t.Fatal(err)
			}
			for k, v := range gold {
				if !reflect.DeepEqual(got[k], v) {
					t.Errorf("key %q differs from the golden file", k)
				}
			}
			if _, ok := got["brackets"]; ok != (len(a.Brackets) > 0) {
				t.Errorf("brackets present %v, analysis has %d", ok, len(a.Brackets))
			}
			if _, ok := got["signals"]; ok != (len(a.Signals) > 0) {
				t.Errorf("signals present %v, analysis has %d", ok, len(a.Signals))
			}
		})
	}
	if quiet == 0 {
		t.Error("no golden case without brackets and signals: the byte-identity check checked nothing")
	}
	// A nil analysis is JSON's output too.
	var a, b bytes.Buffer
	r := cases[0].result()
	if err := JSONAnalysis(&a, r, nil); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("JSONAnalysis(nil) differs from JSON")
	}
}

// TestTextSummary checks the summary's lines on a "shall" → "should" pair
// and a bracket agreed, and that it writes a's facts only.
func TestTextSummary(t *testing.T) {
	lex, err := negotiation.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	old := kindsDoc("old.md",
		draft.Block{Kind: draft.Paragraph, Label: "1.", Text: "States shall protect critical infrastructure [in its entirety and at all times]."},
		draft.Block{Kind: draft.Paragraph, Label: "2.", Text: "The meeting closed."})
	new := kindsDoc("new.md",
		draft.Block{Kind: draft.Paragraph, Label: "1.", Text: "States should protect critical infrastructure in its entirety and at all times."},
		draft.Block{Kind: draft.Paragraph, Label: "2.", Text: "The meeting closed."})
	r := mustCompare(t, old, new)
	a := negotiation.Analyze(r, lex, negotiation.Options{Brackets: negotiation.On})
	var buf bytes.Buffer
	if err := TextSummary(&buf, r, a); err != nil {
		t.Fatal(err)
	}
	want := `== negotiation ==
brackets: 1 agreed, 0 dropped, 0 still open, 0 alternative chosen, 0 opened
  agreed: "[in its entirety and at all times]" (¶ 1)
signals: 1 weakened, 0 strengthened, 0 reference dropped, 0 reference added
▼ weakened: shall → should (¶ 1)
`
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	buf.Reset()
	if err := TextSummary(&buf, r, &negotiation.Analysis{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "▼") || strings.Contains(buf.String(), "agreed:") {
		t.Errorf("an empty analysis wrote facts:\n%s", buf.String())
	}
}
