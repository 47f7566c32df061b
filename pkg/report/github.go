package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/calint/calint/pkg/rule"
)

// GitHubAnnotationLimit is how many annotations of one level (error, warning, notice)
// GitHub shows for one step; it drops the rest.
const GitHubAnnotationLimit = 10

// GitHub writes GitHub Actions workflow commands, one annotation per unsuppressed finding,
// worst first:
//
//	::error file=F,line=L,col=C,endLine=L,endColumn=C,title=CAL101 FullAccessScope::message
//
// critical and high findings are errors, medium warnings, low and info notices. Columns
// are given only for single-line regions (GitHub drops them otherwise). Files that could
// not be read are errors too, and come first. GitHub shows only GitHubAnnotationLimit
// annotations of each level per step: past that, one notice sums up the findings left
// out, so no high finding is lost below a wall of notes.
func GitHub(w io.Writer, r *Report) error {
	bw := &errWriter{w: w}
	active := r.Active()
	SortWorstFirst(active)

	// how many of each level there are, to leave room for the summing-up notice
	total := map[string]int{"error": len(r.Errors)}
	for _, f := range active {
		total[levelOf(f)]++
	}
	limit := map[string]int{"error": GitHubAnnotationLimit, "warning": GitHubAnnotationLimit, "notice": GitHubAnnotationLimit}
	for _, n := range total {
		if n > GitHubAnnotationLimit {
			limit["notice"] = GitHubAnnotationLimit - 1
			break
		}
	}
	shown := map[string]int{}
	show := func(level string) bool {
		if shown[level] >= limit[level] {
			return false
		}
		shown[level]++
		return true
	}

	errorsLeft := 0
	for _, e := range r.Errors {
		if !show("error") {
			errorsLeft++
			continue
		}
		var props []string
		if e.File != "" {
			props = append(props, "file="+githubProperty(e.File))
			if e.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", e.Line))
				if e.Column > 0 {
					props = append(props, fmt.Sprintf("col=%d", e.Column))
				}
			}
		}
		props = append(props, "title="+githubProperty("calint error"))
		bw.printf("::error %s::%s\n", strings.Join(props, ","), githubData(e.Message))
	}
	left := map[string]int{}
	leftTotal := 0
	for _, f := range active {
		if !show(levelOf(f)) {
			left[f.Severity]++
			leftTotal++
			continue
		}
		bw.printf("%s\n", githubAnnotation(f))
	}
	if leftTotal > 0 || errorsLeft > 0 {
		var parts []string
		for _, sev := range rule.Severities() {
			if n := left[sev]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, sev))
			}
		}
		if errorsLeft > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", errorsLeft, plural(errorsLeft, "error", "errors")))
		}
		n := leftTotal + errorsLeft
		title := fmt.Sprintf("calint: %d more not shown", n)
		msg := fmt.Sprintf("%d more %s not shown as annotations (GitHub shows %d of each level per step): %s. See the job summary or the full report (-f sarif, -f html).",
			n, plural(n, "problem is", "problems are"), GitHubAnnotationLimit, strings.Join(parts, ", "))
		bw.printf("::notice title=%s::%s\n", githubProperty(title), githubData(msg))
	}
	return bw.err
}

func levelOf(f Finding) string {
	if level := rule.GitHubLevel(f.Severity); level != "" {
		return level
	}
	return "warning"
}

// githubAnnotation is the workflow command of one finding.
func githubAnnotation(f Finding) string {
	props := []string{"file=" + githubProperty(f.File)}
	if f.Line > 0 {
		endLine := max(f.EndLine, f.Line)
		if endLine == f.Line && f.Column > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Line), fmt.Sprintf("col=%d", f.Column), fmt.Sprintf("endLine=%d", endLine))
			if f.EndColumn > f.Column {
				props = append(props, fmt.Sprintf("endColumn=%d", f.EndColumn))
			}
		} else {
			props = append(props, fmt.Sprintf("line=%d", f.Line), fmt.Sprintf("endLine=%d", endLine))
		}
	}
	title := f.RuleID
	if f.Name != "" {
		title += " " + f.Name
	}
	props = append(props, "title="+githubProperty(title))
	msg := f.Message
	if f.App != "" {
		msg += " (app " + f.App + ")"
	}
	return fmt.Sprintf("::%s %s::%s", levelOf(f), strings.Join(props, ","), githubData(msg))
}

// githubData escapes a workflow command's message as the Actions toolkit does.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes a workflow command property value as the Actions toolkit does.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
