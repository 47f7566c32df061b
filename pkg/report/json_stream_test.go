package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/calint/calint/pkg/rule"
)

// TestJSONStreamsTheSameBytes: the streaming JSON writer writes exactly what encoding the
// whole report at once did (two-space indent, no HTML escaping), empty lists included.
func TestJSONStreamsTheSameBytes(t *testing.T) {
	reports := []*Report{
		{Version: "1.0"},
		{
			Version: "v<2>&",
			Summary: Summary{Files: 2, Apps: 1, Findings: 2, BySeverity: map[string]int{"high": 1, "low": 1}, FailOn: "high", Failed: true},
			Findings: []Finding{
				{RuleID: "CAL101", Name: "FullAccessScope", Severity: "high", Message: `scope "Full" <all> & more — é`, File: "a/b.connectedApp-meta.xml", Line: 3, Column: 5, EndLine: 3, EndColumn: 30, App: "B", AppType: "ConnectedApp", Path: "oauthConfig/scopes[1]", Fingerprint: "00ff", Snippet: "x"},
				{RuleID: "CAL401", Severity: "low", Message: "m", File: "f", Suppressed: true, Suppression: &Suppression{Kind: "inline", Reason: "ok"}},
			},
			Errors: []FileError{{File: "bad.xml", Line: 1, Column: 2, Message: "not well-formed"}},
		},
	}
	for _, r := range reports {
		out := jsonReport{Version: r.Version, Summary: r.Summary.WithAllSeverities(), Findings: r.Findings, Errors: r.Errors}
		if out.Findings == nil {
			out.Findings = []Finding{}
		}
		if out.Errors == nil {
			out.Errors = []FileError{}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := JSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("streamed JSON differs\n got: %s\nwant: %s", got.String(), want.String())
		}
		var back struct {
			Summary Summary `json:"summary"`
		}
		if err := json.Unmarshal(got.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		for _, sev := range rule.Severities() {
			if _, ok := back.Summary.BySeverity[sev]; !ok {
				t.Errorf("summary.bySeverity lacks %q: %v", sev, back.Summary.BySeverity)
			}
		}
	}
}
