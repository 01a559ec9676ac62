package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/redline-diff/redline/diff"
	"github.com/redline-diff/redline/draft"
	"github.com/redline-diff/redline/render"
	"github.com/urfave/cli/v2"
)

// A folder comparison (compare OLD_DIR NEW_DIR) and a git comparison
// (redline git) are both a list of filePairs, compared in parallel by
// compareFiles and written by writeFolder or writeStream.

// source is one side of a filePair: a draft's display name and how to read
// its bytes. A zero source is a file that is not there.
type source struct {
	name string
	read func() ([]byte, error)
}

// filePair is one file of a folder or git comparison.
type filePair struct {
	path     string // as listed, slash-separated
	out      string // slash-separated path of its redline under OUT_DIR/files
	old, new source
	skip     string // a reason to skip it without reading, or ""
}

// absent is the name of a side that does not exist, as in git.
const absent = "/dev/null"

// compared is the outcome of comparing one filePair.
type compared struct {
	file   render.FolderFile
	result *diff.Result // nil when skipped
}

// compareFiles compares the pairs on all cores and calls each (if not nil)
// with every comparison, from the worker that made it; it returns the
// listing in the pairs' order, whatever the number of cores. The error is
// that of the first pair (in order) whose comparison or each failed.
func compareFiles(pairs []filePair, o *compareOptions, each func(i int, c *compared) error) ([]render.FolderFile, error) {
	files := make([]render.FolderFile, len(pairs))
	errs := make([]error, len(pairs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pairs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(pairs); i = int(next.Add(1) - 1) {
				c, err := compareFile(&pairs[i], o)
				if err == nil && each != nil {
					err = each(i, c)
				}
				if c != nil {
					files[i] = c.file
				}
				errs[i] = err
			}
		})
	}
	wg.Wait()
	return files, firstError(errs)
}

// firstError returns the first non-nil error of errs, or nil.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// compareFile reads and compares one pair. A side that cannot be read as a
// draft (binary, too big, unreadable) makes the pair skipped, with the
// reason; other failures (git failing) are errors.
func compareFile(p *filePair, o *compareOptions) (*compared, error) {
	c := &compared{file: render.FolderFile{Path: p.path}}
	if p.skip != "" {
		c.skipped(p, p.skip)
		return c, nil
	}
	old, reason, err := readSource(p.old, p.new.name, o)
	if err == nil && reason == "" {
		var new *draft.Document
		new, reason, err = readSource(p.new, p.old.name, o)
		if err == nil && reason == "" {
			return c, c.compare(old, new, o)
		}
	}
	if err != nil {
		return nil, err
	}
	c.skipped(p, reason)
	return c, nil
}

// skipped marks c skipped for reason.
func (c *compared) skipped(p *filePair, reason string) {
	c.file.Status, c.file.Reason = render.FileSkipped, reason
	switch {
	case p.old.read == nil:
		c.file.In = "new"
	case p.new.read == nil:
		c.file.In = "old"
	default:
		c.file.In = "both"
	}
}

// compare compares two read drafts; an empty one stands for a side that
// is not there.
func (c *compared) compare(old, new *draft.Document, o *compareOptions) error {
	r, err := diff.Compare(old, new, o.diff)
	if err != nil {
		return fmt.Errorf("%s, %s: %v", old.Name, new.Name, err)
	}
	c.result, c.file.Stats = r, r.Stats()
	switch {
	case len(old.Blocks) == 0 && old.Name == absent:
		c.file.Status = render.FileAdded
	case len(new.Blocks) == 0 && new.Name == absent:
		c.file.Status = render.FileRemoved
	case r.Differs(o.ignoreNumbering):
		c.file.Status = render.FileChanged
	default:
		c.file.Status = render.FileUnchanged
	}
	return nil
}

// readSource reads one side of a pair as a draft: an empty draft for an
// absent side; a reason to skip the pair when it is not a draft.
func readSource(s source, other string, o *compareOptions) (*draft.Document, string, error) {
	if s.read == nil {
		d, err := draft.Read(absent, nil, draft.Text)
		return d, "", err
	}
	data, err := s.read()
	if err != nil {
		if reason, ok := skipReason(err); ok {
			return nil, reason, nil
		}
		return nil, "", err
	}
	d, err := draft.Read(s.name, data, formatFor(s.name, other, o.from))
	if err != nil {
		reason, _ := skipReason(err)
		return nil, reason, nil
	}
	return d, "", nil
}

// skipReason returns why a file is not a draft, for errors that say so:
// an input problem (too big, unreadable) or a reader's refusal (binary).
func skipReason(err error) (string, bool) {
	var ie *inputError
	var de *draft.Error
	switch {
	case errors.As(err, &ie):
		return ie.msg, true
	case errors.Is(err, draft.ErrBinary):
		return "binary file", true
	case errors.As(err, &de):
		return err.Error(), true
	}
	return "", false
}

