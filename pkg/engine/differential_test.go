package engine_test

import (
	"cmp"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/calint/calint/internal/benchcorpus"
	"github.com/calint/calint/internal/testshared"
	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/scan"
)

// The differential tests run every built-in rule with both engines, the compiled plan and
// OPA's top-down evaluator (the reference), on the same files and options, and compare the
// whole findings: rule, message, severity, element location, fingerprint (which includes
// the violation's key).

// strictOptions sets every option; apps are names that get a per-app override.
func strictOptions(apps []string) *config.Config {
	strict := &config.Config{
		Options: map[string]any{
			"allowed-scopes":                  []any{"Api", "RefreshToken", "OpenID"},
			"callback-hosts":                  []any{"example.com", "*.example.org", "login.salesforce.com"},
			"max-refresh-token-lifetime-days": 7,
			"max-refresh-token-idle-days":     1,
			"max-trusted-ip-addresses":        16,
			"privileged-grants":               []any{"System Administrator", "Integration User", "Standard User"},
			"custom":                          map[string]any{"anything": true},
		},
		Apps: map[string]map[string]any{},
	}
	for i, a := range apps {
		over := map[string]any{"allowed-scopes": []any{"Full", "Web"}, "max-trusted-ip-addresses": 1 << 20}
		if i%2 == 1 {
			over = map[string]any{"callback-hosts": []any{"*"}, "max-refresh-token-lifetime-days": 3650}
		}
		strict.Apps[a] = over
	}
	return strict
}

// disabledSets are the rules turned off in a run (the plan must route only enabled rules).
var disabledSets = map[string]map[string]bool{
	"all":      nil,
	"some-off": {"CAL101": true, "CAL303": true, "CAL204": true, "CAL602": true},
}

// scanWith scans paths with the built-in rules evaluated by the named engine.
func scanWith(t *testing.T, which string, cfg *config.Config, disabled map[string]bool, paths ...string) *scan.Result {
	t.Helper()
	if which == "topdown" {
		t.Setenv(engine.EngineEnv, "topdown")
	} else {
		t.Setenv(engine.EngineEnv, "")
	}
	eng, err := engine.New(t.Context(), engine.Config{Data: cfg.Data(), Disabled: disabled})
	if err != nil {
		t.Fatalf("%s engine: %v", which, err)
	}
	if got := eng.Evaluator(); got != which {
		t.Fatalf("asked for the %s engine, got %s (is rules/rules.plan stale? make generate)", which, got)
	}
	res, err := scan.Run(t.Context(), scan.Options{Paths: paths, Engine: eng, Disabled: disabled, LeanApps: true})
	if err != nil {
		t.Fatalf("%s scan: %v", which, err)
	}
	return res
}

func sortedFindings(fs []report.Finding) []report.Finding {
	out := slices.Clone(fs)
	slices.SortFunc(out, func(a, b report.Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Fingerprint, b.Fingerprint), cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Path, b.Path))
	})
	return out
}

// differential scans paths with both engines under several option and rule sets and fails
// on any difference. It returns the number of findings of the default run.
func differential(t *testing.T, paths ...string) int {
	t.Helper()
	if os.Getenv(engine.EngineEnv) == "topdown" {
		t.Skipf("%s=topdown: both engines would be top-down", engine.EngineEnv)
	}
	want := scanWith(t, "topdown", &config.Config{}, nil, paths...)
	compareFindings(t, "defaults", want, scanWith(t, "plan", &config.Config{}, nil, paths...))
	n := len(want.Findings)
	var apps []string
	for i, a := range want.Apps {
		if i%7 == 0 && len(apps) < 20 {
			apps = append(apps, a.Name)
		}
	}
	strict := strictOptions(apps)
	for _, dn := range []string{"all", "some-off"} {
		disabled := disabledSets[dn]
		compareFindings(t, "strict+per-app/"+dn, scanWith(t, "topdown", strict, disabled, paths...), scanWith(t, "plan", strict, disabled, paths...))
	}
	return n
}

func compareFindings(t *testing.T, name string, want, got *scan.Result) {
	t.Helper()
	if !slices.Equal(want.Errors, got.Errors) {
		t.Errorf("%s: errors differ:\ntop-down: %v\nplan:     %v", name, want.Errors, got.Errors)
	}
	w, g := sortedFindings(want.Findings), sortedFindings(got.Findings)
	if slices.EqualFunc(w, g, sameFinding) {
		return
	}
	only := func(a, b []report.Finding) []string {
		var out []string
		for _, f := range a {
			if !slices.ContainsFunc(b, func(x report.Finding) bool { return sameFinding(f, x) }) {
				out = append(out, fmt.Sprintf("%s:%d %s %s %q", f.File, f.Line, f.RuleID, f.Severity, f.Message))
			}
		}
		return out
	}
	missing, extra := only(w, g), only(g, w)
	t.Errorf("%s: %d findings top-down, %d with the plan; only top-down (%d):\n%s\nonly plan (%d):\n%s", name, len(w), len(g),
		len(missing), strings.Join(head(missing), "\n"), len(extra), strings.Join(head(extra), "\n"))
}

func head(s []string) []string { return s[:min(len(s), 20)] }

func sameFinding(a, b report.Finding) bool {
	return a.RuleID == b.RuleID && a.Severity == b.Severity && a.Message == b.Message && a.File == b.File &&
		a.Line == b.Line && a.Column == b.Column && a.EndLine == b.EndLine && a.EndColumn == b.EndColumn &&
		a.App == b.App && a.Path == b.Path && a.Fingerprint == b.Fingerprint
}

func TestDifferentialFixtures(t *testing.T) {
	if n := differential(t, filepath.Join("..", "..", "testdata")); n == 0 {
		t.Fatal("the fixtures gave no findings: the comparison compared nothing")
	}
}

func TestDifferentialRealCorpus(t *testing.T) {
	dir := testshared.Path(t, "corpus", "real", "files")
	if n := differential(t, dir); n == 0 {
		t.Fatal("the real corpus gave no findings")
	}
}

func TestDifferentialGenerated(t *testing.T) {
	testshared.Path(t, "bench", "gen-corpus")
	gen, err := benchcorpus.Generator()
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range []int{1, 7, 42} {
		t.Run("seed"+strconv.Itoa(seed), func(t *testing.T) {
			dir := t.TempDir()
			out, err := exec.Command(gen, "-n", "120", "-seed", strconv.Itoa(seed), "-out", dir).CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %v\n%s", gen, err, out)
			}
			if n := differential(t, dir); n == 0 {
				t.Fatal("the generated corpus gave no findings")
			}
		})
	}
}
