// Package report holds the result model of a scan and writes it in every output format.
package report

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/calint/calint/pkg/rule"
)

// Formats lists every output format.
var Formats = []string{"text", "json", "sarif", "junit", "github", "markdown", "html"}

// Suppression says why a finding is suppressed.
type Suppression struct {
	// Kind is "inline", "config" or "baseline".
	Kind    string `json:"kind"`
	Reason  string `json:"reason,omitempty"`
	Expires string `json:"expires,omitempty"`
}

// Finding is one problem found in one app.
type Finding struct {
	RuleID      string       `json:"ruleId"`
	Name        string       `json:"name"`
	Severity    string       `json:"severity"`
	Message     string       `json:"message"`
	File        string       `json:"file"`
	Line        int          `json:"line"`
	Column      int          `json:"column"`
	EndLine     int          `json:"endLine"`
	EndColumn   int          `json:"endColumn"`
	App         string       `json:"app,omitempty"`
	AppType     string       `json:"appType,omitempty"`
	Path        string       `json:"path,omitempty"`
	Fingerprint string       `json:"fingerprint"`
	Suppressed  bool         `json:"suppressed"`
	Suppression *Suppression `json:"suppression,omitempty"`
	// Snippet is the source line of the finding, with secrets masked; a long line is cut
	// to the finding's part, between "…".
	Snippet string `json:"-"`
	// SnippetOffset is what to subtract from Column (and EndColumn) to get a column of
	// Snippet: the code points cut from the line's start, less the "…" in their place.
	SnippetOffset int `json:"-"`
}

// FileError is a file or input that could not be read or parsed, or another problem that
// makes the run exit 2.
type FileError struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

func (e FileError) String() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
	case e.File != "":
		return e.File + ": " + e.Message
	}
	return e.Message
}

// AppSummary is the posture of one app at a glance, for reports that show apps.
type AppSummary struct {
	Name string `json:"name"`
	Type string `json:"type"`
	// Owner is the app's contact email (contactEmail), if it has one.
	Owner     string            `json:"owner,omitempty"`
	Files     []string          `json:"files"`
	Facts     map[string]string `json:"facts,omitempty"`
	Counts    map[string]int    `json:"counts,omitempty"`
	Callbacks []string          `json:"callbacks,omitempty"`
}

// Summary counts what a scan did and found.
type Summary struct {
	Files      int            `json:"files"`
	Apps       int            `json:"apps"`
	Findings   int            `json:"findings"`
	BySeverity map[string]int `json:"bySeverity"`
	Suppressed int            `json:"suppressed"`
	Baselined  int            `json:"baselined"`
	Fixed      int            `json:"fixed"`
	Errors     int            `json:"errors"`
	DurationMS int64          `json:"durationMs"`
	FailOn     string         `json:"failOn"`
	Failed     bool           `json:"failed"`
	// NewSince is the git ref of --new-since: findings whose fingerprint also occurs in
	// the same paths at that ref are not reported; Preexisting counts them and
	// FixedSince counts the findings at the ref that are gone.
	NewSince    string `json:"newSince,omitempty"`
	Preexisting int    `json:"preexisting,omitempty"`
	FixedSince  int    `json:"fixedSince,omitempty"`
}

// WithAllSeverities returns the summary with a count for every severity in BySeverity,
// zero ones included, so scripts can index it.
func (s Summary) WithAllSeverities() Summary {
	by := make(map[string]int, len(rule.Severities()))
	for k, v := range s.BySeverity {
		by[k] = v
	}
	for _, sev := range rule.Severities() {
		if _, ok := by[sev]; !ok {
			by[sev] = 0
		}
	}
	s.BySeverity = by
	return s
}

// Meta describes a run: when, what and with what it scanned.
type Meta struct {
	// Time is when the scan ran (zero: not shown, so tests get the same bytes).
	Time time.Time
	// Paths are the scanned paths, as given.
	Paths []string
	// Repository is the git remote (without credentials), Commit the HEAD commit and
	// Dirty whether the working tree had uncommitted changes, when the scan ran in git.
	Repository string
	Commit     string
	Dirty      bool
	// OPA is the version of the policy engine.
	OPA string
}

// Report is everything a writer needs.
type Report struct {
	Version  string
	Rules    []rule.Rule
	Findings []Finding
	Errors   []FileError
	Apps     []AppSummary
	Summary  Summary
	Duration time.Duration
	// IncludeSuppressed makes SARIF carry suppressed results (with suppressions).
	IncludeSuppressed bool
	// Quiet makes text output one line per finding: no source lines, no summary.
	Quiet bool
	// Verbose makes text output list every info finding instead of one line per rule.
	Verbose bool
	// Color enables ANSI colour in text output.
	Color bool
	// Root is the directory SARIF URIs are relative to (its %SRCROOT%).
	Root string
	// Meta says when and what was scanned, for reports read later (HTML).
	Meta Meta
	// Category is the SARIF run's automationDetails.id ("calint/" when empty): code
	// scanning keeps one analysis per category.
	Category string
}

// Sort orders findings by file, line, column, rule id, message.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return lessFinding(fs[i], fs[j]) })
}

// Active returns the findings that are not suppressed.
func (r *Report) Active() []Finding {
	out := make([]Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		if !f.Suppressed {
			out = append(out, f)
		}
	}
	return out
}

// RuleByID finds a rule's metadata.
func (r *Report) RuleByID(id string) (rule.Rule, bool) {
	i := slices.IndexFunc(r.Rules, func(x rule.Rule) bool { return x.ID == id })
	if i < 0 {
		return rule.Rule{}, false
	}
	return r.Rules[i], true
}

// Writer writes a report in one format.
type Writer func(w io.Writer, r *Report) error

// WriterFor returns the writer of a format. The formats read in terminals and CI logs
// (text, github, markdown, junit) show control characters escaped (see Printable).
func WriterFor(format string) (Writer, error) {
	switch format {
	case "text":
		return printable(Text), nil
	case "json":
		return JSON, nil
	case "sarif":
		return SARIF, nil
	case "junit":
		return printable(JUnit), nil
	case "github":
		return printable(GitHub), nil
	case "markdown":
		return printable(Markdown), nil
	case "html":
		return HTML, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// WriteFile writes the report atomically: into a temporary file beside path, renamed over
// path only when complete. Missing parent directories are created; an existing report's
// permissions are kept.
func WriteFile(path string, write func(io.Writer) error) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		// a device or pipe (-o /dev/null, /dev/stdout, a FIFO): write into it; renaming
		// over it would replace the device with a regular file
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		if err := write(f); err != nil {
			f.Close()
			return fmt.Errorf("write report: %w", err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".calint-*.tmp")
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write report: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	// a new report is 0644; an existing one keeps its mode (a private report stays private)
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
