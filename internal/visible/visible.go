// Package visible makes text safe for a terminal or a log: every byte
// that a terminal could take as a command, or that would reorder or hide
// the text around it, is written as a visible mark instead.
//
// What is replaced, and by what:
//
//   - C0 controls (U+0000–U+001F) by their Control Pictures (U+2400–U+241F:
//     ESC becomes ␛), and DEL by ␡ (U+2421); line feed and tab are kept in
//     text (Text, Writer) but not in a line (Line);
//   - C1 controls (U+0080–U+009F, among them CSI, which some terminals
//     obey as ESC [) by <U+009B>;
//   - the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069), which reorder the text after them until a paragraph
//     ends ("Trojan Source"), by <U+202E>; the marks LRM, RLM and ALM,
//     which right-to-left text needs and which reorder nothing beyond
//     their neighbours, are kept;
//   - bytes that are not UTF-8 by \xNN.
package visible

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Text returns s with every hidden character replaced, line feeds and
// tabs kept.
func Text(s string) string { return replace(s, true) }

// Line returns s as one line: every hidden character replaced, line feeds
// and tabs too (␊, ␉), so that a file name holding a line break still
// gives a one-line message.
func Line(s string) string { return replace(s, false) }

// Hidden reports whether r is replaced in text: a C0 control but line
// feed and tab, DEL, a C1 control, a bidirectional embedding, override or
// isolate.
func Hidden(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return true
	}
	return IsBidiControl(r)
}

// IsBidiControl reports whether r is a bidirectional embedding, override,
// pop or isolate: LRE, RLE, PDF, LRO, RLO (U+202A–U+202E), LRI, RLI, FSI,
// PDI (U+2066–U+2069).
func IsBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// replace returns s with its hidden characters replaced, and line feeds
// and tabs kept if keepLines.
func replace(s string, keepLines bool) string {
	i := firstHidden(s, keepLines)
	if i < 0 {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + 16)
	sb.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		writeRune(&sb, s[i:i+n], r, keepLines)
		i += n
	}
	return sb.String()
}

// firstHidden returns the index of the first byte of s to replace, or -1.
func firstHidden(s string, keepLines bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || Hidden(r) || !keepLines && (r == '\n' || r == '\t') {
			return i
		}
		i += n
	}
	return -1
}

// writeRune writes the rune r, encoded as raw, or its mark.
func writeRune(sb *strings.Builder, raw string, r rune, keepLines bool) {
	switch {
	case r == utf8.RuneError && len(raw) == 1:
		fmt.Fprintf(sb, `\x%02x`, raw[0])
	case (r == '\n' || r == '\t') && keepLines:
		sb.WriteString(raw)
	case r < 0x20:
		sb.WriteRune(0x2400 + r)
	case r == 0x7f:
		sb.WriteRune(0x2421)
	case Hidden(r):
		fmt.Fprintf(sb, "<U+%04X>", r)
	default:
		sb.WriteString(raw)
	}
}

// Writer writes text to an io.Writer as Text returns it. A character
// split between two writes is held until the next; Flush writes what is
// held. Errors are the underlying writer's.
type Writer struct {
	w    io.Writer
	held []byte // the start of a character split between writes
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes p as Text, and reports len(p) once it is written.
func (vw *Writer) Write(p []byte) (int, error) {
	n := len(p)
	if len(vw.held) > 0 {
		p = append(vw.held, p...)
		vw.held = nil
	}
	// Hold back an incomplete character at the end.
	if cut := incompleteTail(p); cut < len(p) {
		vw.held = append([]byte(nil), p[cut:]...)
		p = p[:cut]
	}
	s := string(p)
	if firstHidden(s, true) < 0 {
		_, err := vw.w.Write(p)
		return n, err
	}
	_, err := io.WriteString(vw.w, Text(s))
	return n, err
}

// Flush writes what a last Write held back (a character cut short).
func (vw *Writer) Flush() error {
	if len(vw.held) == 0 {
		return nil
	}
	s := Text(string(vw.held))
	vw.held = nil
	_, err := io.WriteString(vw.w, s)
	return err
}

// incompleteTail returns where an incomplete UTF-8 sequence at the end of
// p starts, or len(p).
func incompleteTail(p []byte) int {
	for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax+1; i-- {
		c := p[i]
		if c < 0x80 {
			return len(p)
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(p[i:]) {
				return i
			}
			return len(p)
		}
	}
	return len(p)
}
