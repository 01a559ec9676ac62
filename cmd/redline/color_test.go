package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// colorEnv lists the environment variables of the --color auto rule.
var colorEnv = []string{"NO_COLOR", "CLICOLOR_FORCE", "FORCE_COLOR", "TERM", "GIT_PAGER_IN_USE", "PAGER", "REDLINE_PAGER"}

// clearColorEnv unsets the environment variables of the --color auto rule
// for the test (a CI machine may set FORCE_COLOR).
func clearColorEnv(t *testing.T) {
	for _, k := range colorEnv {
		t.Setenv(k, "") // restored after the test
		os.Unsetenv(k)
	}
}

// TestColorAuto stands in a terminal for standard output and checks the
// --color auto rule: escape codes on a terminal, none with NO_COLOR set
// or --output given, -f text never coloured.
func TestColorAuto(t *testing.T) {
	clearColorEnv(t)
	prev := isTerminal
	isTerminal = func(io.Writer) bool { return true }
	defer func() { isTerminal = prev }()
	old, new := draftPath("rev1.md"), draftPath("rev2.md")
	tests := []struct {
		noColor string
		args    []string
		want    bool
	}{
		{"", []string{"--no-pager", old, new}, true},
		{"", []string{"--no-pager", "-f", "ansi", old, new}, true},
		{"", []string{"--no-pager", "-f", "text", old, new}, false},
		{"", []string{"--no-pager", "--color", "never", old, new}, false},
		{"1", []string{"--no-pager", old, new}, false},
		{"1", []string{"--no-pager", "-f", "ansi", old, new}, false},
		{"1", []string{"--no-pager", "-f", "ansi", "--color", "always", old, new}, true},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"redline", "compare"}, tt.args...), strings.NewReader(""), &stdout, &stderr)
		if code != exitDiffer {
			t.Fatalf("NO_COLOR=%q %v: exit status %d: %s", tt.noColor, tt.args, code, stderr.String())
		}
		if got := strings.Contains(stdout.String(), "\x1b["); got != tt.want {
			t.Errorf("NO_COLOR=%q %v: escape codes %v, want %v", tt.noColor, tt.args, got, tt.want)
		}
	}
}

// TestColorEnv checks the environment variables of the --color auto rule,
// on a terminal and not: git's pager (GIT_PAGER_IN_USE), TERM=dumb,
// CLICOLOR_FORCE, FORCE_COLOR and NO_COLOR, as git, ripgrep and the
// conventions of no-color.org and bixense.com/clicolors have them.
func TestColorEnv(t *testing.T) {
	old, err := filepath.Abs(draftPath("rev1.md"))
	if err != nil {
		t.Fatal(err)
	}
	new, err := filepath.Abs(draftPath("rev2.md"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		env      map[string]string
		terminal bool
		args     []string
		want     bool
	}{
		{nil, false, nil, false},
		{nil, true, nil, true},
		{map[string]string{"GIT_PAGER_IN_USE": "true"}, false, nil, true},
		{map[string]string{"GIT_PAGER_IN_USE": "1"}, false, nil, true},
		{map[string]string{"GIT_PAGER_IN_USE": "false"}, false, nil, false},
		{map[string]string{"GIT_PAGER_IN_USE": "true", "TERM": "dumb"}, false, nil, false},
		{map[string]string{"GIT_PAGER_IN_USE": "true", "NO_COLOR": "1"}, false, nil, false},
		{map[string]string{"TERM": "dumb"}, true, nil, false},
		{map[string]string{"TERM": "dumb"}, true, []string{"--color", "always"}, true},
		{map[string]string{"TERM": "xterm-256color"}, true, nil, true},
		{map[string]string{"CLICOLOR_FORCE": "1"}, false, nil, true},
		{map[string]string{"CLICOLOR_FORCE": "0"}, false, nil, false},
		{map[string]string{"CLICOLOR_FORCE": "1", "TERM": "dumb"}, false, nil, true},
		{map[string]string{"CLICOLOR_FORCE": "1", "NO_COLOR": "1"}, false, nil, false},
		{map[string]string{"CLICOLOR_FORCE": "1"}, false, []string{"--color", "never"}, false},
		{map[string]string{"CLICOLOR_FORCE": "1"}, false, []string{"-f", "text"}, false},
		{map[string]string{"CLICOLOR_FORCE": "1"}, false, []string{"-o", "out.txt"}, false},
		{map[string]string{"FORCE_COLOR": "1"}, false, nil, true},
		{map[string]string{"FORCE_COLOR": ""}, false, nil, false},
		{map[string]string{"FORCE_COLOR": "0"}, true, nil, false},
		{map[string]string{"FORCE_COLOR": "false"}, true, nil, false},
	}
	for _, tt := range tests {
		clearColorEnv(t)
		t.Chdir(t.TempDir())
		for k, v := range tt.env {
			t.Setenv(k, v)
		}
		prev := isTerminal
		isTerminal = func(io.Writer) bool { return tt.terminal }
		var stdout, stderr bytes.Buffer
		args := append([]string{"redline", "compare", "--no-pager"}, tt.args...)
		code := run(append(args, old, new), strings.NewReader(""), &stdout, &stderr)
		isTerminal = prev
		if code != exitDiffer {
			t.Fatalf("%v %v: exit status %d: %s", tt.env, tt.args, code, stderr.String())
		}
		out := stdout.String()
		if slices.Contains(tt.args, "-o") {
			b, err := os.ReadFile("out.txt")
			if err != nil {
				t.Fatal(err)
			}
			out = string(b)
		}
		if got := strings.Contains(out, "\x1b["); got != tt.want {
			t.Errorf("%v terminal=%v %v: escape codes %v, want %v", tt.env, tt.terminal, tt.args, got, tt.want)
		}
	}
}
