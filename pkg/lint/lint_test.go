package lint_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/calint/calint/pkg/lint"
)

const fullAccess = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>a@example.com</contactEmail>
    <label>Full</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`

// project writes files (name → content) in a temporary directory and returns it.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func countRule(res *lint.Result, id string, suppressed bool) int {
	n := 0
	for _, f := range res.Report.Findings {
		if f.RuleID == id && f.Suppressed == suppressed {
			n++
		}
	}
	return n
}

// TestVerdict: the fail-on severity (flag over config over high) decides Pass or Fail; a
// file that cannot be parsed makes it Error.
func TestVerdict(t *testing.T) {
	dir := project(t, map[string]string{"Full.connectedApp-meta.xml": fullAccess})
	for _, c := range []struct {
		name    string
		config  string
		failOn  string
		verdict lint.Verdict
	}{
		{"default high", "", "", lint.Fail},
		{"flag never", "", "never", lint.Pass},
		{"flag in capitals", "", "CRITICAL", lint.Pass},
		{"config never", "fail-on: never\n", "", lint.Pass},
		{"flag over config", "fail-on: never\n", "high", lint.Fail},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := lint.Options{Paths: []string{dir}, FailOn: c.failOn}
			if c.config != "" {
				opts.ConfigFile = filepath.Join(project(t, map[string]string{".calint.yaml": c.config}), ".calint.yaml")
			}
			res, err := lint.Run(t.Context(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if res.Verdict != c.verdict {
				t.Errorf("verdict %v, want %v (summary %+v)", res.Verdict, c.verdict, res.Report.Summary)
			}
			if countRule(res, "CAL101", false) != 1 {
				t.Errorf("want one CAL101 finding, got %+v", res.Report.Findings)
			}
		})
	}
	bad := project(t, map[string]string{"Bad.connectedApp-meta.xml": "<ConnectedApp>"})
	res, err := lint.Run(t.Context(), lint.Options{Paths: []string{bad}, FailOn: "never"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != lint.Error || res.Verdict.ExitCode() != 2 || len(res.Report.Errors) != 1 {
		t.Errorf("unparsable file: verdict %v, errors %v", res.Verdict, res.Report.Errors)
	}
}

// TestUsageErrors: an unknown rule id or fail-on level is a UsageError.
func TestUsageErrors(t *testing.T) {
	dir := project(t, map[string]string{"Full.connectedApp-meta.xml": fullAccess})
	for _, opts := range []lint.Options{
		{Paths: []string{dir}, Enable: []string{"CAL999"}},
		{Paths: []string{dir}, FailOn: "severe"},
	} {
		_, err := lint.Run(t.Context(), opts)
		if _, ok := errors.AsType[*lint.UsageError](err); !ok {
			t.Errorf("%+v: error %v, want a UsageError", opts, err)
		}
	}
}

// TestSuppressionsThenBaseline: an inline suppression hides its finding and keeps it out of
// a written baseline; the baseline then hides the rest, and the lint passes.
func TestSuppressionsThenBaseline(t *testing.T) {
	dir := project(t, map[string]string{
		"Full.connectedApp-meta.xml": fullAccess,
		"Other.connectedApp-meta.xml": `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>a@example.com</contactEmail>
    <label>Other</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <!-- calint:ignore CAL101 reason="reviewed" -->
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`,
	})
	bl := filepath.Join(t.TempDir(), "baseline.json")
	res, err := lint.Run(t.Context(), lint.Options{Paths: []string{dir}, WriteBaseline: bl})
	if err != nil {
		t.Fatal(err)
	}
	if countRule(res, "CAL101", true) != 2 || res.Verdict != lint.Pass {
		t.Fatalf("writing the baseline: %d suppressed CAL101, verdict %v", countRule(res, "CAL101", true), res.Verdict)
	}
	if res.Report.Summary.Suppressed != 1 {
		t.Errorf("summary %+v, want one inline suppression", res.Report.Summary)
	}
	res, err = lint.Run(t.Context(), lint.Options{Paths: []string{dir}, Baseline: bl})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != lint.Pass || res.Report.Summary.Baselined == 0 || res.Report.Summary.Suppressed != 1 {
		t.Errorf("with the baseline: verdict %v, summary %+v", res.Verdict, res.Report.Summary)
	}
	res, err = lint.Run(t.Context(), lint.Options{Paths: []string{dir}, Baseline: bl, NoInlineSuppressions: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != lint.Fail || countRule(res, "CAL101", false) != 1 {
		t.Errorf("without inline suppressions the suppressed finding is not in the baseline: verdict %v, findings %+v", res.Verdict, res.Report.Findings)
	}
}
