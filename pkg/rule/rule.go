// Package rule is the rule registry's vocabulary, shared by every layer: a rule's metadata
// (read from its Rego METADATA by pkg/engine) and the five severities with their rank and
// their meaning in SARIF and GitHub annotations. It depends on nothing but the standard
// library, so reports, baselines and config never pull in OPA.
package rule

// Link is a related resource of a rule.
type Link struct {
	URL         string `json:"url"`
	Description string `json:"description,omitempty"`
}

// Rule is one rule's metadata, read from its package METADATA.
type Rule struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Title       string `json:"title"`
	Severity    string `json:"severity"`
	Description string `json:"description"`
	Remediation string `json:"remediation,omitempty"`
	Example     string `json:"example,omitempty"`
	HelpURI     string `json:"helpUri,omitempty"`
	Links       []Link `json:"links,omitempty"`
	// Package is the rule's Rego package path without "data.", e.g. calint.rules.cal101.
	Package string `json:"package"`
	// File is the rule's source file.
	File string `json:"file"`
	// Builtin is false for custom policies.
	Builtin bool `json:"builtin"`
	// Tags are the rule's SARIF tags.
	Tags []string `json:"tags,omitempty"`
	// Native rules are reported by calint itself (parsing, suppressions), not by Rego.
	Native bool `json:"native,omitempty"`
}
