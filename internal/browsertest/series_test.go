package browsertest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/render"
)

// shippedHistory reads the four shipped drafts, zero draft to final, as a
// history.
func shippedHistory(t *testing.T) *diff.History {
	t.Helper()
	var drafts []*draft.Document
	for _, name := range []string{"zero-draft.md", "rev1.md", "rev2.md", "final.md"} {
		b, err := os.ReadFile(filepath.Join(root(), "testdata", "drafts", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := draft.Read(name, b, draft.Auto)
		if err != nil {
			t.Fatal(err)
		}
		drafts = append(drafts, d)
	}
	h, err := diff.NewHistory(drafts, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// seriesPages writes the history, trace and blame pages of the shipped
// drafts into dir and returns their paths by name.
func seriesPages(t *testing.T, dir string) map[string]string {
	t.Helper()
	h := shippedHistory(t)
	traces, err := h.Trace("States", "international law", "norms")
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]func(*bytes.Buffer) error{
		"history": func(b *bytes.Buffer) error { return render.HistoryHTML(b, h) },
		"trace":   func(b *bytes.Buffer) error { return render.TraceHTML(b, h, traces) },
		"blame":   func(b *bytes.Buffer) error { return render.BlameHTML(b, h) },
	}
	paths := map[string]string{}
	for name, write := range pages {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		path, err := filepath.Abs(filepath.Join(dir, name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = path
	}
	return paths
}

// setScheme emulates the light or dark colour scheme.
func setScheme(t *testing.T, tb *tab, scheme string) {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatal(err)
	}
}

// TestSeriesAccessibility runs axe-core on the history, trace and blame
// pages of the shipped drafts in light and dark mode, failing on serious
// or critical violations, and checks blame's marks: each draft's words
// readable at 4.5:1 or more on their tint, no draft's words underlined
// (underline means inserted) or red (red means deleted).
func TestSeriesAccessibility(t *testing.T) {
	tb := newTab(t)
	shots := shotDir(t)
	paths := seriesPages(t, t.TempDir())
	src, axeErr := os.ReadFile(axePath)
	for _, name := range []string{"history", "trace", "blame"} {
		tb.open(paths[name])
		for _, scheme := range []string{"light", "dark"} {
			setScheme(t, tb, scheme)
			tb.viewShot(shots, name+"-"+scheme)
			if axeErr == nil {
				checkAxe(t, tb, string(src), name+" "+scheme)
			}
			if name == "blame" {
				checkBlameColours(t, tb, scheme)
			}
		}
		setScheme(t, tb, "light")
	}
	if axeErr != nil {
		t.Logf("axe-core not run: no %s", axePath)
	}
	tb.checkQuiet()
}

// checkBlameColours checks the contrast of every blame mark's text on its
// background, and that no mark is underlined or red.
func checkBlameColours(t *testing.T, tb *tab, scheme string) {
	t.Helper()
	got := eval[string](tb, `(() => {
		const rgb = s => s.match(/[0-9.]+/g).map(Number);
		const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
		const page = rgb(getComputedStyle(document.documentElement).backgroundColor);
		const bg = e => { const c = rgb(getComputedStyle(e).backgroundColor); return c.length === 4 && c[3] === 0 ? page : c; };
		const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
		const bad = [];
		const classes = new Set();
		for (const e of document.querySelectorAll("main .b, .blame-legend .b")) {
			const s = getComputedStyle(e), cls = e.className;
			if (classes.has(cls + e.closest("main, p").tagName)) continue;
			classes.add(cls + e.closest("main, p").tagName);
			const r = ratio(rgb(s.color), bg(e));
			if (r < 4.5) bad.push(cls + " contrast " + r.toFixed(2));
			if (s.textDecorationLine.includes("underline") || (s.borderBottomStyle !== "none" && parseFloat(s.borderBottomWidth) > 0)) bad.push(cls + " underlined");
			const [cr, cg, cb] = rgb(s.color), [br, bgg, bb] = bg(e);
			if (cr > 120 && cr > 1.6 * cg && cr > 1.6 * cb) bad.push(cls + " red text");
			if (br > bgg + 30 && br > bb + 30) bad.push(cls + " red background");
		}
		return classes.size + " marks checked" + (bad.length ? ": " + bad.join(", ") : "");
	})()`)
	if !strings.HasSuffix(got, "marks checked") || strings.HasPrefix(got, "0 ") {
		t.Errorf("blame, %s: %s", scheme, got)
	}
	t.Logf("blame, %s: %s", scheme, got)
}

// TestHistoryRedlines opens the history page of the shipped drafts and
// chooses a pair that is neither consecutive nor first and last: its
// redline is shown, alone, as the compare page shows it (toolbar, keys,
// departures table), and the keys pressed on the history page move its
// focus.
func TestHistoryRedlines(t *testing.T) {
	tb := newTab(t)
	shots := shotDir(t)
	paths := seriesPages(t, t.TempDir())
	tb.open(paths["history"])
	options := eval[string](tb, `[...document.querySelectorAll("#pair option")].map(o => o.value).join(" ")`)
	if options != "r1-2 r2-3 r3-4 r1-3 r1-4 r2-4" {
		t.Errorf("pairs offered: %s, want every pair of the four drafts", options)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("pair"); s.value = "r2-4"; s.dispatchEvent(new Event("change")); document.activeElement.blur(); })()`))
	got := eval[string](tb, `(() => {
		const shown = [...document.querySelectorAll("section.pair")].filter(s => !s.hidden).map(s => s.id);
		const d = document.querySelector("#r2-4 iframe").contentDocument;
		return shown.join(" ") + "; toolbar " + !d.getElementById("toolbar").hidden + ", departures " + (d.querySelectorAll("#departures tr.dep").length > 0) +
			", names " + [...d.querySelectorAll("header .drafts .name")].map(n => n.textContent).join(" → ");
	})()`)
	if want := "r2-4; toolbar true, departures true, names rev1.md → final.md"; got != want {
		t.Errorf("history, redline of rev1 → final: %s, want %s", got, want)
	}
	tb.press("n")
	tb.press("n")
	got = eval[string](tb, `(() => { const d = document.querySelector("#r2-4 iframe").contentDocument; return d.activeElement.id + " | " + d.getElementById("position").textContent; })()`)
	if !strings.HasPrefix(got, "c") || !strings.Contains(got, "| Change 2 of ") {
		t.Errorf("history, after n n: the redline's focus %q, want its second change", got)
	}
	tb.viewShot(shots, "history")
	tb.checkQuiet()
}
