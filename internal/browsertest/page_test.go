package browsertest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/internal/draftgen"
	"github.com/redline-diff/redline/negotiation"
	"github.com/redline-diff/redline/render"
)

// root is the repository's root folder.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// writePage compares two drafts and writes their HTML page into dir,
// returning its absolute path.
func writePage(t testing.TB, dir, name, oldName string, oldData []byte, newName string, newData []byte) string {
	t.Helper()
	old, err := draft.Read(oldName, oldData, draft.Auto)
	if err != nil {
		t.Fatal(err)
	}
	new, err := draft.Read(newName, newData, draft.Auto)
	if err != nil {
		t.Fatal(err)
	}
	r, err := diff.Compare(old, new, diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := render.HTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	path, err := filepath.Abs(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// shippedPage writes the page of the shipped zero draft against the final.
func shippedPage(t *testing.T, dir string) string {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(root(), "testdata", "drafts", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return writePage(t, dir, "zero-draft-final.html", "zero-draft.md", read("zero-draft.md"), "final.md", read("final.md"))
}

// focus describes the focused element and the "change N of M" text.
func focus(tb *tab) string {
	return eval[string](tb, `(document.activeElement.id || document.activeElement.tagName) + " | " + document.getElementById("position").textContent`)
}

// TestPage opens the zero draft → final page and checks what a reader
// does with it: nothing fetched, nothing logged as an error; n, p and G
// move the focus between changes with "change N of M"; side by side lines
// its rows up; changes only hides the unchanged paragraphs; print media
// renders to PDF. Screenshots of each are saved (see shotDir).
func TestPage(t *testing.T) {
	tb := newTab(t)
	shots := shotDir(t)
	path := shippedPage(t, t.TempDir())
	tb.open(path)
	m := eval[int](tb, `document.querySelectorAll("main > [tabindex]").length`)
	if m < 10 {
		t.Fatalf("%d changes on the page", m)
	}
	if got := eval[bool](tb, `!document.getElementById("toolbar").hidden`); !got {
		t.Errorf("toolbar still hidden: the script did not run")
	}
	tb.screenshot(shots, "inline")
	// screen readers hear "deleted: " and "inserted: " (generated content)
	// (and a renumbered reference reads "(was 22)", in the legend too)
	if got := eval[string](tb, `getComputedStyle(document.querySelector("main del:not(.ref)"), "::before").content + getComputedStyle(document.querySelector("main ins:not(.ref)"), "::before").content +
		getComputedStyle(document.querySelector(".legend del.ref"), "::before").content`); got != `"deleted: ""inserted: ""(was " / ""` {
		t.Errorf("the marks' words for screen readers: %s", got)
	}
	stops := stopIDs(tb)
	checkKeys(t, tb, stops)
	checkFilters(t, tb, stops, m)
	checkToolbarKeys(t, tb, stops)
	checkHash(t, tb, path, stops[5], len(stops), 5)
	checkIndent(t, tb)
	tb.press("gnnnnnnnnnnnnnnnn")
	tb.viewShot(shots, "inline-c17")
	checkSideBySide(t, tb, stops)
	tb.screenshot(shots, "side-by-side")
	tb.press("gnnnnnnnnnnnnnnnn")
	tb.viewShot(shots, "side-by-side-c17")
	checkChangesOnly(t, tb)
	checkOutline(t, tb, shots)
	// dark mode, inline, at the seventeenth stop
	setScheme(t, tb, "dark")
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=inline]").click()`))
	tb.press("g")
	tb.press(strings.Repeat("n", 16))
	tb.viewShot(shots, "dark-inline")
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=sbs]").click()`))
	tb.viewShot(shots, "dark-side-by-side")
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=inline]").click()`))
	setScheme(t, tb, "light")
	checkPrint(t, tb, shots)
	tb.checkQuiet()
}

// changes selects the changes of the inline view: main's children, or the
// children of its parts on a big page.
const changes = "main > [tabindex], main > .part > [tabindex]"

// stopIDs returns the ids of the changes that navigation stops at by
// default: those with a kind other than "ren" (renumbering only) in their
// data-k, which the page writes from the result.
func stopIDs(tb *tab) []string {
	return eval[[]string](tb, `[...document.querySelectorAll("`+changes+`")].filter(e => e.dataset.k.split(" ").some(k => k !== "ren")).map(e => e.id)`)
}

// checkKeys presses the navigation keys and checks the focus, which
// stops at the changes of stops only, and the URL, which names it.
func checkKeys(t *testing.T, tb *tab, stops []string) {
	t.Helper()
	m := len(stops)
	for _, c := range []struct {
		keys string
		at   int
	}{
		{"n", 0}, {"n", 1}, {"j", 2}, {"p", 1}, {"k", 0}, {"G", m - 1}, {"g", 0},
	} {
		tb.press(c.keys)
		want := fmt.Sprintf("%s | Change %d of %d", stops[c.at], c.at+1, m)
		if got := focus(tb); got != want {
			t.Errorf("after %q: focus %q, want %q", c.keys, got, want)
		}
		if got := eval[string](tb, `location.hash`); got != "#"+stops[c.at] {
			t.Errorf("after %q: URL hash %q, want #%s", c.keys, got, stops[c.at])
		}
	}
	// the focused change is on screen and has a visible focus outline
	visible := eval[string](tb, `(() => {
		const el = document.activeElement, r = el.getBoundingClientRect(), s = getComputedStyle(el);
		return (r.top >= 0 && r.top < innerHeight) + " " + s.outlineStyle + " " + s.outlineWidth; })()`)
	if visible != "true solid 3px" {
		t.Errorf("focused change: on screen, outline = %q, want \"true solid 3px\"", visible)
	}
}

// checkFilters checks that renumbering-only changes are no stops by
// default, that ticking their filter makes every change a stop (and shows
// their rows in the departures table), and that unticking it again
// restores the stops.
func checkFilters(t *testing.T, tb *tab, stops []string, all int) {
	t.Helper()
	if len(stops) >= all {
		t.Fatalf("%d stops of %d changes: the shipped pair has renumbering-only changes, which should be no stops", len(stops), all)
	}
	rows := `[...document.querySelectorAll("#departures tr.dep")].filter(r => getComputedStyle(r).display !== "none").length`
	count := func() string {
		return eval[string](tb, `document.getElementById("position").textContent`) + ", " + fmt.Sprint(eval[int](tb, rows)) + " rows"
	}
	if got, want := count(), fmt.Sprintf("Change 1 of %d, %d rows", len(stops), len(stops)); got != want {
		t.Errorf("by default, at the first change: %s, want %s", got, want)
	}
	// the filter's box in the departures table ticks the toolbar's too
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("#departures input[name=kind][value=ren]").click()`))
	if got := eval[bool](tb, `document.querySelector("#toolbar input[name=kind][value=ren]").checked`); !got {
		t.Errorf("renumbered filter ticked in the table, not in the toolbar")
	}
	tb.press("G")
	if got, want := focus(tb), fmt.Sprintf("c%d | Change %d of %d", all, all, all); got != want {
		t.Errorf("with renumbering-only changes, after G: %q, want %q", got, want)
	}
	if got := eval[int](tb, rows); got != all {
		t.Errorf("with renumbering-only changes: %d rows shown, want %d", got, all)
	}
	// the keys still work after a click on a filter's box
	tb.press("g")
	if got, want := focus(tb), fmt.Sprintf("c1 | Change 1 of %d", all); got != want {
		t.Errorf("after clicking a filter, g: %q, want %q", got, want)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("#toolbar input[name=kind][value=ren]").click()`))
	if got, want := count(), fmt.Sprintf("Change 1 of %d, %d rows", len(stops), len(stops)); got != want {
		t.Errorf("filter off again: %s, want %s", got, want)
	}
}

