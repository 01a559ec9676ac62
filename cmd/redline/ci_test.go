package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
	yaml, _, ok2 := strings.Cut(yaml, "\n```\n") // the fence at a line's start: the workflow echoes fences too
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

// TestCIRecipe runs the commands of the recipe's workflow end to end in
// a temporary git repository: a base branch that moved on after the pull
// request branched off (the merge base matters), and a pull request that
// renames and edits a Markdown draft, striking a watched phrase, edits a
// Word draft and another Markdown draft. The redline step must write the
// index and the pages of the pull request's drafts only, and a fenced
// --stat summary, and pass; the check step must fail, naming the renamed
// draft, and pass once the phrase is back; with FAIL_IF set, the Word
// draft's weakened language fails it.
func TestCIRecipe(t *testing.T) {
	for _, tool := range []string{"git", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	recipe, err := os.ReadFile(ciRecipe)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\s+REDLINE_VERSION: (v\d+\.\d+\.\d+|[0-9a-f]{40})$`).Match(recipe) ||
		!strings.Contains(string(recipe), `run: go install "github.com/redline-diff/redline/cmd/redline@$REDLINE_VERSION"`) ||
		regexp.MustCompile(`go install \S*@latest`).Match(recipe) {
		t.Errorf("%s: redline is not installed at a pinned version", ciRecipe)
	}
	if !strings.Contains(string(recipe), "paths: ['**.md', '**.markdown', '**.txt', '**.docx']") {
		t.Errorf("%s: the path filter leaves out a kind of draft", ciRecipe)
	}
	blocks := runBlocks(t)
	redlineStep, checkStep := blocks["Redline the changed drafts"], blocks["Check the changed drafts"]
	if redlineStep == "" || checkStep == "" {
		t.Fatalf("%s: steps not found; have %d run blocks", ciRecipe, len(blocks))
	}
	docx, err := filepath.Abs("../../testdata/docx")
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	githubEnv := filepath.Join(t.TempDir(), "github_env")
	summary := filepath.Join(t.TempDir(), "summary.md")
	// sh runs a script in the repository as a GitHub Actions step: with
	// the variables the job and earlier steps set ($GITHUB_ENV).
	sh := func(script string, env ...string) (string, error) {
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=CI", "GIT_AUTHOR_EMAIL=ci@example.org",
			"GIT_COMMITTER_NAME=CI", "GIT_COMMITTER_EMAIL=ci@example.org", "GIT_CONFIG_NOSYSTEM=1", "HOME="+repo,
			"RUNNER_TEMP="+t.TempDir(), "GITHUB_STEP_SUMMARY="+summary, "GITHUB_ENV="+githubEnv, "DOCX="+docx, "FAIL_IF=")
		if data, err := os.ReadFile(githubEnv); err == nil {
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				if line != "" {
					cmd.Env = append(cmd.Env, line)
				}
			}
		}
		cmd.Env = append(cmd.Env, env...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	setup := `git init -q -b main .
mkdir -p .redline drafts
printf '# Watched\ngender equality\n' > .redline/watched.txt
printf '1. States recalled their obligations.\n\n2. States agreed.\n' > drafts/report.md
printf '1. The Chair held consultations in October.\n\n2. Delegations stressed gender equality in capacity-building.\n\n3. The Chair will circulate a revised text.\n\n4. Consultations will resume in March.\n\n5. The Bureau met on 3 and 4 June to prepare the session.\n\n6. Interpretation was provided in the six official languages.\n\n7. The report of the session will be issued as an official document.\n\n8. The Chair thanked the Secretariat for its support.\n' > drafts/notes.md
cp "$DOCX/rev1.docx" drafts/report.docx
printf 'A summary.\n' > drafts/summary.txt
git add . && git commit -q -m base
git checkout -q -b pr
git mv drafts/notes.md drafts/chair-notes.md
printf '1. The Chair held consultations in October and November.\n\n2. Delegations stressed capacity-building.\n\n3. The Chair will circulate a revised text.\n\n4. Consultations will resume in March.\n\n5. The Bureau met on 3 and 4 June to prepare the session.\n\n6. Interpretation was provided in the six official languages.\n\n7. The report of the session will be issued as an official document.\n\n8. The Chair thanked the Secretariat for its support.\n' > drafts/chair-notes.md
cp "$DOCX/rev2.docx" drafts/report.docx
printf '1. States recalled their obligations under international law.\n\n2. States agreed.\n' > drafts/report.md
git commit -q -am 'pull request'
git checkout -q main
printf 'A summary, revised on main.\n' > drafts/summary.txt
git commit -q -am 'main moves on'
git checkout -q pr`
	if out, err := sh(setup); err != nil {
		t.Fatalf("setup: %v\n%s", err, out)
	}
	mainTip, err := sh("git rev-parse main")
	if err != nil {
		t.Fatal(err)
	}
	base := "BASE_SHA=" + strings.TrimSpace(mainTip)

	out, err := sh(redlineStep, base)
	if err != nil {
		t.Fatalf("redline step failed: %v\n%s", err, out)
	}
	for _, f := range []string{"redline-pages/index.html", "redline-pages/files/drafts/chair-notes.md.html",
		"redline-pages/files/drafts/report.docx.html", "redline-pages/files/drafts/report.md.html"} {
		if _, err := os.Stat(filepath.Join(repo, f)); err != nil {
			t.Errorf("redline step: %v", err)
		}
	}
	index, _ := os.ReadFile(filepath.Join(repo, "redline-pages/index.html"))
	if strings.Contains(string(index), "summary.txt") {
		t.Errorf("redline step: the index lists drafts/summary.txt, changed on main after the merge base, not by the pull request")
	}
	if !strings.Contains(string(index), "drafts/notes.md → drafts/chair-notes.md") {
		t.Errorf("redline step: the index does not list the renamed draft as renamed")
	}
	sum, _ := os.ReadFile(summary)
	if !regexp.MustCompile("(?s)```\n.*chair-notes\\.md.*report\\.docx.*\n```\n$").Match(sum) {
		t.Errorf("redline step: the summary is not the --stat listing in a code block:\n%s", sum)
	}
	if env, _ := os.ReadFile(githubEnv); !regexp.MustCompile(`(?m)^BASE=[0-9a-f]{40}$`).Match(env) {
		t.Errorf("redline step: no BASE in $GITHUB_ENV: %q", env)
	}
	mergeBase, _ := sh("git merge-base main pr")
	if env, _ := os.ReadFile(githubEnv); !strings.Contains(string(env), "BASE="+strings.TrimSpace(mergeBase)) {
		t.Errorf("redline step: BASE is not the merge base %s: %q", mergeBase, env)
	}

	out, err = sh(checkStep)
	if err == nil {
		t.Errorf("check step passed although %q was struck from the renamed draft:\n%s", "gender equality", out)
	}
	for _, want := range []string{"== drafts/chair-notes.md", "== drafts/report.docx", "== drafts/report.md", `"gender equality"`} {
		if !strings.Contains(out, want) {
			t.Errorf("check step: no %q in its output:\n%s", want, out)
		}
	}
	fix := `printf '1. The Chair held consultations in October and November.\n\n2. Delegations stressed gender equality in capacity-building.\n\n3. The Chair will circulate a revised text.\n\n4. Consultations will resume in March.\n\n5. The Bureau met on 3 and 4 June to prepare the session.\n\n6. Interpretation was provided in the six official languages.\n\n7. The report of the session will be issued as an official document.\n\n8. The Chair thanked the Secretariat for its support.\n' > drafts/chair-notes.md
git commit -q -am 'phrase back'`
	if out, err := sh(fix); err != nil {
		t.Fatalf("fix: %v\n%s", err, out)
	}
	if out, err := sh(checkStep); err != nil {
		t.Errorf("check step failed although no phrase was struck: %v\n%s", err, out)
	}
	out, err = sh(checkStep, "FAIL_IF=weakened,reference-dropped")
	if err == nil || !strings.Contains(out, "--fail-if: ") {
		t.Errorf("check step with FAIL_IF: want a failure for the Word draft's dropped references: %v\n%s", err, out)
	}
	// The Word draft is Rev.2 of the shipped drafts, with 4 bracketed
	// passages; the renamed Markdown draft has none until one is opened.
	out, err = sh(checkStep, "FAIL_IF_OPEN=true")
	if err == nil || !strings.Contains(out, "drafts/report.docx still has 4 bracketed passage(s)") || strings.Contains(out, "chair-notes.md still has") {
		t.Errorf("check step with FAIL_IF_OPEN: want a failure for the Word draft's brackets alone: %v\n%s", err, out)
	}
	bracket := `sed -i 's/will resume in March/will resume [in March] [or] [in April]/' drafts/chair-notes.md && git commit -q -am 'open a bracket'`
	if out, err := sh(bracket); err != nil {
		t.Fatalf("bracket: %v\n%s", err, out)
	}
	out, err = sh(checkStep, "FAIL_IF_OPEN=true")
	if err == nil || !strings.Contains(out, "drafts/chair-notes.md still has 2 bracketed passage(s)") {
		t.Errorf("check step with FAIL_IF_OPEN: want a failure for the bracketed passages of the renamed draft: %v\n%s", err, out)
	}
}
