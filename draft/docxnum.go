package draft

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// This file gives the paragraphs of a Word document the numbers Word shows
// for them ("12.", "(a)", "3.1."), from the numbering part: the counters
// of each list advance paragraph by paragraph, as Word counts them.

// numLevel is one level of a list's numbering.
type numLevel struct {
	start   int
	format  string // numFmt: decimal, lowerLetter, upperRoman, bullet, none...
	text    string // lvlText: "%1." "(%2)" "%1.%2."
	style   string // pStyle: the paragraph style that takes this level
	restart int    // lvlRestart: restart after a use of this level (1-based) or one above; 0 never; -1 not set
	legal   bool   // isLgl: every number in the text as decimal
	set     bool   // the level was defined
}

// numOverride is what a numbering instance changes of its list's levels.
type numOverride struct {
	start    int
	hasStart bool
	level    *numLevel
}

// numInstance is a w:num: a list (abstract numbering) and its overrides.
type numInstance struct {
	abstract  string
	overrides map[int]*numOverride
	used      [maxDocxLevels]bool // a paragraph of this instance used the level
}

// abstractNum is a list definition: its levels, or a link to the
// numbering style that holds them.
type abstractNum struct {
	levels       [maxDocxLevels]numLevel
	numStyleLink string
	// The counters: count[i] is level i's last number, valid when
	// counted[i] is set.
	count   [maxDocxLevels]int
	counted [maxDocxLevels]bool
}

// numbering is a document's numbering part and the state of its counters.
type numbering struct {
	abstracts map[string]*abstractNum
	instances map[string]*numInstance
	// linked maps a numbering style's id to the list that defines it
	// (styleLink), styleNum to its numbering instance (from the styles
	// part): a list may take its levels from a numbering style
	// (numStyleLink).
	linked   map[string]*abstractNum
	styleNum map[string]string
}

func newNumbering() *numbering {
	return &numbering{abstracts: map[string]*abstractNum{}, instances: map[string]*numInstance{},
		linked: map[string]*abstractNum{}, styleNum: map[string]string{}}
}

// read reads a numbering part.
func (n *numbering) read(dec *xml.Decoder) error {
	nr := numReader{n: n}
	return walk(dec, true, func(tok xml.Token) (step, error) {
		switch t := tok.(type) {
		case xml.EndElement:
			if isWord(t.Name) {
				nr.end(t.Name.Local)
			}
		case xml.StartElement:
			if isWord(t.Name) {
				return nr.start(t), nr.err
			}
		}
		return into, nil
	})
}

// numReader is the state of reading a numbering part: the list, the
// instance, the level and the override being read, if any.
type numReader struct {
	n    *numbering
	abs  *abstractNum
	inst *numInstance
	lvl  *numLevel
	ov   *numOverride
	err  error // a level's text over maxLevelText
}

// end closes what an end element ends.
func (nr *numReader) end(local string) {
	switch local {
	case "abstractNum":
		nr.abs = nil
	case "num":
		nr.inst = nil
	case "lvl":
		nr.lvl = nil
	case "lvlOverride":
		nr.ov = nil
	}
}

// start reads one start element.
func (nr *numReader) start(t xml.StartElement) step {
	val := attr(t, "val")
	switch t.Name.Local {
	case "abstractNum":
		nr.abs = &abstractNum{}
		for i := range nr.abs.levels {
			nr.abs.levels[i] = numLevel{start: 1, format: "decimal", restart: -1}
		}
		if id := attr(t, "abstractNumId"); nr.n.abstracts[id] == nil {
			nr.n.abstracts[id] = nr.abs
		}
	case "num":
		nr.inst = &numInstance{overrides: map[int]*numOverride{}}
		if id := attr(t, "numId"); nr.n.instances[id] == nil {
			nr.n.instances[id] = nr.inst
		}
	case "abstractNumId":
		if nr.inst != nil {
			nr.inst.abstract = val
		}
	case "lvlOverride":
		if nr.inst != nil {
			nr.ov = &numOverride{}
			if i := atoiOr(attr(t, "ilvl"), -1); i >= 0 && i < maxDocxLevels {
				nr.inst.overrides[i] = nr.ov
			}
		}
	case "startOverride":
		if nr.ov != nil {
			nr.ov.start, nr.ov.hasStart = atoiOr(val, 0), true
		}
	case "lvl":
		i := atoiOr(attr(t, "ilvl"), -1)
		switch {
		case i < 0 || i >= maxDocxLevels:
			nr.lvl = nil
		case nr.ov != nil:
			nr.ov.level = &numLevel{start: 1, format: "decimal", restart: -1, set: true}
			nr.lvl = nr.ov.level
		case nr.abs != nil:
			nr.lvl = &nr.abs.levels[i]
			nr.lvl.set = true
		}
	case "numStyleLink":
		if nr.abs != nil {
			nr.abs.numStyleLink = val
		}
	case "styleLink":
		if nr.abs != nil && nr.n.linked[val] == nil {
			nr.n.linked[val] = nr.abs
		}
	case "pPr", "rPr":
		return over
	}
	if lv := nr.lvl; lv != nil {
		switch t.Name.Local {
		case "start":
			lv.start = atoiOr(val, 1)
		case "numFmt":
			lv.format = val
		case "lvlText":
			lv.text = val
			if len(val) > maxLevelText {
				nr.err = fmt.Errorf("%w: a list level's text of %d bytes, over the %d a level may have", errOverBound, len(val), maxLevelText)
			}
		case "lvlRestart":
			lv.restart = atoiOr(val, -1)
		case "pStyle":
			lv.style = val
		case "isLgl":
			lv.legal = val == "" || val == "1" || val == "true" || val == "on"
		}
	}
	return into
}

