package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/fatih/color"

	"github.com/calint/calint/pkg/rule"
)

// severityAttrs are the text colours of the severities.
var severityAttrs = map[string][]color.Attribute{
	"critical": {color.FgMagenta, color.Bold},
	"high":     {color.FgRed, color.Bold},
	"medium":   {color.FgYellow},
	"low":      {color.FgCyan},
	"info":     {color.FgBlue},
}

// TextInfoShown is how many app names a collapsed info line lists.
const TextInfoShown = 5

// Text writes the unsuppressed findings worst first, one per line
// (`path:line:col: SEVERITY CALnnn message`) with the source line and a caret under the
// column, then a summary: the counts by severity and the apps most at risk. Info findings
// of one rule found more than once are one line naming the count and the apps (Verbose
// lists each), so 40 notes about legacy apps do not drown the rest. Quiet prints one line
// per finding and nothing else.
func Text(w io.Writer, r *Report) error {
	// each call has its own colours: a color.Color carries mutable state (EnableColor),
	// so shared package-level values would be written by concurrent writers
	severityColor := map[string]*color.Color{}
	for sev, attrs := range severityAttrs {
		severityColor[sev] = color.New(attrs...)
	}
	paint := func(c *color.Color, s string) string {
		if !r.Color || c == nil {
			return s
		}
		c.EnableColor()
		return c.Sprint(s)
	}
	bold := color.New(color.Bold)
	bw := &errWriter{w: w}
	active := r.Active()
	SortWorstFirst(active)
	infos := map[string][]Finding{}
	if !r.Verbose && !r.Quiet {
		for _, f := range active {
			if f.Severity == "info" {
				infos[f.RuleID] = append(infos[f.RuleID], f)
			}
		}
	}
	collapsed := map[string]bool{}
	for _, f := range active {
		if group := infos[f.RuleID]; f.Severity == "info" && len(group) > 1 {
			if !collapsed[f.RuleID] {
				collapsed[f.RuleID] = true
				bw.printf("%s %s %s\n", paint(severityColor["info"], "INFO"), f.RuleID, collapsedInfo(r, group))
			}
			continue
		}
		loc := f.File
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
		}
		bw.printf("%s: %s %s %s\n", loc, paint(severityColor[f.Severity], strings.ToUpper(f.Severity)), f.RuleID, f.Message)
		if f.Snippet != "" && !r.Quiet {
			line, caret := snippetWithCaret(f.Snippet, f.Column-f.SnippetOffset)
			bw.printf("    %s\n    %s\n", line, paint(severityColor[f.Severity], caret))
		}
	}
	for _, e := range r.Errors {
		if e.File == "" {
			bw.printf("error: %s\n", e.Message)
		}
	}
	if r.Quiet {
		return bw.err
	}
	s := r.Summary
	var parts []string
	for _, sev := range rule.Severities() {
		if n := s.BySeverity[sev]; n > 0 {
			parts = append(parts, paint(severityColor[sev], fmt.Sprintf("%d %s", n, sev)))
		}
	}
	by := ""
	if len(parts) > 0 {
		by = " (" + strings.Join(parts, ", ") + ")"
	}
	line := paint(bold, fmt.Sprintf("%d %s", s.Findings, plural(s.Findings, "finding", "findings"))) + by +
		fmt.Sprintf(" in %d %s, %d %s", s.Files, plural(s.Files, "file", "files"), s.Apps, plural(s.Apps, "app", "apps"))
	if s.NewSince != "" {
		line += fmt.Sprintf("; new since %s (%d already there, %d fixed)", s.NewSince, s.Preexisting, s.FixedSince)
	}
	if s.Suppressed > 0 {
		line += fmt.Sprintf("; %d suppressed", s.Suppressed)
	}
	if s.Baselined > 0 || s.Fixed > 0 {
		line += fmt.Sprintf("; %d in baseline, %d baseline %s fixed", s.Baselined, s.Fixed, plural(s.Fixed, "entry", "entries"))
	}
	if s.Errors > 0 {
		line += fmt.Sprintf("; %d %s", s.Errors, plural(s.Errors, "error", "errors"))
	}
	line += fmt.Sprintf(" [%s]", formatDuration(r.Duration))
	if len(active) > 0 || s.Files > 0 {
		bw.printf("\n")
	}
	bw.printf("%s\n", line)
	var risky []string
	for _, a := range AppRisks(nil, active) {
		if a.Total == 0 || len(risky) == TextInfoShown {
			break
		}
		var c []string
		for i, n := range a.Counts {
			if n > 0 {
				c = append(c, paint(severityColor[rule.Severities()[i]], fmt.Sprintf("%d %s", n, rule.Severities()[i])))
			}
		}
		risky = append(risky, fmt.Sprintf("%s (%s)", a.Name, strings.Join(c, ", ")))
	}
	if len(risky) > 1 {
		bw.printf("most at risk: %s\n", strings.Join(risky, "; "))
	}
	return bw.err
}

// collapsedInfo is the line for several info findings of one rule: the message (or the
// rule's title when the messages differ), the count and the apps.
func collapsedInfo(r *Report, group []Finding) string {
	msg := group[0].Message
	for _, f := range group[1:] {
		if f.Message != msg {
			msg = group[0].Name
			if rule, ok := r.RuleByID(group[0].RuleID); ok && rule.Title != "" {
				msg = rule.Title
			}
			break
		}
	}
	seen := map[string]bool{}
	var apps []string
	for _, f := range group {
		name := f.App
		if name == "" {
			name = f.File
		}
		if !seen[name] {
			seen[name] = true
			apps = append(apps, name)
		}
	}
	sort.Strings(apps)
	list := strings.Join(apps, ", ")
	if len(apps) > TextInfoShown {
		list = fmt.Sprintf("%s and %d more", strings.Join(apps[:TextInfoShown], ", "), len(apps)-TextInfoShown)
	}
	return fmt.Sprintf("%s [%d findings in %d %s: %s; --verbose lists each]", msg, len(group), len(apps), plural(len(apps), "app", "apps"), list)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// snippetWithCaret expands tabs (so the caret lines up) and returns the line and a caret
// under the 1-based code point column.
func snippetWithCaret(line string, col int) (string, string) {
	var b strings.Builder
	width := 0
	caretAt := -1
	i := 0
	for _, r := range line {
		i++
		if i == col {
			caretAt = width
		}
		if r == '\t' {
			n := 4 - width%4
			b.WriteString(strings.Repeat(" ", n))
			width += n
			continue
		}
		b.WriteRune(r)
		width++
	}
	if caretAt < 0 {
		caretAt = width
	}
	return b.String(), strings.Repeat(" ", caretAt) + "^"
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}
