package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSARIFCustomPolicyRules scans the example policies' fixtures with --policy and checks
// that each custom rule is a SARIF rule of its own, with its METADATA (name, descriptions,
// helpUri from the first related_resources entry, level from custom.severity), and that its
// results point at it. The log is validated when the SARIF Multitool is installed.
func TestSARIFCustomPolicyRules(t *testing.T) {
	out := filepath.Join(t.TempDir(), "custom.sarif")
	code, _, stderr := runCLI(t, filepath.Join("..", ".."), "scan", "-f", "sarif", "-o", out, "--fail-on", "never",
		"--policy", "examples/policies", "-c", "examples/policies/testdata/.calint.yaml", "examples/policies/testdata")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						Name             string `json:"name"`
						HelpURI          string `json:"helpUri"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
						Properties map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF log with one run: %v", err)
	}
	run := log.Runs[0]
	type want struct{ name, short, help, level, secsev string }
	wants := map[string]want{
		"ACME101": {"UnapprovedCallbackDomain", "Callback URL outside the approved domains.", "https://help.salesforce.com/s/articleView?id=sf.connected_app_create_api_integration.htm&type=5", "error", "8.0"},
		"ACME102": {"ForbiddenScopeMix", "Forbidden combination of OAuth scopes.", "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm&type=5", "warning", "5.5"},
		"ACME103": {"ContactEmailOutsideOrg", "Contact email outside the organisation.", "https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm", "note", "3.0"},
	}
	index := map[string]int{}
	for i, r := range run.Tool.Driver.Rules {
		index[r.ID] = i
		w, ok := wants[r.ID]
		if !ok {
			continue
		}
		if r.Name != w.name || r.ShortDescription.Text != w.short || r.HelpURI != w.help || r.DefaultConfiguration.Level != w.level {
			t.Errorf("%s: got name %q, short %q, helpUri %q, level %q; want %+v", r.ID, r.Name, r.ShortDescription.Text, r.HelpURI, r.DefaultConfiguration.Level, w)
		}
		if r.Properties["security-severity"] != w.secsev {
			t.Errorf("%s: security-severity %v, want %s", r.ID, r.Properties["security-severity"], w.secsev)
		}
		if tags, _ := r.Properties["tags"].([]any); len(tags) != 2 || tags[1] != "custom" {
			t.Errorf("%s: tags %v, want [security custom]", r.ID, r.Properties["tags"])
		}
		if !strings.Contains(r.Help.Text, "Remediation: ") {
			t.Errorf("%s: help has no remediation: %q", r.ID, r.Help.Text)
		}
	}
	results := map[string]int{}
	for _, res := range run.Results {
		if _, ok := wants[res.RuleID]; !ok {
			continue
		}
		results[res.RuleID]++
		if i, ok := index[res.RuleID]; !ok || res.RuleIndex != i {
			t.Errorf("result of %s has ruleIndex %d, want %d", res.RuleID, res.RuleIndex, i)
		}
	}
	for id, n := range map[string]int{"ACME101": 3, "ACME102": 2, "ACME103": 1} {
		if _, ok := index[id]; !ok {
			t.Errorf("%s: no SARIF rule", id)
		}
		if results[id] != n {
			t.Errorf("%s: %d results, want %d", id, results[id], n)
		}
	}

	t.Run("validator", func(t *testing.T) { validateSARIF(t, multitool(t), out) })
}
