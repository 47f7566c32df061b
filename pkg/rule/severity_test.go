package rule_test

import (
	"slices"
	"testing"

	"github.com/calint/calint/pkg/rule"
)

func TestSeverityRankOrdersSeverities(t *testing.T) {
	sevs := rule.Severities()
	if want := []string{"critical", "high", "medium", "low", "info"}; !slices.Equal(sevs, want) {
		t.Fatalf("Severities() = %v, want %v", sevs, want)
	}
	for i, s := range sevs {
		if got, want := rule.SeverityRank(s), len(sevs)-i; got != want {
			t.Errorf("SeverityRank(%q) = %d, want %d", s, got, want)
		}
	}
	for _, s := range []string{"", "HIGH", "never", "severe"} {
		if got := rule.SeverityRank(s); got != 0 {
			t.Errorf("SeverityRank(%q) = %d, want 0", s, got)
		}
	}
	sevs[0] = "changed"
	if rule.Severities()[0] != rule.Critical {
		t.Error("Severities() shares its slice with the caller")
	}
}

func TestParseSeverityIsCaseInsensitive(t *testing.T) {
	for in, want := range map[string]string{"high": "high", "HIGH": "high", " Medium ": "medium", "Info": "info", "cRiTiCaL": "critical"} {
		got, err := rule.ParseSeverity(in)
		if err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "never", "hi", "warning"} {
		if got, err := rule.ParseSeverity(in); err == nil {
			t.Errorf("ParseSeverity(%q) = %q, want an error", in, got)
		}
	}
	_, err := rule.ParseSeverity("urgent")
	if want := `"urgent" is not one of critical, high, medium, low, info`; err == nil || err.Error() != want {
		t.Errorf("ParseSeverity error = %v, want %s", err, want)
	}
}

// TestSeverityLevels pins what each severity means to SARIF consumers and GitHub: a change
// here changes how code scanning and annotations rank every finding.
func TestSeverityLevels(t *testing.T) {
	for _, c := range []struct{ sev, sarif, score, github string }{
		{"critical", "error", "9.5", "error"},
		{"high", "error", "8.0", "error"},
		{"medium", "warning", "5.5", "warning"},
		{"low", "note", "3.0", "notice"},
		{"info", "note", "1.0", "notice"},
		{"bogus", "", "", ""},
	} {
		if got := rule.SARIFLevel(c.sev); got != c.sarif {
			t.Errorf("SARIFLevel(%q) = %q, want %q", c.sev, got, c.sarif)
		}
		if got := rule.SecuritySeverity(c.sev); got != c.score {
			t.Errorf("SecuritySeverity(%q) = %q, want %q", c.sev, got, c.score)
		}
		if got := rule.GitHubLevel(c.sev); got != c.github {
			t.Errorf("GitHubLevel(%q) = %q, want %q", c.sev, got, c.github)
		}
	}
}