// checkToolbarKeys clicks every control of the toolbar with the mouse and
// checks that the keys move the focus after each.
func checkToolbarKeys(t *testing.T, tb *tab, stops []string) {
	t.Helper()
	controls := eval[[]string](tb, `[...document.querySelectorAll("#toolbar input, #toolbar button")].map((e, i) => e.id || e.name + "=" + e.value)`)
	if len(controls) < 6 {
		t.Fatalf("toolbar controls: %v", controls)
	}
	for i, c := range controls {
		// a real mouse click, at the control's middle
		box := eval[[]float64](tb, fmt.Sprintf(`(() => { const e = [...document.querySelectorAll("#toolbar input, #toolbar button")][%d]; e.scrollIntoView({block: "nearest"}); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`, i))
		tb.do(chromedp.MouseClickXY(box[0], box[1]))
		tb.press("g")
		tb.press("n")
		got := eval[string](tb, `document.activeElement.id.replace(/^x-/, "") + " " + location.hash`)
		want := stops[1] + " #" + stops[1]
		if strings.HasPrefix(c, "kind=") {
			// a filter changes the stops: the second stop is another
			want = eval[string](tb, `(() => { const s = [...document.querySelectorAll("main > [tabindex]:not(.filtered)")]; return s[1].id + " #" + s[1].id; })()`)
		}
		if got != want {
			t.Errorf("after a click on %s, g n: focus and hash %q, want %q", c, got, want)
		}
		// each click is undone: a view, a box, a step
		switch {
		case strings.HasPrefix(c, "view="):
			tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=inline]").click()`))
		case strings.HasPrefix(c, "kind=") || c == "changes-only":
			tb.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`[...document.querySelectorAll("#toolbar input, #toolbar button")][%d].click()`, i)))
		}
	}
}

