// Command redline compares drafts of a negotiated text and writes a
// redline: an HTML page for people, text or JSON for scripts and CI.
//
// Usage:
//
//	redline compare [flags] OLD NEW
//
// OLD and NEW are files (Markdown by the extension .md or .markdown, Word
// by .docx, plain text otherwise) or "-" for standard input. Like diff(1), redline exits
// with status 0 when the drafts do not differ, 1 when they do, and 2 on
// trouble, with one line on standard error naming the file at fault.
//
// Run "redline help compare" for the flags and an example.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/redline-diff/redline/internal/visible"
	"github.com/urfave/cli/v2"
)

// Exit statuses, as diff(1).
const (
	exitSame    = 0
	exitDiffer  = 1
	exitTrouble = 2
)

func main() {
	stop := startProfile(os.Getenv("REDLINE_CPUPROFILE"))
	exitOnSignal()
	code := run(os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// startProfile starts a CPU profile written to path when path is set (the
// environment variable REDLINE_CPUPROFILE, for speed work on whole runs:
// go tool pprof redline FILE) and returns the function that ends it.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "redline: REDLINE_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// run runs the command line args with the given standard streams and
// returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	paged := newPagedStdout(stdout)
	if paged != nil {
		stdout = paged
		defer paged.wait()
	}
	app := newApp(stdin, stdout, stderr)
	err := unknownCommand(app, args)
	if err == nil {
		args, err = flagsFirst(app, args)
	}
	if err == nil {
		err = app.Run(args)
	}
	var st status
	switch {
	case errors.As(err, &st):
		return int(st)
	case err != nil:
		say(stderr, "%v", err)
		return exitTrouble
	}
	return exitSame
}

// say writes one line to stderr, "redline: " and the message, every
// control character of it (from a file name, a draft, git) made visible:
// a file name holding a line break or an escape sequence still gives one
// line that acts on nothing.
func say(stderr io.Writer, format string, args ...any) {
	fmt.Fprintf(stderr, "redline: %s\n", visible.Line(fmt.Sprintf(format, args...)))
}

// status is an exit status returned by an action as an error, so that
// urfave/cli neither prints nor exits.
type status int

func (s status) Error() string { return fmt.Sprintf("exit status %d", int(s)) }

// newApp builds the command line.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	cli.VersionPrinter = func(c *cli.Context) {
		fmt.Fprintf(c.App.Writer, "%s %s\n", c.App.Name, c.App.Version)
	}
	app := &cli.App{
		Name:            "redline",
		Usage:           "redlines of negotiated drafts: paragraphs aligned, words diffed",
		Version:         version(),
		Reader:          stdin,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: false,
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    usageError,
		Commands: []*cli.Command{
			compareCommand(),
			gitCommand(), gitExtdiffCommand(),
			historyCommand(),
			traceCommand(),
			blameCommand(),
			trackedCommand(),
			textCommand(),
			completionCommand(),
			manCommand(),
		},
	}
	// A usage error of any command is one line on stderr (run prints it),
	// never the help page.
	for _, cmd := range app.Commands {
		cmd.OnUsageError = usageError
	}
	paged, _ := stdout.(*pagedStdout)
	addNoPager(app, paged)
	return app
}

// usageError turns a usage error into one line pointing at the help.
func usageError(c *cli.Context, err error, _ bool) error {
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		return fmt.Errorf("%v (see 'redline help %s')", err, c.Command.Name)
	}
	return fmt.Errorf("%v (see 'redline help')", err)
}

// version is what "redline --version" prints after "redline ": the
// module version when redline was installed at one ("go install
// github.com/redline-diff/redline/cmd/redline@v1.2.0", or a build at a
// tagged, clean commit); else, for a build in a clone, "devel" with the
// commit and whether the tree was modified ("devel (3bc0a10, modified)");
// else the pseudo-version of "go install …@latest" at an untagged commit;
// else "devel".
func version() string {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi)
}

// versionOf is version from the build information bi (nil when there is
// none).
func versionOf(bi *debug.BuildInfo) string {
	if bi == nil {
		return "devel"
	}
	v := bi.Main.Version
	if v == "(devel)" {
		v = ""
	}
	if v != "" && !strings.HasSuffix(v, "+dirty") && !isPseudoVersion(v) {
		return v // a release
	}
	var rev string
	var modified bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	switch {
	case rev != "":
		if len(rev) > 7 {
			rev = rev[:7]
		}
		if modified {
			return "devel (" + rev + ", modified)"
		}
		return "devel (" + rev + ")"
	case v != "":
		return v // go install …@latest at a commit with no tag
	}
	return "devel"
}

// pseudoVersion matches the end of a Go pseudo-version
// (v0.0.0-20261204181435-3bc0a10d2f4e), which names a commit, not a
// release.
var pseudoVersion = regexp.MustCompile(`(^|[-.])\d{14}-[0-9a-f]{12}$`)

// isPseudoVersion reports whether v (without any "+dirty") is a Go
// pseudo-version.
func isPseudoVersion(v string) bool {
	return pseudoVersion.MatchString(strings.TrimSuffix(v, "+dirty"))
}
