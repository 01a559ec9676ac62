package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionOf(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "3bc0a10d2f4e5a6b7c8d9e0f1a2b3c4d5e6f7a8b"
	for _, tc := range []struct {
		name     string
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"go install @v1.2.0", "v1.2.0", nil, "v1.2.0"},
		{"go install @latest, untagged", "v0.0.0-20261204181435-3bc0a10d2f4e", nil, "v0.0.0-20261204181435-3bc0a10d2f4e"},
		{"pseudo-version after a tag", "v1.2.1-0.20261204181435-3bc0a10d2f4e", nil, "v1.2.1-0.20261204181435-3bc0a10d2f4e"},
		{"clone, modified", "v0.0.0-20261204181435-3bc0a10d2f4e+dirty", vcs(rev, "true"), "devel (3bc0a10, modified)"},
		{"clone, clean", "v0.0.0-20261204181435-3bc0a10d2f4e", vcs(rev, "false"), "devel (3bc0a10)"},
		{"clone at a tag", "v1.2.0", vcs(rev, "false"), "v1.2.0"},
		{"clone at a tag, modified", "v1.2.0+dirty", vcs(rev, "true"), "devel (3bc0a10, modified)"},
		{"older go build", "(devel)", vcs(rev, "true"), "devel (3bc0a10, modified)"},
		{"no version control", "(devel)", nil, "devel"},
	} {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/redline-diff/redline", Version: tc.version}, Settings: tc.settings}
		if got := versionOf(bi); got != tc.want {
			t.Errorf("%s: versionOf = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := versionOf(nil); got != "devel" {
		t.Errorf("no build information: %q, want devel", got)
	}
}

// TestBuiltVersion installs redline as the README says for a clone
// ("go install ./cmd/redline", in a fresh clone of this commit) and checks
// that --version names the commit.
func TestBuiltVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skip("not in a git clone")
	}
	tmp := t.TempDir()
	clone := filepath.Join(tmp, "clone")
	git := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %s: %v", strings.Join(args, " "), err)
		}
		return string(out)
	}
	src := strings.TrimSpace(string(top))
	git(src, "clone", "--quiet", "--shared", src, clone)
	// The clone gets the work tree as it is (files changed and added but
	// not yet committed too), committed there: the commit to build.
	for _, name := range strings.Split(git(src, "ls-files", "-z", "--deleted"), "\x00") {
		if name != "" {
			os.Remove(filepath.Join(clone, name))
		}
	}
	for _, name := range strings.Split(git(src, "ls-files", "-z", "--modified", "--others", "--exclude-standard"), "\x00") {
		data, err := os.ReadFile(filepath.Join(src, name))
		if name == "" || err != nil {
			continue // deleted from the work tree
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(clone, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(clone, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git(clone, "add", "-A")
	git(clone, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "--quiet", "--allow-empty", "-m", "work tree")
	rev := strings.TrimSpace(git(clone, "rev-parse", "HEAD"))
	install := exec.Command("go", "install", "./cmd/redline")
	install.Dir = clone
	// -buildvcs as a fresh machine has it (this one may set
	// GOFLAGS=-buildvcs=false).
	install.Env = append(os.Environ(), "GOBIN="+tmp, "GOFLAGS=-buildvcs=auto")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install ./cmd/redline: %v\n%s", err, out)
	}
	out, err := exec.Command(filepath.Join(tmp, "redline"), "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "redline devel (" + rev[:7] + ")\n"; string(out) != want {
		t.Errorf("redline --version = %q, want %q", out, want)
	}
}
