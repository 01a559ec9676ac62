package draft

import "strings"

// outline follows the labels of the sub-paragraphs under one numbered
// paragraph, to give each sub-paragraph its depth: the first form of label
// seen ("(a)") is depth 0, a different form after it ("(i)") depth 1, and a
// form seen before closes the deeper ones again. A numbered paragraph or a
// heading starts a new outline.
type outline struct {
	open []labelForm        // forms in use, outermost first
	last [labelForms]string // last token seen in each form
}

// reset starts a new outline, as after a numbered paragraph or a heading.
func (o *outline) reset() {
	o.open = o.open[:0]
}

// isSubLabel reports whether label is a sub-paragraph label such as "(a)",
// "(iv)", "(1)" or "a)".
func isSubLabel(label string) bool {
	_, form := matchLabel(label)
	return form >= parenLetter
}

// depth records the sub-paragraph label and returns its depth (0 for the
// outermost sub-paragraphs).
func (o *outline) depth(label string) int {
	_, form := matchLabel(label)
	token := strings.Trim(label, "()")
	form = o.resolve(form, token)
	o.last[form] = token
	for i, f := range o.open {
		if f == form {
			o.open = o.open[:i+1]
			return i
		}
	}
	o.open = append(o.open, form)
	return len(o.open) - 1
}

// resolve decides whether a single letter i, v or x is a letter or a roman
// numeral: "(i)" is roman unless it follows "(h)"; "(v)" and "(x)" are
// letters unless they follow "(iv)" and "(ix)".
func (o *outline) resolve(form labelForm, token string) labelForm {
	roman := parenRoman
	if form == closeLetter {
		roman = closeRoman
	} else if form != parenLetter {
		return form
	}
	switch token {
	case "i":
		if o.isOpen(form) && o.last[form] == "h" {
			return form
		}
		return roman
	case "v", "x":
		previous := map[string]string{"v": "iv", "x": "ix"}[token]
		if o.isOpen(roman) && o.last[roman] == previous {
			return roman
		}
	}
	return form
}

// isOpen reports whether sub-paragraphs of the given form are in use.
func (o *outline) isOpen(form labelForm) bool {
	for _, f := range o.open {
		if f == form {
			return true
		}
	}
	return false
}
