// Command speed times redline against git diff --word-diff and wdiff on the
// same generated draft pairs, in one run, alternating the tools, and prints
// a Markdown table of medians, the ratio redline/git and peak RSS (from an
// untimed run under /usr/bin/time, Debian package "time").
//
// Pairs are numbered-paragraph drafts from internal/draftgen at 100 KB,
// 1 MB and 10 MB, edited with 2% of words changed, 5% of paragraphs
// deleted, inserted, moved, split or merged, one section moved, and
// everything renumbered.
//
// Usage:
//
//	go run ./scripts/speed [-runs 5] [-sizes 100K,1M,10M] [-edits typical|heavy|shuffle] [-keep DIR]
//
// With -keep, the draft pairs are also written to DIR (old-10M.md,
// new-10M.md, ...) for profiling.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/redline-diff/redline/internal/draftgen"
)

// tool is one command timed on a pair; %OLD% and %NEW% stand for the files.
type tool struct {
	name string
	args []string
	ok   func(code int) bool
}

func main() {
	runs := flag.Int("runs", 5, "runs of each tool on each pair")
	sizes := flag.String("sizes", "100K,1M,10M", "draft sizes")
	keep := flag.String("keep", "", "also write the draft pairs to this folder")
	flag.StringVar(&editsName, "edits", "typical", "how the new drafts are edited: typical, heavy (every paragraph edited, 8% of words, 30% moved, two sections moved) or shuffle (every paragraph reordered, 2% of words)")
	flag.Parse()
	if _, ok := editsByName[editsName]; !ok {
		fmt.Fprintf(os.Stderr, "speed: unknown -edits %q\n", editsName)
		os.Exit(2)
	}
	if err := run(*runs, strings.Split(*sizes, ","), *keep); err != nil {
		fmt.Fprintln(os.Stderr, "speed:", err)
		os.Exit(2)
	}
}

func run(runs int, sizes []string, keep string) error {
	dir, err := os.MkdirTemp("", "redline-speed")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "redline")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/redline").CombinedOutput(); err != nil {
		return fmt.Errorf("build: %v\n%s", err, out)
	}
	diffOK := func(code int) bool { return code == 0 || code == 1 }
	tools := []tool{
		{"redline -o out.html", []string{bin, "compare", "%OLD%", "%NEW%", "-o", filepath.Join(dir, "out.html")}, diffOK},
		{"redline -f json", []string{bin, "compare", "-f", "json", "%OLD%", "%NEW%"}, diffOK},
		{"redline -f text", []string{bin, "compare", "-f", "text", "%OLD%", "%NEW%"}, diffOK},
		{"git diff --word-diff=plain", []string{"git", "diff", "--no-index", "--word-diff=plain", "%OLD%", "%NEW%"}, diffOK},
		{"wdiff", []string{"wdiff", "%OLD%", "%NEW%"}, diffOK},
	}
	fmt.Printf("%s, %d CPUs, %s; median of %d runs, tools in turn, each round in another order so that every tool follows every other equally often\n\n", cpuName(), runtime.NumCPU(), runtime.Version(), runs)
	fmt.Println("| pair | tool | median (s) | redline / git | peak RSS (MB) |")
	fmt.Println("| --- | --- | --- | --- | --- |")
	for _, size := range sizes {
		old, new, err := writePair(dir, size)
		if err != nil {
			return err
		}
		if keep != "" {
			if _, _, err := writePair(keep, size); err != nil {
				return err
			}
		}
		if err := timePair(size, tools, runs, old, new); err != nil {
			return err
		}
	}
	return nil
}