// checkHash opens the page at #cN and checks that change N has the focus.
func checkHash(t *testing.T, tb *tab, path, id string, m int, at int) {
	t.Helper()
	tb.open(path + "#" + id)
	want := fmt.Sprintf("%s | Change %d of %d", id, at+1, m)
	for i := 0; i < 50 && focus(tb) != want; i++ {
		time.Sleep(20 * time.Millisecond)
	}
	if got := focus(tb); got != want {
		t.Errorf("page opened at #%s: focus %q, want %q", id, got, want)
	}
	if !eval[bool](tb, `(() => { const r = document.activeElement.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })()`) {
		t.Errorf("page opened at #%s: the change is off screen", id)
	}
}

// checkSideBySide switches to the side-by-side view and checks it: a row
// per element of the inline view, old and new cells of a row at the same
// top, empty cells opposite insertions and deletions, the keys working.
func checkSideBySide(t *testing.T, tb *tab, stops []string) {
	t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=sbs]").click()`))
	report := eval[string](tb, `(() => {
		const rows = document.querySelectorAll("#sbs > .sbs-row:not(.sbs-head)");
		let bad = [], shown = 0;
		rows.forEach((r, i) => {
			const o = r.querySelector(".sbs-old"), n = r.querySelector(".sbs-new");
			if (r.classList.contains("banner-row") && r.getBoundingClientRect().height > 0) shown++;
			if (o && n) {
				const a = o.getBoundingClientRect(), b = n.getBoundingClientRect();
				if (a.height > 0) shown++;
				if (Math.abs(a.top - b.top) > 0.5) bad.push(i + ": " + a.top + " vs " + b.top);
			}
			if (r.classList.contains("inserted") && !o.classList.contains("empty")) bad.push(i + ": inserted with old text");
			if (r.classList.contains("deleted") && !n.classList.contains("empty")) bad.push(i + ": deleted with new text");
		});
		const inline = document.querySelectorAll("main > :not(#sbs)").length;
		const hidden = [...document.querySelectorAll("main > :not(#sbs)")].every(e => e.getBoundingClientRect().height === 0);
		return rows.length + " rows, " + inline + " inline, " + shown + " shown, inline hidden " + hidden + (bad.length ? "; misaligned: " + bad.slice(0, 5).join(", ") : "");
	})()`)
	inline := eval[int](tb, `document.querySelectorAll("main > :not(#sbs)").length`)
	if want := fmt.Sprintf("%d rows, %d inline, %d shown, inline hidden true", inline, inline, inline); report != want {
		t.Errorf("side by side: %s, want %s", report, want)
	}
	tb.press("g")
	tb.press("n")
	if got, want := focus(tb), fmt.Sprintf("x-%s | Change 2 of %d", stops[1], len(stops)); got != want {
		t.Errorf("side by side, after g n: focus %q, want %q", got, want)
	}
	// the column header sticks below the toolbar, not under it, also when
	// a narrow window wraps the toolbar
	for _, width := range []int64{1280, 700} {
		if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 1000, DeviceScaleFactor: 1}); err != nil {
			t.Fatal(err)
		}
		tb.wait(`(() => { const h = document.querySelector("#sbs .sbs-head"); return h.style.top === document.getElementById("toolbar").offsetHeight + "px"; })()`)
		got := eval[string](tb, `(() => { window.scrollTo(0, document.getElementById("sbs").offsetTop + 2000);
			const h = document.querySelector("#sbs .sbs-head").getBoundingClientRect(), b = document.getElementById("toolbar").getBoundingClientRect();
			return Math.round(b.height) + " " + (h.top >= b.bottom - 1 && h.top <= b.bottom + 1); })()`)
		if !strings.HasSuffix(got, " true") {
			t.Errorf("side by side at %d px: toolbar height and header just below it: %s", width, got)
		}
	}
	if _, err := chromedp.Call(tb.ctx, emulation.ClearDeviceMetricsOverride, struct{}{}); err != nil {
		t.Fatal(err)
	}
	// a moved paragraph's note links to its old place's row
	link := eval[string](tb, `(() => { const a = document.querySelector("#sbs .moved .note a");
		return a ? a.getAttribute("href") + " " + (document.getElementById(a.getAttribute("href").slice(1)) !== null) : "none"; })()`)
	if !strings.HasPrefix(link, "#x-o-") || !strings.HasSuffix(link, " true") {
		t.Errorf("moved note in side by side links %q, want a row of the old place", link)
	}
	// The old side of a merge shows its old paragraphs as they were, each
	// after a break with its own label, as the new side of a split does;
	// its text is the old text in full, and the new side's is the new.
	merge := eval[string](tb, `(() => {
		const r = document.querySelector("#sbs .merged"), src = document.querySelector("main > .merged");
		if (!r || !src) return "no merge";
		const o = r.querySelector(".sbs-old"), n = r.querySelector(".sbs-new");
		const labels = c => [...c.querySelectorAll(".label")].map(l => l.textContent + (l.closest("del") ? " struck" : "")).join(" ");
		const text = (c, drop) => { const x = c.cloneNode(true); x.querySelectorAll(drop).forEach(e => e.remove()); return x.textContent.replace(/\s+/g, " ").trim(); };
		const inlineOld = text(src, "ins, .note, .was, .label, .sr-only"), inlineNew = text(src, "del, .note, .was, .label, .sr-only");
		return "old " + labels(o) + ", " + o.querySelectorAll(".pb").length + " break, " + o.querySelectorAll(".pb-del").length + " pilcrow" +
			"; new " + labels(n) + ", " + n.querySelectorAll(".pb, .pb-del").length + " break" +
			"; old text " + (text(o, ".label, .sr-only") === inlineOld) + ", new text " + (text(n, ".note, .label, .sr-only") === inlineNew);
	})()`)
	if want := "old 31. 32., 1 break, 0 pilcrow; new 36., 0 break; old text true, new text true"; merge != want {
		t.Errorf("side by side merge: %s, want %s", merge, want)
	}
}

