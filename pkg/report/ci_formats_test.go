package report_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
)

// update rewrites the golden files of this package: go test ./pkg/report -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./pkg/report -update rewrites it):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// ciReport has what breaks naive writers: markup, percent signs, commas and colons in
// names, line breaks, control characters; suppressed and baselined findings; an error.
func ciReport() *report.Report {
	fs := []report.Finding{
		{RuleID: "CAL101", Name: "FullAccessScope", Severity: "high", Message: "OAuth scope Full grants <everything> & more",
			File: "force-app/main/default/connectedApps/Postman.connectedApp-meta.xml", Line: 8, Column: 9, EndLine: 8, EndColumn: 30,
			App: "Postman", AppType: "ConnectedApp", Path: "oauthConfig/scopes[1]", Fingerprint: "f1", Snippet: "        <scopes>Full</scopes>"},
		{RuleID: "CAL301", Name: "CommittedConsumerSecret", Severity: "critical", Message: "consumerSecret ABCD… (64 characters) is committed: 100% exposed\nrotate it",
			File: "force-app/weird, name: x.connectedApp-meta.xml", Line: 5, Column: 9, EndLine: 5, EndColumn: 120,
			App: "Weird_App", AppType: "ConnectedApp", Path: "oauthConfig/consumerSecret", Fingerprint: "f2"},
		{RuleID: "CAL501", Name: "PkceNotRequired", Severity: "medium", Message: "oauthConfig has no isPkceRequired | *not* required_by `default` [x](y) @team \x01",
			File: "force-app/main/default/connectedApps/Postman.connectedApp-meta.xml", Line: 5, Column: 5, EndLine: 10, EndColumn: 19,
			App: "Postman", AppType: "ConnectedApp", Path: "oauthConfig", Fingerprint: "f3"},
		{RuleID: "CAL601", Name: "LegacyConnectedApp", Severity: "info", Message: "connected apps are legacy",
			File: "force-app/main/default/connectedApps/Postman.connectedApp-meta.xml", Line: 2, Column: 1, EndLine: 11, EndColumn: 16,
			App: "Postman", AppType: "ConnectedApp", Fingerprint: "f4", Suppressed: true,
			Suppression: &report.Suppression{Kind: "inline", Reason: "migrating | Q3 <soon>", Expires: "2027-06-30"}},
		{RuleID: "CAL203", Name: "LoopbackHttpCallbackUrl", Severity: "low", Message: "callback URL http://localhost:1717/cb uses plain http",
			File: "force-app/main/default/connectedApps/Postman.connectedApp-meta.xml", Line: 6, Column: 22, EndLine: 6, EndColumn: 50,
			App: "Postman", AppType: "ConnectedApp", Fingerprint: "f5", Suppressed: true,
			Suppression: &report.Suppression{Kind: "baseline", Reason: "recorded in baseline calint-baseline.json"}},
		{RuleID: "CAL002", Name: "InvalidSuppression", Severity: "medium", Message: `invalid suppression: unknown rule id "CAL999"; it suppresses nothing`,
			File: "retrieve.zip!unpackaged/connectedApps/Zip.connectedApp", Line: 3, Column: 5, EndLine: 3, EndColumn: 50,
			App: "Zip", AppType: "ConnectedApp", Fingerprint: "f6"},
	}
	report.Sort(fs)
	return &report.Report{
		Version:  "1.2.3",
		Rules:    []rule.Rule{{ID: "CAL101", Name: "FullAccessScope", Severity: "high", HelpURI: "https://example.com/cal101"}},
		Findings: fs,
		Errors:   []report.FileError{{File: "force-app/Bad.connectedApp-meta.xml", Line: 5, Column: 1, Message: "not well-formed XML: unexpected EOF"}},
		Summary: report.Summary{Files: 4, Apps: 3, Findings: 4, Suppressed: 1, Baselined: 1, Fixed: 2, Errors: 1, FailOn: "high", Failed: true,
			BySeverity: map[string]int{"critical": 1, "high": 1, "medium": 2}},
		Duration: 1500 * time.Millisecond,
	}
}

