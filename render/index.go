package render

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/internal/visible"
)

// FileStatus is what became of a file between two folders.
type FileStatus string

// The file statuses. Their values are the JSON names.
const (
	FileAdded     FileStatus = "added"     // only in the new folder
	FileRemoved   FileStatus = "removed"   // only in the old folder
	FileChanged   FileStatus = "changed"   // in both, drafts differ
	FileUnchanged FileStatus = "unchanged" // in both, drafts the same
	FileSkipped   FileStatus = "skipped"   // not a draft: not compared
)

// FolderFile is one file of a Folder.
type FolderFile struct {
	// Path is the file's slash-separated path relative to both folders.
	Path   string
	Status FileStatus
	// In says, for a skipped file, which folders hold it: "old", "new"
	// or "both".
	In string
	// Reason says why a file was skipped, e.g. "binary file".
	Reason string
	// Stats are the counts of the file's comparison; an added file is
	// compared with an empty draft, a removed one with an empty draft too.
	Stats diff.Stats
	// Redline is the slash-separated path of the file's redline relative
	// to the index, or "" when none was written.
	Redline string
}

// Folder is the comparison of two folders: their names and their files,
// in the order to list them.
type Folder struct {
	Old, New string
	Files    []FolderFile
}

// FolderCounts counts a Folder's files by status.
type FolderCounts struct {
	Added     int `json:"added"`
	Removed   int `json:"removed"`
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
	Skipped   int `json:"skipped"`
}

// Counts counts f's files by status.
func (f *Folder) Counts() FolderCounts {
	var c FolderCounts
	for _, file := range f.Files {
		switch file.Status {
		case FileAdded:
			c.Added++
		case FileRemoved:
			c.Removed++
		case FileChanged:
			c.Changed++
		case FileUnchanged:
			c.Unchanged++
		case FileSkipped:
			c.Skipped++
		}
	}
	return c
}

// Differs reports whether the folders differ: a file added, removed or
// changed, or a skipped file that only one folder holds.
func (f *Folder) Differs() bool {
	for _, file := range f.Files {
		switch {
		case file.Status == FileAdded, file.Status == FileRemoved, file.Status == FileChanged:
			return true
		case file.Status == FileSkipped && file.In != "both":
			return true
		}
	}
	return false
}

// IndexText writes the listing of a folder comparison as text: "--- OLD"
// and "+++ NEW", one line per file with its status, path and, for a
// compared file that differs, its counts as in Stat ("19 changed, 8
// inserted, 9 deleted, 8 moved | +380 -290"), for a skipped file the
// reason; then a line of counts, "5 files: 1 added, 1 removed, 1 changed,
// 1 unchanged, 1 skipped".
func IndexText(w io.Writer, f *Folder) error {
	vw := visible.NewWriter(w)
	bw := bufio.NewWriter(vw)
	bw.WriteString("--- " + fileName(f.Old) + "\n+++ " + fileName(f.New) + "\n")
	width := 0
	for _, file := range f.Files {
		width = max(width, len([]rune(fileName(file.Path))))
	}
	for _, file := range f.Files {
		bw.WriteString(statPad(string(file.Status), len("unchanged")) + "  ")
		if d := fileDetail(file); d != "" {
			bw.WriteString(statPad(fileName(file.Path), width) + "  " + d)
		} else {
			bw.WriteString(fileName(file.Path))
		}
		bw.WriteByte('\n')
	}
	bw.WriteString(countsLine(len(f.Files), f.Counts()) + "\n")
	return flushVisible(bw, vw)
}

// fileDetail is what the listing says about a file beside its path.
func fileDetail(file FolderFile) string {
	switch file.Status {
	case FileSkipped:
		return "(" + file.Reason + "; in " + file.In + ")"
	case FileUnchanged:
		return ""
	}
	return statParagraphs(file.Stats) + " | " + statWords(file.Stats)
}

// countsLine is "5 files: 1 added, 1 removed, 1 changed, 1 unchanged, 1
// skipped".
func countsLine(n int, c FolderCounts) string {
	return fmt.Sprintf("%s: %d added, %d removed, %d changed, %d unchanged, %d skipped",
		statPlural(n, "file"), c.Added, c.Removed, c.Changed, c.Unchanged, c.Skipped)
}

