package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/redline-diff/redline/internal/visible"
	"github.com/redline-diff/redline/render"
	"github.com/urfave/cli/v2"
)

func gitCommand() *cli.Command {
	return &cli.Command{
		Name:      "git",
		Usage:     "redline the drafts changed in a git repository: the working tree against HEAD, or one revision against another",
		ArgsUsage: "[REV [REV]] [-- PATH...]",
		Description: `Compares the draft files (.md, .markdown, .txt, .docx, .odt, .pdf) that changed between two
states of the git repository holding the current folder: with no REV, the
working tree against HEAD; with one, the working tree against REV; with
two, the first revision against the second. PATHs (after "--") limit the
files, as for git diff. Blobs are read with the git command, which must be
on PATH. Added and deleted drafts are compared with an empty draft
(/dev/null); renamed ones with their old name. A revision that names no
commit is trouble (exit status 2), and a symbolic link is compared as its
link text, as git diff shows it, never the file it points to.

The redlines go to standard output one after another (text, ansi,
markdown; json as a stream of schema-1 objects, one per file, which jq
reads as such), or with --stat as counts per file. With -o OUT_DIR, OUT_DIR
gets an index and one redline per draft, as for two folders (html by
default). The exit status is 0 when no draft differs, 1 when one does, 2 on
trouble.

Example:

   redline git                          # working tree against HEAD
   redline git --stat main HEAD
   redline git HEAD~2 HEAD -- report.md
   redline git -o redlines origin/main HEAD`,
		Flags:  compareFlags(),
		Action: gitAction,
	}
}

// gitRange is what redline git compares: two revisions as given (new ==
// "" for the working tree), the commits they name (resolved by resolve),
// and pathspecs.
type gitRange struct {
	old, new     string
	oldID, newID string
	paths        []string
}

// parseGitArgs splits the operands into at most two revisions and paths:
// those after "--", or else the operands from the first that is not a
// revision, each of which must then be a path in the working tree (as git
// diff asks: "unknown revision or path not in the working tree"), so that
// a revision missing from a shallow clone is trouble, not a path that
// matches nothing.
func parseGitArgs(args []string, isRev func(string) bool) (gitRange, error) {
	revs, paths := args, []string(nil)
	if i := indexOf(args, "--"); i >= 0 {
		revs, paths = args[:i], args[i+1:]
	} else {
		n := 0
		for n < len(args) && n < 2 && isRev(args[n]) {
			n++
		}
		revs, paths = args[:n], args[n:]
		for _, p := range paths {
			if _, err := os.Lstat(p); err != nil {
				return gitRange{}, fmt.Errorf("git: %s: unknown revision or path not in the working tree (paths go after \"--\")", p)
			}
		}
	}
	switch len(revs) {
	case 0:
		return gitRange{old: "HEAD", paths: paths}, nil
	case 1:
		return gitRange{old: revs[0], paths: paths}, nil
	case 2:
		return gitRange{old: revs[0], new: revs[1], paths: paths}, nil
	}
	return gitRange{}, fmt.Errorf("git takes at most two revisions, got %d: %s (paths go after \"--\")", len(revs), strings.Join(revs, " "))
}

// resolve sets the commits of g's revisions, with git rev-parse --verify
// --end-of-options: a revision is never read by git as an option (such as
// --output=FILE), and only commit names reach git diff. A revision that
// names no commit is an error naming it.
func (g *gitRange) resolve() error {
	var err error
	if g.oldID, err = commitOf(g.old); err == nil && g.new != "" {
		g.newID, err = commitOf(g.new)
	}
	return err
}

