package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// JUnit writes JUnit XML as Jenkins, GitLab and Azure DevOps read it: a test suite per
// rule with a failing test case per finding (failure type = severity), plus a "calint"
// suite whose test cases are the files that could not be read (errors), or one passing
// "scan" case, so a clean run is never an empty report. Suppressed findings appear as
// skipped test cases only with IncludeSuppressed.
func JUnit(w io.Writer, r *Report) error {
	byRule := map[string]*junitSuite{}
	var ids []string
	for _, f := range r.Findings {
		if f.Suppressed && !r.IncludeSuppressed {
			continue
		}
		s := byRule[f.RuleID]
		if s == nil {
			name := f.RuleID
			if f.Name != "" {
				name += " " + f.Name
			}
			s = &junitSuite{Name: name, Time: "0"}
			byRule[f.RuleID] = s
			ids = append(ids, f.RuleID)
		}
		c := junitCase{
			Name:      junitCaseName(f),
			Classname: "calint." + f.RuleID,
			File:      f.File,
			Line:      f.Line,
			Time:      "0",
		}
		if f.Suppressed {
			c.Skipped = &junitSkipped{Message: suppressionText(f.Suppression)}
			s.Skipped++
		} else {
			c.Failure = &junitProblem{Message: f.Message, Type: f.Severity, Text: junitDetail(r, f)}
			s.Failures++
		}
		s.Tests++
		s.Cases = append(s.Cases, c)
	}
	sort.Strings(ids)

	out := junitSuites{Name: "calint", Time: fmt.Sprintf("%.3f", r.Duration.Seconds())}
	tool := junitSuite{Name: "calint", Time: out.Time}
	for _, e := range r.Errors {
		tool.Cases = append(tool.Cases, junitCase{
			Name: e.String(), Classname: "calint.errors", File: e.File, Line: e.Line, Time: "0",
			Error: &junitProblem{Message: e.Message, Type: "error", Text: e.String()},
		})
		tool.Errors++
	}
	if len(tool.Cases) == 0 {
		tool.Cases = []junitCase{{
			Name:      fmt.Sprintf("scan of %d %s, %d %s", r.Summary.Files, plural(r.Summary.Files, "file", "files"), r.Summary.Apps, plural(r.Summary.Apps, "app", "apps")),
			Classname: "calint", Time: out.Time,
		}}
	}
	tool.Tests = len(tool.Cases)
	out.Suites = append(out.Suites, tool)
	for _, id := range ids {
		out.Suites = append(out.Suites, *byRule[id])
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Skipped += s.Skipped
	}
	bw := &errWriter{w: w}
	bw.printf("%s", xml.Header)
	if bw.err != nil {
		return bw.err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func junitCaseName(f Finding) string {
	loc := f.File
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
	}
	if f.App != "" {
		return loc + " (" + f.App + ")"
	}
	return loc
}

// junitDetail is the failure's body: location, app, element and the masked source line.
func junitDetail(r *Report, f Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s\n", strings.ToUpper(f.Severity), f.RuleID, f.Message)
	fmt.Fprintf(&b, "at %s\n", junitCaseName(f))
	if f.Path != "" {
		fmt.Fprintf(&b, "element: %s\n", f.Path)
	}
	if f.Snippet != "" {
		fmt.Fprintf(&b, "    %s\n", strings.TrimSpace(f.Snippet))
	}
	if rule, ok := r.RuleByID(f.RuleID); ok && rule.HelpURI != "" {
		fmt.Fprintf(&b, "help: %s\n", rule.HelpURI)
	}
	return b.String()
}

// suppressionText describes a suppression for people: "suppressed (inline): reason,
// expires 2027-06-30".
func suppressionText(s *Suppression) string {
	if s == nil {
		return "suppressed"
	}
	t := "suppressed (" + s.Kind + ")"
	if s.Reason != "" {
		t += ": " + s.Reason
	}
	if s.Expires != "" {
		t += ", expires " + s.Expires
	}
	return t
}
