package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

type actionDef struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Description string  `yaml:"description"`
		Default     *string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	ID    string            `yaml:"id"`
	Name  string            `yaml:"name"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	With  map[string]string `yaml:"with"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	Run   string            `yaml:"run"`
}

func readAction(t *testing.T) actionDef {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionDef
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

var exprRe = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// TestActionDefinition checks action.yml: a composite action with the documented inputs,
// that builds calint with setup-go and the Go toolchain (no downloaded binaries), passes
// inputs to scripts only through env (no expression inside a script, so no injection), and
// uploads the SARIF with the category.
func TestActionDefinition(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", a.Runs.Using)
	}
	for _, in := range []string{"paths", "fail-on", "config", "args", "new-since", "sarif-file", "upload-sarif", "category"} {
		def, ok := a.Inputs[in]
		if !ok || def.Description == "" || def.Default == nil {
			t.Errorf("input %s: missing, or without description or default", in)
		}
	}
	var setupGo, upload bool
	for _, s := range a.Runs.Steps {
		if s.Run != "" {
			if exprRe.MatchString(s.Run) {
				t.Errorf("step %q: an expression inside the script (pass it through env)", s.Name)
			}
			for _, bad := range []string{"curl ", "wget ", "releases/download", "go install github.com"} {
				if strings.Contains(s.Run, bad) {
					t.Errorf("step %q downloads a binary (%s)", s.Name, bad)
				}
			}
			if s.Shell != "bash" {
				t.Errorf("step %q: shell %q, want bash", s.Name, s.Shell)
			}
		}
		switch {
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			setupGo = s.With["go-version-file"] == "${{ github.action_path }}/go.mod"
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			upload = s.With["category"] == "${{ inputs.category }}" && strings.Contains(s.With["sarif_file"], "steps.scan.outputs.sarif-file") &&
				strings.Contains(s.If, "inputs.upload-sarif == 'true'")
		case s.Uses != "":
			t.Errorf("unexpected action %s", s.Uses)
		}
	}
	if !setupGo {
		t.Error("no actions/setup-go step with the action's go.mod")
	}
	if !upload {
		t.Error("no upload-sarif step with sarif_file, category and the upload-sarif condition")
	}
}

