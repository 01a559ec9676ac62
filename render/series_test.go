package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
)

// seriesRenderers are the renderers of a history under test, by golden
// file name.
var seriesRenderers = []struct {
	name   string
	render func(io.Writer, *diff.History) error
}{
	{"history.html", HistoryHTML}, {"history.txt", HistoryText}, {"history.json", HistoryJSON},
	{"blame.html", BlameHTML}, {"blame.txt", BlameText}, {"blame.json", BlameJSON},
	{"trace.html", traceWith(TraceHTML)}, {"trace.txt", traceWith(TraceText)}, {"trace.json", traceWith(TraceJSON)},
}

// tracedPhrases are the phrases the trace renderers follow in tests; the
// last is hostile.
var tracedPhrases = []string{"States agreed", "human rights", `<b>"x"</b>`}

func traceWith(f func(io.Writer, *diff.History, []diff.PhraseTrace) error) func(io.Writer, *diff.History) error {
	return func(w io.Writer, h *diff.History) error {
		traces, err := h.Trace(tracedPhrases...)
		if err != nil {
			return err
		}
		return f(w, h, traces)
	}
}

// smallSeries is three short drafts: Rev.1 inserts a paragraph and edits
// one; Rev.2 moves a section, strikes "States agreed" and a phrase with
// markup. Names, labels and texts carry markup that must stay text.
func smallSeries(t testing.TB) *diff.History {
	t.Helper()
	texts := []string{
		"## A. \\<Intro>\n\n1. States agreed that law applies \\<b>\"x\"\\</b>.\n\n2. Human rights apply online.\n\n## B. Norms\n\n3. Norms reflect expectations of the community.\n",
		"## A. \\<Intro>\n\n1. States agreed that law applies \\<b>\"x\"\\</b>.\n\n2. Human rights apply online.\n\n3. Healthcare facilities are critical infrastructure.\n\n## B. Norms\n\n4. Norms reflect the expectations of the community.\n",
		"## B. Norms\n\n1. Norms reflect the expectations of the community.\n\n## A. \\<Intro>\n\n2. States concluded that law applies.\n\n3. Human rights apply online.\n\n4. Healthcare facilities are critical infrastructure.\n",
	}
	names := []string{`zero <script>alert(1)</script>`, "Rev.1 & \"co\"", "final\nline"}
	var drafts []*draft.Document
	for k, text := range texts {
		d, err := draft.Read([]string{"zero.md", "rev1.md", "rev2.md"}[k], []byte(text), draft.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		drafts = append(drafts, d)
	}
	h, err := diff.NewHistory(drafts, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	copy(h.Names, names)
	return h
}

var (
	styleSheet    = regexp.MustCompile(`(?s)<style>.*?</style>`)
	redlineFrames = regexp.MustCompile(`srcdoc="[^"]*"`)
)

// TestSeriesGolden renders the small series in every format and compares
// the output, style sheet left out, with testdata/golden/series-*.
func TestSeriesGolden(t *testing.T) {
	for _, r := range seriesRenderers {
		t.Run(r.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := r.render(&buf, smallSeries(t)); err != nil {
				t.Fatal(err)
			}
			// The style sheet and the redlines' blocks are page.css's and
			// page.tmpl's, whose changes are not this test's.
			got := styleSheet.ReplaceAll(buf.Bytes(), []byte("<style>…</style>"))
			got = redlineFrames.ReplaceAll(got, []byte(`srcdoc="…"`))
			compareGolden(t, filepath.Join("testdata", "golden", "series-"+r.name), got)
		})
	}
}

// TestSeriesDeterministic renders each format twice from histories built
// apart and compares the bytes.
func TestSeriesDeterministic(t *testing.T) {
	for _, r := range seriesRenderers {
		var a, b bytes.Buffer
		if err := r.render(&a, shippedSeries(t)); err != nil {
			t.Fatal(err)
		}
		h := loadShipped(t)
		if err := r.render(&b, h); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two runs differ", r.name)
		}
	}
}

// TestSeriesHostile: no markup of the names, labels, texts or phrases
// reaches the pages unescaped.
func TestSeriesHostile(t *testing.T) {
	for _, r := range seriesRenderers {
		if !strings.HasSuffix(r.name, ".html") {
			continue
		}
		var buf bytes.Buffer
		if err := r.render(&buf, smallSeries(t)); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		for _, bad := range []string{"<script>alert", "<b>", "<Intro>", `"co"`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: input %q reached the page unescaped", r.name, bad)
			}
		}
		checkSelfContained(t, r.name, page)
	}
}

// checkSelfContained checks that a page fetches nothing and runs no
// script but the history's, allowed by its hash.
func checkSelfContained(t *testing.T, name, page string) {
	t.Helper()
	if regexp.MustCompile(`(?i)\s(src|srcset)=|<link|url\(|@import|href="(https?:)?//`).MatchString(page) {
		t.Errorf("%s: the page may fetch something", name)
	}
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	if strings.Count(page, "<script") != len(scripts) || len(scripts) > 1 {
		t.Fatalf("%s: %d scripts", name, strings.Count(page, "<script"))
	}
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
	if csp == nil {
		t.Fatalf("%s: no Content-Security-Policy", name)
	}
	policy := html.UnescapeString(csp[1])
	if !strings.HasPrefix(policy, "default-src 'none';") {
		t.Fatalf("%s: Content-Security-Policy %q is not strict", name, policy)
	}
	for _, s := range scripts {
		sum := sha256.Sum256([]byte(s[1]))
		if hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(policy, "script-src "+hash) {
			t.Errorf("%s: the script's hash %s is not in the policy %q", name, hash, policy)
		}
	}
}

var (
	shippedOnce sync.Once
	shippedH    *diff.History
)

