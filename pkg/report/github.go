package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/calint/calint/pkg/rule"
)

// GitHub writes GitHub Actions workflow commands, one annotation per unsuppressed finding:
//
//	::error file=F,line=L,col=C,endLine=L,endColumn=C,title=CAL101 FullAccessScope::message
//
// critical and high findings are errors, medium warnings, low and info notices. Columns
// are given only for single-line regions (GitHub drops them otherwise). Files that could
// not be read are errors too.
func GitHub(w io.Writer, r *Report) error {
	bw := &errWriter{w: w}
	for _, f := range r.Findings {
		if f.Suppressed {
			continue
		}
		level := rule.GitHubLevel(f.Severity)
		if level == "" {
			level = "warning"
		}
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
		bw.printf("::%s %s::%s\n", level, strings.Join(props, ","), githubData(msg))
	}
	for _, e := range r.Errors {
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
	return bw.err
}

// githubData escapes a workflow command's message as the Actions toolkit does.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes a workflow command property value as the Actions toolkit does.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
