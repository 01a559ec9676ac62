package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeOutput calls write with a writer to path, or to stdout when path is
// empty or "-". A file is written atomically: to a temporary file in the
// same folder, renamed over path only when everything was written, so an
// interrupted run leaves any earlier file intact. A symbolic link is
// followed, so that the file it names is replaced and the link stays. Any
// other existing path that is not a regular file (/dev/null, a named
// pipe, /dev/stdout) is written into as it is: renaming a file over it
// would replace the device or pipe. It refuses to write over any of the
// inputs.
func writeOutput(path string, inputs []string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriterSize(stdout, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if err := refuseInput(path, inputs); err != nil {
		return err
	}
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(path); err == nil {
			path = target
		}
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return &inputError{path, "is a directory; cannot write the redline there"}
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
		}
		bw := bufio.NewWriterSize(f, 64<<10)
		if err := write(bw); err != nil {
			f.Close()
			return err
		}
		if err := bw.Flush(); err != nil {
			f.Close()
			return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
		}
		if err := f.Close(); err != nil {
			return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
		}
		return nil
	}
	return writeAtomic(path, write)
}

// refuseInput fails if path names one of the inputs.
func refuseInput(path string, inputs []string) error {
	out, err := os.Stat(path)
	if err != nil {
		return nil // a new file cannot be an input
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if fi, err := os.Stat(in); err == nil && os.SameFile(fi, out) {
			return &inputError{path, "is an input; refusing to overwrite it"}
		}
	}
	return nil
}

func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
	}
	if err := tmp.Chmod(0o644); err != nil {
		return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
	}
	if err := tmp.Close(); err != nil {
		return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
	}
	return nil
}

// unwrapPath drops the *PathError wrapping, whose path would repeat a
// temporary name the user never gave.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