// checkOutline switches to the outline: the old and the new order of the
// sections side by side in place of the text, the moved section marked in
// both; a click on a moved heading goes to it in the text.
func checkOutline(t *testing.T, tb *tab, shots string) {
	t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=outline]").click()`))
	got := eval[string](tb, `(() => {
		const o = document.getElementById("outline"), cols = o.querySelectorAll(".outline-cols ol");
		return "main shown " + (document.getElementById("content").getBoundingClientRect().height > 0) + ", outline open " + o.open +
			", " + cols.length + " lists, moved " + [...cols].map(c => c.querySelectorAll(".moved").length).join("/");
	})()`)
	if !strings.HasPrefix(got, "main shown false, outline open true, 2 lists, moved ") || strings.Contains(got, "moved 0") || strings.HasSuffix(got, "/0") {
		t.Errorf("outline: %s, want the text hidden, the outline open, two lists, moved headings in both", got)
	}
	tb.viewShot(shots, "outline")
	id := eval[string](tb, `(() => { const a = document.querySelector("#outline .outline-cols section:last-child .moved a"); a.click(); return a.getAttribute("href").slice(1); })()`)
	if got := eval[string](tb, `document.activeElement.id + " " + location.hash + " " + document.body.classList.contains("view-outline")`); got != id+" #"+id+" false" {
		t.Errorf("after a click on a moved heading in the outline: %q, want %q", got, id+" #"+id+" false")
	}
}

// checkIndent checks that sub-paragraphs ((a), (b), … at level 1) stand
// indented from the paragraphs that hold them.
func checkIndent(t *testing.T, tb *tab) {
	t.Helper()
	got := eval[string](tb, `(() => {
		const top = document.querySelector("main > .block.para:not(.lvl-1)"), sub = document.querySelector("main > .block.lvl-1");
		if (!top || !sub) return "no sub-paragraph";
		const d = sub.getBoundingClientRect().left - top.getBoundingClientRect().left;
		return sub.querySelector(".label").textContent + " indented " + (d >= 20);
	})()`)
	if got != "(a) indented true" {
		t.Errorf("sub-paragraph: %q, want \"(a) indented true\"", got)
	}
}

