package draft

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// skipNoPDF skips a test where pdftotext is not installed.
func skipNoPDF(t testing.TB) {
	t.Helper()
	if !PDFAvailable() {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils): PDFs cannot be read here")
	}
}

// makePDF returns a PDF of the objects given (object k+1 is objects[k],
// without "k 0 obj"), object 1 its catalog, with a cross-reference table.
func makePDF(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for k, o := range objects {
		offsets[k] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", k+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// stream returns a stream object of data, compressed if flate is set.
func stream(data []byte, flate bool) string {
	if !flate {
		return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(data), data)
	}
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes())
}

// bombStream returns a compressed stream object of chunk n times over.
func bombStream(chunk []byte, n int) string {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	for range n {
		w.Write(chunk)
	}
	w.Close()
	return fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes())
}

// onePage returns a PDF of one page whose content stream is content.
func onePage(content string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
		stream([]byte(content), false),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream",
	}
	return makePDF(append(objs, extra...)...)
}

func TestReadPDFSmall(t *testing.T) {
	skipNoPDF(t)
	pdf := onePage("BT /F1 12 Tf 72 700 Td (1. The \\256nal text of the of\\256ce.) Tj 0 -30 Td (2. A second paragraph.) Tj ET")
	d, err := Read("small.pdf", pdf, Auto)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Label+" "+b.Text)
	}
	want := []string{"1. The final text of the office.", "2. A second paragraph."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q, want %q", got, want)
	}
}

// TestReadPDFRefused: a scanned PDF (an image, no text), a file that is
// no PDF, and pdftotext missing each give one line naming the file.
func TestReadPDFRefused(t *testing.T) {
	skipNoPDF(t)
	for _, tc := range []struct {
		name, data string
		want       error
		msg        string
	}{
		{"scan.pdf", string(onePage("q 612 0 0 792 0 0 cm /Im1 Do Q")), ErrNoTextLayer, "no text in this PDF (a scanned document?"},
		{"empty.pdf", string(onePage("")), ErrNoTextLayer, "no text"},
		{"notes.pdf", "Hello, not a PDF", nil, "not a PDF file"},
		{"broken.pdf", "%PDF-1.4\ngarbage", nil, "pdftotext cannot read it: damaged, or locked with a password"},
	} {
		_, err := Read(tc.name, []byte(tc.data), PDF)
		var de *Error
		switch {
		case err == nil:
			t.Errorf("%s: read, want refused", tc.name)
		case !errors.As(err, &de) || de.Name != tc.name || strings.Contains(err.Error(), "\n"):
			t.Errorf("%s: %q, want one line naming the file", tc.name, err)
		case tc.want != nil && !errors.Is(err, tc.want), !strings.Contains(err.Error(), tc.msg):
			t.Errorf("%s: %q, want %q", tc.name, err, tc.msg)
		}
	}
}

func TestReadPDFMissingProgram(t *testing.T) {
	old := pdftotextProgram.Load()
	none := "redline-test-no-such-pdftotext"
	pdftotextProgram.Store(&none)
	defer pdftotextProgram.Store(old)
	_, err := Read("a.pdf", onePage(""), Auto)
	if !errors.Is(err, ErrNoPdftotext) || !strings.Contains(err.Error(), "a.pdf: reading a PDF needs Poppler's pdftotext: install poppler-utils") {
		t.Errorf("err = %v", err)
	}
}

