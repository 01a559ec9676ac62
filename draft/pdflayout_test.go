package draft

import (
	"slices"
	"strings"
	"testing"
)

// line returns a line of words a space apart, from x, its baseline at y,
// each word 6 points a character and h high.
func line(x, y, h float64, text string) *pdfLine {
	l := &pdfLine{x0: x, y0: y - h, y1: y}
	for _, w := range strings.Fields(text) {
		x1 := x + 6*float64(len([]rune(w)))
		l.words = append(l.words, pdfWord{x0: x, y0: y - h, x1: x1, y1: y, text: w})
		x = x1 + 3
	}
	l.x1 = x - 3
	return l
}

func TestNoteMark(t *testing.T) {
	for s, want := range map[string]bool{"1": true, "12": true, "123": true, "1234": false, "*": true, "†": true, "a": false, "": false, "1a": false} {
		if got := noteMark(s); got != want {
			t.Errorf("noteMark(%q) = %v", s, got)
		}
	}
}

func TestVisualToLogical(t *testing.T) {
	for in, want := range map[string]string{
		"ريرقتلا": "التقرير", "2026": "2026", "abc": "abc", "ICTلا": "الICT",
	} {
		if got := visualToLogical(in); got != want {
			t.Errorf("visualToLogical(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordsText(t *testing.T) {
	for _, tc := range []struct {
		words []pdfWord
		want  string
	}{
		{[]pdfWord{{x0: 0, x1: 10, y1: 10, text: "a"}, {x0: 13, x1: 20, y1: 10, text: "b"}}, "a b"},
		{[]pdfWord{{x0: 0, x1: 10, y1: 10, text: "a"}, {x0: 10, x1: 20, y1: 10, text: "b"}}, "ab"},
		// Right to left, a number at the left, the full stop at the right.
		{[]pdfWord{{x0: 0, x1: 10, y1: 10, text: "1."}, {x0: 20, x1: 30, y1: 10, text: "لودلا"}, {x0: 40, x1: 50, y1: 10, text: "تقفتا."}}, "1. اتفقت الدول."},
	} {
		if got := wordsText(tc.words); got != tc.want {
			t.Errorf("wordsText = %q, want %q", got, tc.want)
		}
	}
}

func TestFindGutter(t *testing.T) {
	var two, one []*pdfLine
	for k := range 20 {
		y := 100 + 14*float64(k)
		two = append(two, line(72, y, 12, "left column words here"), line(320, y, 12, "right column words"))
		one = append(one, line(72, y, 12, "one column of words that runs right across the middle of the page"))
	}
	two = append(two, line(200, 90, 14, "A title across both columns of it"), line(300, 700, 12, "1"))
	if l, r, ok := findGutter(two, 612); !ok || l != 195 || r != 320 {
		t.Errorf("two columns: gutter %v–%v %v", l, r, ok)
	}
	if _, _, ok := findGutter(one, 612); ok {
		t.Error("one column read as two")
	}
	if !fitsGutter(two[:4], 612, gutter{210, 320, true}) || fitsGutter(one[:4], 612, gutter{210, 320, true}) {
		t.Error("fitsGutter")
	}
}

func TestPageFurniture(t *testing.T) {
	var pages []pdfPage
	for k := range 4 {
		p := pdfPage{width: 612, height: 792}
		p.lines = append(p.lines, line(30, 40, 8, "12/4/26, 6:17 PM"), line(300, 40, 8, "Draft report"))
		for j := range 10 {
			p.lines = append(p.lines, line(72, 120+14*float64(j), 12, "body text line "+strings.Repeat("x", k+j)))
		}
		// The last body line is cut into words at the foot; one of them
		// stands alone there on every page.
		p.lines = append(p.lines, line(72, 740, 12, "accessible"+strings.Repeat("y", k)), line(150, 740, 12, "and"), line(300, 770, 8, string(rune('1'+k))+"/4"))
		pages = append(pages, p)
	}
	f := pageFurniture(pages)
	var kept []string
	for _, l := range keptLines(&pages[0], f) {
		kept = append(kept, lineText(l))
	}
	if slices.Contains(kept, "Draft report") || slices.Contains(kept, "1/4") || slices.Contains(kept, "12/4/26, 6:17 PM") {
		t.Errorf("furniture kept: %q", kept)
	}
	if !slices.Contains(kept, "and") || !slices.Contains(kept, "accessible") {
		t.Errorf("body words left out: %q", kept)
	}
}

func TestPlaceNotes(t *testing.T) {
	blocks := []Block{{Text: "a", Line: 1}, {Text: "b", Line: 3}, {Text: "c", Line: 6}}
	got := placeNotes(blocks, []pdfNote{{mark: "1", text: "one", ref: 4}, {mark: "2", text: "two", ref: 4}, {mark: "3", text: "three", ref: -1}})
	var s []string
	for _, b := range got {
		s = append(s, b.Label+":"+b.Text)
	}
	if want := ":a|:b|note 1:one|note 2:two|:c|note 3:three"; strings.Join(s, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(s, "|"), want)
	}
}

func TestJoinHeadingLines(t *testing.T) {
	lines := []outLine{{text: "Zero draft of the Open-"}, {text: "ended Group on Commu\u00ad", joinUp: true}, {text: "nications", joinUp: true}, {text: "body", blank: true}}
	joinHeadingLines(lines)
	if lines[0].text != "Zero draft of the Open-ended Group on Communications" || lines[3].text != "body" || lines[1].text != "" {
		t.Errorf("%+v", lines)
	}
}
