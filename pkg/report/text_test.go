package report_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/report"
)

// infoHeavy is 40 legacy-app notes in files that sort before one high and one medium.
func infoHeavy() *report.Report {
	r := &report.Report{Version: "1", Summary: report.Summary{FailOn: "high", Failed: true, Files: 42, Apps: 41, Findings: 42,
		BySeverity: map[string]int{"high": 1, "medium": 1, "info": 40}}}
	for i := range 40 {
		r.Findings = append(r.Findings, report.Finding{RuleID: "CAL601", Name: "LegacyConnectedApp", Severity: "info", Message: "connected apps are legacy",
			File: fmt.Sprintf("a/App%02d.connectedApp-meta.xml", i), Line: 2, Column: 1, App: fmt.Sprintf("App%02d", i), AppType: "ConnectedApp"})
	}
	r.Findings = append(r.Findings,
		report.Finding{RuleID: "CAL501", Severity: "medium", Message: "no PKCE", File: "z/Risky.connectedApp-meta.xml", Line: 5, Column: 5, App: "Risky", AppType: "ConnectedApp"},
		report.Finding{RuleID: "CAL101", Severity: "high", Message: "OAuth scope Full", File: "z/Risky.connectedApp-meta.xml", Line: 7, Column: 9, App: "Risky", AppType: "ConnectedApp"},
		report.Finding{RuleID: "CAL101", Severity: "high", Message: "OAuth scope Full", File: "z/Hidden.connectedApp-meta.xml", Line: 7, Column: 9, App: "Hidden", Suppressed: true},
	)
	report.Sort(r.Findings)
	return r
}

func TestTextWorstFirstInfoCollapsed(t *testing.T) {
	r := infoHeavy()
	lines := strings.Split(strings.TrimSpace(string(render(t, "text", r))), "\n")
	if !strings.Contains(lines[0], "HIGH CAL101") || !strings.Contains(lines[1], "MEDIUM CAL501") {
		t.Errorf("not worst first:\n%s", strings.Join(lines, "\n"))
	}
	info := 0
	for _, l := range lines {
		if strings.Contains(l, "CAL601") {
			info++
			want := "INFO CAL601 connected apps are legacy [40 findings in 40 apps: App00, App01, App02, App03, App04 and 35 more; --verbose lists each]"
			if l != want {
				t.Errorf("collapsed line\n got %s\nwant %s", l, want)
			}
		}
	}
	if info != 1 {
		t.Errorf("%d CAL601 lines, want 1", info)
	}
	out := strings.Join(lines, "\n")
	if strings.Contains(out, "Hidden") {
		t.Error("a suppressed finding is shown")
	}
	if !strings.Contains(out, "42 findings (1 high, 1 medium, 40 info) in 42 files, 41 apps") {
		t.Errorf("summary:\n%s", out)
	}

	r.Verbose = true
	if n := strings.Count(string(render(t, "text", r)), "INFO CAL601"); n != 40 {
		t.Errorf("verbose: %d CAL601 lines, want 40", n)
	}
	r.Verbose, r.Quiet = false, true
	q := strings.Split(strings.TrimSpace(string(render(t, "text", r))), "\n")
	if len(q) != 42 || strings.Contains(strings.Join(q, "\n"), "findings") {
		t.Errorf("quiet: %d lines, want one per finding and no summary", len(q))
	}
}

func TestVerdict(t *testing.T) {
	r := infoHeavy()
	v := report.Verdict(r.Summary, []string{"calint.sarif", "review.html"})
	want := "calint: FAIL (fail-on high): 0 critical, 1 high, 1 medium, 0 low, 40 info in 42 files, 41 apps; reports: calint.sarif, review.html"
	if v != want {
		t.Errorf("verdict\n got %s\nwant %s", v, want)
	}
	if h := report.Hint(r.Summary, false); !strings.Contains(h, "--write-baseline") || !strings.Contains(h, "calint:ignore") {
		t.Errorf("hint: %s", h)
	}
	if h := report.Hint(r.Summary, true); strings.Contains(h, "--write-baseline") || !strings.Contains(h, "calint:ignore") {
		t.Errorf("hint with a baseline: %s", h)
	}
	pass := report.Summary{FailOn: "critical", Files: 1, Apps: 1, BySeverity: map[string]int{"high": 2}, NewSince: "origin/main", Preexisting: 3, FixedSince: 1}
	v = report.Verdict(pass, []string{"stdout"})
	if !strings.HasPrefix(v, "calint: PASS (fail-on critical): 0 critical, 2 high,") || !strings.Contains(v, "new since origin/main: 3 already there, 1 fixed") || !strings.HasSuffix(v, "; report: stdout") {
		t.Errorf("pass verdict: %s", v)
	}
	if h := report.Hint(pass, false); h != "" {
		t.Errorf("hint on a pass: %s", h)
	}
	if v := report.Verdict(report.Summary{Errors: 2, FailOn: "high"}, nil); !strings.HasPrefix(v, "calint: ERROR (2 inputs could not be scanned") {
		t.Errorf("error verdict: %s", v)
	}
}

// TestTextCaretAfterEscapedControl: an escaped control character before the element
// widens the shown line, and the caret moves with it.
func TestTextCaretAfterEscapedControl(t *testing.T) {
	line := "<label>a\x1bb</label><scopes>Full</scopes>"
	col := strings.Index(line, "<scopes>") + 1
	r := &report.Report{Version: "1", Summary: report.Summary{FailOn: "high", Findings: 1, BySeverity: map[string]int{"high": 1}}}
	r.Findings = []report.Finding{{RuleID: "CAL101", Severity: "high", Message: "OAuth scope Full", File: "a.connectedApp-meta.xml",
		Line: 3, Column: col, App: "A", AppType: "ConnectedApp", Snippet: line}}
	out := strings.Split(string(render(t, "text", r)), "\n")
	for i, l := range out {
		if !strings.Contains(l, `a\x1bb`) {
			continue
		}
		if i+1 >= len(out) {
			t.Fatalf("no caret line after %q", l)
		}
		at := strings.Index(out[i+1], "^")
		if at < 0 || !strings.HasPrefix(l[at:], "<scopes>") {
			t.Errorf("caret at %d, not under <scopes>:\n%s\n%s", at, l, out[i+1])
		}
		return
	}
	t.Fatalf("escaped source line not shown:\n%s", strings.Join(out, "\n"))
}
