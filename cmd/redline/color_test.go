package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestColorAuto stands in a terminal for standard output and checks the
// --color auto rule: escape codes on a terminal, none with NO_COLOR set
// or --output given, -f text never coloured.
func TestColorAuto(t *testing.T) {
	prev := isTerminal
	isTerminal = func(io.Writer) bool { return true }
	defer func() { isTerminal = prev }()
	old, new := draftPath("rev1.md"), draftPath("rev2.md")
	tests := []struct {
		noColor string
		args    []string
		want    bool
	}{
		{"", []string{old, new}, true},
		{"", []string{"-f", "ansi", old, new}, true},
		{"", []string{"-f", "text", old, new}, false},
		{"", []string{"--color", "never", old, new}, false},
		{"1", []string{old, new}, false},
		{"1", []string{"-f", "ansi", old, new}, false},
		{"1", []string{"-f", "ansi", "--color", "always", old, new}, true},
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
