package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browsers are the names a Chromium binary goes by.
var browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// chromiumPath returns the browser to test with, or skips the test.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("REDLINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range browsers {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("browser tests skipped: no chromium binary found (apt-get install chromium, or set REDLINE_CHROMIUM); .ci/run installs it")
	return ""
}

// tab is an open browser tab with the troubles it has seen: console
// errors, exceptions, log entries of level error (CSP violations among
// them) and network requests other than for the page itself.
type tab struct {
	t        *testing.T
	ctx      context.Context
	mu       sync.Mutex
	page     string // the page's file:// URL
	troubles []string
}

// newTab starts headless Chromium and opens a tab watching for trouble.
func newTab(t *testing.T) *tab {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless, chromedp.NoFirstRun, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	// Chromium now and then exits as it starts on a loaded machine
	// ("chrome failed to start"): it is started again, up to three times,
	// before the test fails.
	var tb *tab
	for attempt := 1; ; attempt++ {
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(actx)
		ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
		stop := func() { cancelTimeout(); cancel(); cancelAlloc() }
		tb = &tab{t: t, ctx: ctx}
		err := chromedp.Listen(ctx, tb.watch) // starts the browser
		if err == nil {
			_, err = chromedp.Call(ctx, network.Enable, network.EnableParams{})
		}
		if err == nil {
			t.Cleanup(stop)
			break
		}
		stop()
		if attempt == 3 || !strings.Contains(err.Error(), "failed to start") {
			t.Fatalf("starting chromium: %v", err)
		}
		t.Logf("chromium did not start (attempt %d): %v; starting it again", attempt, err)
		time.Sleep(time.Second)
	}
	ctx := tb.ctx
	if _, err := chromedp.Call(ctx, log.Enable, struct{}{}); err != nil {
		t.Fatal(err)
	}
	return tb
}

// watch records the events that mean trouble. It runs in the tab's
// message loop: it returns at once and sends no command.
func (tb *tab) watch(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			tb.troubles = append(tb.troubles, fmt.Sprintf("console.%s: %s", ev.Type, args(ev.Args)))
		}
	case *runtime.EventExceptionThrown:
		tb.troubles = append(tb.troubles, "exception: "+ev.ExceptionDetails.Text+" "+exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			tb.troubles = append(tb.troubles, fmt.Sprintf("log %s (%s): %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text))
		}
	case *network.EventRequestWillBeSent:
		if ev.Request.URL != tb.page {
			tb.troubles = append(tb.troubles, "network request: "+ev.Request.URL)
		}
	}
}

func args(objs []*runtime.RemoteObject) string {
	var parts []string
	for _, o := range objs {
		parts = append(parts, string(o.Value)+o.Description)
	}
	return strings.Join(parts, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

// open loads the page at path and waits for it to be ready.
func (tb *tab) open(path string) time.Duration {
	tb.t.Helper()
	tb.mu.Lock()
	tb.page = "file://" + path
	tb.mu.Unlock()
	start := time.Now()
	tb.do(chromedp.Navigate(tb.page))
	return time.Since(start)
}

// do runs actions, failing the test on error.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// wait waits, up to five seconds, for a JavaScript condition to hold (an
// event the page handles in a later task, such as a details element's
// toggle).
func (tb *tab) wait(cond string) {
	tb.t.Helper()
	for start := time.Now(); !eval[bool](tb, cond) && time.Since(start) < 5*time.Second; {
		time.Sleep(10 * time.Millisecond)
	}
}

// press sends key presses as the keyboard would.
func (tb *tab) press(keys string) {
	tb.t.Helper()
	tb.do(chromedp.KeyEvent(keys))
}

// checkQuiet fails the test if the tab saw any trouble.
func (tb *tab) checkQuiet() {
	tb.t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, s := range tb.troubles {
		tb.t.Error(s)
	}
	tb.troubles = nil
}

// shotDir returns the folder for screenshots: $REDLINE_SHOTS, or a
// temporary folder.
func shotDir(t *testing.T) string {
	if d := os.Getenv("REDLINE_SHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// screenshot saves a screenshot of the whole page as name.png.
func (tb *tab) screenshot(dir, name string) {
	tb.t.Helper()
	buf, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatal(err)
	}
	save(tb.t, filepath.Join(dir, name+".png"), buf)
}

// viewShot saves a screenshot of what the window shows as name.png.
func (tb *tab) viewShot(dir, name string) {
	tb.t.Helper()
	buf, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatal(err)
	}
	save(tb.t, filepath.Join(dir, name+".png"), buf)
}

func save(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, len(data))
}
