package suppress_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/pkg/scan"
	"github.com/calint/calint/pkg/suppress"
)

var (
	engOnce sync.Once
	eng     *engine.Engine
	engErr  error
)

func testEngine(t *testing.T) *engine.Engine {
	t.Helper()
	engOnce.Do(func() {
		eng, engErr = engine.New(context.Background(), engine.Config{Data: (&config.Config{}).Data()})
	})
	if engErr != nil {
		t.Fatal(engErr)
	}
	return eng
}

// scanFiles writes files into a temporary directory, scans it from there and returns the
// result (file names relative to the directory).
func scanFiles(t *testing.T, files map[string]string) *scan.Result {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	res, err := scan.Run(t.Context(), scan.Options{Paths: []string{"."}, Engine: testEngine(t), Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// day is a fixed clock: never time-dependent tests.
func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d.Add(13 * time.Hour)
}

func options(t *testing.T, res *scan.Result, now string) suppress.Options {
	e := testEngine(t)
	return suppress.Options{
		Now:   day(now),
		Known: func(id string) bool { _, ok := e.Rule(id); return ok },
		Rules: e.Rules(),
		Apps:  res.Apps,
	}
}

// summary lists findings as "line RULE" (+ " suppressed:kind" when suppressed), sorted.
func summary(fs []report.Finding, rules ...string) []string {
	var out []string
	for _, f := range fs {
		if len(rules) > 0 && !slices.Contains(rules, f.RuleID) {
			continue
		}
		s := fmt.Sprintf("%s:%d %s", filepath.Base(f.File), f.Line, f.RuleID)
		if f.Suppressed {
			s += " suppressed:" + f.Suppression.Kind
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func find(fs []report.Finding, rule string) []report.Finding {
	var out []report.Finding
	for _, f := range fs {
		if f.RuleID == rule {
			out = append(out, f)
		}
	}
	return out
}

func assertList(t *testing.T, got []string, want ...string) {
	t.Helper()
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

const head = `<?xml version="1.0" encoding="UTF-8"?>
`

func TestInlineForms(t *testing.T) {
	res := scanFiles(t, map[string]string{
		// before the element; several ids (CAL105 is not used: no unknown scope here)
		"Before.connectedApp-meta.xml": head + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Before</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <!-- calint:ignore CAL101,CAL105 reason="legacy integration, owner: team-x" expires=2027-06-30 -->
        <scopes>Full</scopes>
        <scopes>Api</scopes>
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`,
		// a trailing comment after the end tag, on the same line
		"Trailing.connectedApp-meta.xml": head + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Trailing</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <scopes>Api</scopes>
        <scopes>Full</scopes> <!-- calint:ignore CAL101 reason="accepted" -->
    </oauthConfig>
</ConnectedApp>
`,
		// before a parent: covers its children
		"Parent.connectedApp-meta.xml": head + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Parent</label>
    <!-- calint:ignore CAL401 reason="internal tool" -->
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <isAdminApproved>false</isAdminApproved>
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`,
		// before the root: the whole file
		"Root.connectedApp-meta.xml": head + `<!-- calint:ignore CAL101,CAL601 reason="being migrated, see MIG-12" -->
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Root</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`,
	})
	got := suppress.Apply(res.Findings, res.Directives, options(t, res, "2027-06-30"))
	assertList(t, summary(got, "CAL101", "CAL401", "CAL601", "CAL002", "CAL003", "CAL004"),
		"Before.connectedApp-meta.xml:2 CAL601",
		"Before.connectedApp-meta.xml:8 CAL101 suppressed:inline",
		"Before.connectedApp-meta.xml:10 CAL101", // the comment covers the first <scopes> only
		"Parent.connectedApp-meta.xml:2 CAL601",
		"Parent.connectedApp-meta.xml:7 CAL401 suppressed:inline",
		"Parent.connectedApp-meta.xml:8 CAL101",
		"Root.connectedApp-meta.xml:3 CAL601 suppressed:inline",
		"Root.connectedApp-meta.xml:8 CAL101 suppressed:inline",
		"Trailing.connectedApp-meta.xml:2 CAL601",
		"Trailing.connectedApp-meta.xml:8 CAL101 suppressed:inline",
	)
	for _, f := range got {
		if f.Suppressed && f.File == "Before.connectedApp-meta.xml" {
			want := report.Suppression{Kind: "inline", Reason: "legacy integration, owner: team-x", Expires: "2027-06-30"}
			if *f.Suppression != want {
				t.Errorf("suppression %+v, want %+v", *f.Suppression, want)
			}
		}
	}
}

const expiring = head + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>App</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <!-- calint:ignore CAL101 reason="until the migration" expires=2027-06-30 -->
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`

func TestExpiry(t *testing.T) {
	res := scanFiles(t, map[string]string{"App.connectedApp-meta.xml": expiring})
	// the expiry day itself still works
	got := suppress.Apply(slices.Clone(res.Findings), res.Directives, options(t, res, "2027-06-30"))
	assertList(t, summary(got, "CAL101", "CAL003"), "App.connectedApp-meta.xml:8 CAL101 suppressed:inline")

	// the day after, the finding is back and CAL003 points at the comment
	got = suppress.Apply(slices.Clone(res.Findings), res.Directives, options(t, res, "2027-07-01"))
	assertList(t, summary(got, "CAL101", "CAL003"), "App.connectedApp-meta.xml:7 CAL003", "App.connectedApp-meta.xml:8 CAL101")
	exp := find(got, "CAL003")[0]
	if exp.Column != 9 || exp.EndLine != 7 || exp.EndColumn != 86 || exp.Severity != "medium" || exp.Name != "ExpiredSuppression" {
		t.Errorf("CAL003 at %d:%d-%d:%d %s %s", exp.Line, exp.Column, exp.EndLine, exp.EndColumn, exp.Severity, exp.Name)
	}
	for _, s := range []string{"CAL101", "expired on 2027-06-30", `"until the migration"`, "reported again"} {
		if !strings.Contains(exp.Message, s) {
			t.Errorf("CAL003 message %q lacks %q", exp.Message, s)
		}
	}
	if exp.App != "App" || exp.AppType != "ConnectedApp" || exp.Path != "oauthConfig/scopes" || !strings.Contains(exp.Snippet, "calint:ignore") || exp.Fingerprint == "" {
		t.Errorf("CAL003 finding %+v", exp)
	}

	// an expired suppression is not also unused
	o := options(t, res, "2027-07-01")
	o.ReportUnused = true
	got = suppress.Apply(slices.Clone(res.Findings), res.Directives, o)
	if len(find(got, "CAL004")) != 0 {
		t.Error("an expired suppression is reported as unused")
	}
}

func TestInvalid(t *testing.T) {
	res := scanFiles(t, map[string]string{"App.connectedApp-meta.xml": head + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>App</label>
    <!-- calint:ignore CAL601 -->
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <!-- calint:ignore CAL999 reason="typo" -->
        <isAdminApproved>false</isAdminApproved>
        <!-- calint:ignore CAL101 reason="x" expires=2027-02-30 -->
        <scopes>Full</scopes>
        <scopes>Api</scopes> <!-- calint:ignore CAL105 reason="x" ticket=1 -->
        <!-- calint:ignore CAL101 reason="before an end tag: covers nothing" -->
    </oauthConfig>
</ConnectedApp>
`})
	got := suppress.Apply(res.Findings, res.Directives, options(t, res, "2027-01-01"))
	assertList(t, summary(got, "CAL002", "CAL101", "CAL401"),
		"App.connectedApp-meta.xml:4 CAL002",
		"App.connectedApp-meta.xml:7 CAL002",
		"App.connectedApp-meta.xml:8 CAL401",
		"App.connectedApp-meta.xml:9 CAL002",
		"App.connectedApp-meta.xml:10 CAL101",
		"App.connectedApp-meta.xml:11 CAL002",
		"App.connectedApp-meta.xml:12 CAL002",
	)
	msgs := map[int]string{4: "has no reason", 7: `unknown rule id "CAL999"`, 9: "not a date", 11: `unknown field "ticket"`, 12: "precedes no element"}
	for _, f := range find(got, "CAL002") {
		if !strings.Contains(f.Message, msgs[f.Line]) || !strings.Contains(f.Message, "suppresses nothing") {
			t.Errorf("line %d: message %q lacks %q", f.Line, f.Message, msgs[f.Line])
		}
		if f.Severity != "medium" || f.Name != "InvalidSuppression" {
			t.Errorf("line %d: %s %s", f.Line, f.Severity, f.Name)
		}
	}
	if f := find(got, "CAL002")[3]; f.Column != 30 {
		t.Errorf("trailing comment at column %d, want 30", f.Column)
	}
	if f := find(got, "CAL601"); len(f) != 1 || f[0].Suppressed {
		t.Errorf("CAL601 suppressed by a directive without a reason: %+v", f)
	}
}

func TestUnused(t *testing.T) {
	res := scanFiles(t, map[string]string{"App.connectedApp-meta.xml": head + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>App</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <!-- calint:ignore CAL101,CAL105,CAL504 reason="x" -->
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`})
	got := suppress.Apply(slices.Clone(res.Findings), res.Directives, options(t, res, "2027-01-01"))
	if n := len(find(got, "CAL004")); n != 0 {
		t.Errorf("%d CAL004 without ReportUnused", n)
	}
	o := options(t, res, "2027-01-01")
	o.ReportUnused = true
	got = suppress.Apply(slices.Clone(res.Findings), res.Directives, o)
	unused := find(got, "CAL004")
	if len(unused) != 1 || unused[0].Line != 7 || unused[0].Severity != "info" || !strings.Contains(unused[0].Message, "CAL105, CAL504 matched no finding") {
		t.Fatalf("CAL004: %+v", unused)
	}
	// ids of disabled rules are not reported as unused
	o.Rules = slices.DeleteFunc(slices.Clone(o.Rules), func(r rule.Rule) bool { return r.ID == "CAL105" })
	got = suppress.Apply(slices.Clone(res.Findings), res.Directives, o)
	if u := find(got, "CAL004"); len(u) != 1 || strings.Contains(u[0].Message, "CAL105") {
		t.Errorf("CAL004 with CAL105 disabled: %+v", u)
	}
	// CAL004 itself disabled: nothing
	o.Rules = slices.DeleteFunc(slices.Clone(o.Rules), func(r rule.Rule) bool { return r.ID == "CAL004" })
	got = suppress.Apply(slices.Clone(res.Findings), res.Directives, o)
	if u := find(got, "CAL004"); len(u) != 0 {
		t.Errorf("CAL004 disabled but reported: %+v", u)
	}
}

func TestNoInline(t *testing.T) {
	res := scanFiles(t, map[string]string{"App.connectedApp-meta.xml": expiring})
	o := options(t, res, "2030-01-01") // expired, but ignored altogether
	o.NoInline = true
	o.ReportUnused = true
	got := suppress.Apply(res.Findings, res.Directives, o)
	assertList(t, summary(got, "CAL101", "CAL002", "CAL003", "CAL004"), "App.connectedApp-meta.xml:8 CAL101")
}

func TestConfigIgnores(t *testing.T) {
	files := map[string]string{
		"force-app/legacy/Old.connectedApp-meta.xml": expiring,
		"force-app/main/New.connectedApp-meta.xml":   strings.ReplaceAll(expiring, "<!-- calint:ignore CAL101 reason=\"until the migration\" expires=2027-06-30 -->", ""),
	}
	res := scanFiles(t, files)
	cfgYAML := `ignore:
  - rules: [CAL601]
    paths: ["force-app/legacy/**"]
    reason: "decommissioned in Q3"
    expires: 2027-03-01
  - rules: [CAL101]
    apps: ["Ne*"]
    reason: "accepted by security, SEC-7"
  - rules: [CAL501]
    reason: ""
  - rules: [CAL504]
    reason: "x"
    expires: 2027-3-1
  - apps: [Nobody]
    reason: "for an app that is gone"
  - paths: ["force-app/main/*.connectedApp-meta.xml"]
    rules: [CAL510]
    reason: "rule too strict for us"
`
	cfg, err := config.Parse("sub/.calint.yaml", []byte(cfgYAML), nil)
	if err != nil {
		t.Fatal(err)
	}
	// the config lives one level up: its globs are relative to its own directory
	wd, _ := os.Getwd()
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir("sub")
	for i := range res.Findings {
		res.Findings[i].File = "../" + res.Findings[i].File
	}
	for i := range res.Directives {
		res.Directives[i].File = "../" + res.Directives[i].File
	}
	o := options(t, res, "2027-01-01")
	o.Ignores, o.ConfigFile, o.ConfigDir, o.ReportUnused = cfg.Ignore, "sub/.calint.yaml", wd, true
	got := suppress.Apply(slices.Clone(res.Findings), res.Directives, o)
	assertList(t, summary(got, "CAL101", "CAL601", "CAL510", "CAL002", "CAL004"),
		".calint.yaml:9 CAL002",
		".calint.yaml:11 CAL002",
		".calint.yaml:14 CAL004",
		"New.connectedApp-meta.xml:2 CAL510 suppressed:config",
		"New.connectedApp-meta.xml:2 CAL601",
		"New.connectedApp-meta.xml:8 CAL101 suppressed:config",
		"Old.connectedApp-meta.xml:2 CAL510",
		"Old.connectedApp-meta.xml:2 CAL601 suppressed:config",
		"Old.connectedApp-meta.xml:8 CAL101 suppressed:inline",
	)
	for _, f := range got {
		if f.RuleID == "CAL601" && f.Suppressed {
			want := report.Suppression{Kind: "config", Reason: "decommissioned in Q3", Expires: "2027-03-01"}
			if *f.Suppression != want {
				t.Errorf("suppression %+v", *f.Suppression)
			}
		}
		if f.File == "sub/.calint.yaml" && (f.Column != 5 || f.App != "") {
			t.Errorf("config finding at column %d, app %q", f.Column, f.App)
		}
	}

	// after the config entry's expiry: CAL003 at the entry, the finding is back
	o.Now = day("2027-03-02")
	got = suppress.Apply(slices.Clone(res.Findings), res.Directives, o)
	assertList(t, summary(got, "CAL601", "CAL003"),
		".calint.yaml:2 CAL003",
		"New.connectedApp-meta.xml:2 CAL601",
		"Old.connectedApp-meta.xml:2 CAL601",
	)
	if f := find(got, "CAL003")[0]; !strings.Contains(f.Message, "config ignore entry of CAL601 expired on 2027-03-01") {
		t.Errorf("CAL003 message %q", f.Message)
	}
}

// TestFindingsAreStable: a suppression's own findings keep their fingerprint when the file
// is reformatted, and differ between two suppressions.
func TestFindingsAreStable(t *testing.T) {
	src := head + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>App</label>
    <oauthConfig>
        <!-- calint:ignore CAL101 reason="x" expires=2020-01-01 -->
        <scopes>Full</scopes>
        <!-- calint:ignore CAL999 reason="y" -->
        <scopes>Api</scopes>
    </oauthConfig>
</ConnectedApp>
`
	reformatted := head + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">

  <oauthConfig>
    <!-- calint:ignore CAL999    reason="y" --><scopes>Api</scopes>
    <!--   calint:ignore CAL101
           reason="x" expires=2020-01-01 -->
    <scopes>Full</scopes>
  </oauthConfig>
  <label>App</label>
</ConnectedApp>
`
	prints := func(src string) map[string]string {
		res := scanFiles(t, map[string]string{"App.connectedApp-meta.xml": src})
		out := map[string]string{}
		for _, f := range suppress.Apply(res.Findings, res.Directives, options(t, res, "2027-01-01")) {
			if f.RuleID == "CAL002" || f.RuleID == "CAL003" {
				out[f.RuleID] = f.Fingerprint
			}
		}
		return out
	}
	a, b := prints(src), prints(reformatted)
	if len(a) != 2 || a["CAL002"] != b["CAL002"] || a["CAL003"] != b["CAL003"] || a["CAL002"] == a["CAL003"] {
		t.Errorf("fingerprints %v, after reformatting %v", a, b)
	}
}