// checkChangesOnly ticks "changes only" and checks that exactly the
// paragraphs that are no stop disappear, headings apart, that each run of
// them leaves a marker counting it, and that a marker shows its run.
func checkChangesOnly(t *testing.T, tb *tab) {
	t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=inline]").click(); document.getElementById("changes-only").click(); window.scrollTo(0, document.getElementById("content").offsetTop - 150)`))
	tb.viewShot(shotDir(t), "changes-only")
	got := eval[string](tb, `(() => {
		const blocks = [...document.querySelectorAll("main > .block")];
		const hidden = blocks.filter(e => e.getBoundingClientRect().height === 0);
		const stops = hidden.filter(e => e.id && e.dataset.k.split(" ").some(k => k !== "ren")).length;
		const headings = blocks.filter(e => e.classList.contains("heading"));
		const shownHeadings = headings.filter(e => e.getBoundingClientRect().height > 0).length;
		let counted = 0;
		const gaps = [...document.querySelectorAll("main > .gap")];
		gaps.forEach(g => { counted += g.textContent.match(/[0-9]+/g).map(Number).reduce((a, b) => a + b, 0); });
		// every gap stands right before a hidden run
		const placed = gaps.every(g => g.nextElementSibling && g.nextElementSibling.getBoundingClientRect().height === 0);
		return hidden.length + " hidden, " + stops + " of them stops, " + counted + " counted in " + (gaps.length > 0 ? "markers" : "no marker") +
			", markers placed " + placed + ", headings shown " + (shownHeadings === headings.length && headings.length > 0) +
			"; label: " + document.querySelector("label.only").textContent.trim();
	})()`)
	hidden := eval[int](tb, `[...document.querySelectorAll("main > .block")].filter(e => e.getBoundingClientRect().height === 0).length`)
	if want := fmt.Sprintf("%d hidden, 0 of them stops, %d counted in markers, markers placed true, headings shown true; label: Changes only (hides %d paragraphs)", hidden, hidden, hidden); got != want {
		t.Errorf("changes only: %s, want %s", got, want)
	}
	// a marker shows its run when clicked
	opened := eval[string](tb, `(() => {
		const g = document.querySelector("main > .gap"), n = Number(g.textContent.match(/[0-9]+/)[0]);
		let e = g.nextElementSibling;
		g.click();
		let shown = 0;
		for (let k = 0; k < n && e; k++, e = e.nextElementSibling) if (e.getBoundingClientRect().height > 0) shown++;
		return shown + " of " + n + " shown, marker gone " + !document.body.contains(g);
	})()`)
	var shown, n int
	var gone bool
	if _, err := fmt.Sscanf(opened, "%d of %d shown, marker gone %t", &shown, &n, &gone); err != nil || shown != n || n == 0 || !gone {
		t.Errorf("a clicked marker: %s, want all of its run shown and the marker gone", opened)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("changes-only").click()`))
	if n := eval[int](tb, `document.querySelectorAll(".gap").length`); n != 0 {
		t.Errorf("changes only off: %d markers left", n)
	}
}

// checkPrint renders the page as printed: a PDF, every page of which
// names both drafts and carries its number (the running header and
// footer), and a screenshot with print media, in which the toolbar and
// minimap are gone, the departures table is shown whole, every block is
// shown inline and labels and marks are black.
func checkPrint(t *testing.T, tb *tab, shots string) {
	t.Helper()
	pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 10000 {
		t.Errorf("PrintToPDF gave %d bytes, not a PDF", len(pdf))
	}
	save(t, filepath.Join(shots, "print.pdf"), pdf)
	checkPDFPages(t, filepath.Join(shots, "print.pdf"), "zero-draft.md", "final.md")
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	got := eval[string](tb, `(() => {
		const gone = ["#toolbar", ".minimap"].filter(s => document.querySelector(s).getBoundingClientRect().height === 0);
		const rows = [...document.querySelectorAll("#departures tr.dep")];
		const shown = rows.filter(r => r.getBoundingClientRect().height > 0).length;
		const del = getComputedStyle(document.querySelector("main del")), ins = getComputedStyle(document.querySelector("main ins"));
		const mv = getComputedStyle(document.querySelector("main .moved"));
		const labels = [...document.querySelectorAll(".deleted > .label, .inserted > .label, .label")].map(l => getComputedStyle(l).color);
		const black = labels.length > 0 && labels.every(c => c === "rgb(0, 0, 0)");
		return gone.join(" ") + "; departures " + shown + " of " + rows.length + " rows; del " + del.textDecorationLine + " " + del.color + "; ins " + ins.textDecorationLine + " " + ins.color +
			"; moved " + mv.borderLeftStyle + "; labels black " + black;
	})()`)
	rows := eval[int](tb, `document.querySelectorAll("#departures tr.dep").length`)
	if want := fmt.Sprintf("#toolbar .minimap; departures %d of %d rows; del line-through rgb(0, 0, 0); ins underline rgb(0, 0, 0); moved double; labels black true", rows, rows); got != want {
		t.Errorf("print media: %s, want %s", got, want)
	}
	tb.screenshot(shots, "print")
	// print is the inline text whatever the view shown
	for _, view := range []string{"sbs", "outline", "inline"} {
		tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=` + view + `]").click()`))
		if got := eval[bool](tb, `document.querySelectorAll("main > .block")[3].getBoundingClientRect().height > 0`); !got {
			t.Errorf("print media in the %s view: the inline text is hidden", view)
		}
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
}