// TestPDFBounds reads hostile PDFs: each is refused (or read) within the
// time and memory bounds, with one line naming the file.
func TestPDFBounds(t *testing.T) {
	skipNoPDF(t)
	if testing.Short() {
		t.Skip("hostile PDFs take seconds")
	}
	old := pdfTimeout.Load()
	pdfTimeout.Store(int64(5 * time.Second))
	defer pdfTimeout.Store(old)
	// Many pages sharing one content stream of 400 words: 30,000 pages
	// of text from a file of 1.5 MB.
	words := strings.Repeat("lorem ipsum dolor sit amet ", 80)
	kids := make([]string, 30_000)
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", stream([]byte("BT /F1 6 Tf 20 780 Td 12 TL ("+words[:len(words)/2]+") ' ("+words[len(words)/2:]+") ' ET"), true),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
	for k := range kids {
		kids[k] = fmt.Sprintf("%d 0 R", len(objs)+1)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	amplified := makePDF(objs...)
	// A page tree 50,000 deep.
	deep := []string{"<< /Type /Catalog /Pages 2 0 R >>"}
	for k := 2; k < 50_002; k++ {
		deep = append(deep, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", k+1))
	}
	deep = append(deep, "<< /Type /Page /MediaBox [0 0 612 792] >>")
	// A content stream of 400 MB of operators compressed into a few
	// hundred kilobytes.
	bomb := makePDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		bombStream(bytes.Repeat([]byte("q Q "), 1<<18), 400))
	for _, tc := range []struct {
		name string
		data []byte
		want *regexp.Regexp
	}{
		{"amplified.pdf", amplified, regexp.MustCompile(`more text than a PDF of \d+ KiB can|took more than 5s`)},
		{"deep.pdf", makePDF(deep...), regexp.MustCompile(`no text in this PDF|pdftotext cannot read it`)},
		{"bomb.pdf", bomb, regexp.MustCompile(`took more than 5s|no text`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			peak := peakHeap()
			start := time.Now()
			_, err := Read(tc.name, tc.data, Auto)
			took := time.Since(start)
			heap := peak()
			t.Logf("%d bytes: %v in %v, heap at most %d MiB", len(tc.data), err, took, heap>>20)
			var de *Error
			if err == nil || !errors.As(err, &de) || de.Name != tc.name || strings.Contains(err.Error(), "\n") || !tc.want.MatchString(err.Error()) {
				t.Errorf("err = %v, want one line naming the file matching %q", err, tc.want)
			}
			if took > 15*time.Second {
				t.Errorf("took %v", took)
			}
			// redline's memory budget: ten times the drafts, plus 100 MB.
			if limit := uint64(len(tc.data))*10 + 100<<20; heap > limit {
				t.Errorf("heap reached %d MiB, over %d MiB", heap>>20, limit>>20)
			}
		})
	}
}

// peakHeap samples the heap in use every 5 ms until the function it
// returns is called, which returns the most seen above what was in use
// at the start.
func peakHeap() func() uint64 {
	stop := make(chan struct{})
	done := make(chan uint64)
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapAlloc
	go func() {
		var most uint64
		for {
			runtime.ReadMemStats(&m)
			most = max(most, m.HeapAlloc)
			select {
			case <-stop:
				done <- most - min(most, base)
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	return func() uint64 { close(stop); return <-done }
}

// TestPDFWordBudget: the words kept stop at the budget.
func TestPDFWordBudget(t *testing.T) {
	xhtml := "<doc>\n<page width=\"612\" height=\"792\">\n<line xMin=\"1\" yMin=\"1\" xMax=\"2\" yMax=\"2\">\n" +
		strings.Repeat("<word xMin=\"1\" yMin=\"1\" xMax=\"2\" yMax=\"2\">lorem</word>\n", 1000) + "</line>\n</page>\n</doc>\n"
	if _, err := parseBBox(strings.NewReader(xhtml), 60_000); !errors.Is(err, errPDFTooMuch) {
		t.Errorf("err = %v, want errPDFTooMuch", err)
	}
	pages, err := parseBBox(strings.NewReader(xhtml), 80_000)
	if err != nil || len(pages) != 1 || len(pages[0].lines[0].words) != 1000 {
		t.Errorf("err = %v, %d pages", err, len(pages))
	}
	r := &controlFilter{r: strings.NewReader(xhtml), left: 100}
	if _, err := parseBBox(r, 1<<20); !errors.Is(err, errPDFTooMuch) {
		t.Errorf("output bound: err = %v, want errPDFTooMuch", err)
	}
}

func TestNormalizePDFWord(t *testing.T) {
	for in, want := range map[string]string{
		"ﬁnal": "final", "oﬃce": "office", "ﬂow": "flow", "re\u00adport": "report", "se\u00ad": "se-",
		"\u202bكلمة\u202c": "كلمة", "plain": "plain",
	} {
		if got := normalizePDFWord(in); got != want {
			t.Errorf("normalizePDFWord(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRejoinPDFLines(t *testing.T) {
	lines := []outLine{{text: "an open, se-"}, {text: "cure place for non-", continues: true}, {text: "State actors; non-State", continues: true},
		{text: "Pre-", continues: true}, {text: "Session notes", continues: true}}
	rejoinPDFLines(lines)
	var got []string
	for _, l := range lines {
		got = append(got, l.text)
	}
	want := "an open, se\u00ad|cure place for non-State|actors; non-State|Pre-Session|notes"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

// FuzzReadPDF reads arbitrary bytes as a PDF: never a panic, a hang or an
// error of more than one line not naming the file.
func FuzzReadPDF(f *testing.F) {
	skipNoPDF(f)
	f.Add(onePage("BT /F1 12 Tf 72 700 Td (1. Hello world) Tj ET"))
	f.Add(onePage("q 612 0 0 792 0 0 cm /Im1 Do Q"))
	if data, err := os.ReadFile("../testdata/pdf/notes-lo.pdf"); err == nil {
		f.Add(data)
	}
	old := pdfTimeout.Load()
	pdfTimeout.Store(int64(10 * time.Second))
	defer pdfTimeout.Store(old)
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read("f.pdf", data, PDF)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.pdf: ") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q", err)
			}
			return
		}
		for _, b := range d.Blocks {
			if b.Text == "" && b.Label == "" {
				t.Fatalf("empty block in %+v", d.Blocks)
			}
		}
	})
}

// TestSoftHyphenRejoin: a soft hyphen ending a line (as the PDF reader
// writes where a PDF hyphenated a word) is a broken word, rejoined with a
// Rejoined mark that keeps it, so that the text read stays recoverable.
func TestSoftHyphenRejoin(t *testing.T) {
	blocks, _ := readText("x.txt", "1. An open, se\u00ad\ncure and peace\u00ad\n2026 place.\n")
	if len(blocks) != 1 {
		t.Fatalf("%d blocks", len(blocks))
	}
	b := blocks[0]
	if b.Text != "An open, secure and peace\u00ad\n2026 place." {
		t.Errorf("text %q", b.Text)
	}
	want := []Mark{{Start: 11, End: 11, Style: Rejoined, Value: "\u00ad\n"}}
	if !slices.Equal(b.Marks(), want) {
		t.Errorf("marks %+v, want %+v", b.Marks(), want)
	}
}

// TestPDFRejoinedMarks: the LibreOffice PDFs' hyphenated words are read
// whole, each with its Rejoined mark.
func TestPDFRejoinedMarks(t *testing.T) {
	skipNoPDF(t)
	data, err := os.ReadFile("../testdata/pdf/zero-draft-lo2.pdf")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read("zero-draft-lo2.pdf", data, Auto)
	if err != nil {
		t.Fatal(err)
	}
	marks := 0
	for _, b := range d.Blocks {
		if strings.Contains(b.Text, "\u00ad") {
			t.Errorf("soft hyphen left in %q", b.Text)
		}
		for _, m := range b.Marks() {
			if m.Style == Rejoined && strings.HasPrefix(m.Value, "\u00ad") {
				marks++
			}
		}
		if strings.Contains(b.Text, "se- cure") || strings.Contains(b.Text, "se-\ncure") {
			t.Errorf("broken word in %q", b.Text)
		}
	}
	if marks < 20 {
		t.Errorf("%d rejoined words, want at least 20", marks)
	}
}

// TestPDFEndlessOutput: a pdftotext that writes words without end (a
// stand-in for a compressed-stream bomb) is stopped at the word budget,
// within the memory budget, and the error says so in one line.
func TestPDFEndlessOutput(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	script, chunk := filepath.Join(dir, "pdftotext"), filepath.Join(dir, "page.xhtml")
	page := "<page width=\"612\" height=\"792\">\n<line xMin=\"1\" yMin=\"1\" xMax=\"2\" yMax=\"2\">\n" +
		strings.Repeat("<word xMin=\"1\" yMin=\"1\" xMax=\"2\" yMax=\"2\">lorem</word>\n", 1000) + "</line>\n</page>\n"
	body := "#!/bin/sh\ncat >/dev/null\necho '<doc>'\nwhile :; do cat '" + chunk + "' || exit 1; done\n"
	if err := os.WriteFile(chunk, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	old := pdftotextProgram.Load()
	pdftotextProgram.Store(&script)
	defer pdftotextProgram.Store(old)
	peak := peakHeap()
	start := time.Now()
	_, err := Read("bomb.pdf", onePage(""), Auto)
	heap := peak()
	t.Logf("%v in %v, heap at most %d MiB", err, time.Since(start), heap>>20)
	if err == nil || !strings.Contains(err.Error(), "bomb.pdf: it holds more text than a PDF of 0 KiB can (over 48 MiB of words; a compressed-stream bomb?)") {
		t.Errorf("err = %v", err)
	}
	if limit := uint64(100 << 20); heap > limit {
		t.Errorf("heap reached %d MiB, over %d MiB", heap>>20, limit>>20)
	}
}
