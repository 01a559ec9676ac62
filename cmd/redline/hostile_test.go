//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/redline-diff/redline/internal/draftgen"
	bombs "github.com/redline-diff/redline/internal/hostile"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestHostile runs the hostile-input suite, testdata/hostile/*.txtar at
// the top of the repository: each class of input or argument that someone
// else controls (issue 17), with what redline must do about it. Binary
// cases (Word bombs, file names no txtar can hold) are made by the
// command "hostile" (see hostileFiles).
func TestHostile(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: dir,
		Setup: func(env *testscript.Env) error {
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("HOME", env.WorkDir)
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exits":   exits,
			"hostile": hostile,
			"mode":    checkMode,
			"visible": checkVisible,
			"bounded": bounded,
			"nofiles": noFiles,
			"setname": setName,
		},
	})
}

// checkMode checks the permission bits of a file: "mode 0600 FILE".
func checkMode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mode PERM FILE")
	}
	want, err := strconv.ParseUint(args[0], 8, 32)
	if err != nil {
		ts.Fatalf("mode: bad permissions %q", args[0])
	}
	fi, err := os.Stat(ts.MkAbs(args[1]))
	ts.Check(err)
	if got := fi.Mode().Perm(); got != os.FileMode(want) {
		ts.Fatalf("%s has mode %#o, want %#o", args[1], got, want)
	}
}

// checkVisible checks that the standard output or error of the last
// command (or a file) holds no byte that a terminal would take as a
// command: no C0 control but line feed and tab, no DEL, no C1 control, no
// bidirectional embedding, override or isolate, no byte that is not
// UTF-8. "visible -sgr stdout" allows redline's own colour codes (ESC [
// digits ; m).
func checkVisible(ts *testscript.TestScript, neg bool, args []string) {
	sgr := len(args) > 0 && args[0] == "-sgr"
	if sgr {
		args = args[1:]
	}
	if neg || len(args) != 1 {
		ts.Fatalf("usage: visible [-sgr] stdout|stderr|FILE")
	}
	var text string
	switch args[0] {
	case "stdout":
		text = ts.ReadFile("stdout")
	case "stderr":
		text = ts.ReadFile("stderr")
	default:
		text = ts.ReadFile(args[0])
	}
	if sgr {
		text = sgrCodes.ReplaceAllString(text, "")
	}
	if !utf8.ValidString(text) {
		ts.Fatalf("%s: bytes that are not UTF-8: %q", args[0], text)
	}
	for i, r := range text {
		if isHidden(r) {
			ts.Fatalf("%s: %U at byte %d: %q", args[0], r, i, text[max(0, i-20):min(len(text), i+20)])
		}
	}
}

// sgrCodes matches redline's own colour codes (see render/ansi.go).
var sgrCodes = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// isHidden reports whether r is a control that terminal output must not
// carry.
func isHidden(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// bounded runs redline and checks its exit status, its time and its peak
// resident memory: "bounded SECONDS MEGABYTES STATUS redline ARGS...". Its
// output goes to the files bounded.stdout and bounded.stderr.
func bounded(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 4 {
		ts.Fatalf("usage: bounded SECONDS MEGABYTES STATUS COMMAND [ARGS...]")
	}
	secs, err1 := strconv.ParseFloat(args[0], 64)
	mb, err2 := strconv.Atoi(args[1])
	want, err3 := strconv.Atoi(args[2])
	if err1 != nil || err2 != nil || err3 != nil {
		ts.Fatalf("bounded: bad limits %q", args[:3])
	}
	cmd := exec.Command(lookPath(ts.Getenv("PATH"), args[3]), args[4:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = append(os.Environ(), "PATH="+ts.Getenv("PATH"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	ts.Logf("%s: %v, %d KB peak RSS", strings.Join(args[3:], " "), elapsed.Round(time.Millisecond), maxRSS(cmd))
	// The output goes to files: stdout and stderr of the script are
	// those of the last exec.
	ts.Check(os.WriteFile(ts.MkAbs("bounded.stdout"), stdout.Bytes(), 0o644))
	ts.Check(os.WriteFile(ts.MkAbs("bounded.stderr"), stderr.Bytes(), 0o644))
	got := 0
	if ee, ok := err.(*exec.ExitError); ok {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("bounded: %v", err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d; stderr: %s", got, want, stderr.String())
	}
	if elapsed.Seconds() > secs {
		ts.Fatalf("took %v, over %g s", elapsed, secs)
	}
	if rss := maxRSS(cmd); rss > int64(mb)<<10 {
		ts.Fatalf("peak RSS %d KB, over %d MB", rss, mb)
	}
}

// lookPath finds file in the folders of path.
func lookPath(path, file string) string {
	for _, dir := range filepath.SplitList(path) {
		if fi, err := os.Stat(filepath.Join(dir, file)); err == nil && !fi.IsDir() {
			return filepath.Join(dir, file)
		}
	}
	return file
}

// maxRSS is a finished command's peak resident memory in KB.
func maxRSS(cmd *exec.Cmd) int64 {
	if cmd.ProcessState == nil {
		return 0
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}

// noFiles checks that no file in the script's folder (and its subfolders)
// matches a glob: "nofiles '.*.tmp*'", for temporary files left behind.
func noFiles(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: nofiles GLOB")
	}
	var found []string
	filepath.Walk(ts.MkAbs("."), func(name string, fi os.FileInfo, err error) error {
		if ok, _ := filepath.Match(args[0], filepath.Base(name)); ok && err == nil {
			found = append(found, name)
		}
		return nil
	})
	if len(found) > 0 {
		ts.Fatalf("files left: %v", found)
	}
}

// setName sets an environment variable to a Go-quoted string, for file
// names that a script cannot spell: setname EVIL '"a\x1b]0;x\x07\n.md"'.
func setName(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: setname VAR QUOTED")
	}
	s, err := strconv.Unquote(args[1])
	if err != nil {
		ts.Fatalf("setname: %v", err)
	}
	ts.Setenv(args[0], s)
}

// hostile writes one of the binary hostile inputs: "hostile KIND FILE",
// KIND one of hostileFiles or of internal/hostile's Word documents.
func hostile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: hostile KIND FILE")
	}
	make := hostileFiles[args[0]]
	if docx := bombs.Files[args[0]]; docx != nil {
		make = func() ([]byte, error) { return docx(), nil }
	}
	if make == nil {
		ts.Fatalf("hostile: unknown kind %q", args[0])
	}
	data, err := make()
	if err != nil {
		ts.Fatalf("hostile %s: %v", args[0], err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o644))
}

// hostileFiles makes the binary hostile inputs, by kind.
var hostileFiles = map[string]func() ([]byte, error){
	// Drafts whose words hold escape sequences (window title, screen
	// clear, a C1 CSI), a carriage return and bidirectional overrides.
	"escapes-old": text("# Report\n\n1. States agreed\x1b]0;pwned\x07 that the Internet\u202e should remain open.\n\n2. States recalled the norms\x1b[2J.\n"),
	"escapes-new": text("# Report\n\n1. States concluded\u009b2J that the Internet\u2067 should remain\r open.\n\n2. States recalled the binding\x1b[31m norms\x1b[2J.\n"),
	// An unterminated right-to-left override in one inserted word.
	"bidi-old": text("1. States agreed that the law applies.\n\n2. Norms are voluntary.\n"),
	"bidi-new": text("1. States \u202econcluded that the law applies.\n\n2. Norms are voluntary.\n"),
}

func init() {
	// A series of three drafts of 1 MB, each an edit of the one before,
	// for the memory budget of the commands that read several.
	for k := 1; k <= 3; k++ {
		hostileFiles[fmt.Sprintf("series-%d", k)] = func() ([]byte, error) { return seriesDraft(k), nil }
	}
}

// seriesDraft returns the k-th draft (1-based) of a generated series of
// three of 1 MB.
func seriesDraft(k int) []byte {
	d := draftgen.Generate(21, 1<<20)
	for i := 2; i <= k; i++ {
		d = draftgen.Edit(d, uint64(20+i), draftgen.SeriesEdits).Draft
	}
	return d.Markdown()
}

// text returns a maker of the file s.
func text(s string) func() ([]byte, error) {
	return func() ([]byte, error) { return []byte(s), nil }
}
