package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/calint/calint/pkg/rule"
)

// FamilyTag names a built-in rule's family by the hundreds digit of its id (CALnnn); every
// other id is a custom rule's.
func FamilyTag(id string) string {
	if len(id) >= 4 && strings.HasPrefix(id, "CAL") {
		switch id[3] {
		case '0':
			return "calint"
		case '1':
			return "oauth-scopes"
		case '2':
			return "callback-urls"
		case '3':
			return "secrets"
		case '4':
			return "access-control"
		case '5':
			return "oauth-hardening"
		case '6':
			return "metadata-hygiene"
		}
	}
	return "custom"
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	AutomationDetails  sarifAutomation             `json:"automationDetails"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []sarifResult               `json:"results"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifMessage      `json:"shortDescription"`
	FullDescription      sarifMessage      `json:"fullDescription"`
	Help                 sarifHelp         `json:"help"`
	HelpURI              string            `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	SecuritySeverity string   `json:"security-severity"`
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
	ProblemSeverity  string   `json:"problem.severity"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string              `json:"ruleId"`
	RuleIndex           int                 `json:"ruleIndex"`
	Level               string              `json:"level"`
	Message             sarifMessage        `json:"message"`
	Locations           []sarifLocation     `json:"locations"`
	PartialFingerprints map[string]string   `json:"partialFingerprints"`
	Suppressions        *[]sarifSuppression `json:"suppressions,omitempty"`
	Properties          map[string]string   `json:"properties,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sentence ends s with a period, as SARIF consumers expect of messages.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// SARIF writes SARIF 2.1.0 for GitHub code scanning: every rule with its metadata, results
// with relative URIs, full regions and semantic fingerprints. Suppressed results are left
// out unless IncludeSuppressed is set.
func SARIF(w io.Writer, r *Report) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            "calint",
			Version:         strings.TrimPrefix(r.Version, "v"),
			SemanticVersion: semver(r.Version),
			InformationURI:  "https://github.com/calint/calint",
			Rules:           []sarifRule{},
		}},
		AutomationDetails: sarifAutomation{ID: sarifCategory(r.Category)},
		ColumnKind:        "unicodeCodePoints",
		Results:           []sarifResult{},
	}
	if r.Root != "" {
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(r.Root)}
		s := u.String()
		if !strings.HasSuffix(s, "/") {
			s += "/"
		}
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{"%SRCROOT%": {URI: s}}
	}
	index := map[string]int{}
	for _, rl := range r.Rules {
		index[rl.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFrom(rl))
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, e := range r.Errors {
		if e.File != "" {
			continue // unreadable files are CAL001 results
		}
		inv.ExecutionSuccessful = false
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifMessage{Text: sentence(e.Message)}})
	}
	run.Invocations = []sarifInvocation{inv}
	for _, f := range r.Findings {
		if f.Suppressed && !r.IncludeSuppressed {
			continue
		}
		idx, ok := index[f.RuleID]
		if !ok {
			continue
		}
		line, col := max(f.Line, 1), max(f.Column, 1)
		endLine, endCol := max(f.EndLine, line), f.EndColumn
		if endLine == line && endCol <= col {
			endCol = col + 1
		}
		if endCol < 1 {
			endCol = 1
		}
		res := sarifResult{
			RuleID:    f.RuleID,
			RuleIndex: idx,
			Level:     rule.SARIFLevel(f.Severity),
			Message:   sarifMessage{Text: sentence(f.Message)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactLoc{URI: fileURI(f.File), URIBaseID: "%SRCROOT%"},
				Region:           &sarifRegion{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol},
			}}},
			PartialFingerprints: map[string]string{"calint/v1": f.Fingerprint},
		}
		if sr := run.Tool.Driver.Rules[idx]; sr.DefaultConfiguration.Level != res.Level || f.Severity != "" {
			res.Properties = map[string]string{"severity": f.Severity}
		}
		if r.IncludeSuppressed {
			sup := []sarifSuppression{}
			if f.Suppressed && f.Suppression != nil {
				kind := "external"
				if f.Suppression.Kind == "inline" {
					kind = "inSource"
				}
				sup = append(sup, sarifSuppression{Kind: kind, Justification: f.Suppression.Reason})
			}
			res.Suppressions = &sup
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

func sarifRuleFrom(rl rule.Rule) sarifRule {
	tags := []string{"security", FamilyTag(rl.ID)}
	for _, t := range rl.Tags {
		if t != "security" && t != tags[1] {
			tags = append(tags, t)
		}
	}
	return sarifRule{
		ID:                   rl.ID,
		Name:                 rl.Name,
		ShortDescription:     sarifMessage{Text: sentence(rl.Title)},
		FullDescription:      sarifMessage{Text: sentence(firstParagraph(rl.Description))},
		Help:                 sarifHelp{Text: HelpText(rl), Markdown: HelpMarkdown(rl)},
		HelpURI:              rl.HelpURI,
		DefaultConfiguration: sarifRuleConfig{Level: rule.SARIFLevel(rl.Severity)},
		Properties: sarifRuleProperty{
			SecuritySeverity: rule.SecuritySeverity(rl.Severity),
			Tags:             tags,
			Precision:        "high",
			ProblemSeverity:  rule.SARIFLevel(rl.Severity),
		},
	}
}

func firstParagraph(s string) string {
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}

// HelpText is a rule's plain-text help: description, remediation and example.
func HelpText(rl rule.Rule) string {
	var b strings.Builder
	b.WriteString(sentence(strings.Join(strings.Fields(rl.Description), " ")))
	if rl.Remediation != "" {
		b.WriteString("\n\nRemediation: " + sentence(strings.Join(strings.Fields(rl.Remediation), " ")))
	}
	if rl.Example != "" {
		b.WriteString("\n\nExample:\n" + rl.Example)
	}
	if rl.HelpURI != "" {
		b.WriteString("\n\nDocumentation: " + rl.HelpURI)
	}
	return b.String()
}

// HelpMarkdown is a rule's help in Markdown.
func HelpMarkdown(rl rule.Rule) string {
	var b strings.Builder
	b.WriteString(rl.Description)
	if rl.Remediation != "" {
		b.WriteString("\n\n**Remediation:** " + rl.Remediation)
	}
	if rl.Example != "" {
		b.WriteString("\n\n```xml\n" + rl.Example + "\n```")
	}
	for _, l := range rl.Links {
		d := l.Description
		if d == "" {
			d = l.URL
		}
		b.WriteString("\n\n- [" + d + "](" + l.URL + ")")
	}
	return b.String()
}

// fileURI escapes each segment of a slash path for use as a relative URI.
func fileURI(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		// "!" (archive.zip!inner/path) is a legal path character; keep it readable
		parts[i] = strings.ReplaceAll(url.PathEscape(s), "%21", "!")
	}
	return strings.Join(parts, "/")
}

func semver(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v == "dev" || v == "(devel)" {
		return ""
	}
	return v
}

// sarifCategory is the automationDetails.id of a category: GitHub reads the part up to
// the last "/" as the category, so one is appended when missing.
func sarifCategory(c string) string {
	c = strings.TrimSpace(c)
	if c == "" {
		c = "calint"
	}
	if !strings.HasSuffix(c, "/") {
		c += "/"
	}
	return c
}
