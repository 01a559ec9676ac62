package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"

	"github.com/urfave/cli/v2"
)

// Colour and paging follow git's conventions (and those of
// https://no-color.org and https://bixense.com/clicolors):
//
//   - --color always or never decides; --color auto (the default) colours
//     standard output, never an --output file, by the first rule that
//     applies: NO_COLOR set and not empty, no colour; CLICOLOR_FORCE set
//     and not "0", or FORCE_COLOR set and not "0" or "false", colour
//     (FORCE_COLOR "0" or "false", no colour; an empty variable counts as
//     unset, as NO_COLOR's); TERM=dumb, no colour;
//     GIT_PAGER_IN_USE (redline run by git, which pages its output), or
//     standard output a terminal, colour.
//   - Output to a terminal is paged, as git pages: through $REDLINE_PAGER
//     or $PAGER (run by sh -c), or "less" with LESS=FRX (quit when it fits
//     on one screen, pass colours, leave the screen as it is) when LESS is
//     not set, and LV=-c. An empty pager or "cat" pages nothing; neither
//     does --no-pager, output that is not a terminal, or GIT_PAGER_IN_USE
//     (git's pager is already reading).

// noPagerFlag is the flag of every command that writes to standard output.
var noPagerFlag = &cli.BoolFlag{Name: "no-pager", Usage: "do not page output to a terminal (through $PAGER, or less -FRX)"}

// envTrue reports whether the environment variable name is set to
// something other than "", "0" or "false" (as git reads a boolean).
func envTrue(name string) bool {
	v := strings.ToLower(os.Getenv(name))
	return v != "" && v != "0" && v != "false" && v != "no" && v != "off"
}

// autoColor is the --color auto rule for standard output stdout.
func autoColor(stdout io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	if v, ok := os.LookupEnv("CLICOLOR_FORCE"); ok && v != "" && v != "0" {
		return true
	}
	if v := os.Getenv("FORCE_COLOR"); v != "" {
		return v != "0" && strings.ToLower(v) != "false"
	}
	if os.Getenv("TERM") == "dumb" {
		return false
	}
	return envTrue("GIT_PAGER_IN_USE") || isTerminal(stdout)
}

// pagedStdout is standard output, which is a terminal, sent through a
// pager started at the first write. Once the pager has quit (the reader
// pressed q), later writes are dropped, not errors: the command finishes
// and exits with its own status, as git's commands do.
type pagedStdout struct {
	mu       sync.Mutex
	tty      io.Writer // the terminal
	command  string    // the pager, run by sh -c
	disabled bool      // --no-pager
	cmd      *exec.Cmd
	in       io.WriteCloser // the pager's standard input; nil before the first write
	quit     bool           // the pager quit: drop what follows
	started  bool
}

// newPagedStdout returns stdout to be paged when it is a terminal and a
// pager is wanted (see above), else nil.
func newPagedStdout(stdout io.Writer) *pagedStdout {
	if !isTerminal(stdout) || envTrue("GIT_PAGER_IN_USE") {
		return nil
	}
	command, ok := os.LookupEnv("REDLINE_PAGER")
	if !ok {
		command, ok = os.LookupEnv("PAGER")
	}
	if !ok {
		command = "less"
	}
	if command = strings.TrimSpace(command); command == "" || command == "cat" {
		return nil
	}
	return &pagedStdout{tty: stdout, command: command}
}

func (p *pagedStdout) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.disabled {
		return p.tty.Write(b)
	}
	if !p.started {
		p.started = true
		if err := p.start(); err != nil {
			// No pager to run: write to the terminal, as git does.
			p.disabled = true
			return p.tty.Write(b)
		}
	}
	if p.quit {
		return len(b), nil
	}
	n, err := p.in.Write(b)
	if err != nil && errors.Is(err, syscall.EPIPE) {
		p.quit = true
		return len(b), nil
	}
	return n, err
}

// start starts the pager, its standard output and error the terminal.
func (p *pagedStdout) start() error {
	cmd := exec.Command("/bin/sh", "-c", p.command)
	cmd.Stdout = p.tty
	cmd.Stderr = os.Stderr
	cmd.Env = os.Environ()
	if _, ok := os.LookupEnv("LESS"); !ok {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	if _, ok := os.LookupEnv("LV"); !ok {
		cmd.Env = append(cmd.Env, "LV=-c")
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	p.cmd, p.in = cmd, in
	setPagerWait(p.wait)
	return nil
}

// disable turns paging off (--no-pager) before anything was written.
func (p *pagedStdout) disable() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.started {
		p.disabled = true
	}
}

// wait closes the pager's input and waits for the reader to quit it.
func (p *pagedStdout) wait() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd == nil {
		return
	}
	p.in.Close()
	p.cmd.Wait()
	p.cmd = nil
}

// pagerWait is the wait of the running pager, for exitOnSignal: a signal
// that ends redline leaves the terminal to the pager until it quits.
var pagerWait struct {
	sync.Mutex
	wait func()
}

func setPagerWait(wait func()) {
	pagerWait.Lock()
	pagerWait.wait = wait
	pagerWait.Unlock()
}

// waitForPager waits for the running pager, if any, to quit.
func waitForPager() {
	pagerWait.Lock()
	wait := pagerWait.wait
	pagerWait.Unlock()
	if wait != nil {
		wait()
	}
}

// addNoPager gives every command the --no-pager flag and a Before that
// turns paging off when it is set.
func addNoPager(app *cli.App, out *pagedStdout) {
	before := func(c *cli.Context) error {
		// git-extdiff is run by git once per file: git pages, or was told
		// not to (git --no-pager), and a pager per file would be absurd.
		if out != nil && (c.Bool("no-pager") || c.Command != nil && c.Command.Name == "git-extdiff") {
			out.disable()
		}
		return nil
	}
	app.Flags = append(app.Flags, noPagerFlag)
	app.Before = before
	for _, cmd := range app.Commands {
		cmd.Flags = append(cmd.Flags, noPagerFlag)
		cmd.Before = before
	}
}

// unknownCommand returns the error of a command line whose first
// operand names no command ("redline comapre a b", "redline help
// comapre"), nil when it names one or is a flag.
func unknownCommand(app *cli.App, args []string) error {
	i := 1
	for i < len(args) && args[i] == "--no-pager" { // the one global flag that takes no action of its own
		i++
	}
	if i < len(args) && (args[i] == "help" || args[i] == "h") {
		i++ // "redline help NAME": the same refusal as "redline NAME"
	}
	if i >= len(args) || strings.HasPrefix(args[i], "-") || app.Command(args[i]) != nil {
		return nil
	}
	name := args[i]
	hint := ""
	best := 3 // suggest a command at most two edits away
	for _, cmd := range app.Commands {
		if cmd.Hidden {
			continue
		}
		if d := editDistance(name, cmd.Name); d < best {
			best, hint = d, "did you mean '"+cmd.Name+"'? "
		}
	}
	return fmt.Errorf("unknown command %q (%ssee 'redline help' for the commands)", name, hint)
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