// IndexJSON writes the listing of a folder comparison as JSON:
//
//	{"schema": 1, "old": "OLD", "new": "NEW",
//	 "counts": {"added": 1, "removed": 1, "changed": 1, "unchanged": 1, "skipped": 1},
//	 "files": [{"path": "a.md", "status": "changed", "stats": {…}, "redline": "files/a.md.html"},
//	           {"path": "logo.png", "status": "skipped", "in": "both", "reason": "binary file"}]}
//
// "stats" (as in schema 1 of a comparison) is present for added, removed
// and changed files, "redline" when a redline was written, "in" and
// "reason" for skipped files; "path_escaped" and "redline_escaped" (and
// "old_escaped", "new_escaped" for the folders) when a path is not UTF-8
// (see jsonFolderFile).
func IndexJSON(w io.Writer, f *Folder) error {
	out := jsonFolder{Schema: 1, Old: f.Old, OldEscaped: escapedBytes(f.Old), New: f.New, NewEscaped: escapedBytes(f.New),
		Counts: f.Counts(), Files: []jsonFolderFile{}}
	for _, file := range f.Files {
		out.Files = append(out.Files, newJSONFolderFile(file))
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	return bw.Flush()
}

// jsonFolder is the top level of a folder listing.
type jsonFolder struct {
	Schema     int              `json:"schema"`
	Old        string           `json:"old"`
	OldEscaped string           `json:"old_escaped,omitempty"`
	New        string           `json:"new"`
	NewEscaped string           `json:"new_escaped,omitempty"`
	Counts     FolderCounts     `json:"counts"`
	Files      []jsonFolderFile `json:"files"`
}

// jsonFolderFile is one file of a folder listing. A path (or redline
// path) that is not UTF-8, which JSON cannot hold, is also given escaped,
// its bytes as a Go string literal's content ("caf\xe9.md"), so that the
// file can be found: in JSON the bytes read as U+FFFD.
type jsonFolderFile struct {
	Path           string     `json:"path"`
	PathEscaped    string     `json:"path_escaped,omitempty"`
	Status         FileStatus `json:"status"`
	In             string     `json:"in,omitempty"`
	Reason         string     `json:"reason,omitempty"`
	Stats          *jsonStats `json:"stats,omitempty"`
	Redline        string     `json:"redline,omitempty"`
	RedlineEscaped string     `json:"redline_escaped,omitempty"`
}

// escapedBytes returns s as a Go string literal's content when s is not
// UTF-8, or "".
func escapedBytes(s string) string {
	if utf8.ValidString(s) {
		return ""
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

func newJSONFolderFile(file FolderFile) jsonFolderFile {
	out := jsonFolderFile{Path: file.Path, Status: file.Status, In: file.In, Reason: file.Reason, Redline: file.Redline,
		PathEscaped: escapedBytes(file.Path), RedlineEscaped: escapedBytes(file.Redline)}
	if file.Status == FileAdded || file.Status == FileRemoved || file.Status == FileChanged {
		s := newJSONStats(file.Stats)
		out.Stats = &s
	}
	return out
}

// IndexHTML writes the index page of a folder comparison: one
// self-contained page (no script, nothing fetched) with the counts of
// files by status and a table of the files, each with its status, its
// counts and, where a redline was written, a link to it.
func IndexHTML(w io.Writer, f *Folder) error {
	bw := bufio.NewWriter(w)
	if err := indexTemplate().Execute(bw, newIndexPage(f)); err != nil {
		return err
	}
	return bw.Flush()
}

// indexPage is the data of indexTemplate.
type indexPage struct {
	Old, New string
	Summary  string
	Rows     []indexRow
}

type indexRow struct {
	Status, Path, Detail string
	Href                 string
}

func newIndexPage(f *Folder) *indexPage {
	p := &indexPage{Old: f.Old, New: f.New, Summary: countsLine(len(f.Files), f.Counts())}
	for _, file := range f.Files {
		p.Rows = append(p.Rows, indexRow{Status: string(file.Status), Path: file.Path, Detail: fileDetail(file), Href: hrefOf(file.Redline)})
	}
	return p
}

// hrefOf escapes each segment of a slash-separated relative path for a
// link, so that "#", "?" and ":" in file names stay part of the name.
func hrefOf(path string) string {
	if path == "" {
		return ""
	}
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = escapeSegment(p)
	}
	return "./" + strings.Join(parts, "/")
}

// escapeSegment percent-encodes a path segment but for unreserved bytes.
func escapeSegment(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
	}
	return b.String()
}

var indexTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="redline">
<title>Redline: {{.Old}} → {{.New}}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
.added{color:#05591e}.removed{color:#8b0000}.changed{color:#5a3d00}.skipped,.unchanged{color:#555}
td.path{font-family:ui-monospace,monospace;word-break:break-all}
p,td,th,a,code{unicode-bidi:isolate}
</style>
</head>
<body>
<header>
<h1>Redline of a folder</h1>
<p>Old: <code>{{.Old}}</code><br>New: <code>{{.New}}</code></p>
<p id="summary">{{.Summary}}</p>
</header>
<main>
<table>
<thead><tr><th scope="col">Status</th><th scope="col">File</th><th scope="col">Changes</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr class="{{.Status}}"><td>{{.Status}}</td><td class="path">{{if .Href}}<a href="{{.Href}}">{{.Path}}</a>{{else}}{{.Path}}{{end}}</td><td>{{.Detail}}</td></tr>
{{- end}}
</tbody>
</table>
</main>
</body>
</html>
`))
})
