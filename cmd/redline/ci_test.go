package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ciRecipe is the CI recipe whose commands TestCIRecipe runs.
const ciRecipe = "../../docs/ci.md"

// runBlocks returns the "run: |" blocks of the workflow in the recipe, by
// step name.
func runBlocks(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(ciRecipe)
	if err != nil {
		t.Fatal(err)
	}
	_, yaml, ok := strings.Cut(string(data), "```yaml\n")
	yaml, _, ok2 := strings.Cut(yaml, "```")
	if !ok || !ok2 {
		t.Fatalf("%s: no yaml block", ciRecipe)
	}
	blocks := make(map[string]string)
	var name string
	lines := strings.Split(yaml, "\n")
	for i := 0; i < len(lines); i++ {
		trimmed := strings.TrimSpace(lines[i])
		if n, ok := strings.CutPrefix(trimmed, "- name: "); ok {
			name = n
		}
		if trimmed != "run: |" {
			continue
		}
		indent := len(lines[i]) - len(strings.TrimLeft(lines[i], " ")) + 2
		var body []string
		for i+1 < len(lines) && (strings.TrimSpace(lines[i+1]) == "" || strings.HasPrefix(lines[i+1], strings.Repeat(" ", indent))) {
			i++
			body = append(body, strings.TrimPrefix(lines[i], strings.Repeat(" ", indent)))
		}
		blocks[name] = strings.Join(body, "\n")
	}
	return blocks
}

// TestCIRecipe runs the commands of the recipe's workflow in a temporary
// git repository: a base commit with two drafts, and a pull request that
// edits one, striking a watched phrase. The redline step must write the
// index and the page of the changed draft and pass; the phrase step must
// fail, and pass once the phrase is back.
func TestCIRecipe(t *testing.T) {
	for _, tool := range []string{"git", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	blocks := runBlocks(t)
	redlineStep, phraseStep := blocks["Redline the changed drafts"], blocks["Fail when a watched phrase was removed"]
	if redlineStep == "" || phraseStep == "" {
		t.Fatalf("%s: steps not found; have %d run blocks", ciRecipe, len(blocks))
	}
	repo := t.TempDir()
	sh := func(script string) (string, error) {
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=CI", "GIT_AUTHOR_EMAIL=ci@example.org",
			"GIT_COMMITTER_NAME=CI", "GIT_COMMITTER_EMAIL=ci@example.org", "GIT_CONFIG_NOSYSTEM=1", "HOME="+repo,
			"RUNNER_TEMP="+t.TempDir(), "GITHUB_STEP_SUMMARY="+filepath.Join(repo, ".summary"), "BASE=base")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	setup := `git init -q -b main .
mkdir -p .redline drafts
printf '# Watched\nhuman rights\n' > .redline/watched.txt
printf '1. States recalled human rights.\n\n2. States agreed.\n' > drafts/report.md
printf 'A summary.\n' > drafts/summary.txt
git add . && git commit -q -m base && git tag base
printf '1. States recalled their obligations.\n\n2. States agreed.\n' > drafts/report.md
git commit -q -am 'pull request'`
	if out, err := sh(setup); err != nil {
		t.Fatalf("setup: %v\n%s", err, out)
	}
	if out, err := sh(redlineStep); err != nil {
		t.Fatalf("redline step failed: %v\n%s", err, out)
	}
	for _, f := range []string{"redline-pages/index.html", "redline-pages/files/drafts/report.md.html", ".summary"} {
		if _, err := os.Stat(filepath.Join(repo, f)); err != nil {
			t.Errorf("redline step: %v", err)
		}
	}
	if _, err := sh("redline help trace"); err != nil {
		t.Skip("redline trace does not exist in this binary yet: the phrase step is not run")
	}
	if out, err := sh(phraseStep); err == nil {
		t.Errorf("phrase step passed although %q was struck:\n%s", "human rights", out)
	}
	fix := `printf '1. States recalled human rights and their obligations.\n\n2. States agreed.\n' > drafts/report.md
git commit -q -am 'phrase back'`
	if out, err := sh(fix + "\n" + phraseStep); err != nil {
		t.Errorf("phrase step failed although no phrase was struck: %v\n%s", err, out)
	}
}
