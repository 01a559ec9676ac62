package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary double as the redline command in scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"redline": func() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script. $DRAFTS and
// $TEXTS name the shipped drafts' folders.
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
			return nil
		},
		UpdateScripts: os.Getenv("TESTSCRIPT_UPDATE") != "",
	})
}
