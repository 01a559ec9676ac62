package draft

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync/atomic"
	"time"
)

// This file reads a PDF: Poppler's pdftotext, run as a program, gives the
// words of each page with their boxes (-bbox-layout); pdflayout.go puts
// them in reading order as the lines of a paginated plain text, which
// readText reads as it reads any PDF extraction. docs/pdf.md tells why
// this engine and not another.

// Bounds of a PDF's reading.
const (
	// pdfTextExpansion and pdfTextSlack bound pdftotext's output, which is
	// read as it comes, not kept: at most pdfTextExpansion times the PDF's
	// size plus pdfTextSlack bytes of XHTML (about 100 bytes a word).
	pdfTextExpansion = 64
	pdfTextSlack     = 64 << 20
	// pdfWordExpansion and pdfWordSlack bound the words kept, counted
	// with their boxes (64 bytes a word and its text), so that a
	// compressed-stream bomb is stopped when its text passes what a draft
	// of that size can hold, within the memory budget of ten times the
	// drafts' size (plus 100 MB) that redline keeps to.
	pdfWordExpansion = 4
	pdfWordSlack     = 48 << 20
	// pdfMemory is the address space pdftotext may take (Linux: see
	// limitMemory), a few times what Poppler needs for a large draft.
	pdfMemory = 1 << 30
)

// pdfTimeout is how long pdftotext may run on one PDF; a variable for the
// tests of the hostile files. Stored as nanoseconds.
var pdfTimeout atomic.Int64

func init() { pdfTimeout.Store(int64(60 * time.Second)) }

// pdftotextProgram is the program run; a variable for the tests of a
// missing one.
var pdftotextProgram atomic.Pointer[string]

func init() {
	p := "pdftotext"
	pdftotextProgram.Store(&p)
}

// ErrNoTextLayer is the error (wrapped in an *Error) for a PDF whose pages
// hold no text: a scan, whose words are pictures. redline does no OCR.
var ErrNoTextLayer = errors.New("no text in this PDF (a scanned document? its pages are images; run OCR on it first, e.g. ocrmypdf, redline reads only a PDF's text)")

// ErrNoPdftotext is the error (wrapped in an *Error) when Poppler's
// pdftotext, which reads PDFs for redline, is not installed.
var ErrNoPdftotext = errors.New("reading a PDF needs Poppler's pdftotext: install poppler-utils (apt-get install poppler-utils, brew install poppler)")

// PDFAvailable reports whether PDFs can be read here: whether pdftotext is
// installed.
func PDFAvailable() bool {
	_, err := exec.LookPath(*pdftotextProgram.Load())
	return err == nil
}

// readPDFDocument is Read for a PDF.
func readPDFDocument(name string, data []byte) (d *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, &Error{name, fmt.Errorf("internal error reading pdf: %v", r)}
		}
	}()
	if !isPDF(data) {
		return nil, &Error{name, errors.New("not a PDF file (no %PDF- header)")}
	}
	pages, err := extractPages(data)
	if err != nil {
		return nil, &Error{name, err}
	}
	text, notes, furniture := layoutPages(pages)
	if strings.TrimSpace(text) == "" && len(notes) == 0 {
		return nil, &Error{name, ErrNoTextLayer}
	}
	blocks, warnings := readText(name, text)
	blocks = placeNotes(blocks, notes)
	if furniture > 0 {
		warnings = addFurniture(name, warnings, furniture)
	}
	return &Document{Name: name, Blocks: blocks, Warnings: warnings}, nil
}

// addFurniture adds n lines of page furniture to the count of the text
// reader's warning about them, or gives that warning.
func addFurniture(name string, warnings []string, n int) []string {
	for i, w := range warnings {
		var k int
		if _, err := fmt.Sscanf(strings.TrimPrefix(w, name+": "), "%d page", &k); err == nil && strings.HasSuffix(w, "removed") {
			n += k
			warnings = append(warnings[:i], warnings[i+1:]...)
			break
		}
	}
	return append(warnings, fmt.Sprintf("%s: %d page %s removed", name, n, plural(n, "header or footer", "headers and footers")))
}

// isPDF reports whether data starts with a PDF header (within its first
// kilobyte, as readers allow).
func isPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// extractPages runs pdftotext -bbox-layout on data, given on its standard
// input so that no file name reaches its arguments, within pdfTimeout and
// pdfMemory, and reads the words of its pages as they come (see
// parseBBox), up to a budget of pdfWordExpansion times data's size plus
// pdfWordSlack bytes of words.
func extractPages(data []byte) ([]pdfPage, error) {
	prog := *pdftotextProgram.Load()
	path, err := exec.LookPath(prog)
	if err != nil {
		return nil, ErrNoPdftotext
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(pdfTimeout.Load()))
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-q", "-bbox-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("cannot run pdftotext: %v", err)
	}
	stderr := &limitedBuffer{left: 4096}
	cmd.Stderr = stderr
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot run pdftotext: %v", err)
	}
	limitMemory(cmd.Process.Pid, pdfMemory)
	budget := int64(len(data))*pdfWordExpansion + pdfWordSlack
	pages, parseErr := parseBBox(&controlFilter{r: stdout, left: int64(len(data))*pdfTextExpansion + pdfTextSlack}, budget)
	if parseErr != nil {
		cancel() // stop pdftotext: what it writes is no longer read
	}
	_, _ = io.Copy(io.Discard, stdout)
	err = cmd.Wait()
	switch {
	case errors.Is(parseErr, errPDFTooMuch):
		return nil, fmt.Errorf("it holds more text than a PDF of %d KiB can (over %d MiB of words; a compressed-stream bomb?)", len(data)>>10, budget>>20)
	case parseErr != nil && !errors.Is(parseErr, errNoPages) && ctx.Err() != context.DeadlineExceeded:
		return nil, parseErr // (pdftotext was stopped for it)
	case ctx.Err() == context.DeadlineExceeded:
		return nil, fmt.Errorf("pdftotext took more than %v to read it (a hostile PDF?)", time.Duration(pdfTimeout.Load()))
	case err != nil:
		msg := strings.TrimSpace(lastLine(stderr.buf.String()))
		var ee *exec.ExitError
		switch {
		case msg != "":
		case errors.As(err, &ee) && ee.ExitCode() == 1:
			msg = "damaged, or locked with a password"
		case errors.As(err, &ee) && ee.ExitCode() == 3:
			msg = "its permissions do not allow copying its text"
		default:
			msg = err.Error()
		}
		return nil, fmt.Errorf("pdftotext cannot read it: %s", msg)
	case parseErr != nil:
		return nil, parseErr
	}
	return pages, nil
}

// errPDFTooMuch is parseBBox's error for words past its budget, or
// pdftotext's output past its bound.
var errPDFTooMuch = errors.New("too much text")

// controlFilter reads from r at most left bytes (then fails with
// errPDFTooMuch), each control character that XML does not allow (which
// a PDF may map its glyphs to) read as a space.
type controlFilter struct {
	r    io.Reader
	left int64
}

func (c *controlFilter) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errPDFTooMuch
	}
	n, err := c.r.Read(p[:min(int64(len(p)), c.left)])
	c.left -= int64(n)
	for i, b := range p[:n] {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			p[i] = ' '
		}
	}
	return n, err
}

// lastLine returns the last non-blank line of s.
func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// limitedBuffer keeps what is written to it up to left bytes, and drops
// the rest.
type limitedBuffer struct {
	buf  bytes.Buffer
	left int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	n := min(len(p), b.left)
	b.buf.Write(p[:n])
	b.left -= n
	return len(p), nil
}
