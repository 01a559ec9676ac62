package render

import (
	"html/template"
	"strconv"
	"strings"
)

// HTML returns the markup of one element of the document: a block, or the
// marker at a moved block's old place, or a moved section's banner. The
// page's template prints it as is, so that a page of ten thousand blocks
// costs one template action a block instead of twenty.
//
// This file's HTML methods (blocks, and the rows of the crosswalk and
// departures tables, which also number in the thousands) and redline,
// which builds a block's body (with writeMarked, marks.go, for its
// formatting), are the only code that turns input text into markup: every
// piece of text they write passes through esc.
func (v blockView) HTML() template.HTML {
	var b strings.Builder
	v.writeAny(&b)
	return template.HTML(b.String())
}

// htmlWriter is where the markup goes: a strings.Builder for the HTML
// methods, the page's buffered writer when the page streams its lists.
type htmlWriter interface {
	WriteString(s string) (int, error)
}

// writeAny writes the markup that HTML returns.
func (v *blockView) writeAny(b htmlWriter) {
	switch {
	case v.Marker != nil:
		v.Marker.write(b)
	case v.Banner != nil:
		v.Banner.write(b)
	default:
		v.write(b)
	}
}

// esc escapes text for an element's content or a quoted attribute value:
// the string template.HTMLEscapeString returns (the test holds the two to
// the same bytes), found faster. Every text of a page passes through it,
// and most hold none of the six bytes escaped: each is looked for with
// strings.IndexByte, which scans many bytes at a time, instead of every
// byte being tested against the six.
func esc(s string) string {
	i := firstEscaped(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i >= 0 {
		b.WriteString(s[:i])
		b.WriteString(htmlEscapes[s[i]])
		s = s[i+1:]
		i = firstEscaped(s)
	}
	b.WriteString(s)
	return b.String()
}

// htmlEscapes are the replacements template.HTMLEscapeString makes.
var htmlEscapes = [256]string{
	'"': "&#34;", '\'': "&#39;", '&': "&amp;", '<': "&lt;", '>': "&gt;", 0: "\uFFFD",
}

// firstEscaped returns the index of the first byte of s that esc
// replaces, or -1. For short strings (a label, a word or two of a change)
// one look at each byte is faster than a search for each of the six
// bytes; longer ones get the six searches, each of which reads many bytes
// at a time: on this machine 13 against 18 ns at 32 bytes, 27 against 18
// at 64, 125 against 28 at 256.
func firstEscaped(s string) int {
	if len(s) < longEscape {
		for i := 0; i < len(s); i++ {
			if htmlEscapes[s[i]] != "" {
				return i
			}
		}
		return -1
	}
	first := -1
	for _, c := range [...]byte{'"', '\'', '&', '<', '>', 0} {
		if i := strings.IndexByte(s, c); i >= 0 {
			first, s = i, s[:i]
		}
	}
	return first
}

// longEscape is the length from which firstEscaped searches for each byte
// that is escaped rather than looking at every byte.
const longEscape = 48

// headingTags are the tags of blocks by Heading: p, then h2 … h6.
var headingTags = [...]string{0: "p", 2: "h2", 3: "h3", 4: "h4", 5: "h5", 6: "h6"}

func (v *blockView) write(b htmlWriter) {
	// Pieces are written one by one rather than joined first: a page of a
	// million blocks made a million strings of each join.
	tag := "h6"
	switch {
	case v.Pre:
		tag = "div"
	case v.Heading < len(headingTags) && headingTags[v.Heading] != "":
		tag = headingTags[v.Heading]
	}
	writeAll(b, "<", tag)
	if v.ID != "" {
		writeAll(b, ` id="`, esc(v.ID), `" tabindex="-1" data-k="`, v.Kinds.tokens(), `"`)
	} else if v.Anchor != "" {
		writeAll(b, ` id="`, esc(v.Anchor), `"`)
	}
	writeAll(b, ` class="`, esc(v.Class), `" dir="auto"`)
	if v.Renumbered {
		writeAll(b, ` data-old-label="`, esc(v.OldLabel), `"`)
	}
	b.WriteString(">")
	if v.Label != "" {
		writeAll(b, `<span class="label" dir="auto">`, esc(v.Label), `</span>`)
	}
	if v.Was != "" {
		writeAll(b, `<span class="was" dir="ltr">(was `, esc(v.Was), `)</span>`)
	}
	if v.Note != "" {
		b.WriteString(`<span class="note" dir="ltr">`)
		if v.Href != "" {
			writeAll(b, `<a href="`, esc(v.Href), `">`, esc(v.Note), `</a>`)
		} else {
			b.WriteString(esc(v.Note))
		}
		b.WriteString(`</span>`)
	}
	for _, sg := range v.Signals {
		sg.write(b)
	}
	if v.Pre {
		// A line break right after <pre> is dropped by HTML parsers: this one,
		// so that a first line break of the text, if any, is kept.
		b.WriteString("<pre class=\"lines\">\n")
	}
	if v.body.set {
		writeRedline(b, v.body.spans, v.body.style)
	} else {
		b.WriteString(string(v.Body))
	}
	if v.Pre {
		b.WriteString(`</pre>`)
	}
	writeAll(b, "</", tag, ">")
}

// writeAll writes the strings in order.
func writeAll(b htmlWriter, ss ...string) {
	for _, s := range ss {
		b.WriteString(s)
	}
}

func (m *markerView) write(b htmlWriter) {
	b.WriteString(`<p class="` + esc(m.Class) + `" id="` + esc(m.ID) + `" dir="auto">` + esc(m.Prefix))
	b.WriteString(`<span class="mv-old">` + esc(m.From) + `</span> ` + esc(m.Verb))
	b.WriteString(` <a href="` + esc(m.Href) + `">` + esc(m.To) + `</a>`)
	for _, id := range m.IDs {
		b.WriteString(`<span id="` + esc(id) + `"></span>`)
	}
	b.WriteString(`</p>`)
}

func (n *bannerView) write(b htmlWriter) {
	b.WriteString(`<p class="moved-section" id="` + esc(n.ID) + `" dir="auto"><strong>` + esc(n.Name) + `</strong> `)
	b.WriteString(esc(n.Where) + ` — <a href="` + esc(n.Href) + `">` + esc(n.Link) + `</a></p>`)
}

// none marks an empty label cell of a table.
const none = `<span aria-hidden="true">–</span><span class="sr-only">none</span>`

// HTML returns the markup of one row of the numbering crosswalk.
func (r crosswalkRow) HTML() template.HTML {
	var b strings.Builder
	r.write(&b)
	return template.HTML(b.String())
}

func (r *crosswalkRow) write(b htmlWriter) {
	b.WriteString("<tr")
	if r.Changed {
		b.WriteString(` class="renumbered"`)
	}
	writeAll(b, "><td>", orNone(r.Old), "</td><td></td><td>")
	if r.Href != "" {
		writeAll(b, `<a href="`, esc(r.Href), `">`, orNone(r.New), "</a>")
	} else {
		b.WriteString(orNone(r.New))
	}
	writeAll(b, `</td><td dir="auto">`, esc(r.Text), ellipsis(r.Cut), "</td></tr>")
}

// ellipsis returns the ellipsis due after an excerpt that was cut, or "".
func ellipsis(cut bool) string {
	if cut {
		return "…"
	}
	return ""
}

// orNone returns a label escaped, or the mark of an empty cell.
func orNone(label string) string {
	if label == "" {
		return none
	}
	return esc(label)
}

// HTML returns the markup of one row of the departures table.
func (d departure) HTML() template.HTML {
	var b strings.Builder
	d.write(&b)
	return template.HTML(b.String())
}

func (d *departure) write(b htmlWriter) {
	href := esc(d.Href)
	writeAll(b, `<tr class="dep" data-k="`, d.Kinds.tokens(), `"><td><a href="`, href, `">`, esc(d.Num), `</a></td>`)
	writeAll(b, `<td><a href="`, href, `" dir="auto">`, esc(d.Place), `</a>`)
	if d.Was != "" {
		writeAll(b, ` <span class="was">(was `, esc(d.Was), `)</span>`)
	}
	writeAll(b, `</td><td>`, esc(d.Kind), `</td><td class="words"><span class="w-del">−`, strconv.Itoa(d.Del))
	writeAll(b, `</span> <span class="w-ins">+`, strconv.Itoa(d.Ins), `</span></td>`)
	if d.SignalColumn {
		writeAll(b, `<td class="signals">`, esc(d.Signal), `</td>`)
	}
	writeAll(b, `<td dir="auto">`, esc(d.Text), ellipsis(d.Cut), `</td></tr>`)
}
