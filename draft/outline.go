package draft

import "strings"

// outline follows the labels of the sub-paragraphs under one numbered
// paragraph, article or heading, to give each sub-paragraph its depth: the
// first form of label seen ("(a)") is depth 0, a different form after it
// ("(i)") depth 1, and a form seen before closes the deeper ones again. A
// numbered paragraph, an article or a heading starts a new outline.
//
// Laws number the items of a numbered sub-paragraph as paragraphs are
// numbered elsewhere: under an article or heading, "(1)" holds items "1.",
// "2.", which hold "a)", "b)", which hold "aa)", "bb)". So in an outline
// that a heading or article started and whose outermost form is "(1)", a
// number ("1.") is an item (numberItem); and a doubled letter ("aa)") after
// a single one that is not "z)" goes one level further down (closeDouble,
// parenDouble), where after "z)" it continues the letters.
type outline struct {
	open     []labelForm        // forms in use, outermost first
	last     [labelForms]string // last token seen in each form
	numbered bool               // started by a numbered paragraph ("5.")
}

// reset starts a new outline, as after a heading.
func (o *outline) reset() {
	o.open = o.open[:0]
	o.numbered = false
}

// start starts a new outline under the paragraph labelled label, which is
// not a sub-paragraph label (see isSub).
func (o *outline) start(label string) {
	_, form := matchLabel(label)
	o.reset()
	o.numbered = form == numberLabel
}

// isSub reports whether label is a sub-paragraph label where the outline
// stands: one by its form ("(a)", "(iv)", "(1)", "a)", "（一）"), or a law's
// item number (see outline).
func (o *outline) isSub(label string) bool {
	return o.subForm(label) != noLabel
}

// subForm returns the form of label as a sub-paragraph label where the
// outline stands, or noLabel if it starts a paragraph of its own.
func (o *outline) subForm(label string) labelForm {
	_, form := matchLabel(label)
	switch {
	case form >= parenLetter:
		return form
	case form == numberLabel && o.numbersItems() && isItemNumber(label):
		return numberItem
	}
	return noLabel
}

// numbersItems reports whether a number is an item here: the outline was
// started by a heading or an article and its outermost form is "(1)".
func (o *outline) numbersItems() bool {
	return !o.numbered && len(o.open) > 0 && o.open[0] == parenDigit
}

// isItemNumber reports whether label is a plain number with a full stop
// or a parenthesis ("1." "12)").
func isItemNumber(label string) bool {
	n := digitsAt(label, 0, 4)
	return n > 0 && n == len(label)-1 && (label[n] == '.' || label[n] == ')')
}

// depth records the sub-paragraph label and returns its depth (0 for the
// outermost sub-paragraphs).
func (o *outline) depth(label string) int {
	form := o.subForm(label)
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
// letters unless they follow "(iv)" and "(ix)". A doubled letter ("aa)")
// continues the letters after "z)" and goes further down otherwise.
func (o *outline) resolve(form labelForm, token string) labelForm {
	roman, double := parenRoman, parenDouble
	if form == closeLetter {
		roman, double = closeRoman, closeDouble
	} else if form != parenLetter {
		return form
	}
	if len(token) >= 2 {
		if last := o.last[form]; o.isOpen(form) && (last == "z" || len(last) >= 2) || !o.isOpen(form) && !o.isOpen(double) {
			return form
		}
		return double
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