// checkPDFPages reads the text of each page of a PDF with pdftotext and
// checks that every page names both drafts and says "Page N of M".
func checkPDFPages(t *testing.T, pdf, oldName, newName string) {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("PDF pages not read: no pdftotext (apt-get install poppler-utils; .ci/run installs it)")
		return
	}
	out, err := exec.Command(bin, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f\n"), "\f")
	if len(pages) < 2 {
		t.Fatalf("the PDF has %d pages, want several", len(pages))
	}
	for i, p := range pages {
		num := fmt.Sprintf("Page %d of %d", i+1, len(pages))
		if !strings.Contains(p, oldName) || !strings.Contains(p, newName) || !strings.Contains(p, num) {
			head := p
			if len(head) > 200 {
				head = head[:200]
			}
			t.Errorf("PDF page %d of %d lacks %q, %q or %q: %q…", i+1, len(pages), oldName, newName, num, head)
		}
	}
	t.Logf("PDF: %d pages, each with both names and its number", len(pages))
}

// TestArabic opens the Arabic pair's page: its blocks read right to left
// (dir="auto"), inline and side by side.
func TestArabic(t *testing.T) {
	tb := newTab(t)
	shots := shotDir(t)
	a, err := txtar.ParseFile(filepath.Join(root(), "testdata", "languages", "ar.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range a.Files {
		files[f.Name] = f.Data
	}
	tb.open(writePage(t, t.TempDir(), "ar.html", "old.md", files["old.md"], "new.md", files["new.md"]))
	dirs := eval[string](tb, `[...document.querySelectorAll("main .block")].map(e => getComputedStyle(e).direction).join(" ")`)
	if dirs == "" || strings.Contains(dirs, "ltr") {
		t.Errorf("Arabic blocks' directions: %q, want all rtl", dirs)
	}
	tb.screenshot(shots, "arabic-inline")
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=sbs]").click()`))
	dirs = eval[string](tb, `[...document.querySelectorAll("#sbs .block")].map(e => getComputedStyle(e).direction).join(" ")`)
	if dirs == "" || strings.Contains(dirs, "ltr") {
		t.Errorf("Arabic side by side directions: %q, want all rtl", dirs)
	}
	tb.screenshot(shots, "arabic-side-by-side")
	tb.checkQuiet()
}

// largePage writes the page of two generated drafts of about 1 MB.
func largePage(t *testing.T, dir string) string {
	t.Helper()
	d := draftgen.Generate(1, 1<<20)
	e := draftgen.Edit(d, 2, draftgen.Edits{WordRate: 0.02, ParaRate: 0.05})
	return writePage(t, dir, "large.html", "old.md", d.Markdown(), "new.md", e.Markdown())
}

// largeLimit is how long the 1 MB page may take to open and reach its
// last change by keyboard, when REDLINE_LARGE_LIMIT (a Go duration, e.g.
// 2s, the target) asks for the time to be enforced; 0 when it does not.
// A timed check fails on a loaded machine whatever the code, so the target
// (2 seconds) is enforced only on request, as benchmarks are; the figure
// is always logged.
func largeLimit(t *testing.T) time.Duration {
	s := os.Getenv("REDLINE_LARGE_LIMIT")
	if s == "" {
		return 0
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		t.Fatalf("REDLINE_LARGE_LIMIT: %v", err)
	}
	return d
}

