package browsertest

import (
	"os"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/redline-diff/redline/internal/draftgen"
)

// pageTimes are one measurement of a big page: the load event (from the
// start of navigation, as the page's own timing records it), the
// next-change key moving the focus, and the switch to side by side.
type pageTimes struct {
	load, next, sbs time.Duration
}

// measure opens the page at path in a fresh tab and times it.
func measure(t *testing.T, path string) pageTimes {
	t.Helper()
	tb := newTab(t)
	tb.open(path)
	var pt pageTimes
	ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	// The load event, then a frame: style and layout of the first screen
	// are done.
	pt.load = ms(eval[float64](tb, `(function () {
		document.body.getBoundingClientRect();
		var n = performance.getEntriesByType("navigation")[0];
		return Math.max(n.loadEventEnd, performance.now());
	})()`))
	t.Logf("navigation timing (ms from start): %s", eval[string](tb, `(function () {
		var n = performance.getEntriesByType("navigation")[0];
		return "response end " + Math.round(n.responseEnd) + ", DOM interactive " + Math.round(n.domInteractive) +
			", DOMContentLoaded " + Math.round(n.domContentLoadedEventEnd) + ", load " + Math.round(n.loadEventEnd);
	})()`))
	first := eval[string](tb, `document.querySelector("main > [tabindex]:not(.filtered), main > .part > [tabindex]:not(.filtered)").id`)
	start := time.Now()
	tb.press("n")
	if id := eval[string](tb, `document.activeElement.id`); id != first {
		t.Fatalf("after n, the focus is on %q, want %s, the first stop", id, first)
	}
	pt.next = time.Since(start)
	t.Logf("the next key again, timed in the page: %.0f ms", eval[float64](tb, `(function () {
		var t = performance.now();
		document.dispatchEvent(new KeyboardEvent("keydown", {key: "n", bubbles: true}));
		document.activeElement.getBoundingClientRect();
		return performance.now() - t;
	})()`))
	tb.press("p")
	pt.sbs = ms(eval[float64](tb, `(function () {
		var t = performance.now();
		document.querySelector("input[name=view][value=sbs]").click();
		document.getElementById("sbs").getBoundingClientRect();
		document.activeElement.getBoundingClientRect();
		return performance.now() - t;
	})()`))
	if got := eval[string](tb, `document.activeElement.id`); got != "x-"+first {
		t.Errorf("after side by side, the focus is on %q, want x-%s", got, first)
	}
	tb.checkQuiet()
	return pt
}

// medians measures the page three times and returns the medians.
func medians(t *testing.T, path string) pageTimes {
	var runs []pageTimes
	for i := 0; i < 3; i++ {
		pt := measure(t, path)
		t.Logf("run %d: load %v, next %v, side by side %v", i+1, pt.load, pt.next, pt.sbs)
		runs = append(runs, pt)
	}
	med := func(get func(pageTimes) time.Duration) time.Duration {
		var ds []time.Duration
		for _, r := range runs {
			ds = append(ds, get(r))
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return ds[len(ds)/2]
	}
	return pageTimes{
		load: med(func(p pageTimes) time.Duration { return p.load }),
		next: med(func(p pageTimes) time.Duration { return p.next }),
		sbs:  med(func(p pageTimes) time.Duration { return p.sbs }),
	}
}

// TestBigPage opens the page of a 2 MB pair of generated drafts (about
// 7 MB of HTML) and checks that it loads, moves to the next change and
// shows side by side within bounds that the page before content-visibility
// and without its costly selectors did not meet (load about 4 s).
//
// With $REDLINE_BIG_PAGE naming a page (say the 10 MB pair's, written by
// redline compare), it measures that page instead, three times, and logs
// the medians: the README's figures come from there.
func TestBigPage(t *testing.T) {
	chromiumPath(t)
	if testing.Short() {
		t.Skip("big page test skipped in -short mode")
	}
	path := os.Getenv("REDLINE_BIG_PAGE")
	if path != "" {
		m := medians(t, path)
		t.Logf("%s medians of 3: load %v, next change %v, side by side %v", path, m.load, m.next, m.sbs)
		return
	}
	d := draftgen.Generate(1, 2<<20)
	ed := draftgen.Edit(d, 2, draftgen.Edits{WordRate: 0.02, ParaRate: 0.05, SectionMoves: 1})
	path = writePage(t, t.TempDir(), "big.html", "old.md", d.Markdown(), "new.md", ed.Markdown())
	m := medians(t, path)
	t.Logf("2 MB pair, medians of 3: load %v, next change %v, side by side %v", m.load, m.next, m.sbs)
	// Before: load 3.7 s, next 320 ms, side by side 3.6 s; after: 1.3 s,
	// 50 ms, 0.7 s (on a busy two-core machine). Wall-clock bounds fail
	// on a loaded machine for no fault of the page, so they are held only
	// when REDLINE_PAGE_TIMING is set (a quiet machine, by hand); the
	// figures are logged always.
	if os.Getenv("REDLINE_PAGE_TIMING") != "" {
		if limit := 3 * time.Second; m.load > limit {
			t.Errorf("load took %v, want under %v", m.load, limit)
		}
		if limit := 300 * time.Millisecond; m.next > limit {
			t.Errorf("the next-change key took %v, want under %v", m.next, limit)
		}
		if limit := 2500 * time.Millisecond; m.sbs > limit {
			t.Errorf("side by side took %v, want under %v", m.sbs, limit)
		}
	}

	// Blocks skipped by content-visibility are still found in the page
	// and print in full.
	tb := newTab(t)
	tb.open(path)
	if !eval[bool](tb, `(function () {
		var blocks = document.querySelectorAll("main > .block, main > .part > .block");
		var text = blocks[blocks.length - 1].textContent.trim().slice(0, 40);
		return window.find(text);
	})()`) {
		t.Error("find in page does not find the last block's text")
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](tb, `getComputedStyle(document.querySelector("main > .part")).contentVisibility`); got != "visible" {
		t.Errorf("in print, blocks have content-visibility %q, want visible", got)
	}
}
