package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary double as the redline command in scripts.
func TestMain(m *testing.M) {
	if os.Getenv("REDLINE_TEST_AS_COMMAND") == "1" {
		// The test binary run as redline by a test (on a pseudo-terminal).
		exitOnSignal()
		os.Exit(run(append([]string{"redline"}, os.Args[1:]...), os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"redline": func() {
			setTestUmask()
			exitOnSignal()
			os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the end-to-end scripts in testdata/script. $DRAFTS,
// $TEXTS and $DOCX name the shipped drafts' folders, $TESTDATA the folder
// of all test material.
func TestScripts(t *testing.T) {
	drafts, err := filepath.Abs("../../testdata/drafts")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("DRAFTS", drafts)
			env.Setenv("TEXTS", filepath.Join(filepath.Dir(drafts), "text"))
			env.Setenv("DOCX", filepath.Join(filepath.Dir(drafts), "docx"))
			env.Setenv("TESTDATA", filepath.Dir(drafts))
			return nil
		},
		UpdateScripts: os.Getenv("TESTSCRIPT_UPDATE") != "",
		Cmds:          map[string]func(*testscript.TestScript, bool, []string){"exits": exits, "utf16": toUTF16},
	})
}

// exits runs a command and checks its exit status: "exits 2 redline …".
// Its output can be checked afterwards like that of exec.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits STATUS COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// toUTF16 writes a file of the script's folder in UTF-16: "utf16 le|be|le-nobom
// IN OUT" (with a byte-order mark unless nobom), as Word's "Unicode text".
func toUTF16(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: utf16 le|be|le-nobom IN OUT")
	}
	units := utf16.Encode([]rune(ts.ReadFile(args[1])))
	var out []byte
	switch args[0] {
	case "le":
		out = []byte{0xFF, 0xFE}
	case "be":
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range units {
		if args[0] == "be" {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
}
