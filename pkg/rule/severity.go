package rule

import (
	"fmt"
	"strings"
)

// The five severities. Severity values everywhere (rules, findings, config, flags) are
// these lower-case strings.
const (
	Critical = "critical"
	High     = "high"
	Medium   = "medium"
	Low      = "low"
	Info     = "info"
)

// severityInfo is everything calint says about one severity.
type severityInfo struct {
	name string
	// sarifLevel is the SARIF result level.
	sarifLevel string
	// securitySeverity is GitHub code scanning's security-severity score (a CVSS-like
	// number as a string: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, else low).
	securitySeverity string
	// githubLevel is the GitHub Actions workflow-command annotation level.
	githubLevel string
}

// severities is the one list of severities, from the most to the least severe.
var severities = [...]severityInfo{
	{Critical, "error", "9.5", "error"},
	{High, "error", "8.0", "error"},
	{Medium, "warning", "5.5", "warning"},
	{Low, "note", "3.0", "notice"},
	{Info, "note", "1.0", "notice"},
}

// Severities lists the severities from the most to the least severe. The caller may
// change the returned slice.
func Severities() []string {
	out := make([]string, len(severities))
	for i, s := range severities {
		out[i] = s.name
	}
	return out
}

func lookup(s string) (int, bool) {
	for i, v := range severities {
		if v.name == s {
			return i, true
		}
	}
	return 0, false
}

// SeverityRank orders severities: critical is 5, info 1, anything else 0.
func SeverityRank(s string) int {
	if i, ok := lookup(s); ok {
		return len(severities) - i
	}
	return 0
}

// ParseSeverity reads a severity as a user writes it (in a flag or the config): case and
// surrounding space do not matter. It returns the canonical lower-case name.
func ParseSeverity(s string) (string, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	if _, ok := lookup(v); ok {
		return v, nil
	}
	return "", fmt.Errorf("%q is not one of %s", s, strings.Join(Severities(), ", "))
}

// SARIFLevel is the SARIF result level of a severity ("" for an unknown one).
func SARIFLevel(s string) string {
	if i, ok := lookup(s); ok {
		return severities[i].sarifLevel
	}
	return ""
}

// SecuritySeverity is the security-severity score GitHub code scanning reads from a SARIF
// rule's properties ("" for an unknown severity).
func SecuritySeverity(s string) string {
	if i, ok := lookup(s); ok {
		return severities[i].securitySeverity
	}
	return ""
}

// GitHubLevel is the level of a GitHub Actions annotation (error, warning, notice) for a
// severity ("" for an unknown one).
func GitHubLevel(s string) string {
	if i, ok := lookup(s); ok {
		return severities[i].githubLevel
	}
	return ""
}