// TestLargePage opens the page of two 1 MB drafts and presses G, the
// last-change key, and logs how long it took from navigation to the focus
// on the last change (go test -v -run TestLargePage ./internal/browsertest
// shows it); with REDLINE_LARGE_LIMIT set it fails above that limit.
func TestLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("1 MB page skipped in -short mode")
	}
	tb := newTab(t)
	path := largePage(t, t.TempDir())
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	loaded := tb.open(path)
	tb.press("G")
	stops := stopIDs(tb)
	m := len(stops)
	want := fmt.Sprintf("%s | Change %d of %d", stops[m-1], m, m)
	for focus(tb) != want && time.Since(start) < 30*time.Second {
		time.Sleep(5 * time.Millisecond)
	}
	took := time.Since(start)
	if got := focus(tb); got != want {
		t.Fatalf("after G: focus %q, want %q", got, want)
	}
	t.Logf("1 MB drafts: page %d bytes, %d changes; loaded in %v, last change focused after %v", info.Size(), m, loaded.Round(time.Millisecond), took.Round(time.Millisecond))
	if limit := largeLimit(t); limit > 0 && took > limit {
		t.Errorf("opening the 1 MB page and reaching its last change took %v, over %v", took, limit)
	}
	tb.checkQuiet()
}

// TestDataTables opens the page of two 1 MB drafts, whose departures
// table and crosswalk have thousands of rows and are written as data: the
// script makes their rows as the tables are opened and scrolled, the
// filters choose the departures' rows, and each row links to its change.
func TestDataTables(t *testing.T) {
	if testing.Short() {
		t.Skip("1 MB page skipped in -short mode")
	}
	tb := newTab(t)
	path := largePage(t, t.TempDir())
	tb.open(path)
	all := eval[int](tb, `document.querySelectorAll("`+changes+`").length`)
	if n := eval[int](tb, `document.querySelectorAll("main > .part").length`); n == 0 {
		t.Errorf("the 1 MB page's elements are not in parts")
	}
	stops := stopIDs(tb)
	if all <= 1000 || !eval[bool](tb, `!!document.getElementById("departures-data") && !!document.getElementById("crosswalk-data")`) {
		t.Fatalf("%d changes; departures and crosswalk data: want over 1000 and both", all)
	}
	rows := func(sel string) string {
		return eval[string](tb, `(() => { const r = document.querySelectorAll("`+sel+` tbody tr"); return r.length + " rows, first " + (r.length ? (r[0].querySelector("a") ? r[0].querySelector("a").getAttribute("href") : "no link") : "none"); })()`)
	}
	if got := rows("#departures"); got != "0 rows, first none" {
		t.Errorf("closed departures table: %s, want no rows made", got)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("#departures summary").click()`))
	tb.wait(`document.querySelectorAll("#departures tbody tr").length > 0`)
	if got, want := rows("#departures"), "200 rows, first #"+stops[0]; got != want {
		t.Errorf("opened departures table: %s, want %s", got, want)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`(() => { const b = document.querySelector("#departures .scroll"); b.scrollTop = b.scrollHeight; b.dispatchEvent(new Event("scroll")); })()`))
	if got, want := rows("#departures"), "400 rows, first #"+stops[0]; got != want {
		t.Errorf("departures table scrolled down: %s, want %s", got, want)
	}
	// a row's cells: number, paragraph, kind, words, first words; its kinds
	// those of its change
	got := eval[string](tb, `(() => { const r = document.querySelector("#departures tbody tr"), id = r.querySelector("a").getAttribute("href").slice(1);
		return r.cells.length + " cells, kinds " + (r.dataset.k === document.getElementById(id).dataset.k) + ", words " + /^−[0-9]+ \+[0-9]+$/.test(r.cells[3].textContent); })()`)
	if got != "5 cells, kinds true, words true" {
		t.Errorf("a departures row: %s", got)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("#departures input[name=kind][value=ren]").click()`))
	if got := rows("#departures"); got != "200 rows, first #c1" {
		t.Errorf("with renumbering-only changes: %s, want 200 rows, first #c1", got)
	}
	// a click on a row goes to its change
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#departures tbody tr")[5].cells[4].click()`))
	if got := focus(tb); got != fmt.Sprintf("c6 | Change 6 of %d", all) {
		t.Errorf("after a click on the sixth row: %q", got)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("#crosswalk summary").click()`))
	tb.wait(`document.querySelectorAll("#crosswalk tbody tr").length > 0`)
	if got := rows("#crosswalk"); !strings.HasPrefix(got, "200 rows") {
		t.Errorf("opened crosswalk: %s, want 200 rows", got)
	}
	checkLazySideBySide(t, tb, all)
	tb.checkQuiet()
}

// checkLazySideBySide checks the side-by-side view of a big page, made a
// part at a time: the keys reach the first and last change, whose rows
// are made on the way, while parts far from them wait as placeholders;
// "changes only" makes them all.
func checkLazySideBySide(t *testing.T, tb *tab, all int) {
	t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("#toolbar input[name=kind][value=ren]").checked || document.querySelector("#toolbar input[name=kind][value=ren]").click()`))
	tb.press("g")
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=view][value=sbs]").click()`))
	if got, want := focus(tb), fmt.Sprintf("x-c1 | Change 1 of %d", all); got != want {
		t.Errorf("side by side of a big page: %q, want %q", got, want)
	}
	tb.press("G")
	if got, want := focus(tb), fmt.Sprintf("x-c%d | Change %d of %d", all, all, all); got != want {
		t.Errorf("side by side of a big page, after G: %q, want %q", got, want)
	}
	if n := eval[int](tb, `document.querySelectorAll("#sbs > .sbs-part").length`); n == 0 {
		t.Errorf("side by side of a big page: every part made at once")
	}
	// the rows made line up with the inline view: old and new text of the
	// last change's row side by side
	if got := eval[string](tb, `(() => { const r = document.activeElement; return r.querySelectorAll(".sbs-old, .sbs-new").length + " cells"; })()`); got != "2 cells" {
		t.Errorf("last change's row: %s", got)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("changes-only").click()`))
	got := eval[string](tb, `document.querySelectorAll("#sbs > .sbs-part").length + " parts left, " + (document.querySelectorAll("#sbs > .gap").length > 0) + " markers; rows " +
		(document.querySelectorAll("#sbs > .sbs-row:not(.sbs-head)").length === document.querySelectorAll("main > :not(#sbs):not(.gap):not(.part), main > .part > :not(.gap)").length)`)
	if got != "0 parts left, true markers; rows true" {
		t.Errorf("side by side of a big page, changes only: %s", got)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("changes-only").click(); document.querySelector("input[name=view][value=inline]").click()`))
}