// TestActionScripts runs the action's shell steps as the runner would (inputs and
// expressions in env, GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP), with this repository as the
// action path: calint is built, scans, writes SARIF with the category, and the gate fails
// the job on findings.
func TestActionScripts(t *testing.T) {
	long(t)
	bash := need(t, "bash")
	need(t, "go")
	root := repoRoot(t)
	a := readAction(t)

	type runResult struct {
		outputs map[string]string
		path    []string
		res     result
	}
	// runStep runs one run-step with the given inputs and step outputs.
	runStep := func(s actionStep, ws, temp string, inputs, stepOut map[string]string, path []string) runResult {
		t.Helper()
		ctx := map[string]string{
			"github.action_path": root, "github.action_ref": "v9.8.7", "runner.temp": temp,
		}
		for k, v := range inputs {
			ctx["inputs."+k] = v
		}
		for k, v := range stepOut {
			ctx["steps.scan.outputs."+k] = v
		}
		outFile := filepath.Join(temp, "output-"+s.ID)
		pathFile := filepath.Join(temp, "path-"+s.ID)
		env := []string{"GITHUB_OUTPUT=" + outFile, "GITHUB_PATH=" + pathFile, "RUNNER_TEMP=" + temp, "GITHUB_WORKSPACE=" + ws,
			"PATH=" + strings.Join(append(path, os.Getenv("PATH")), string(os.PathListSeparator))}
		for k, v := range s.Env {
			v = exprRe.ReplaceAllStringFunc(v, func(m string) string {
				key := exprRe.FindStringSubmatch(m)[1]
				val, ok := ctx[key]
				if !ok {
					t.Fatalf("step %q: unknown expression %s", s.Name, m)
				}
				return val
			})
			env = append(env, k+"="+v)
		}
		r := run(t, 10*time.Minute, ws, env, bash, "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", s.Run)
		out := map[string]string{}
		if b, err := os.ReadFile(outFile); err == nil {
			for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				if k, v, ok := strings.Cut(l, "="); ok {
					out[k] = v
				}
			}
		}
		var p []string
		if b, err := os.ReadFile(pathFile); err == nil {
			p = strings.Fields(string(b))
		}
		return runResult{outputs: out, path: p, res: r}
	}
	steps := map[string]actionStep{}
	for _, s := range a.Runs.Steps {
		if s.Run != "" {
			key := s.ID
			if key == "" {
				key = s.Name
			}
			steps[key] = s
		}
	}
	// input defaults may be expressions; outside a pull request the base is empty
	defaultCtx := map[string]string{"github.event.pull_request.base.sha": ""}
	defaults := map[string]string{}
	for k, v := range a.Inputs {
		if v.Default != nil {
			defaults[k] = exprRe.ReplaceAllStringFunc(*v.Default, func(m string) string {
				val, ok := defaultCtx[exprRe.FindStringSubmatch(m)[1]]
				if !ok {
					t.Fatalf("input %s: unknown expression %s in its default", k, m)
				}
				return val
			})
		}
	}
	withInputs := func(over map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range defaults {
			m[k] = v
		}
		for k, v := range over {
			m[k] = v
		}
		return m
	}

	ws := t.TempDir()
	temp := t.TempDir()
	writeFile(t, filepath.Join(ws, "force-app", "main", "default", "connectedApps", "Risky.connectedApp-meta.xml"), fullCA)
	writeFile(t, filepath.Join(ws, "clean", "Clean.connectedApp-meta.xml"), cleanCA)
	writeFile(t, filepath.Join(ws, "more", "Other.connectedApp"), strings.Replace(fullCA, "Risky", "Other", 1))

	// build: calint from the action path, on PATH, with the tag as version
	build := runStep(steps["build"], ws, temp, withInputs(nil), nil, nil)
	if build.res.code != 0 {
		t.Fatalf("build step: exit %d\n%s", build.res.code, build.res.out)
	}
	if len(build.path) != 1 || !strings.Contains(build.res.out, "calint v9.8.7") {
		t.Fatalf("build step: PATH %v, output:\n%s", build.path, build.res.out)
	}
	if _, err := os.Stat(filepath.Join(build.path[0], "calint")); err != nil {
		t.Fatal(err)
	}

	// scan with findings: two paths (space and newline separated), extra args, a category
	in := withInputs(map[string]string{"paths": "force-app\nmore", "fail-on": "high", "args": "--disable CAL601  --jobs 2",
		"sarif-file": "reports/calint.sarif", "category": "calint-sfdx"})
	scan := runStep(steps["scan"], ws, temp, in, nil, build.path)
	if scan.res.code != 0 {
		t.Fatalf("scan step must not fail itself (the gate does): exit %d\n%s", scan.res.code, scan.res.out)
	}
	if scan.outputs["exit-code"] != "1" || scan.outputs["sarif-file"] != "reports/calint.sarif" {
		t.Fatalf("scan outputs %v\n%s", scan.outputs, scan.res.out)
	}
	for _, want := range []string{"force-app/main/default/connectedApps/Risky.connectedApp-meta.xml:9:9: HIGH CAL101", "more/Other.connectedApp:9:9: HIGH CAL101"} {
		if !strings.Contains(scan.res.out, want) {
			t.Errorf("scan log lacks %q:\n%s", want, scan.res.out)
		}
	}
	if strings.Contains(scan.res.out, "CAL601") {
		t.Errorf("args were not passed (CAL601 disabled):\n%s", scan.res.out)
	}
	b, err := os.ReadFile(filepath.Join(ws, "reports", "calint.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Runs []struct {
			AutomationDetails struct {
				ID string `json:"id"`
			} `json:"automationDetails"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &sarif); err != nil {
		t.Fatal(err)
	}
	if len(sarif.Runs) != 1 || sarif.Runs[0].AutomationDetails.ID != "calint-sfdx/" {
		t.Fatalf("SARIF automationDetails: %+v", sarif.Runs)
	}
	n := 0
	for _, r := range sarif.Runs[0].Results {
		if r.RuleID == "CAL101" {
			n++
		}
		if r.RuleID == "CAL601" {
			t.Error("SARIF has a disabled rule's result")
		}
	}
	if n != 2 {
		t.Errorf("SARIF has %d CAL101 results, want 2", n)
	}

	// the gate fails the job, with an error annotation
	gate := runStep(steps["Gate"], ws, temp, in, scan.outputs, build.path)
	if gate.res.code != 1 || !strings.Contains(gate.res.out, "::error title=calint::findings at or above fail-on high") {
		t.Errorf("gate: exit %d\n%s", gate.res.code, gate.res.out)
	}

	// a clean scan: exit code 0 (the gate does not run), default SARIF file and category
	clean := runStep(steps["scan"], ws, temp, withInputs(map[string]string{"paths": "clean", "args": "--disable CAL601"}), nil, build.path)
	if clean.res.code != 0 || clean.outputs["exit-code"] != "0" || clean.outputs["sarif-file"] != "calint.sarif" {
		t.Fatalf("clean scan: exit %d, outputs %v\n%s", clean.res.code, clean.outputs, clean.res.out)
	}
	if b, err := os.ReadFile(filepath.Join(ws, "calint.sarif")); err != nil || !strings.Contains(string(b), `"id": "calint/"`) {
		t.Errorf("default SARIF: %v", err)
	}

	// a pull request (new-since its base): the gate and the log count only the findings
	// it brings, the SARIF keeps every finding for code scanning
	git := need(t, "git")
	gitEnv := []string{"GIT_CONFIG_GLOBAL=" + filepath.Join(temp, "gitconfig"), "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com"}
	mustRun(t, ws, gitEnv, git, "init", "-q")
	mustRun(t, ws, gitEnv, git, "add", "-A")
	mustRun(t, ws, gitEnv, git, "commit", "-q", "-m", "base")
	base := strings.TrimSpace(mustRun(t, ws, gitEnv, git, "rev-parse", "HEAD"))
	pr := withInputs(map[string]string{"paths": "force-app", "args": "--disable CAL601", "new-since": base})
	old := runStep(steps["scan"], ws, temp, pr, nil, build.path)
	if old.outputs["exit-code"] != "0" || !strings.Contains(old.res.out, "new since "+base+": ") {
		t.Errorf("a pull request that adds nothing: outputs %v\n%s", old.outputs, old.res.out)
	}
	writeFile(t, filepath.Join(ws, "force-app", "main", "default", "connectedApps", "New.connectedApp-meta.xml"), strings.Replace(fullCA, "Risky", "New", 1))
	added := runStep(steps["scan"], ws, temp, pr, nil, build.path)
	if added.outputs["exit-code"] != "1" || !strings.Contains(added.res.out, "New.connectedApp-meta.xml:9:9: HIGH CAL101") ||
		strings.Contains(added.res.out, "Risky.connectedApp-meta.xml:9:9") {
		t.Errorf("a pull request that adds a risky app: outputs %v\n%s", added.outputs, added.res.out)
	}
	if b, err := os.ReadFile(filepath.Join(ws, "calint.sarif")); err != nil || strings.Count(string(b), `"ruleId": "CAL101"`) != 2 {
		t.Errorf("the pull request's SARIF lacks the old finding: %v", err)
	}

	// a usage error: exit code 2 reaches the gate
	bad := runStep(steps["scan"], ws, temp, withInputs(map[string]string{"fail-on": "sometimes"}), nil, build.path)
	if bad.outputs["exit-code"] != "2" {
		t.Errorf("bad fail-on: outputs %v\n%s", bad.outputs, bad.res.out)
	}
}