// folderAction compares two folders: the listing to standard output, or
// an index and one redline per differing file in o.output.
func folderAction(c *cli.Context, o *compareOptions, oldDir, newDir string) error {
	if err := o.folderFormat(); err != nil {
		return err
	}
	pairs, err := folderPairs(oldDir, newDir, o)
	if err != nil {
		return err
	}
	folder := &render.Folder{Old: oldDir, New: newDir}
	if o.output == "" || o.output == "-" {
		folder.Files, err = compareFiles(pairs, o, nil)
		if err != nil {
			return err
		}
		return finishListing(c, o, folder)
	}
	return writeFolder(c, o, folder, pairs)
}

// folderFormat checks and sets the format of a folder comparison: html
// needs an output folder (it is its default), and the listing on standard
// output is text (ansi too) or json.
func (o *compareOptions) folderFormat() error {
	toStdout := o.output == "" || o.output == "-"
	switch {
	case !o.formatSet && !toStdout:
		o.format = "html"
	case !o.formatSet || o.format == "ansi":
		o.format = "text"
	case toStdout && o.format != "text" && o.format != "json":
		return fmt.Errorf("--format %s: the listing of two folders is text or json; for %s redlines give an output folder, -o OUT_DIR", o.format, o.format)
	}
	return nil
}

// finishListing writes the listing of a folder comparison to standard
// output as o asks and returns the exit status.
func finishListing(c *cli.Context, o *compareOptions, folder *render.Folder) error {
	if !o.quiet {
		write := func(w io.Writer) error { return writeListing(w, o, folder) }
		if err := writeOutput("", nil, c.App.Writer, write); err != nil {
			return err
		}
	}
	return folderStatus(folder)
}

// writeListing writes the listing: --stat, json or text.
func writeListing(w io.Writer, o *compareOptions, folder *render.Folder) error {
	switch {
	case o.stat:
		return render.Stat(w, statFiles(folder))
	case o.format == "json":
		return render.IndexJSON(w, folder)
	}
	return render.IndexText(w, folder)
}

// folderStatus is the exit status of a folder comparison.
func folderStatus(folder *render.Folder) error {
	if folder.Differs() {
		return status(exitDiffer)
	}
	return status(exitSame)
}

// statFiles turns a listing into the files of render.Stat.
func statFiles(folder *render.Folder) []render.StatFile {
	out := make([]render.StatFile, len(folder.Files))
	for i, f := range folder.Files {
		differs := f.Status == render.FileAdded || f.Status == render.FileRemoved || f.Status == render.FileChanged
		out[i] = render.StatFile{Name: f.Path, Stats: f.Stats, Differs: differs, Skipped: f.Reason}
	}
	return out
}

// pageExt is the extension of the redline pages and index of a format.
var pageExt = map[string]string{"html": ".html", "json": ".json", "markdown": ".md", "text": ".txt", "docx": ".docx"}

// writeFolder compares the pairs, writing the redline of each file that
// differs to OUT_DIR/files/PATH.EXT as it goes, then the index
// OUT_DIR/index.EXT; --stat also goes to standard output.
func writeFolder(c *cli.Context, o *compareOptions, folder *render.Folder, pairs []filePair) error {
	outDir := o.output
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return &inputError{outDir, "cannot create the output folder: " + unwrapPath(err).Error()}
	}
	ext := pageExt[o.format]
	page := func(i int, cmp *compared) error {
		if cmp.result == nil || cmp.file.Status == render.FileUnchanged {
			return nil
		}
		rel := path.Join("files", pairs[i].out) + ext
		cmp.file.Redline = rel
		write := o.formatter()
		if o.format == "docx" {
			write = o.word.docxRenderer("")
		}
		return writePage(filepath.Join(outDir, filepath.FromSlash(rel)), write, cmp.result)
	}
	var err error
	if folder.Files, err = compareFiles(pairs, o, page); err != nil {
		return err
	}
	index := map[string]func(io.Writer, *render.Folder) error{"html": render.IndexHTML, "json": render.IndexJSON}[o.format]
	if index == nil {
		index = render.IndexText
	}
	if o.format == "docx" {
		ext = ".txt" // Word redlines, a text index
	}
	err = writeAtomic(filepath.Join(outDir, "index"+ext), func(w io.Writer) error { return index(w, folder) })
	if err != nil {
		return err
	}
	if o.stat {
		if err := writeOutput("", nil, c.App.Writer, func(w io.Writer) error { return render.Stat(w, statFiles(folder)) }); err != nil {
			return err
		}
	}
	return folderStatus(folder)
}