// roundOrder returns the order of n tools in a round: tool (start + i·step)
// mod n at place i, the step running through the numbers prime to n and the
// start moving on once they are all used. Tool k then follows tool
// k − step, every other tool in turn; for n prime, each once in n − 1
// rounds.
func roundOrder(round, n int) []int {
	var steps []int
	for d := 1; d < n; d++ {
		if gcd(d, n) == 1 {
			steps = append(steps, d)
		}
	}
	if len(steps) == 0 {
		steps = []int{1}
	}
	step, start := steps[round%len(steps)], round/len(steps)
	order := make([]int, n)
	for i := range order {
		order[i] = (start + i*step) % n
	}
	return order
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// timePair times every tool on one pair, runs times each, alternating.
func timePair(size string, tools []tool, runs int, old, new string) error {
	times := make([][]float64, len(tools))
	rss := make([]int64, len(tools))
	// A run pays for what the one before left behind: on this kind of VM
	// memory freed is handed back to the host, and the next run's fresh
	// memory costs more (our 10 MB page: 435-481 ms after three idle
	// seconds, 372-400 ms right after another run of ours; wdiff frees
	// 100 MB). So each round takes the tools in another order
	// (see roundOrder), in which every tool follows every other equally
	// often. (Starting each round one tool further on did not: the page
	// still always came right after wdiff.)
	for round := range runs {
		for _, k := range roundOrder(round, len(tools)) {
			t := tools[k]
			secs, kb, err := timeOne(t, old, new)
			if err != nil {
				return err
			}
			times[k] = append(times[k], secs)
			rss[k] = max(rss[k], kb)
		}
	}
	git := median(times[3])
	for k, t := range tools {
		m := median(times[k])
		ratio := ""
		if strings.HasPrefix(t.name, "redline") {
			ratio = fmt.Sprintf("%.2f×", m/git)
		}
		fmt.Printf("| %s each | %s | %.3f | %s | %d |\n", size, t.name, m, ratio, rss[k]/1024)
	}
	return nil
}

// timeOne runs a tool once and returns its wall time and peak RSS in KB.
func timeOne(t tool, old, new string) (float64, int64, error) {
	args := slices.Clone(t.args)
	for i, a := range args {
		args[i] = strings.NewReplacer("%OLD%", old, "%NEW%", new).Replace(a)
	}
	secs, err := runTool(t, args)
	if err != nil {
		return 0, 0, err
	}
	// Peak RSS comes from a run under /usr/bin/time, as the tool's own:
	// the rusage of a child forked from this process also counts this
	// process's pages from before the exec (drafts of 10 MB held in
	// memory). That run is not timed.
	rssFile := filepath.Join(os.TempDir(), fmt.Sprintf("redline-speed-%d.rss", os.Getpid()))
	defer os.Remove(rssFile)
	if _, err := runTool(t, append([]string{"/usr/bin/time", "-f", "%M", "-o", rssFile, "--"}, args...)); err != nil {
		return 0, 0, err
	}
	return secs, readRSS(rssFile), nil
}

// runTool runs args, its output discarded, and returns its wall time.
func runTool(t tool, args []string) (float64, error) {
	cmd := exec.Command(args[0], args[1:]...)
	// Output goes straight to /dev/null, as a shell's "> /dev/null" sends
	// it: through a pipe, this program's reading of it (8 KB at a time)
	// would be timed too, for every tool that writes to standard output.
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return 0, err
	}
	defer devNull.Close()
	cmd.Stdout = devNull
	start := time.Now()
	err = cmd.Run()
	secs := time.Since(start).Seconds()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		return 0, fmt.Errorf("%s: %v", t.name, err)
	}
	if !t.ok(code) {
		return 0, fmt.Errorf("%s: exit status %d", t.name, code)
	}
	return secs, nil
}

// readRSS returns the peak RSS in KB that /usr/bin/time wrote to path: the
// last line ("Command exited with non-zero status 1" may come first).
func readRSS(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	lines := strings.Fields(strings.TrimSpace(string(b)))
	var kb int64
	if len(lines) > 0 {
		fmt.Sscan(lines[len(lines)-1], &kb)
	}
	return kb
}

func writePair(dir, size string) (string, string, error) {
	n, err := parseSize(size)
	if err != nil {
		return "", "", err
	}
	d := draftgen.Generate(1, n)
	ed := draftgen.Edit(d, 2, editsByName[editsName])
	old, new := filepath.Join(dir, "old-"+size+".md"), filepath.Join(dir, "new-"+size+".md")
	if err := os.WriteFile(old, d.Markdown(), 0o644); err != nil {
		return "", "", err
	}
	return old, new, os.WriteFile(new, ed.Markdown(), 0o644)
}

// editsName names the edits of the new drafts (see editsByName).
var editsName string

// editsByName holds the edits -edits chooses from: typical (the
// default), heavy (BenchmarkCompareWorstCase's heavy case, every
// paragraph's words edited) and shuffle (every paragraph reordered).
var editsByName = map[string]draftgen.Edits{
	"typical": {WordRate: 0.02, ParaRate: 0.05, SectionMoves: 1},
	"heavy":   {WordRate: 0.08, EveryParagraph: true, MoveRate: 0.30, SectionMoves: 2},
	"shuffle": {WordRate: 0.02, Shuffle: true},
}

func parseSize(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	}
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// cpuName returns the processor model from /proc/cpuinfo, or the arch.
func cpuName() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				return strings.TrimSpace(v)
			}
		}
	}
	return runtime.GOARCH
}