// shippedSeries returns the history of the four shipped drafts, named as
// FACTS.md names them, built once.
func shippedSeries(t testing.TB) *diff.History {
	shippedOnce.Do(func() { shippedH = loadShipped(t) })
	return shippedH
}

func loadShipped(t testing.TB) *diff.History {
	t.Helper()
	var drafts []*draft.Document
	for _, f := range []string{"zero-draft.md", "rev1.md", "rev2.md", "final.md"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "drafts", f))
		if err != nil {
			t.Fatal(err)
		}
		d, err := draft.Read(f, data, draft.Markdown)
		if err != nil {
			t.Fatal(err)
		}
		drafts = append(drafts, d)
	}
	h, err := diff.NewHistory(drafts, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	copy(h.Names, []string{"zero draft", "Rev.1", "Rev.2", "final"})
	return h
}

// TestLineageAllFormats: the paragraph renumbered in every step and moved
// once (FACTS.md §9: "Norms do not replace or alter…", 23 → 26 → 27 →
// 18) has the same lineage in text, JSON and HTML.
func TestLineageAllFormats(t *testing.T) {
	h := shippedSeries(t)
	const line = "¶ 18 — Rev.2 ¶ 27 — Rev.1 ¶ 26 — zero draft ¶ 23 (moved in final; changed in Rev.2 and Rev.1)"
	var text bytes.Buffer
	if err := HistoryText(&text, h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "\n  "+line+"\n") {
		t.Errorf("text lineage lacks %q", line)
	}
	var js bytes.Buffer
	if err := HistoryJSON(&js, h); err != nil {
		t.Fatal(err)
	}
	var got jsonHistory
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for n, rl := range got.Redlines {
		var redline struct{ Blocks []json.RawMessage }
		if err := json.Unmarshal(rl.Result, &redline); err != nil {
			t.Fatal(err)
		}
		r, _ := h.Compare(rl.From, rl.To)
		if n > 3 || len(redline.Blocks) != len(r.Steps) || len(r.Steps) == 0 {
			t.Errorf("redline %d → %d: %d blocks, want %d", rl.From, rl.To, len(redline.Blocks), len(r.Steps))
		}
	}
	var path []string
	for _, l := range got.Lineage {
		if l.Label != "18." {
			continue
		}
		for _, a := range l.Path {
			path = append(path, a.Label+" "+a.Op)
		}
		if l.Origin != "first" || l.Added != nil {
			t.Errorf("origin %q added %v", l.Origin, l.Added)
		}
	}
	if strings.Join(path, ", ") != "18. moved, 27. changed, 26. changed, 23. equal" {
		t.Errorf("JSON lineage of 18: %v", path)
	}
	var page bytes.Buffer
	if err := HistoryHTML(&page, h); err != nil {
		t.Fatal(err)
	}
	// a row of the lineage table: the block in each draft, latest first
	want := `<td class="notes">moved in final; changed in Rev.2 and Rev.1</td><td>¶ 27</td><td>¶ 26</td><td>¶ 23</td></tr>`
	if !strings.Contains(page.String(), want) || !strings.Contains(page.String(), `<th scope="row">¶ 18<span class="excerpt"`) {
		t.Errorf("HTML lineage of ¶ 18 missing")
	}
	checkSelfContained(t, "history", page.String())
	// Every pair's redline, each in a frame of its own.
	for _, id := range []string{`id="r1-2"`, `id="r2-3"`, `id="r3-4"`, `id="r1-3"`, `id="r1-4"`, `id="r2-4"`} {
		if !strings.Contains(page.String(), id) {
			t.Errorf("history page lacks %s", id)
		}
	}
	ids := regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page.String(), -1)
	seen := make(map[string]bool)
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("id %q twice", m[1])
		}
		seen[m[1]] = true
	}
}

// TestTraceAndBlameShipped checks facts of FACTS.md in the text formats.
func TestTraceAndBlameShipped(t *testing.T) {
	h := shippedSeries(t)
	traces, err := h.Trace("States agreed")
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	if err := TraceText(&text, h, traces); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`phrase "States agreed": 7 in zero draft, 5 in Rev.1, 2 in Rev.2, 0 in final`,
		`  struck in Rev.1: zero draft ¶ 6 → Rev.1 ¶ 6: "States agreed" → "States concluded"`,
		`  struck in final: Rev.2 ¶ 26 → final ¶ 17: "States agreed" → "The"`,
	} {
		if !strings.Contains(text.String(), want+"\n") {
			t.Errorf("trace text lacks %q", want)
		}
	}
	var blame bytes.Buffer
	if err := BlameText(&blame, h); err != nil {
		t.Fatal(err)
	}
	want := "¶ 11\n  Rev.1       In the light of the COVID-19 pandemic, States underscored the importance of protecting healthcare and medical facilities, which \n  final       many\n"
	if !strings.Contains(blame.String(), want) {
		t.Errorf("blame text lacks the healthcare paragraph as %q", want)
	}
}

func TestSeriesRejectsBadHistory(t *testing.T) {
	bad := &diff.History{}
	for _, r := range seriesRenderers[:6] {
		if err := r.render(io.Discard, bad); err == nil {
			t.Errorf("%s: no error for an empty history", r.name)
		}
	}
	for _, f := range []func(io.Writer, *diff.History, []diff.PhraseTrace) error{TraceHTML, TraceText, TraceJSON} {
		if err := f(io.Discard, bad, nil); err == nil {
			t.Error("trace: no error for an empty history")
		}
	}
	h := smallSeries(t)
	if err := TraceText(io.Discard, h, []diff.PhraseTrace{{Phrase: "x", Counts: []int{1}}}); err == nil {
		t.Error("trace: no error for a trace of other drafts")
	}
}
