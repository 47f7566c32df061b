package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/calint/calint/pkg/rule"
)

var severityColor = map[string]*color.Color{
	"critical": color.New(color.FgMagenta, color.Bold),
	"high":     color.New(color.FgRed, color.Bold),
	"medium":   color.New(color.FgYellow),
	"low":      color.New(color.FgCyan),
	"info":     color.New(color.FgBlue),
}

// Text writes one finding per line (`path:line:col: SEVERITY CALnnn message`), the source
// line with a caret under the column, and a summary.
func Text(w io.Writer, r *Report) error {
	paint := func(c *color.Color, s string) string {
		if !r.Color || c == nil {
			return s
		}
		c.EnableColor()
		return c.Sprint(s)
	}
	dim := color.New(color.Faint)
	bw := &errWriter{w: w}
	for _, f := range r.Findings {
		if f.Suppressed {
			continue
		}
		loc := f.File
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
		}
		bw.printf("%s: %s %s %s\n", loc, paint(severityColor[f.Severity], strings.ToUpper(f.Severity)), f.RuleID, f.Message)
		if f.Snippet != "" && !r.Quiet {
			line, caret := snippetWithCaret(f.Snippet, f.Column)
			bw.printf("    %s\n    %s\n", line, paint(severityColor[f.Severity], caret))
		}
	}
	for _, e := range r.Errors {
		if e.File == "" {
			bw.printf("error: %s\n", e.Message)
		}
	}
	if !r.Quiet {
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
		line := fmt.Sprintf("%d %s%s in %d %s, %d %s", s.Findings, plural(s.Findings, "finding", "findings"), by,
			s.Files, plural(s.Files, "file", "files"), s.Apps, plural(s.Apps, "app", "apps"))
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
		if len(r.Findings) > 0 || s.Files > 0 {
			bw.printf("\n")
		}
		bw.printf("%s\n", paint(dim, line))
	}
	return bw.err
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
