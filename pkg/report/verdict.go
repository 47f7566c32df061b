package report

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/calint/calint/pkg/rule"
)

// Verdict is the one-line result of a run, for standard error whatever the format and
// wherever the reports went:
//
//	calint: FAIL (fail-on high): 1 critical, 3 high, 0 medium, 0 low, 40 info; 2 suppressed; reports: calint.sarif, review.html
//
// PASS, FAIL, or ERROR when an input could not be scanned; the gate; the unsuppressed
// findings by severity; what was hidden (suppressed, in the baseline, already there at
// the --new-since ref) and what was fixed; where the reports went.
func Verdict(s Summary, outputs []string) string {
	var b strings.Builder
	switch {
	case s.Errors > 0:
		fmt.Fprintf(&b, "calint: ERROR (%d %s could not be scanned; fail-on %s): ", s.Errors, plural(s.Errors, "input", "inputs"), orDefault(s.FailOn, "high"))
	case s.Failed:
		fmt.Fprintf(&b, "calint: FAIL (fail-on %s): ", orDefault(s.FailOn, "high"))
	case s.FailOn == "never":
		b.WriteString("calint: PASS (fail-on never: no gate): ")
	default:
		fmt.Fprintf(&b, "calint: PASS (fail-on %s): ", orDefault(s.FailOn, "high"))
	}
	counts := make([]string, 0, len(rule.Severities()))
	for _, sev := range rule.Severities() {
		counts = append(counts, fmt.Sprintf("%d %s", s.BySeverity[sev], sev))
	}
	b.WriteString(strings.Join(counts, ", "))
	fmt.Fprintf(&b, " in %d %s, %d %s", s.Files, plural(s.Files, "file", "files"), s.Apps, plural(s.Apps, "app", "apps"))
	var extra []string
	if s.NewSince != "" {
		extra = append(extra, fmt.Sprintf("new since %s: %d already there, %d fixed", s.NewSince, s.Preexisting, s.FixedSince))
	}
	if s.Suppressed > 0 {
		extra = append(extra, fmt.Sprintf("%d suppressed", s.Suppressed))
	}
	if s.Baselined > 0 || s.Fixed > 0 {
		extra = append(extra, fmt.Sprintf("%d in baseline, %d baseline %s fixed", s.Baselined, s.Fixed, plural(s.Fixed, "entry", "entries")))
	}
	switch len(outputs) {
	case 0:
	case 1:
		extra = append(extra, "report: "+outputs[0])
	default:
		extra = append(extra, "reports: "+strings.Join(outputs, ", "))
	}
	if len(extra) > 0 {
		b.WriteString("; " + strings.Join(extra, "; "))
	}
	return b.String()
}

// Hint is the advice for a run that failed on findings: with no baseline, how to accept
// today's findings and fail only on new ones; always, how to suppress one with a reason.
// It is empty when the run did not fail on findings.
func Hint(s Summary, usedBaseline bool) string {
	if !s.Failed || s.Errors > 0 {
		return ""
	}
	one := "add `<!-- calint:ignore CALnnn reason=\"...\" -->` before its element or an `ignore:` entry in .calint.yaml (docs/suppressions.md)"
	if usedBaseline || s.Baselined > 0 || s.NewSince != "" {
		return "calint: hint: to accept a finding, " + one
	}
	return "calint: hint: to accept today's findings and fail only on new ones, run `calint --write-baseline .calint-baseline.json` once and scan with `--baseline .calint-baseline.json` (or gate a pull request with `--new-since origin/main`); to accept one finding, " + one
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// AppendStepSummary appends the Markdown report of r to a GitHub Actions job summary file
// (the file named by GITHUB_STEP_SUMMARY), which GitHub shows on the run's page.
func AppendStepSummary(path string, r *Report) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("step summary: %w", err)
	}
	if err := printable(StepSummary)(f, r); err != nil {
		f.Close()
		return fmt.Errorf("step summary: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("step summary: %w", err)
	}
	return nil
}

// StepSummary writes the Markdown report for a job summary: the verdict, totals, the
// findings worst first (bounded) and the suppressions, followed by a blank line so a
// later step's summary starts a new block.
func StepSummary(w io.Writer, r *Report) error {
	if err := Markdown(w, r); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
