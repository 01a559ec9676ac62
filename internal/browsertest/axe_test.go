package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axePath is where .ci/run installs axe-core (npm install axe-core in
// this folder; node_modules is not committed).
var axePath = filepath.Join("node_modules", "axe-core", "axe.min.js")

// axeResult is the part of axe.run's result that the test reads.
type axeResult struct {
	Passes     int `json:"passes"`
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
}

// TestAccessibility runs axe-core in the page of the shipped drafts, in
// light and dark mode, inline and side by side, and fails on any serious
// or critical violation (WCAG 2.1 AA rules and best practices).
func TestAccessibility(t *testing.T) {
	src, err := os.ReadFile(axePath)
	if err != nil {
		t.Skipf("accessibility test skipped: no axe-core at internal/browsertest/%s (run npm install --no-save axe-core in internal/browsertest; .ci/run does)", axePath)
	}
	tb := newTab(t)
	tb.open(shippedPage(t, t.TempDir()))
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		for _, view := range []string{"inline", "sbs"} {
			tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=` + view + `]").click()`))
			checkAxe(t, tb, string(src), scheme+" "+view)
		}
	}
	tb.checkQuiet()
}

// checkAxe injects axe-core (once) and fails on serious or critical
// violations. Frames are left out (the history page's redlines are
// compare pages, which TestAccessibility checks): axe would message them
// across the opaque origin of a file:// page.
func checkAxe(t *testing.T, tb *tab, src, what string) {
	t.Helper()
	if !eval[bool](tb, `typeof axe === "object"`) {
		tb.do(chromedp.Evaluate[chromedp.Void](src))
	}
	raw, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]byte](
		`axe.run(document, {iframes: false, runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}).then(r => ({passes: r.passes.length, violations: r.violations}))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var res axeResult
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	if res.Passes == 0 {
		t.Fatalf("%s: axe ran no rule", what)
	}
	for _, v := range res.Violations {
		var nodes []string
		for _, n := range v.Nodes[:min(3, len(v.Nodes))] {
			nodes = append(nodes, fmt.Sprint(n.Target)+" "+n.HTML)
		}
		msg := fmt.Sprintf("%s: axe %s (%s): %s, %d nodes, e.g.\n\t%s", what, v.ID, v.Impact, v.Help, len(v.Nodes), strings.Join(nodes, "\n\t"))
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
}
