package render

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// This file holds a Word part as a tree of its XML, exactly as written
// (prefixes, namespace declarations, unknown elements kept), so that a
// redline can change a document's paragraphs and leave the rest as it is.

// xnode is an element, a text or other markup of a part.
type xnode struct {
	name   string // an element's prefixed name ("w:p"); "" for text and raw markup
	attrs  []xml.Attr
	kids   []*xnode
	parent *xnode
	text   string // a text's characters; raw markup as written
	raw    bool
	// before and after are nodes written before and after this one, as
	// if they stood there (inserted without moving the parent's kids).
	before, after []*xnode
}

// maxTreeDepth bounds the nesting of a part's elements, as the Word reader
// does.
const maxTreeDepth = 512

var errTreeDepth = errors.New("elements nested too deep")

// parseTree reads a part's XML into a tree under a root without a name.
func parseTree(r io.Reader) (*xnode, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	root := &xnode{}
	cur := root
	depth := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			if cur != root {
				return nil, errors.New("unclosed element")
			}
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxTreeDepth {
				return nil, errTreeDepth
			}
			n := &xnode{name: qname(t.Name), attrs: append([]xml.Attr(nil), t.Attr...), parent: cur}
			cur.kids = append(cur.kids, n)
			cur = n
		case xml.EndElement:
			if cur == root || cur.name != qname(t.Name) {
				return nil, errors.New("mismatched end element")
			}
			depth--
			cur = cur.parent
		case xml.CharData:
			cur.kids = append(cur.kids, &xnode{text: string(t), parent: cur})
		case xml.ProcInst:
			cur.kids = append(cur.kids, &xnode{raw: true, text: "<?" + t.Target + " " + string(t.Inst) + "?>", parent: cur})
		case xml.Comment:
			cur.kids = append(cur.kids, &xnode{raw: true, text: "<!--" + string(t) + "-->", parent: cur})
		case xml.Directive:
			cur.kids = append(cur.kids, &xnode{raw: true, text: "<!" + string(t) + ">", parent: cur})
		}
	}
}

// qname writes a raw name with its prefix.
func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// write writes the tree's XML.
func (n *xnode) write(sb *strings.Builder) {
	switch {
	case n.raw:
		sb.WriteString(n.text)
	case n.name == "" && n.parent != nil && n.parent.name == "":
		sb.WriteString(n.text) // white space outside the root element
	case n.name == "" && n.parent != nil:
		xmlText(sb, n.text)
	default:
		if n.name != "" {
			sb.WriteString("<" + n.name)
			for _, a := range n.attrs {
				sb.WriteString(" " + qname(a.Name) + `="`)
				xmlText(sb, a.Value)
				sb.WriteString(`"`)
			}
			if len(n.kids) == 0 {
				sb.WriteString("/>")
				return
			}
			sb.WriteString(">")
		}
		for _, k := range n.kids {
			for _, b := range k.before {
				b.write(sb)
			}
			k.write(sb)
			for _, a := range k.after {
				a.write(sb)
			}
		}
		if n.name != "" {
			sb.WriteString("</" + n.name + ">")
		}
	}
}

// xmlText escapes s for XML text or a quoted attribute.
func xmlText(sb *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '<':
			sb.WriteString("&lt;")
		case '>':
			sb.WriteString("&gt;")
		case '&':
			sb.WriteString("&amp;")
		case '"':
			sb.WriteString("&quot;")
		case '\r':
			sb.WriteString("&#xD;")
		case '\t':
			sb.WriteString("&#x9;")
		case '\n':
			sb.WriteString("&#xA;")
		default:
			if r < 0x20 || r >= 0xD800 && r <= 0xDFFF || r == 0xFFFE || r == 0xFFFF {
				sb.WriteRune('\uFFFD')
			} else {
				sb.WriteRune(r)
			}
		}
	}
}

// elem returns a new element.
func elem(name string, attrs ...string) *xnode {
	n := &xnode{name: name}
	for i := 0; i+1 < len(attrs); i += 2 {
		n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Space: prefixOf(attrs[i]), Local: localOf(attrs[i])}, Value: attrs[i+1]})
	}
	return n
}

func prefixOf(q string) string {
	if i := strings.IndexByte(q, ':'); i >= 0 {
		return q[:i]
	}
	return ""
}

func localOf(q string) string { return q[strings.IndexByte(q, ':')+1:] }

// add appends kids to n, as their parent.
func (n *xnode) add(kids ...*xnode) *xnode {
	for _, k := range kids {
		k.parent = n
		n.kids = append(n.kids, k)
	}
	return n
}

// clone returns a deep copy of n, without a parent.
func (n *xnode) clone() *xnode {
	c := &xnode{name: n.name, attrs: append([]xml.Attr(nil), n.attrs...), text: n.text, raw: n.raw}
	for _, k := range n.kids {
		kc := k.clone()
		kc.parent = c
		c.kids = append(c.kids, kc)
	}
	return c
}

// child returns n's first child element called name, or nil.
func (n *xnode) child(name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// attr returns the value of n's attribute of prefixed name q.
func (n *xnode) attr(q string) string {
	for _, a := range n.attrs {
		if qname(a.Name) == q {
			return a.Value
		}
	}
	return ""
}

// index returns n's position among its parent's kids, or -1.
func (n *xnode) index() int {
	if n.parent == nil {
		return -1
	}
	for i, k := range n.parent.kids {
		if k == n {
			return i
		}
	}
	return -1
}

// replace puts nodes in n's place in its parent.
func (n *xnode) replace(nodes ...*xnode) {
	p := n.parent
	i := n.index()
	if i < 0 {
		return
	}
	for _, k := range nodes {
		k.parent = p
	}
	p.kids = append(p.kids[:i], append(nodes, p.kids[i+1:]...)...)
}

// insertBefore writes nodes before n, in its parent; insertAfter after
// it.
func (n *xnode) insertBefore(nodes ...*xnode) {
	for _, k := range nodes {
		k.parent = n.parent
	}
	n.before = append(n.before, nodes...)
}

func (n *xnode) insertAfter(nodes ...*xnode) {
	for _, k := range nodes {
		k.parent = n.parent
	}
	n.after = append(n.after, nodes...)
}
