// Command memory measures redline's time and peak resident memory on three
// successive drafts of about 8 MB each, command by command, against the
// budget of ten times the inputs plus 100 MB (issue 17). Peak RSS and CPU
// time come from /usr/bin/time (Debian package "time").
//
// Two trios are made, deterministically:
//
//	markdown  internal/draftgen: Generate(1, 8<<20), then each next draft an
//	          Edit of the one before with SeriesEdits (2% of words, 5% of
//	          paragraphs, one section moved); d1.md, d2.md, d3.md
//	oneword   900,000 one-word paragraphs of plain text (words from a list
//	          of 21), each next draft changing 5% of the words of the one
//	          before; w1.txt, w2.txt, w3.txt
//
// Usage:
//
//	go run ./scripts/memory [-trio markdown,oneword] [-only REGEXP] [-keep DIR] [-runs N]
//
// It prints a Markdown table: command, inputs (MB), wall time (s), CPU
// time (user+sys, s), peak RSS (MB), budget (MB), within. With -runs above
// 1, each figure is the median of the runs. -only keeps the commands whose
// line matches REGEXP.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/internal/draftgen"
)

func main() {
	trios := flag.String("trio", "markdown,oneword", "which trios: markdown, oneword")
	only := flag.String("only", "", "run only the commands matching this regular expression")
	keep := flag.String("keep", "", "write the drafts to this folder and keep them (reused if present)")
	runs := flag.Int("runs", 1, "runs of each command; the table gives medians")
	bin := flag.String("bin", "", "redline binary to measure (default: built from ./cmd/redline)")
	flag.Parse()
	if err := run(strings.Split(*trios, ","), *only, *keep, *runs, *bin); err != nil {
		fmt.Fprintln(os.Stderr, "memory:", err)
		os.Exit(2)
	}
}

func run(trios []string, only, keep string, runs int, bin string) error {
	match, err := regexp.Compile(only)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "redline-memory")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dir := tmp
	if keep != "" {
		dir = keep
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	if bin == "" {
		bin = filepath.Join(tmp, "redline")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/redline").CombinedOutput(); err != nil {
			return fmt.Errorf("build: %v\n%s", err, out)
		}
	}
	fmt.Println("| command | inputs (MB) | time (s) | CPU (s) | peak RSS (MB) | budget (MB) | within |")
	fmt.Println("| --- | --- | --- | --- | --- | --- | --- |")
	for _, trio := range trios {
		var names []string
		switch trio {
		case "markdown":
			names, err = markdownTrio(dir)
		case "oneword":
			names, err = onewordTrio(dir)
		default:
			err = fmt.Errorf("unknown trio %q", trio)
		}
		if err != nil {
			return err
		}
		for _, c := range commands(names) {
			line := strings.Join(c, " ")
			if !match.MatchString(line) {
				continue
			}
			if err := measure(bin, c, names, runs, tmp); err != nil {
				return err
			}
		}
	}
	return nil
}

// commands lists the command lines measured on a trio of drafts d1, d2, d3.
func commands(d []string) [][]string {
	return [][]string{
		{"compare", "-f", "json", d[0], d[2]},
		{"compare", "-f", "html", d[0], d[2]},
		{"compare", "-f", "text", d[0], d[2]},
		{"history", "-f", "json", d[0], d[1], d[2]},
		{"history", "-f", "html", d[0], d[1], d[2]},
		{"history", "-f", "text", d[0], d[1], d[2]},
		{"blame", "-f", "json", d[0], d[1], d[2]},
		{"blame", "-f", "html", d[0], d[1], d[2]},
		{"blame", "-f", "text", d[0], d[1], d[2]},
		{"trace", "-f", "json", "--phrase", "States", d[0], d[1], d[2]},
		{"trace", "-f", "html", "--phrase", "States", d[0], d[1], d[2]},
	}
}

// measure runs one command runs times and prints its line of the table.
func measure(bin string, args, drafts []string, runs int, tmp string) error {
	var in int64
	for _, a := range args {
		if slices.Contains(drafts, a) {
			fi, err := os.Stat(a)
			if err != nil {
				return err
			}
			in += fi.Size()
		}
	}
	var wall, cpu, rss []float64
	for range runs {
		tf := filepath.Join(tmp, "time")
		cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%e %U %S %M", "-o", tf, bin}, args...)...)
		cmd.Stdout, _ = os.Create(filepath.Join(tmp, "stdout"))
		if err := cmd.Run(); err != nil {
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() > 1 {
				return fmt.Errorf("%s: %v", strings.Join(args, " "), err)
			}
		}
		b, err := os.ReadFile(tf)
		if err != nil {
			return err
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		f := strings.Fields(lines[len(lines)-1])
		if len(f) != 4 {
			return fmt.Errorf("time: %q", b)
		}
		e, _ := strconv.ParseFloat(f[0], 64)
		u, _ := strconv.ParseFloat(f[1], 64)
		s, _ := strconv.ParseFloat(f[2], 64)
		m, _ := strconv.ParseFloat(f[3], 64)
		wall, cpu, rss = append(wall, e), append(cpu, u+s), append(rss, m/1024)
	}
	budget := float64(10*in)/(1<<20) + 100
	within := "yes"
	if median(rss) > budget {
		within = "NO"
	}
	var shown []string
	for _, a := range args {
		if slices.Contains(drafts, a) {
			a = filepath.Base(a)
		}
		shown = append(shown, a)
	}
	fmt.Printf("| `redline %s` | %.1f | %.2f | %.2f | %.0f | %.0f | %s |\n", strings.Join(shown, " "),
		float64(in)/(1<<20), median(wall), median(cpu), median(rss), budget, within)
	return nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// markdownTrio writes d1.md, d2.md, d3.md (see the package comment), or
// reuses them if they are there.
func markdownTrio(dir string) ([]string, error) {
	names := []string{filepath.Join(dir, "d1.md"), filepath.Join(dir, "d2.md"), filepath.Join(dir, "d3.md")}
	if exist(names) {
		return names, nil
	}
	d := draftgen.Generate(1, 8<<20)
	for k, name := range names {
		if k > 0 {
			d = draftgen.Edit(d, 1+uint64(k), draftgen.SeriesEdits).Draft
		}
		if err := os.WriteFile(name, d.Markdown(), 0o644); err != nil {
			return nil, err
		}
	}
	return names, nil
}

var words = strings.Fields(`States agreed concluded norms law Charter security ICT
healthcare supply chains electoral Internet capacity building dialogue
confidence measures cooperation sovereignty obligations`)

// onewordTrio writes w1.txt, w2.txt, w3.txt (see the package comment), or
// reuses them if they are there.
func onewordTrio(dir string) ([]string, error) {
	names := []string{filepath.Join(dir, "w1.txt"), filepath.Join(dir, "w2.txt"), filepath.Join(dir, "w3.txt")}
	if exist(names) {
		return names, nil
	}
	rng := rand.New(rand.NewPCG(17, 3))
	w := make([]string, 900_000)
	for i := range w {
		w[i] = words[rng.IntN(len(words))]
	}
	for k, name := range names {
		if k > 0 {
			for i := range w {
				if rng.IntN(20) == 0 {
					w[i] = words[rng.IntN(len(words))]
				}
			}
		}
		if err := os.WriteFile(name, []byte(strings.Join(w, "\n\n")+"\n"), 0o644); err != nil {
			return nil, err
		}
	}
	return names, nil
}

func exist(names []string) bool {
	for _, n := range names {
		if _, err := os.Stat(n); err != nil {
			return false
		}
	}
	return true
}