// list returns the abstract numbering of instance id, following a link to
// a numbering style to the list that defines it, with the instance.
func (n *numbering) list(id string) (*abstractNum, *numInstance) {
	inst := n.instances[id]
	if inst == nil {
		return nil, nil
	}
	abs := n.abstracts[inst.abstract]
	for hops := 0; abs != nil && abs.numStyleLink != "" && hops < 4; hops++ {
		styleID := abs.numStyleLink
		next := n.linked[styleID]
		if next == nil {
			if other := n.instances[n.styleNum[styleID]]; other != nil {
				next = n.abstracts[other.abstract]
			}
		}
		if next == nil || next == abs {
			break
		}
		abs = next
	}
	return abs, inst
}

// styleLevel returns the level of instance id's list that paragraph style
// style takes (a list's levels may each name one, as headings numbered
// "I.", "A." do), or -1.
func (n *numbering) styleLevel(id, style string) int {
	abs, inst := n.list(id)
	if abs == nil {
		return -1
	}
	for i := range abs.levels {
		lv := abs.levels[i]
		if ov := inst.overrides[i]; ov != nil && ov.level != nil {
			lv = *ov.level
		}
		if lv.style != "" && lv.style == style {
			return i
		}
	}
	return -1
}

// next counts a paragraph of numbering instance id at list level ilvl and
// returns its label (empty for a bullet or a level without a number), and
// whether the paragraph is in a list at all.
func (n *numbering) next(id string, ilvl int) (label string, ok bool) {
	abs, inst := n.list(id)
	if abs == nil || ilvl >= maxDocxLevels {
		return "", false
	}
	levels := abs.levels
	for i, ov := range inst.overrides {
		if ov.level != nil {
			levels[i] = *ov.level
		}
	}
	if ov := inst.overrides[ilvl]; ov != nil && ov.hasStart && !inst.used[ilvl] {
		abs.count[ilvl], abs.counted[ilvl] = ov.start-1, true
	}
	inst.used[ilvl] = true
	if !abs.counted[ilvl] {
		abs.count[ilvl], abs.counted[ilvl] = levels[ilvl].start-1, true
	}
	abs.count[ilvl]++
	for d := ilvl + 1; d < maxDocxLevels; d++ {
		if r := levels[d].restart; r < 0 || r > 0 && ilvl < r {
			abs.counted[d] = false
		}
	}
	lv := levels[ilvl]
	if lv.format == "bullet" {
		return "", true
	}
	var sb strings.Builder
	text := lv.text
	for {
		i := strings.IndexByte(text, '%')
		if i < 0 || i+1 >= len(text) {
			sb.WriteString(text)
			break
		}
		sb.WriteString(text[:i])
		k := int(text[i+1] - '1')
		if k < 0 || k >= maxDocxLevels {
			sb.WriteByte('%')
			text = text[i+1:]
			continue
		}
		count := abs.count[k]
		if !abs.counted[k] {
			count = levels[k].start
		}
		format := levels[k].format
		if lv.legal {
			format = "decimal"
		}
		sb.WriteString(formatNumber(count, format))
		text = text[i+2:]
	}
	return strings.TrimSpace(sb.String()), true
}

// blank reports whether level ilvl of numbering instance id, whose label
// is empty, shows nothing before its paragraphs: no number and no bullet
// but white space (as pandoc writes for the later paragraphs of an item).
func (n *numbering) blank(id string, ilvl int) bool {
	abs, inst := n.list(id)
	if abs == nil || ilvl < 0 || ilvl >= maxDocxLevels {
		return false
	}
	lv := abs.levels[ilvl]
	if ov := inst.overrides[ilvl]; ov != nil && ov.level != nil {
		lv = *ov.level
	}
	return lv.format != "bullet" || strings.TrimSpace(lv.text) == ""
}

// formatNumber writes n in a numbering format. Formats other than decimal
// numbers, letters and roman numerals are written as decimal numbers.
func formatNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter":
		return letters(n, 'a')
	case "upperLetter":
		return letters(n, 'A')
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperRoman":
		return roman(n)
	}
	return strconv.Itoa(n)
}

// letters writes n ≥ 1 as Word does: a–z, then aa–zz, aaa–zzz...
func letters(n int, a byte) string {
	if n < 1 || n > 780 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(rune(a+byte((n-1)%26))), (n-1)/26+1)
}

// roman writes 1 ≤ n < 4000 in roman numerals, others as a decimal number.
func roman(n int) string {
	if n < 1 || n >= 4000 {
		return strconv.Itoa(n)
	}
	var sb strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			sb.WriteString(p.s)
			n -= p.v
		}
	}
	return sb.String()
}
