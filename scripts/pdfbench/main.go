// Command pdfbench compares PDF text-extraction engines on the PDFs that
// scripts/pdffixtures.py makes from the shipped drafts, for docs/pdf.md.
//
//	scripts/pdffixtures.py /tmp/pdfs --all
//	cd scripts/pdfbench && go run . ../.. /tmp/pdfs
//
// For each PDF and engine it prints: the words of the source draft found
// in the extraction (as a multiset, exactly as written), the share found
// in the source's order (longest common subsequence, so reading order
// counts), ligature characters and soft hyphens left in the text, and the
// time the extraction took (the engine's start included); the last row of
// each PDF is redline's reading, after its layout and text rules. It is a module
// of its own so that redline does not depend on go-pdfium.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"

	"github.com/redline-diff/redline/draft"
)

type engine struct {
	name    string
	extract func(path string) (string, error)
}

func pdftotext(args ...string) func(string) (string, error) {
	return func(path string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		out, err := exec.CommandContext(ctx, "pdftotext", append(append(args, "-enc", "UTF-8", "--", path), "-")...).Output()
		return string(out), err
	}
}

var pool pdfium.Pool

func pdfiumText(path string) (string, error) {
	if pool == nil {
		var err error
		pool, err = webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1})
		if err != nil {
			return "", err
		}
	}
	inst, err := pool.GetInstance(time.Minute)
	if err != nil {
		return "", err
	}
	defer inst.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return "", err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	n, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i := 0; i < n.PageCount; i++ {
		t, err := inst.GetPageText(&requests.GetPageText{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}})
		if err != nil {
			return "", err
		}
		b.WriteString(t.Text)
		b.WriteString("\n\f")
	}
	return b.String(), nil
}

// redlineText is redline's own reading (pdftotext -bbox-layout, then
// draft/pdflayout.go and the paginated-text rules): its blocks' labels
// and texts, one paragraph a line.
func redlineText(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	d, err := draft.Read(path, data, draft.PDF)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, bl := range d.Blocks {
		b.WriteString(bl.Label + " " + bl.Text + "\n")
	}
	return b.String(), nil
}

var mdSyntax = regexp.MustCompile(`(?m)^#+ |\*|\[\^\d+\]|^\[\^\d+\]:`)

// words splits text into words: runs between white space, with
// surrounding punctuation trimmed; each Han character is a word.
func words(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		f = strings.TrimFunc(f, func(r rune) bool { return unicode.IsPunct(r) && r != '[' && r != ']' })
		if f == "" {
			continue
		}
		if strings.IndexFunc(f, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			for _, r := range f {
				if unicode.Is(unicode.Han, r) {
					out = append(out, string(r))
				}
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func source(root, pdf string) (string, bool) {
	base := filepath.Base(pdf)
	name := base[:strings.LastIndexByte(base, '-')]
	switch name {
	case "zero-draft", "final":
		b, err := os.ReadFile(filepath.Join(root, "testdata/drafts", name+".md"))
		return string(b), err == nil
	case "ar", "zh", "ru":
		b, err := os.ReadFile(filepath.Join(root, "testdata/languages", name+".txtar"))
		if err != nil {
			return "", false
		}
		old, _, _ := strings.Cut(strings.SplitN(string(b), "-- old.md --\n", 2)[1], "\n-- ")
		title, body, _ := strings.Cut(old, "\n")
		return title + "\n" + strings.Repeat(body+"\n", 25), true
	}
	return "", false
}

func main() {
	root, dir := os.Args[1], os.Args[2]
	engines := []engine{
		{"pdftotext -layout", pdftotext("-layout")},
		{"pdftotext (reading order)", pdftotext()},
		{"go-pdfium (wasm)", pdfiumText},
		{"redline (pdftotext -bbox-layout + draft)", redlineText},
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	sort.Strings(pdfs)
	fmt.Printf("| PDF | engine | words found | in order | ligatures/soft hyphens left | time |\n|---|---|---|---|---|---|\n")
	for _, pdf := range pdfs {
		src, ok := source(root, pdf)
		for _, e := range engines {
			start := time.Now()
			text, err := e.extract(pdf)
			took := time.Since(start)
			if err != nil {
				fmt.Printf("| %s | %s | error: %v | | | |\n", filepath.Base(pdf), e.name, err)
				continue
			}
			lig := strings.Count(text, "\u00ad")
			for r := '\ufb00'; r <= '\ufb06'; r++ {
				lig += strings.Count(text, string(r))
			}
			found, order := "-", "-"
			if ok {
				sw, tw := words(mdSyntax.ReplaceAllString(src, "")), words(text)
				bag := map[string]int{}
				for _, w := range tw {
					bag[w]++
				}
				hit := 0
				for _, w := range sw {
					if bag[w] > 0 {
						bag[w]--
						hit++
					}
				}
				found = fmt.Sprintf("%.1f%%", 100*float64(hit)/float64(len(sw)))
				order = fmt.Sprintf("%.1f%%", 100*float64(lcs(sw, tw))/float64(len(sw)))
			}
			fmt.Printf("| %s | %s | %s | %s | %d | %.0f ms |\n", filepath.Base(pdf), e.name, found, order, lig, float64(took.Microseconds())/1000)
		}
	}
}
