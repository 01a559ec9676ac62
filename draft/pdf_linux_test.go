package draft

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// TestPDFMemoryLimit: pdftotext runs with its address space limited to
// pdfMemory (seen by a stand-in that reads its own limits once it has
// read the PDF).
func TestPDFMemoryLimit(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	script, limits := filepath.Join(dir, "pdftotext"), filepath.Join(dir, "limits")
	if err := os.WriteFile(script, []byte("#!/bin/sh\ncat >/dev/null\ncat /proc/self/limits > '"+limits+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	old := pdftotextProgram.Load()
	pdftotextProgram.Store(&script)
	defer pdftotextProgram.Store(old)
	Read("a.pdf", onePage(""), Auto)
	data, err := os.ReadFile(limits)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`Max address space +1073741824 +1073741824 +bytes`).Match(data) {
		t.Errorf("limits:\n%s", data)
	}
}
