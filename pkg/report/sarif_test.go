package report_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
)

type sarifDoc struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Version         string `json:"version"`
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					ShortDescription     struct{ Text string }
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct{ Level string }
					Properties           struct {
						Tags             []string `json:"tags"`
						SecuritySeverity string   `json:"security-severity"`
					}
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		AutomationDetails  struct{ ID string }
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Invocations        []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Properties          map[string]string `json:"properties"`
			Suppressions        *[]struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

func sarifReport() *report.Report {
	r := ciReport()
	r.Version = "v1.2.3"
	r.Root = "/work/repo"
	r.Rules = []rule.Rule{
		{ID: "CAL002", Name: "InvalidSuppression", Severity: "medium", Title: "Invalid suppression"},
		{ID: "CAL101", Name: "FullAccessScope", Severity: "high", Title: "Full access OAuth scope", HelpURI: "https://example.com/cal101"},
		{ID: "CAL203", Name: "LoopbackHttpCallbackUrl", Severity: "low", Title: "Loopback HTTP callback URL"},
		{ID: "CAL301", Name: "CommittedConsumerSecret", Severity: "high", Title: "Committed consumer secret"},
		{ID: "CAL501", Name: "PkceNotRequired", Severity: "medium", Title: "PKCE not required"},
		{ID: "CAL601", Name: "LegacyConnectedApp", Severity: "info", Title: "Legacy connected app"},
	}
	r.Errors = append(r.Errors, report.FileError{Message: "custom rule ACME001 timed out on app X"})
	return r
}

func parseSARIF(t *testing.T, r *report.Report) sarifDoc {
	t.Helper()
	var doc sarifDoc
	b := render(t, "sarif", r)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if doc.Version != "2.1.0" || len(doc.Runs) != 1 {
		t.Fatalf("version %q, %d runs", doc.Version, len(doc.Runs))
	}
	return doc
}

// TestSARIFResults: every unsuppressed finding is a result pointing at its rule's index,
// with a relative URI under %SRCROOT%, a region of at least one column, its fingerprint,
// and its severity when it differs from the rule's; run-level errors make the invocation
// unsuccessful, file errors do not (they are CAL001 results).
func TestSARIFResults(t *testing.T) {
	doc := parseSARIF(t, sarifReport())
	run := doc.Runs[0]
	d := run.Tool.Driver
	if d.Version != "1.2.3" || d.SemanticVersion != "1.2.3" {
		t.Errorf("driver version %q semantic %q", d.Version, d.SemanticVersion)
	}
	if run.AutomationDetails.ID != "calint/" {
		t.Errorf("automationDetails.id %q, want calint/", run.AutomationDetails.ID)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///work/repo/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	if len(d.Rules) != 6 || d.Rules[1].ID != "CAL101" || d.Rules[1].HelpURI != "https://example.com/cal101" ||
		d.Rules[1].DefaultConfiguration.Level != "error" || d.Rules[1].ShortDescription.Text != "Full access OAuth scope." {
		t.Errorf("rules %+v", d.Rules)
	}
	if tags := d.Rules[1].Properties.Tags; len(tags) < 2 || tags[0] != "security" {
		t.Errorf("CAL101 tags %v", tags)
	}
	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 1 ||
		inv[0].ToolExecutionNotifications[0].Message.Text != "custom rule ACME001 timed out on app X." {
		t.Errorf("invocations %+v: want one unsuccessful with the run error only", inv)
	}

	// CAL601 (inline) and CAL203 (baseline) are suppressed: left out
	var ids []string
	for _, res := range run.Results {
		ids = append(ids, res.RuleID)
		if d.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("%s: ruleIndex %d is %s", res.RuleID, res.RuleIndex, d.Rules[res.RuleIndex].ID)
		}
		if res.Suppressions != nil {
			t.Errorf("%s: suppressions without IncludeSuppressed", res.RuleID)
		}
		if len(res.Locations) != 1 || res.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: locations %+v", res.RuleID, res.Locations)
		}
	}
	if got := strings.Join(ids, " "); got != "CAL501 CAL101 CAL301 CAL002" {
		t.Errorf("results %s, want the four unsuppressed findings in report order", got)
	}
	byID := map[string]int{}
	for i, res := range run.Results {
		byID[res.RuleID] = i
	}
	secret := run.Results[byID["CAL301"]]
	if secret.Level != "error" || secret.Properties["severity"] != "critical" {
		t.Errorf("CAL301 level %q properties %v: want error and the finding's own severity", secret.Level, secret.Properties)
	}
	if secret.Message.Text != "consumerSecret ABCD… (64 characters) is committed: 100% exposed\nrotate it." {
		t.Errorf("CAL301 message %q", secret.Message.Text)
	}
	loc := secret.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "force-app/weird%2C%20name:%20x.connectedApp-meta.xml" {
		t.Errorf("CAL301 uri %q: want each path segment escaped", loc.ArtifactLocation.URI)
	}
	if r := loc.Region; r.StartLine != 5 || r.StartColumn != 9 || r.EndLine != 5 || r.EndColumn != 120 {
		t.Errorf("CAL301 region %+v", r)
	}
	if fp := secret.PartialFingerprints["calint/v1"]; fp != "f2" {
		t.Errorf("CAL301 fingerprint %q", fp)
	}
	if uri := run.Results[byID["CAL002"]].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "retrieve.zip!unpackaged/connectedApps/Zip.connectedApp" {
		t.Errorf("zip entry uri %q: want the ! kept", uri)
	}
}