func render(t *testing.T, format string, r *report.Report) []byte {
	t.Helper()
	w, err := report.WriterFor(format)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			File      string `xml:"file,attr"`
			Line      int    `xml:"line,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, b []byte) junitDoc {
	t.Helper()
	var doc junitDoc
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("junit is not valid XML: %v\n%s", err, b)
	}
	return doc
}

func TestJUnit(t *testing.T) {
	r := ciReport()
	out := render(t, "junit", r)
	if !bytes.HasPrefix(out, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("no XML declaration:\n%s", out)
	}
	doc := parseJUnit(t, out)
	if doc.Tests != 5 || doc.Failures != 4 || doc.Errors != 1 || doc.Skipped != 0 {
		t.Errorf("totals tests=%d failures=%d errors=%d skipped=%d", doc.Tests, doc.Failures, doc.Errors, doc.Skipped)
	}
	var names []string
	for _, s := range doc.Suites {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, "|"); got != "calint|CAL002 InvalidSuppression|CAL101 FullAccessScope|CAL301 CommittedConsumerSecret|CAL501 PkceNotRequired" {
		t.Errorf("suites %s", got)
	}
	tool := doc.Suites[0]
	if tool.Errors != 1 || tool.Cases[0].Error == nil || tool.Cases[0].File != "force-app/Bad.connectedApp-meta.xml" || tool.Cases[0].Line != 5 {
		t.Errorf("error case %+v", tool.Cases[0])
	}
	cal101 := doc.Suites[2].Cases[0]
	if cal101.Classname != "calint.CAL101" || cal101.Name != "force-app/main/default/connectedApps/Postman.connectedApp-meta.xml:8:9 (Postman)" ||
		cal101.Line != 8 || cal101.Failure == nil || cal101.Failure.Type != "high" ||
		cal101.Failure.Message != "OAuth scope Full grants <everything> & more" ||
		!strings.Contains(cal101.Failure.Text, "<scopes>Full</scopes>") || !strings.Contains(cal101.Failure.Text, "https://example.com/cal101") {
		t.Errorf("CAL101 case %+v %+v", cal101, cal101.Failure)
	}
	// control characters are escaped, as in every format read in a terminal or CI log
	if m := doc.Suites[3].Cases[0].Failure.Message; m != `consumerSecret ABCD… (64 characters) is committed: 100% exposed\nrotate it` {
		t.Errorf("line break not escaped in the attribute: %q", m)
	}
	if m := doc.Suites[4].Cases[0].Failure.Message; !strings.HasSuffix(m, `@team \x01`) {
		t.Errorf("control character not escaped: %q", m)
	}

	// suppressed findings are skipped test cases with --include-suppressed
	r.IncludeSuppressed = true
	doc = parseJUnit(t, render(t, "junit", r))
	if doc.Skipped != 2 || doc.Tests != 7 {
		t.Errorf("with suppressed: tests=%d skipped=%d", doc.Tests, doc.Skipped)
	}
	for _, s := range doc.Suites {
		if s.Name == "CAL601 LegacyConnectedApp" {
			if sk := s.Cases[0].Skipped; sk == nil || sk.Message != "suppressed (inline): migrating | Q3 <soon>, expires 2027-06-30" {
				t.Errorf("skipped %+v", sk)
			}
		}
	}

	// a clean run still has a (passing) test case: Jenkins rejects empty reports
	doc = parseJUnit(t, render(t, "junit", &report.Report{Summary: report.Summary{Files: 3, Apps: 2}}))
	if doc.Tests != 1 || doc.Failures != 0 || doc.Suites[0].Cases[0].Name != "scan of 3 files, 2 apps" {
		t.Errorf("clean run: %+v", doc)
	}
}

func TestGitHub(t *testing.T) {
	out := string(render(t, "github", ciReport()))
	want := []string{
		"::error file=force-app/main/default/connectedApps/Postman.connectedApp-meta.xml,line=8,col=9,endLine=8,endColumn=30,title=CAL101 FullAccessScope::OAuth scope Full grants <everything> & more (app Postman)",
		"::warning file=force-app/main/default/connectedApps/Postman.connectedApp-meta.xml,line=5,endLine=10,title=CAL501 PkceNotRequired::oauthConfig has no isPkceRequired | *not* required_by `default` [x](y) @team \\x01 (app Postman)",
		"::error file=force-app/weird%2C name%3A x.connectedApp-meta.xml,line=5,col=9,endLine=5,endColumn=120,title=CAL301 CommittedConsumerSecret::consumerSecret ABCD… (64 characters) is committed: 100%25 exposed\\nrotate it (app Weird_App)",
		"::warning file=retrieve.zip!unpackaged/connectedApps/Zip.connectedApp,line=3,col=5,endLine=3,endColumn=50,title=CAL002 InvalidSuppression::invalid suppression: unknown rule id \"CAL999\"; it suppresses nothing (app Zip)",
		"::error file=force-app/Bad.connectedApp-meta.xml,line=5,col=1,title=calint error::not well-formed XML: unexpected EOF",
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d (suppressed findings left out):\n%s", len(lines), len(want), out)
	}
	for _, w := range want {
		found := false
		for _, l := range lines {
			found = found || l == w
		}
		if !found {
			t.Errorf("missing line\n  %s\nin\n%s", w, out)
		}
	}
	if strings.Contains(out, "CAL601") || strings.Contains(out, "CAL203") {
		t.Error("a suppressed finding is annotated")
	}
}

func TestMarkdownGolden(t *testing.T) {
	golden(t, "report.md", render(t, "markdown", ciReport()))
	clean := &report.Report{Version: "1.2.3", Summary: report.Summary{Files: 2, Apps: 2, FailOn: "high"}}
	golden(t, "report-clean.md", render(t, "markdown", clean))
}

func TestMarkdownIsBounded(t *testing.T) {
	r := &report.Report{Version: "1", Summary: report.Summary{FailOn: "high"}}
	for i := range report.MarkdownMaxRows + 5 {
		r.Findings = append(r.Findings, report.Finding{RuleID: "CAL101", Severity: "high", Message: "m", File: "f.xml", Line: i + 1})
	}
	out := string(render(t, "markdown", r))
	if n := strings.Count(out, "| 🔴 high | CAL101"); n != report.MarkdownMaxRows {
		t.Errorf("%d rows, want %d", n, report.MarkdownMaxRows)
	}
	if !strings.Contains(out, "… and 5 more") {
		t.Errorf("no note about the rows left out:\n%s", out)
	}
}

// TestGitHubWorstFirstAndBounded: annotations come worst first; past GitHub's display
// limit of 10 per level, one notice sums up the rest, so the high findings are all shown
// even after 40 info notes in earlier files.
func TestGitHubWorstFirstAndBounded(t *testing.T) {
	r := &report.Report{Version: "1", Summary: report.Summary{FailOn: "high"}}
	for i := range 40 {
		r.Findings = append(r.Findings, report.Finding{RuleID: "CAL601", Severity: "info", Message: "legacy", File: fmt.Sprintf("a/App%02d.connectedApp-meta.xml", i), Line: 2})
	}
	for i := range 12 {
		r.Findings = append(r.Findings, report.Finding{RuleID: "CAL101", Severity: "high", Message: "full", File: fmt.Sprintf("z/App%02d.connectedApp-meta.xml", i), Line: 7})
	}
	r.Findings = append(r.Findings, report.Finding{RuleID: "CAL301", Severity: "critical", Message: "secret", File: "z/Last.connectedApp-meta.xml", Line: 5})
	r.Findings = append(r.Findings, report.Finding{RuleID: "CAL501", Severity: "medium", Message: "pkce", File: "b/M.connectedApp-meta.xml", Line: 5})
	report.Sort(r.Findings)
	lines := strings.Split(strings.TrimSuffix(string(render(t, "github", r)), "\n"), "\n")
	count := map[string]int{}
	for _, l := range lines {
		level, _, _ := strings.Cut(strings.TrimPrefix(l, "::"), " ")
		count[level]++
	}
	if count["error"] != 10 || count["warning"] != 1 || count["notice"] != 10 {
		t.Errorf("annotations by level %v, want 10 errors, 1 warning, 10 notices:\n%s", count, strings.Join(lines, "\n"))
	}
	if !strings.Contains(lines[0], "CAL301") {
		t.Errorf("the critical finding is not first: %s", lines[0])
	}
	if !strings.HasPrefix(lines[10], "::warning ") {
		t.Errorf("line 11 is not the medium finding: %s", lines[10])
	}
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "::notice title=calint%3A 34 more not shown::") || !strings.Contains(last, "3 high, 31 info") {
		t.Errorf("summing-up notice: %s", last)
	}
	if n := strings.Count(strings.Join(lines, "\n"), "CAL601"); n != 9 {
		t.Errorf("%d info notices, want 9 (the tenth notice is the summary)", n)
	}
}