// TestNegotiationPage opens the page of rev2 → final with what package
// negotiation decided (render.HTMLAnalysis): the brackets panel, signals
// beside their changes and in the departures table, and "Signals only",
// which keeps the stops with a signal; axe-core finds nothing serious.
func TestNegotiationPage(t *testing.T) {
	tb := newTab(t)
	shots := shotDir(t)
	read := func(name string) *draft.Document {
		b, err := os.ReadFile(filepath.Join(root(), "testdata", "drafts", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := draft.Read(name, b, draft.Auto)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	r, err := diff.Compare(read("rev2.md"), read("final.md"), diff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lex, err := negotiation.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	a := negotiation.Analyze(r, lex, negotiation.Options{Brackets: negotiation.On})
	var buf bytes.Buffer
	if err := render.HTMLAnalysis(&buf, r, a); err != nil {
		t.Fatal(err)
	}
	path, err := filepath.Abs(filepath.Join(t.TempDir(), "negotiation.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tb.open(path)
	signalled := eval[int](tb, `document.querySelectorAll("main > [data-k~=sig]").length`)
	if signalled == 0 {
		t.Fatal("no change with a signal")
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById("signals-only").click()`))
	tb.press("g")
	got := eval[string](tb, `(() => { const p = document.getElementById("position").textContent;
		const rows = [...document.querySelectorAll("#departures tr.dep")].filter(r => getComputedStyle(r).display !== "none");
		return p + "; focus has a signal " + (document.activeElement.querySelector(".signal") !== null) + "; " + rows.length + " rows, each with its signal " + rows.every(r => r.querySelector("td.signals").textContent !== ""); })()`)
	if want := fmt.Sprintf("Change 1 of %d; focus has a signal true; %d rows, each with its signal true", signalled, signalled); got != want {
		t.Errorf("signals only: %s, want %s", got, want)
	}
	if n := eval[int](tb, `document.querySelectorAll("#brackets tbody tr").length`); n != len(a.Brackets) {
		t.Errorf("brackets panel: %d rows, want %d", n, len(a.Brackets))
	}
	tb.viewShot(shots, "negotiation")
	if src, err := os.ReadFile(axePath); err == nil {
		for _, scheme := range []string{"light", "dark"} {
			setScheme(t, tb, scheme)
			checkAxe(t, tb, string(src), "negotiation "+scheme)
		}
	}
	tb.checkQuiet()
}