// commitOf returns the commit that rev names.
func commitOf(rev string) (string, error) {
	out, err := gitOutput("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	id := strings.TrimSpace(string(out))
	if err != nil || id == "" {
		return "", fmt.Errorf("git: unknown revision %s (no such commit in this repository; a shallow clone may lack it)", rev)
	}
	return id, nil
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func gitAction(c *cli.Context) error {
	o, err := parseOptions(c)
	if err != nil {
		return err
	}
	top, err := gitOutput("rev-parse", "--show-toplevel")
	if err != nil {
		return err
	}
	g, err := parseGitArgs(c.Args().Slice(), isRevision)
	if err != nil {
		return err
	}
	if err := g.resolve(); err != nil {
		return err
	}
	pairs, err := gitPairs(strings.TrimSuffix(string(top), "\n"), g, o.maxSize)
	if err != nil {
		return err
	}
	newName := g.new
	if newName == "" {
		newName = "working tree"
	}
	folder := &render.Folder{Old: g.old, New: newName}
	if o.output != "" && o.output != "-" {
		if !o.formatSet {
			o.format = "html"
		}
		return writeFolder(c, o, folder, pairs)
	}
	return writeStream(c, o, folder, pairs)
}

// writeStream writes the redline of each pair that differs to standard
// output, one after another in path order (or the --stat listing), and
// returns the exit status.
func writeStream(c *cli.Context, o *compareOptions, folder *render.Folder, pairs []filePair) error {
	if o.format == "html" && len(pairs) > 1 && !o.stat {
		return fmt.Errorf("--format html: %d drafts differ; give an output folder, -o OUT_DIR, for their pages", len(pairs))
	}
	outs := make([][]byte, len(pairs))
	render1 := func(i int, cmp *compared) error {
		if o.quiet || o.stat || cmp.result == nil || cmp.file.Status == render.FileUnchanged {
			return nil
		}
		var buf bytes.Buffer
		err := o.formatter()(&buf, cmp.result)
		outs[i] = buf.Bytes()
		return err
	}
	var err error
	if folder.Files, err = compareFiles(pairs, o, render1); err != nil {
		return err
	}
	if !o.quiet {
		if err := writeOutput("", nil, c.App.Writer, func(w io.Writer) error { return writeAll(w, o, folder, outs) }); err != nil {
			return err
		}
	}
	reportSkipped(c.App.ErrWriter, folder)
	return folderStatus(folder)
}

// writeAll writes the rendered redlines in order, or the --stat listing.
func writeAll(w io.Writer, o *compareOptions, folder *render.Folder, outs [][]byte) error {
	if o.stat {
		return render.Stat(w, statFiles(folder))
	}
	for _, out := range outs {
		if _, err := w.Write(out); err != nil {
			return err
		}
	}
	return nil
}

// reportSkipped says on standard error which files were not compared.
func reportSkipped(stderr io.Writer, folder *render.Folder) {
	for _, f := range folder.Files {
		if f.Status == render.FileSkipped {
			say(stderr, "%s: skipped: %s", f.Path, f.Reason)
		}
	}
}

// isDraftPath reports whether a path names a draft by its extension.
func isDraftPath(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".markdown", ".txt", ".docx", ".docm", ".odt", ".pdf":
		return true
	}
	return false
}

// gitPairs lists the drafts changed in g as pairs reading git blobs (and
// the working tree's files under top).
func gitPairs(top string, g gitRange, maxSize int64) ([]filePair, error) {
	args := []string{"diff", "--name-status", "-z", "--no-ext-diff", "--no-textconv", "-M", "--end-of-options", g.oldID}
	if g.newID != "" {
		args = append(args, g.newID)
	}
	out, err := gitOutput(append(append(args, "--"), g.paths...)...)
	if err != nil {
		return nil, err
	}
	changes, err := parseNameStatus(out)
	if err != nil {
		return nil, err
	}
	var pairs []filePair
	for _, ch := range changes {
		if !isDraftPath(ch.oldPath) && !isDraftPath(ch.newPath) {
			continue
		}
		pairs = append(pairs, ch.pair(top, g, maxSize))
	}
	return pairs, nil
}

// gitChange is one entry of git diff --name-status: a status letter and
// the paths (the same for all but renames and copies).
type gitChange struct {
	status           byte
	oldPath, newPath string
}

// parseNameStatus parses the output of git diff --name-status -z.
func parseNameStatus(out []byte) ([]gitChange, error) {
	fields := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	var changes []gitChange
	for i := 0; i < len(fields) && fields[i] != ""; {
		st := fields[i]
		n := 1
		if st[0] == 'R' || st[0] == 'C' {
			n = 2
		}
		if i+n >= len(fields) {
			return nil, fmt.Errorf("git diff --name-status: unexpected output %q", out)
		}
		ch := gitChange{status: st[0], oldPath: fields[i+1], newPath: fields[i+n]}
		changes = append(changes, ch)
		i += n + 1
	}
	return changes, nil
}

// pair makes the filePair of a change: the old side from revision g.old,
// the new from g.new or the working tree; an added or deleted file has no
// old or new side.
func (ch gitChange) pair(top string, g gitRange, maxSize int64) filePair {
	p := filePair{path: ch.newPath, out: ch.newPath}
	if ch.status == 'R' || ch.status == 'C' {
		p.path = ch.oldPath + " → " + ch.newPath
	}
	p.old, p.new = source{name: absent}, source{name: absent}
	if ch.status != 'A' {
		p.old = blobSource(g.old, g.oldID, ch.oldPath, maxSize)
	}
	switch {
	case ch.status == 'D':
	case g.new != "":
		p.new = blobSource(g.new, g.newID, ch.newPath, maxSize)
	default:
		p.new = source{name: ch.newPath, read: func() ([]byte, error) { return readInTree(top, ch.newPath, ch.newPath, maxSize, true) }}
	}
	if ch.status == 'U' {
		p.skip = "unmerged"
	}
	return p
}

// blobSource reads path at commit id with git cat-file, named "REV:PATH".
// A symbolic link's blob is its link text, as git diff shows it.
func blobSource(rev, id, p string, maxSize int64) source {
	name := rev + ":" + p
	object := id + ":" + p
	return source{name: name, read: func() ([]byte, error) {
		size, err := gitOutput("cat-file", "-s", "--end-of-options", object)
		if err != nil {
			return nil, err
		}
		if n, err := strconv.ParseInt(strings.TrimSpace(string(size)), 10, 64); err == nil && n > maxSize {
			return nil, tooBig(name, maxSize)
		}
		return gitOutput("cat-file", "blob", "--end-of-options", object)
	}}
}

// isRevision reports whether s names a commit in the current repository.
func isRevision(s string) bool {
	_, err := gitOutput("rev-parse", "--verify", "--quiet", "--end-of-options", s+"^{commit}")
	return err == nil
}

// gitOutput runs git with args in the current folder and returns its
// standard output; a failure is an error quoting git's message.
func gitOutput(args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out, nil
}

func gitExtdiffCommand() *cli.Command {
	return &cli.Command{
		Name:      "git-extdiff",
		Usage:     "redline one file for git diff, as GIT_EXTERNAL_DIFF or a diff driver",
		ArgsUsage: "PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE",
		Description: `Takes the seven arguments git passes to an external diff program and
writes the redline of OLD-FILE against NEW-FILE (/dev/null for an added or
deleted file), named a/PATH and b/PATH, in text unless --format says
otherwise. A file that is not a draft (binary, too big) is reported as
skipped. Set it up for one command, for every file, or for drafts only:

   GIT_EXTERNAL_DIFF='redline git-extdiff' git diff
   git config diff.external 'redline git-extdiff'
   git config diff.redline.command 'redline git-extdiff'
   echo '*.md diff=redline' >> .gitattributes

The exit status is 0 when the drafts do not differ and 1 when they do, 2
on trouble; but run by git (GIT_DIFF_PATH_COUNTER set), differences exit 0,
since git stops at the first external diff that exits non-zero.

Example:

   GIT_EXTERNAL_DIFF='redline git-extdiff --color always' git log -p --ext-diff -- report.md`,
		Flags:  compareFlags(),
		Action: gitExtdiffAction,
	}
}

func gitExtdiffAction(c *cli.Context) error {
	o, err := parseOptions(c)
	if err != nil {
		return err
	}
	args := c.Args().Slice()
	if len(args) == 1 {
		fmt.Fprintf(c.App.Writer, "* Unmerged path %s\n", visible.Line(args[0]))
		return nil
	}
	if len(args) < 7 {
		return fmt.Errorf("git-extdiff takes the seven arguments of GIT_EXTERNAL_DIFF (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), got %d", len(args))
	}
	p := filepath.ToSlash(args[0])
	pair := filePair{path: p, out: p, old: extdiffSource("a/"+p, args[1], o.maxSize), new: extdiffSource("b/"+p, args[4], o.maxSize)}
	folder := &render.Folder{Old: "a", New: "b"}
	o.output = ""
	err = writeStream(c, o, folder, []filePair{pair})
	if st, ok := err.(status); ok && st == exitDiffer && os.Getenv("GIT_DIFF_PATH_COUNTER") != "" {
		return nil
	}
	return err
}

// extdiffSource is a side of git-extdiff: absent for /dev/null.
func extdiffSource(name, file string, maxSize int64) source {
	if file == absent {
		return source{name: absent}
	}
	return source{name: name, read: func() ([]byte, error) {
		data, err := readInput(file, nil, maxSize)
		if ie, ok := err.(*inputError); ok {
			ie.name = name
		}
		return data, err
	}}
}
