//go:build unix

package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzCLI drives the command line itself: the fuzzer's arguments (split
// at spaces) run in a folder of drafts made of its two texts (Markdown,
// text, a folder of each, a link, a Word document), with its first text
// also on standard input. Whatever the arguments: no panic, an exit status
// of 0, 1 or 2, one line on stderr for status 2, and no file written or
// changed but under the value of -o (--output); an input is never changed.
// Arguments holding a slash or "..", which could name a file outside the
// folder, are not run.
func FuzzCLI(f *testing.F) {
	for _, seed := range []string{
		"compare a.md b.md",
		"compare a.md b.md -o out.html",
		"compare -f json a.md b.md",
		"compare --stat old new",
		"compare old new -o pages",
		"compare --follow-symlinks old new -o pages",
		"compare -f docx a.md b.md -o out.docx",
		"compare a.md b.md -o",
		"compare a.md b.md -o a.md",
		"compare - b.md",
		"compare d.docx d.docx",
		"tracked d.docx -f text",
		"history a.md b.md c.txt -o",
		"history a.md b.md c.txt -o out.json -f json",
		"blame -f html a.md b.md link.md",
		"trace --phrase States a.md b.md",
		"trace --phrases a.md a.md b.md -o out.txt",
		"git -- --output=a.md HEAD",
		"git-extdiff -x.md a.md 0 100644 b.md 0 100644",
		"compare --match-threshold NaN a.md b.md",
		"compare old missing",
	} {
		f.Add(seed, "# A\n\n1. States agreed that the law applies.\n", "# A\n\n1. States concluded that the law applies.\n\n2. New.\n")
	}
	f.Add("compare -f text a.md b.md", "1. a\x1b]0;x\x07 \u202eb\n", "1. a \u2067c\r\n")
	docx, err := os.ReadFile("../../testdata/docx/rev1.docx")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, line, textA, textB string) {
		args := strings.Fields(line)
		if len(args) == 0 || len(args) > 16 {
			return
		}
		for _, a := range args {
			if strings.ContainsAny(a, `/\`) || strings.Contains(a, "..") {
				return
			}
		}
		dir := t.TempDir()
		files := map[string]string{"a.md": textA, "b.md": textB, "c.txt": textB,
			"old/x.md": textA, "old/y.txt": textB, "new/x.md": textB, "d.docx": string(docx)}
		for name, text := range files {
			os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		os.Symlink("a.md", filepath.Join(dir, "link.md"))
		before := snapshot(t, dir)
		t.Chdir(dir)
		var stdout, stderr bytes.Buffer
		done := make(chan int)
		go func() { done <- run(append([]string{"redline"}, args...), strings.NewReader(textA), &stdout, &stderr) }()
		var code int
		select {
		case code = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%q runs over 20 s", args)
		}
		if code < 0 || code > 2 {
			t.Errorf("%q: exit status %d", args, code)
		}
		if code == 2 && strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("%q: exit status 2 with stderr %q, want one line", args, stderr.String())
		}
		outputs, inputs := outputArgs(args)
		for name, was := range before {
			if now, ok := readFileState(dir, name); (!ok || now != was) && (!under(name, outputs) || under(name, inputs)) {
				t.Errorf("%q changed %s, an input or not under -o %q", args, name, outputs)
			}
		}
		for name := range snapshot(t, dir) {
			if _, ok := before[name]; !ok && !under(name, outputs) {
				t.Errorf("%q wrote %s, not under -o %q", args, name, outputs)
			}
		}
	})
}

// snapshot returns the content of every file and link under dir, by
// slash-separated path ("->" and the target for a link).
func snapshot(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, name)
		rel = filepath.ToSlash(rel)
		if s, ok := readFileState(dir, rel); ok {
			out[rel] = s
		}
		return nil
	})
	return out
}

// readFileState reads a file of dir (a link as its target), with its mode.
func readFileState(dir, rel string) (string, bool) {
	name := filepath.Join(dir, filepath.FromSlash(rel))
	fi, err := os.Lstat(name)
	if err != nil {
		return "", false
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		target, err := os.Readlink(name)
		return "-> " + target, err == nil
	}
	data, err := os.ReadFile(name)
	return fi.Mode().String() + "\n" + string(data), err == nil
}

// outputArgs returns the values of -o and --output among args (they may
// be written), all that could be read as one, and the other arguments
// (any of them may name an input, never written).
func outputArgs(args []string) (outputs, others []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case !strings.HasPrefix(a, "-") || name != "o" && name != "output":
			others = append(others, a, value)
		case hasValue:
			outputs = append(outputs, value)
		case i+1 < len(args):
			outputs = append(outputs, args[i+1])
			i++
		}
	}
	return outputs, others
}

// under reports whether the slash-separated path name is one of outputs
// or in one of them (a folder).
func under(name string, outputs []string) bool {
	for _, o := range outputs {
		if o == "" {
			continue
		}
		o = strings.TrimPrefix(filepath.ToSlash(filepath.Clean(o)), "./")
		if name == o || strings.HasPrefix(name, o+"/") {
			return true
		}
	}
	return false
}