// TestSARIFRegionIsNeverEmpty: a finding without a position, or with an end before its
// start, still gets a region of at least one column from line 1, column 1.
func TestSARIFRegionIsNeverEmpty(t *testing.T) {
	r := &report.Report{
		Rules: []rule.Rule{{ID: "CAL601", Severity: "info"}},
		Findings: []report.Finding{
			{RuleID: "CAL601", Severity: "info", Message: "a", File: "a.xml"},
			{RuleID: "CAL601", Severity: "info", Message: "b", File: "b.xml", Line: 3, Column: 7, EndLine: 3, EndColumn: 2},
			{RuleID: "ACME404", Severity: "high", Message: "rule not in the report", File: "c.xml"},
		},
	}
	run := parseSARIF(t, r).Runs[0]
	if len(run.Results) != 2 {
		t.Fatalf("%d results, want 2 (a finding of an unknown rule is left out)", len(run.Results))
	}
	for i, want := range []struct{ sl, sc, el, ec int }{{1, 1, 1, 2}, {3, 7, 3, 8}} {
		if g := run.Results[i].Locations[0].PhysicalLocation.Region; g.StartLine != want.sl || g.StartColumn != want.sc || g.EndLine != want.el || g.EndColumn != want.ec {
			t.Errorf("result %d region %+v, want %+v", i, g, want)
		}
	}
	if run.Results[0].Properties["severity"] != "info" || run.Results[0].Level != "note" {
		t.Errorf("info finding: level %q properties %v", run.Results[0].Level, run.Results[0].Properties)
	}
	if run.OriginalURIBaseIDs != nil || !run.Invocations[0].ExecutionSuccessful {
		t.Errorf("no root and no errors: base ids %v, invocation %+v", run.OriginalURIBaseIDs, run.Invocations)
	}
}

// TestSARIFIncludeSuppressed: with IncludeSuppressed every finding is a result, each with a
// suppressions array: inSource for inline comments, external for config and baseline.
func TestSARIFIncludeSuppressed(t *testing.T) {
	r := sarifReport()
	r.IncludeSuppressed = true
	r.Category = "calint/apps"
	run := parseSARIF(t, r).Runs[0]
	if run.AutomationDetails.ID != "calint/apps/" {
		t.Errorf("automationDetails.id %q", run.AutomationDetails.ID)
	}
	if len(run.Results) != 6 {
		t.Fatalf("%d results, want 6", len(run.Results))
	}
	for _, res := range run.Results {
		if res.Suppressions == nil {
			t.Fatalf("%s: no suppressions array", res.RuleID)
		}
		s := *res.Suppressions
		switch res.RuleID {
		case "CAL601":
			if len(s) != 1 || s[0].Kind != "inSource" || s[0].Justification != "migrating | Q3 <soon>" {
				t.Errorf("CAL601 suppressions %+v", s)
			}
		case "CAL203":
			if len(s) != 1 || s[0].Kind != "external" || !strings.Contains(s[0].Justification, "baseline") {
				t.Errorf("CAL203 suppressions %+v", s)
			}
		default:
			if len(s) != 0 {
				t.Errorf("%s: suppressions %+v, want an empty array", res.RuleID, s)
			}
		}
	}
}
