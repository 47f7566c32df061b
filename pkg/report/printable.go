package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Printable escapes what a terminal or a CI log would act on instead of showing: C0 and C1
// control characters (newlines included, so one finding stays one line and no value can
// start a GitHub workflow command such as "::error::"), DEL, the Unicode line and
// paragraph separators, bidirectional overrides and invalid UTF-8. They are shown as Go
// escapes (\n, \x1b, \u202e). Tabs are kept when keepTab is set (source lines).
func Printable(s string, keepTab bool) string {
	clean := true
	for _, r := range s {
		if needsEscape(r, keepTab) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !needsEscape(r, keepTab):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

func needsEscape(r rune, keepTab bool) bool {
	switch {
	case r == '\t':
		return !keepTab
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
		return true
	case r == utf8.RuneError:
		return true
	}
	return false
}

// printableSnippet escapes a source line and moves its column offset by the width the
// escapes add before the finding's column, so the caret stays under the offending element.
func printableSnippet(line string, col, offset int) (string, int) {
	esc := Printable(line, true)
	if esc == line || col <= 1 {
		return esc, offset
	}
	prefix := []rune(line)
	if col-1 < len(prefix) {
		prefix = prefix[:col-1]
	}
	return esc, offset - (utf8.RuneCountInString(Printable(string(prefix), true)) - len(prefix))
}

// printableReport returns a copy of r whose user-controlled strings (file names, messages,
// app names, element paths, source lines, errors) are Printable: for the formats read in
// terminals and CI logs (text, github, markdown, junit).
func printableReport(r *Report) *Report {
	c := *r
	c.Findings = make([]Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.File = Printable(f.File, false)
		f.Message = Printable(f.Message, false)
		f.App = Printable(f.App, false)
		f.Path = Printable(f.Path, false)
		f.Snippet, f.SnippetOffset = printableSnippet(f.Snippet, f.Column-f.SnippetOffset, f.SnippetOffset)
		if f.Suppression != nil {
			s := *f.Suppression
			s.Reason = Printable(s.Reason, false)
			f.Suppression = &s
		}
		c.Findings[i] = f
	}
	c.Errors = make([]FileError, len(r.Errors))
	for i, e := range r.Errors {
		e.File = Printable(e.File, false)
		e.Message = Printable(e.Message, false)
		c.Errors[i] = e
	}
	c.Apps = make([]AppSummary, len(r.Apps))
	for i, a := range r.Apps {
		a.Name = Printable(a.Name, false)
		files := make([]string, len(a.Files))
		for j, f := range a.Files {
			files[j] = Printable(f, false)
		}
		a.Files = files
		c.Apps[i] = a
	}
	return &c
}

// printable wraps a writer so it writes the Printable copy of a report.
func printable(w Writer) Writer {
	return func(out io.Writer, r *Report) error { return w(out, printableReport(r)) }
}
