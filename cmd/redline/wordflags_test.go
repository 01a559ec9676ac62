package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// wordPart returns part name of the Word document file.
func wordPart(t *testing.T, file, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
	}
	t.Fatalf("%s: no part %s", file, name)
	return ""
}

// TestWordAuthorDate holds a Word redline's tracked changes to --author
// and --date, the date by default to the new draft's modification time,
// none with --date none, and two runs to the same bytes.
func TestWordAuthorDate(t *testing.T) {
	dir := t.TempDir()
	old, new := filepath.Join(dir, "old.md"), filepath.Join(dir, "new.md")
	if err := os.WriteFile(old, []byte("1. States agreed.\n\n2. Law applies.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(new, []byte("1. States concluded.\n\n2. Law applies.\n\n3. A third.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2025, 11, 2, 10, 4, 5, 0, time.UTC)
	if err := os.Chtimes(new, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	changeAttrs := regexp.MustCompile(`<w:(?:ins|del) [^>]*>`)
	for _, tc := range []struct {
		name  string
		flags []string
		want  string // the attributes after the id
	}{
		{"defaults", nil, ` w:author="redline" w:date="2025-11-02T10:04:05Z"`},
		{"given", []string{"--author", "Delegation of X", "--date", "2026-03-14T09:30:00+01:00"}, ` w:author="Delegation of X" w:date="2026-03-14T08:30:00Z"`},
		{"none", []string{"--date", "none"}, ` w:author="redline"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var outs []string
			for k := range 2 {
				out := filepath.Join(dir, tc.name+strings.Repeat("x", k)+".docx")
				args := append([]string{"redline", "compare", old, new, "-o", out}, tc.flags...)
				var stderr bytes.Buffer
				if got := run(args, nil, io.Discard, &stderr); got != 1 {
					t.Fatalf("exit status %d, want 1: %s", got, stderr.String())
				}
				outs = append(outs, out)
			}
			a, err := os.ReadFile(outs[0])
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(outs[1])
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Fatal("two runs differ")
			}
			doc := wordPart(t, outs[0], "word/document.xml")
			changes := changeAttrs.FindAllString(doc, -1)
			if len(changes) < 3 {
				t.Fatalf("%d changes", len(changes))
			}
			for _, c := range changes {
				if i := strings.Index(c, `" w:author`); i < 0 || c[i+1:len(c)-1] != tc.want {
					t.Errorf("change %s, want attributes%s", c, tc.want)
				}
			}
			if core := wordPart(t, outs[0], "docProps/core.xml"); !strings.Contains(core, "<dc:title>Redline: old.md → new.md</dc:title>") {
				t.Errorf("core properties without the title:\n%s", core)
			}
			if strings.Contains(doc, "old.md") {
				t.Error("the title is in the body")
			}
		})
	}
	var stderr bytes.Buffer
	if got := run([]string{"redline", "compare", old, new, "-o", filepath.Join(dir, "bad.docx"), "--date", "yesterday"}, nil, io.Discard, &stderr); got != 2 ||
		!strings.Contains(stderr.String(), `--date: "yesterday" is not a date`) {
		t.Errorf("--date yesterday: status %d, %s", got, stderr.String())
	}
}
