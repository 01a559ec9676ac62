package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/redline-diff/redline/draft"
)

// defaultMaxSize is the largest input read unless --max-size says otherwise.
const defaultMaxSize = 64 << 20

// inputError is trouble with an input file; its message names the file.
type inputError struct {
	name string
	msg  string
}

func (e *inputError) Error() string { return e.name + ": " + e.msg }

// readDraft reads the draft name ("-" for stdin) of at most maxSize bytes
// in format f.
func readDraft(name string, stdin io.Reader, maxSize int64, f draft.Format) (*draft.Document, error) {
	data, err := readInput(name, stdin, maxSize)
	if err != nil {
		return nil, err
	}
	spendOnInput(len(data))
	d, err := draft.Read(name, data, f)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// readInput returns the bytes of a file or of standard input, refusing
// directories, special files and anything over maxSize bytes.
func readInput(name string, stdin io.Reader, maxSize int64) ([]byte, error) {
	if name == "-" {
		return readLimited(name, stdin, maxSize, 0)
	}
	fi, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &inputError{name, "no such file"}
	case errors.Is(err, fs.ErrPermission):
		return nil, &inputError{name, "permission denied"}
	case err != nil:
		return nil, &inputError{name, strings.TrimPrefix(err.Error(), "stat "+name+": ")}
	case fi.IsDir():
		return nil, &inputError{name, "is a directory, not a draft"}
	case !fi.Mode().IsRegular() && fi.Mode()&fs.ModeNamedPipe == 0 && fi.Mode()&fs.ModeCharDevice == 0:
		return nil, &inputError{name, "is not a regular file"}
	case fi.Mode().IsRegular() && fi.Size() > maxSize:
		return nil, tooBig(name, maxSize)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, &inputError{name, "cannot open: " + errors.Unwrap(err).Error()}
	}
	defer f.Close()
	return readLimited(name, f, maxSize, fi.Size())
}

// readInTree reads the file rel (slash-separated) of the folder dir,
// called name in messages, through an os.Root: a symbolic link in rel's
// folders or at its end is followed only while it stays inside dir. With
// linkText set, as git sees a working tree, a link at the end is not
// followed at all: its content is its link text.
func readInTree(dir, rel, name string, maxSize int64, linkText bool) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &inputError{name, "cannot open its folder: " + unwrapPath(err).Error()}
	}
	defer root.Close()
	p := filepath.FromSlash(rel)
	fi, err := root.Lstat(p)
	if err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if linkText {
			target, err := root.Readlink(p)
			if err != nil {
				return nil, &inputError{name, unwrapPath(err).Error()}
			}
			return []byte(target), nil
		}
		fi, err = root.Stat(p)
	}
	switch {
	case err != nil && strings.Contains(err.Error(), "escapes"):
		return nil, &inputError{name, outOfTree}
	case err != nil:
		return nil, &inputError{name, unwrapPath(err).Error()}
	case fi.IsDir():
		return nil, &inputError{name, "is a directory, not a draft"}
	case !fi.Mode().IsRegular():
		return nil, &inputError{name, "is not a regular file"}
	case fi.Size() > maxSize:
		return nil, tooBig(name, maxSize)
	}
	f, err := root.Open(p)
	if err != nil {
		return nil, &inputError{name, "cannot open: " + unwrapPath(err).Error()}
	}
	defer f.Close()
	return readLimited(name, f, maxSize, fi.Size())
}

// outOfTree is the reason a file is not read that a symbolic link leads
// out of its folder.
const outOfTree = "a symbolic link out of its folder, not followed"

// readLimited reads r to the end, failing once it passes maxSize bytes.
// sizeHint, the size a regular file had when asked, lets the whole read
// go into one buffer made for it instead of a dozen
// ever larger ones; a file that has grown since is read on into more.
func readLimited(name string, r io.Reader, maxSize, sizeHint int64) ([]byte, error) {
	buf := new(bytes.Buffer)
	if sizeHint > 0 && sizeHint <= maxSize {
		// One byte more than the size, so that a full buffer means the
		// file grew.
		b := make([]byte, int(sizeHint)+1)
		n, err := io.ReadFull(r, b)
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			return b[:n], nil
		case err != nil:
			return nil, &inputError{name, "read error: " + err.Error()}
		}
		buf = bytes.NewBuffer(b) // the file grew: read on after it
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, maxSize+1-int64(buf.Len()))); err != nil {
		return nil, &inputError{name, "read error: " + err.Error()}
	}
	if int64(buf.Len()) > maxSize {
		return nil, tooBig(name, maxSize)
	}
	return buf.Bytes(), nil
}

func tooBig(name string, maxSize int64) error {
	return &inputError{name, fmt.Sprintf("larger than the --max-size limit of %s", formatSize(maxSize))}
}

// parseSize parses a size such as "64MiB", "10MB", "500k" or "1048576".
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10}, {"gb", 1e9}, {"mb", 1e6}, {"kb", 1e3},
		{"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("invalid size %q (want e.g. 64MiB, 500KB or a number of bytes)", s)
	}
	return n * mult, nil
}

// formatSize writes a byte count the way parseSize reads it.
func formatSize(n int64) string {
	switch {
	case n%(1<<30) == 0:
		return fmt.Sprintf("%dGiB", n>>30)
	case n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	case n%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// readDrafts reads the drafts names in parallel, at most one per core,
// format(k) giving the format of the k-th. The documents come back in the
// order of names, and the error is that of the first draft in that order
// that failed, so that the output never depends on scheduling.
func readDrafts(names []string, stdin io.Reader, maxSize int64, format func(k int) draft.Format) ([]*draft.Document, error) {
	docs := make([]*draft.Document, len(names))
	errs := make([]error, len(names))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for k, name := range names {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			docs[k], errs[k] = readDraft(name, stdin, maxSize, format(k))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}
