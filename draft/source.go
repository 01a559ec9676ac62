package draft

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// byteOrderMark is the UTF-8 encoding of U+FEFF, dropped from the start of
// a draft.
var byteOrderMark = []byte("\uFEFF")

// prepare checks and cleans a draft's bytes before a reader sees them: data
// that starts with a UTF-16 byte-order mark is decoded from UTF-16 (see
// decodeUTF16); data with a NUL byte is refused (ErrBinary); a leading
// byte-order mark is dropped; invalid UTF-8 is replaced by U+FFFD, with a
// warning naming the draft; CRLF and lone CR line ends become LF, so line
// numbers stay those of the source.
func prepare(name string, data []byte) (src []byte, warnings []string, err error) {
	if order, ok := utf16Order(data); ok {
		var bad, nul int
		data, bad, nul = decodeUTF16(data[2:], order)
		if nul >= 0 {
			return nil, nil, &Error{name, fmt.Errorf("%w (NUL character at offset %d of UTF-16 text)", ErrBinary, 2+2*nul)}
		}
		if bad > 0 {
			warnings = append(warnings, fmt.Sprintf("%s: invalid UTF-16 repaired (%d %s replaced by U+FFFD)",
				name, bad, plural(bad, "code unit", "code units")))
		}
	} else if at := bytes.IndexByte(data, 0); at >= 0 {
		return nil, nil, &Error{name, fmt.Errorf("%w (NUL byte at offset %d%s)", ErrBinary, at, binaryHint(data))}
	}
	data = bytes.TrimPrefix(data, byteOrderMark)
	if !utf8.Valid(data) {
		var replaced int
		data, replaced = repairUTF8(data)
		warnings = append(warnings, fmt.Sprintf("%s: invalid UTF-8 repaired (%d %s replaced by U+FFFD)",
			name, replaced, plural(replaced, "byte", "bytes")))
	}
	return unifyLineEnds(data), warnings, nil
}

// utf16Order reports whether data starts with a UTF-16 byte-order mark, as
// a draft saved as "Unicode text" by Word or Notepad on Windows does, and
// if so whether it is big-endian.
func utf16Order(data []byte) (bigEndian, ok bool) {
	switch {
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		return false, true
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		return true, true
	}
	return false, false
}

// decodeUTF16 returns UTF-16 data (its byte-order mark removed) as UTF-8,
// the number of code units that were not UTF-16 (unpaired surrogates, a
// last odd byte), each replaced by U+FFFD, and the index of the first
// code unit that is NUL, or -1.
func decodeUTF16(data []byte, bigEndian bool) (out []byte, bad, nul int) {
	out = make([]byte, 0, len(data)/2+len(data)/8)
	nul = -1
	unit := func(k int) rune {
		if bigEndian {
			return rune(data[2*k])<<8 | rune(data[2*k+1])
		}
		return rune(data[2*k+1])<<8 | rune(data[2*k])
	}
	n := len(data) / 2
	for k := 0; k < n; k++ {
		r := unit(k)
		switch {
		case r == 0:
			if nul < 0 {
				nul = k
			}
		case utf16.IsSurrogate(r):
			if k+1 < n {
				if dec := utf16.DecodeRune(r, unit(k+1)); dec != utf8.RuneError {
					r = dec
					k++
					break
				}
			}
			r = utf8.RuneError
			bad++
		}
		out = utf8.AppendRune(out, r)
	}
	if len(data)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
		bad++
	}
	return out, bad, nul
}

// binaryHint returns what data holding a NUL byte may be, when a draft
// could be saved so: "; " and a hint, or "".
func binaryHint(data []byte) string {
	switch {
	case looksUTF16(data):
		return "; UTF-16 without a byte-order mark? save it as UTF-8, or as UTF-16 with one"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && bytes.Contains(data[:min(len(data), 100)], []byte("mimetypeapplication/vnd.oasis.opendocument.text")):
		return "; an OpenDocument text: name it .odt or pass --from odt"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "; a zip archive: a Word document? name it .docx or pass --from docx"
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return "; a Word 97-2003 document? save it as .docx"
	}
	return ""
}

// looksUTF16 reports whether data, which holds a NUL byte, looks like
// UTF-16 text without a byte-order mark: at its start, every second byte
// is NUL and the others are not, as in ASCII text so encoded.
func looksUTF16(data []byte) bool {
	n := min(len(data), 64) &^ 1
	if n < 8 {
		return false
	}
	for _, zeroAt := range []int{0, 1} {
		ok := true
		for i := 0; i < n && ok; i++ {
			ok = (data[i] == 0) == (i%2 == zeroAt)
		}
		if ok {
			return true
		}
	}
	return false
}

// plural returns one if n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// repairUTF8 returns data with each byte that is not part of a valid UTF-8
// sequence replaced by U+FFFD, and the number of bytes replaced.
func repairUTF8(data []byte) ([]byte, int) {
	out := make([]byte, 0, len(data)+len(data)/8)
	replaced := 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
			replaced++
		} else {
			out = append(out, data[:size]...)
		}
		data = data[size:]
	}
	return out, replaced
}

// unifyLineEnds returns data with CRLF and lone CR turned to LF: data
// itself when it has no CR.
func unifyLineEnds(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
		}
		out = append(out, c)
	}
	return out
}

// lineIndex maps byte offsets in a source to 1-based line numbers. It holds
// the offset at which each line starts.
type lineIndex []int

// newLineIndex indexes the lines of src.
func newLineIndex(src []byte) lineIndex {
	starts := make(lineIndex, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// line returns the 1-based number of the line holding byte offset.
func (x lineIndex) line(offset int) int {
	return max(1, sort.Search(len(x), func(i int) bool { return x[i] > offset }))
}

// lineCursor is a lineIndex that remembers the line it found last. A
// reader asks for the lines of a draft mostly in order, each on the line
// found last or the next: a look at one or two line starts answers, where
// a search of a long draft's index makes a dozen reads far apart.
type lineCursor struct {
	index lineIndex
	last  int // the index in index of the line found last
}

// line returns the 1-based number of the line holding byte offset.
func (c *lineCursor) line(offset int) int {
	x := c.index
	for k := c.last; k < min(c.last+2, len(x)); k++ {
		if x[k] <= offset && (k+1 == len(x) || offset < x[k+1]) {
			c.last = k
			return k + 1
		}
	}
	n := x.line(offset)
	c.last = n - 1
	return n
}