// writePage writes one redline atomically, creating its folder.
func writePage(name string, write func(io.Writer, *diff.Result) error, r *diff.Result) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return &inputError{name, "cannot create its folder: " + unwrapPath(err).Error()}
	}
	var buf bytes.Buffer
	if err := write(&buf, r); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return writeAtomic(name, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
}

// folderPairs pairs the files of two folders by relative path, sorted by
// path. Folders named .git and the output folder are left out.
func folderPairs(oldDir, newDir string, o *compareOptions) ([]filePair, error) {
	if err := refuseOutputDir(o.output, oldDir, newDir); err != nil {
		return nil, err
	}
	oldFiles, err := listFolder(oldDir, o.output, o.followLinks)
	if err != nil {
		return nil, err
	}
	newFiles, err := listFolder(newDir, o.output, o.followLinks)
	if err != nil {
		return nil, err
	}
	var paths []string
	for p := range oldFiles {
		paths = append(paths, p)
	}
	for p := range newFiles {
		if _, ok := oldFiles[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	pairs := make([]filePair, len(paths))
	for i, p := range paths {
		pairs[i] = folderPair(p, oldDir, newDir, oldFiles, newFiles, o)
	}
	return pairs, nil
}

// folderPair makes the pair of path p; a side's listed reason (not a
// regular file, unreadable folder, a link out of its folder) skips it.
func folderPair(p, oldDir, newDir string, oldFiles, newFiles map[string]string, o *compareOptions) filePair {
	pair := filePair{path: p, out: p}
	side := func(dir string, files map[string]string) source {
		reason, ok := files[p]
		if !ok {
			return source{name: absent}
		}
		if reason != "" && pair.skip == "" {
			pair.skip = reason
		}
		name := filepath.Join(dir, filepath.FromSlash(p))
		if o.followLinks {
			return source{name: name, read: func() ([]byte, error) { return readInput(name, nil, o.maxSize) }}
		}
		return source{name: name, read: func() ([]byte, error) { return readInTree(dir, p, name, o.maxSize, false) }}
	}
	pair.old = side(oldDir, oldFiles)
	pair.new = side(newDir, newFiles)
	return pair
}

// refuseOutputDir fails if the output folder is one of the input folders.
func refuseOutputDir(out string, dirs ...string) error {
	fo, err := os.Stat(out)
	if out == "" || err != nil {
		return nil
	}
	for _, d := range dirs {
		if fi, err := os.Stat(d); err == nil && os.SameFile(fi, fo) {
			return &inputError{out, "is an input folder; refusing to write into it"}
		}
	}
	return nil
}

// listFolder returns the files under root by slash-separated relative
// path, each with "" or the reason it cannot be a draft: not a regular
// file, or in a folder that cannot be read. Symbolic links are followed
// to files, but only inside root unless follow is set. Folders named .git
// and the folder skipDir are left out.
func listFolder(root, skipDir string, follow bool) (map[string]string, error) {
	skipInfo, _ := os.Stat(skipDir)
	tree, err := os.OpenRoot(root)
	if err != nil {
		return nil, &inputError{root, unwrapPath(err).Error()}
	}
	defer tree.Close()
	stat := func(name, rel string) (os.FileInfo, error) {
		if follow {
			return os.Stat(name)
		}
		return tree.Stat(filepath.FromSlash(rel))
	}
	files := make(map[string]string)
	err = filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, name)
		rel = filepath.ToSlash(rel)
		switch {
		case err != nil && name == root:
			return &inputError{root, unwrapPath(err).Error()}
		case err != nil:
			files[rel] = "cannot read: " + unwrapPath(err).Error()
			return nil
		case d.IsDir() && name != root && (d.Name() == ".git" || sameFile(name, skipInfo)):
			return filepath.SkipDir
		case !d.IsDir():
			files[rel] = fileProblem(stat(name, rel))
		}
		return nil
	})
	return files, err
}

// sameFile reports whether name is the file described by fi.
func sameFile(name string, fi os.FileInfo) bool {
	other, err := os.Stat(name)
	return fi != nil && err == nil && os.SameFile(fi, other)
}

// fileProblem returns why a file cannot be a draft without reading it,
// or "", from what stat said of it.
func fileProblem(fi os.FileInfo, err error) string {
	switch {
	case err != nil && strings.Contains(err.Error(), "escapes"):
		return outOfTree
	case err != nil:
		return "cannot read: " + unwrapPath(err).Error()
	case fi.IsDir():
		return "a link to a folder"
	case !fi.Mode().IsRegular():
		return "not a regular file"
	}
	return ""
}
