package draft

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/redline-diff/redline/internal/hostile"
)

// TestDocxBounds reads the hostile Word documents: each is refused with
// the bound it passes, or read into bounded text (TestDocxLinear and the
// hostile suite's word.txtar read the others).
func TestDocxBounds(t *testing.T) {
	for _, tc := range []struct {
		name    string
		err     string // the error's end, or "" to be read
		maxText int    // the most text (and labels) the blocks may hold
	}{
		{"docx-label-amplified", "more than", 0},
		{"docx-label-long", "a list level's text of 100003 bytes, over the 256 a level may have", 0},
		{"docx-footnote-many", "", 200_000},
		{"docx-deep", "elements nested more than 512 deep", 0},
		{"docx-not-word", "not a WordprocessingML document (its root element is <html>)", 0},
		{"docx-not-xml", "not a WordprocessingML document (no root element)", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := hostile.Files[tc.name]()
			d, err := Read(tc.name+".docx", data, Auto)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("err = %v, want one line with %q", err, tc.err)
				}
				var de *Error
				if !errors.As(err, &de) || de.Name != tc.name+".docx" {
					t.Errorf("err = %#v, want an *Error naming the file", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, b := range d.Blocks {
				n += len(b.Text) + len(b.Label)
			}
			if n == 0 || n > tc.maxText {
				t.Errorf("%d blocks of %d bytes, want at most %d", len(d.Blocks), n, tc.maxText)
			}
		})
	}
}

// TestDocxLinear reads documents that were read in quadratic time (the
// 200,000 deleted paragraph marks of docx-deleted-marks took 31 s): four
// times as many marks, fields or paragraphs must take about four times as
// long, not sixteen (the least of five runs each, against a ratio of 10,
// so that a loaded machine does not fail it: one CI run under load saw 8.8).
func TestDocxLinear(t *testing.T) {
	for name, make := range map[string]func(int) []byte{
		"deleted marks": hostile.DeletedMarks, "open fields": hostile.OpenFields, "cell paragraphs": hostile.CellParagraphs,
	} {
		small, large := make(20_000), make(80_000)
		ts, tl := fastestRead(t, small), fastestRead(t, large)
		if ratio := float64(tl) / float64(ts); ratio > 10 {
			t.Errorf("%s: 20,000 read in %v, 80,000 in %v: %.1f times as long, not linear", name, ts, tl, ratio)
		}
	}
}

// fastestRead returns the least time of five readings of data.
func fastestRead(t *testing.T, data []byte) time.Duration {
	best := time.Duration(1 << 62)
	for range 5 {
		start := time.Now()
		if _, err := Read("x.docx", data, Auto); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	return best
}

// TestDocxBuiltBound checks the bound on built text against the file's
// size: a document within the read budget whose labels make more text
// than docxBuiltExpansion times its size is refused, naming the bound.
func TestDocxBuiltBound(t *testing.T) {
	defer func(s int) { docxBuiltSlack = s }(docxBuiltSlack)
	docxBuiltSlack = 0
	body := strings.Repeat(hostile.P(numPr("1", "0"), hostile.R("x")), 2000)
	data := docxOf(t, docxParts{body: body, numbering: `<w:abstractNum w:abstractNumId="0">` + level("0", "1", "decimal", strings.Repeat("L", 200)+"%1.", "") +
		`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`})
	_, err := Read("labels.docx", data, Auto)
	if err == nil || !strings.Contains(err.Error(), "labels.docx: word/document.xml: over a bound of the Word reader: more than") ||
		!strings.Contains(err.Error(), "(32 times its size plus 0)") {
		t.Fatalf("err = %v, want the bound on built text", err)
	}
	docxBuiltSlack = 4 << 20
	if _, err := Read("labels.docx", data, Auto); err != nil {
		t.Fatalf("within the bound: %v", err)
	}
}
