package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/google/renameio/v2"
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
		bw := bufio.NewWriterSize(&namedWriter{f, path}, 64<<10)
		if err := write(bw); err != nil {
			f.Close()
			return err
		}
		if err := bw.Flush(); err != nil {
			f.Close()
			return err // named by namedWriter
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

// writeAtomic writes path with write: into a temporary file in the same
// folder, synced to disk and renamed over path only when all was written,
// so that an interrupted run leaves any earlier file intact. A new file
// gets the permissions the umask leaves of 0666, as a file made by cp or
// a shell's redirection; an existing file keeps its own, so that a
// confidential 0600 redline stays 0600. A failure names path, never the
// temporary file; the temporary file is removed on failure, and on
// SIGTERM or SIGINT (see removeTemps).
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	// The temporary file is made and recorded under temps' lock, so that
	// a signal between the two cannot leave it behind: removeTemps waits.
	temps.Lock()
	pf, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)),
		renameio.WithPermissions(0o666), renameio.WithExistingPermissions())
	if err != nil {
		temps.Unlock()
		return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
	}
	forget := keepTempLocked(pf.Name())
	temps.Unlock()
	defer func() {
		pf.Cleanup() // nothing to do once renamed
		forget()
	}()
	bw := bufio.NewWriterSize(&namedWriter{pf, path}, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := pf.CloseAtomicallyReplace(); err != nil {
		return &inputError{path, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
	}
	return nil
}

// namedWriter writes to w, its errors naming the output file name (a
// full disk: "out.html: cannot write: no space left on device") rather
// than the temporary file that w is.
type namedWriter struct {
	w    io.Writer
	name string
}

func (nw *namedWriter) Write(p []byte) (int, error) {
	n, err := nw.w.Write(p)
	if err != nil {
		err = &inputError{nw.name, fmt.Sprintf("cannot write: %v", unwrapPath(err))}
	}
	return n, err
}

// temps holds the temporary files being written, for removeTemps.
var temps struct {
	sync.Mutex
	names map[string]bool
}

// keepTempLocked records a temporary file being written, temps locked by
// the caller, and returns the function that forgets it.
func keepTempLocked(name string) (forget func()) {
	if temps.names == nil {
		temps.names = make(map[string]bool)
	}
	temps.names[name] = true
	return func() {
		temps.Lock()
		defer temps.Unlock()
		delete(temps.names, name)
	}
}

// removeTemps removes the temporary files being written; it leaves them
// recorded, so that no new one is made after it (see exitOnSignal).
func removeTemps() {
	temps.Lock()
	for name := range temps.names {
		os.Remove(name)
	}
	// Held on: the process exits with the lock taken, so that no writer
	// records a new temporary file after the removal.
}

// exitOnSignal makes SIGINT, SIGTERM and SIGHUP remove the temporary
// files being written before the process exits, with 128 plus the
// signal's number as a shell reports it.
func exitOnSignal() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig := <-ch
		removeTemps()
		waitForPager() // the terminal stays the pager's until the reader quits it
		code := 128 + 15
		if s, ok := sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
		os.Exit(code)
	}()
}

// unwrapPath drops the *PathError wrapping, whose path would repeat a
// temporary name the user never gave.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
