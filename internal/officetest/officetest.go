// Package officetest opens Word documents in LibreOffice (headless, through
// its Python bridge) for tests: whether it opens them, what it finds in
// them (tables, notes, images, tracked changes), and the documents with
// every tracked change accepted or rejected, and a PDF. One LibreOffice
// is started for a whole batch of jobs.
//
// It needs soffice (Debian: libreoffice-writer-nogui) and the Python
// bridge (python3-uno) for /usr/bin/python3 or python3; Available says
// what is missing.
package officetest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

//go:embed office.py
var script []byte

// Job is one document to open, and what to write of it: each path, if
// set, is written.
type Job struct {
	In     string `json:"in"`
	Accept string `json:"accept,omitempty"` // every change accepted, as Word
	Reject string `json:"reject,omitempty"` // every change rejected, as Word
	PDF    string `json:"pdf,omitempty"`    // as printed, changes shown
}

// Counts are what LibreOffice finds in a document.
type Counts struct {
	Tables    int `json:"tables"`
	Footnotes int `json:"footnotes"`
	Endnotes  int `json:"endnotes"`
	Images    int `json:"images"`
	Changes   int `json:"changes"` // tracked changes
}

// Result is what came of a job: the counts of the document as opened,
// the authors and dates (YYYY-MM-DDThh:mm:ss, as LibreOffice holds them)
// of its tracked changes, the counts after accepting and rejecting, and
// an error if LibreOffice could not open it or do the job.
type Result struct {
	In string `json:"in"`
	Counts
	Authors []string `json:"authors"`
	Dates   []string `json:"dates"`
	Accept  *Counts  `json:"accept"`
	Reject  *Counts  `json:"reject"`
	Error   string   `json:"error"`
}

// python returns the Python that can import uno, or an error saying what
// is missing.
func python() (string, error) {
	if _, err := exec.LookPath("soffice"); err != nil {
		return "", errors.New("soffice is not installed (Debian: apt-get install libreoffice-writer-nogui python3-uno)")
	}
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(p)
		if err != nil {
			continue
		}
		if exec.Command(path, "-c", "import uno").Run() == nil {
			return path, nil
		}
	}
	return "", errors.New("no python3 with LibreOffice's bridge, uno (Debian: apt-get install python3-uno)")
}

// Available returns nil if LibreOffice and its Python bridge are
// installed, else an error saying what is missing.
func Available() error {
	_, err := python()
	return err
}

// Run does the jobs in one LibreOffice, within timeout, and returns their
// results in order.
func Run(jobs []Job, timeout time.Duration) ([]Result, error) {
	py, err := python()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "officetest")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	scriptPath := filepath.Join(dir, "office.py")
	if err := os.WriteFile(scriptPath, script, 0o600); err != nil {
		return nil, err
	}
	in, err := json.Marshal(jobs)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(py, scriptPath)
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(timeout):
		cmd.Process.Kill()
		<-done
		return nil, fmt.Errorf("LibreOffice took more than %v", timeout)
	}
	if err != nil {
		return nil, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	var results []Result
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		return nil, fmt.Errorf("the results: %v (%s)", err, strings.TrimSpace(stderr.String()))
	}
	if len(results) != len(jobs) {
		return nil, fmt.Errorf("%d results for %d jobs", len(results), len(jobs))
	}
	return results, nil
}
