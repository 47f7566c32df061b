// Package suppress applies suppressions to findings: inline calint:ignore comments in the
// XML and ignore entries of .calint.yaml. A suppression names rule ids, must give a reason
// and may expire. Malformed suppressions (CAL002), expired ones (CAL003) and, on request,
// unused ones (CAL004) are reported as findings of their own, located at the suppression.
package suppress

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/fingerprint"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/pkg/scan"
)

// The rules this package reports.
const (
	InvalidID = "CAL002"
	ExpiredID = "CAL003"
	UnusedID  = "CAL004"
)

// Kinds of suppression, as in report.Suppression.Kind.
const (
	KindInline   = "inline"
	KindConfig   = "config"
	KindBaseline = "baseline"
)

// Options configure Apply.
type Options struct {
	// Now is the current time; a suppression works through its expiry date (UTC). The
	// zero value means time.Now().
	Now time.Time
	// NoInline ignores calint comments entirely (--no-inline-suppressions,
	// inline-suppressions: false): they neither suppress nor are reported.
	NoInline bool
	// Ignores are the config's ignore entries.
	Ignores []config.Ignore
	// ConfigFile is the config's path as reports show it; ConfigDir is the directory the
	// ignore path globs are relative to.
	ConfigFile, ConfigDir string
	// Known reports whether a rule id exists (enabled or not); nil accepts every id.
	Known func(string) bool
	// Rules are the enabled rules with their effective severity. CAL002-CAL004 findings
	// are produced only when their rule is among them, and CAL004 reports only ids of
	// enabled rules.
	Rules []rule.Rule
	// ReportUnused reports suppressions that matched no finding (CAL004).
	ReportUnused bool
	// Apps name the app of each file, for the findings located in the XML.
	Apps []report.AppSummary
}

// suppression is an inline directive or a config entry, ready to match findings.
type suppression struct {
	kind    string
	rules   []string // empty: every rule (config entries only)
	reason  string
	expires string
	invalid []string
	expired bool

	// inline scope
	file               string
	startLine, endLine int
	elemPath           string

	// config scope
	paths, apps []string

	// location of the suppression itself
	loc report.Finding

	used     map[string]bool
	revealed int // findings it would have hidden after expiry
}

// Apply marks the findings that suppressions cover and returns them with the findings about
// suppressions (CAL002, CAL003, CAL004) added, sorted. findings is modified in place. Only
// findings that exist when Apply runs can be suppressed; the findings it adds cannot.
func Apply(findings []report.Finding, directives []scan.Directive, opts Options) []report.Finding {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	today := now.UTC().Format(time.DateOnly)
	rules := map[string]rule.Rule{}
	for _, r := range opts.Rules {
		rules[r.ID] = r
	}
	appOf := map[string]report.AppSummary{}
	for _, a := range opts.Apps {
		for _, f := range a.Files {
			appOf[f] = a
		}
	}

	var sups []*suppression
	if !opts.NoInline {
		for _, d := range directives {
			sups = append(sups, fromDirective(d, opts.Known, appOf))
		}
	}
	for _, ig := range opts.Ignores {
		sups = append(sups, fromIgnore(ig, opts))
	}
	for _, s := range sups {
		s.used = map[string]bool{}
		if s.expires != "" && len(s.invalid) == 0 && today > s.expires {
			s.expired = true
		}
	}

	relCache := map[string]string{}
	rel := func(file string) string {
		r, ok := relCache[file]
		if !ok {
			r = relTo(opts.ConfigDir, file)
			relCache[file] = r
		}
		return r
	}
	for i := range findings {
		f := &findings[i]
		for _, s := range sups {
			if len(s.invalid) > 0 || !s.covers(f, rel) {
				continue
			}
			if s.expired {
				s.revealed++
				continue
			}
			s.used[f.RuleID] = true
			if !f.Suppressed {
				f.Suppressed = true
				f.Suppression = &report.Suppression{Kind: s.kind, Reason: s.reason, Expires: s.expires}
			}
		}
	}

	for _, s := range sups {
		if nf, ok := s.finding(rules, opts.ReportUnused); ok {
			findings = append(findings, nf)
		}
	}
	report.Sort(findings)
	return findings
}

func fromDirective(d scan.Directive, known func(string) bool, appOf map[string]report.AppSummary) *suppression {
	p := ParseDirective(d.Text, known)
	app := appOf[d.File]
	s := &suppression{
		kind: KindInline, rules: p.Rules, reason: p.Reason, expires: p.Expires, invalid: p.Problems,
		file: d.File, startLine: d.StartLine, endLine: d.EndLine, elemPath: d.Path,
		loc: report.Finding{
			File: d.File, Line: d.Line, Column: d.Column, EndLine: d.CommentEndLine, EndColumn: d.CommentEndColumn,
			App: app.Name, AppType: app.Type, Path: d.Path, Snippet: d.Snippet,
		},
	}
	if d.Orphan {
		s.invalid = append(s.invalid, "precedes no element, so it covers nothing (put it right before the element it is about, or after its end tag on the same line)")
	}
	if s.loc.EndLine == 0 {
		s.loc.EndLine, s.loc.EndColumn = s.loc.Line, s.loc.Column
	}
	// identity: the file's name (not its folder), the covered element without indexes and
	// what the directive says; never a line number
	s.loc.Fingerprint = fingerprint.Of(KindInline, app.Type, app.Name, path.Base(d.File), fingerprint.ElementPath(d.Path), normalized(d.Text))
	return s
}

func fromIgnore(ig config.Ignore, opts Options) *suppression {
	s := &suppression{
		kind: KindConfig, rules: ig.Rules, reason: strings.TrimSpace(ig.Reason), expires: ig.Expires,
		paths: ig.Paths, apps: ig.Apps,
		loc: report.Finding{File: opts.ConfigFile, Line: ig.Line, Column: max(ig.Column, 1), EndLine: ig.Line, EndColumn: max(ig.Column, 1) + 1},
	}
	if s.reason == "" {
		s.invalid = append(s.invalid, `has no reason (add reason: "why this is accepted")`)
	}
	if ig.Expires != "" {
		if _, err := time.Parse(time.DateOnly, ig.Expires); err != nil {
			s.invalid = append(s.invalid, fmt.Sprintf("expires %q is not a date (YYYY-MM-DD)", ig.Expires))
		}
	}
	for _, id := range ig.Rules {
		if opts.Known != nil && !opts.Known(id) {
			s.invalid = append(s.invalid, fmt.Sprintf("unknown rule id %q", id))
		}
	}
	s.loc.Fingerprint = fingerprint.Of(KindConfig, strings.Join(ig.Rules, ","), strings.Join(ig.Paths, ","), strings.Join(ig.Apps, ","), ig.Reason, ig.Expires)
	return s
}

// covers reports whether the suppression applies to the finding (ignoring validity and
// expiry). rel gives a file's path relative to the config's directory.
func (s *suppression) covers(f *report.Finding, rel func(string) string) bool {
	if len(s.rules) > 0 && !slices.Contains(s.rules, f.RuleID) {
		return false
	}
	if s.kind == KindInline {
		if f.File != s.file {
			return false
		}
		switch {
		case s.elemPath == "": // before the root: the whole file
			return true
		case f.Path != "":
			return f.Path == s.elemPath || strings.HasPrefix(f.Path, s.elemPath+"/")
		default:
			return f.Line >= s.startLine && f.Line <= s.endLine
		}
	}
	if len(s.apps) > 0 && !slices.ContainsFunc(s.apps, func(a string) bool { return globMatch(a, f.App) }) {
		return false
	}
	if len(s.paths) > 0 {
		cands := []string{f.File}
		if r := rel(f.File); r != "" && r != f.File {
			cands = append(cands, r)
		}
		if !slices.ContainsFunc(s.paths, func(g string) bool {
			return slices.ContainsFunc(cands, func(c string) bool { return globMatch(g, c) })
		}) {
			return false
		}
	}
	return true
}

// finding is the report about the suppression itself, if any.
func (s *suppression) finding(rules map[string]rule.Rule, reportUnused bool) (report.Finding, bool) {
	what := "suppression"
	if s.kind == KindConfig {
		what = "config ignore entry"
	}
	var id, msg string
	switch {
	case len(s.invalid) > 0:
		id = InvalidID
		msg = fmt.Sprintf("invalid %s: %s; it suppresses nothing", what, strings.Join(s.invalid, "; "))
	case s.expired:
		id = ExpiredID
		msg = fmt.Sprintf("%s of %s expired on %s (reason: %q)", what, s.describeRules(), s.expires, s.reason)
		switch s.revealed {
		case 0:
		case 1:
			msg += "; the finding it covered is reported again"
		default:
			msg += fmt.Sprintf("; the %d findings it covered are reported again", s.revealed)
		}
	case reportUnused:
		var unused []string
		if len(s.rules) == 0 {
			if len(s.used) == 0 {
				unused = []string{"every rule"}
			}
		} else {
			for _, r := range s.rules {
				if _, enabled := rules[r]; enabled && !s.used[r] {
					unused = append(unused, r)
				}
			}
		}
		if len(unused) == 0 {
			return report.Finding{}, false
		}
		id = UnusedID
		msg = fmt.Sprintf("unused %s: %s matched no finding; remove it", what, strings.Join(unused, ", "))
	default:
		return report.Finding{}, false
	}
	rl, enabled := rules[id]
	if !enabled {
		return report.Finding{}, false
	}
	f := s.loc
	f.RuleID, f.Name, f.Severity, f.Message = id, rl.Name, rl.Severity, msg
	f.Fingerprint = fingerprint.Of(id, f.Fingerprint)
	return f, true
}

func (s *suppression) describeRules() string {
	if len(s.rules) == 0 {
		return "every rule"
	}
	return strings.Join(s.rules, ", ")
}

// globMatch matches a doublestar glob; a pattern that is not a valid glob matches itself.
func globMatch(pattern, s string) bool {
	if pattern == s {
		return true
	}
	ok, err := doublestar.Match(pattern, s)
	return err == nil && ok
}

// relTo is file (a path as reported, possibly "archive.zip!inner") relative to dir, with
// slashes; "" when that is not possible or leaves dir.
func relTo(dir, file string) string {
	if dir == "" {
		return ""
	}
	abs, err := filepath.Abs(filepath.FromSlash(file))
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// normalized is a directive's text with runs of white space collapsed, so reflowing a
// comment keeps its identity.
func normalized(text string) string { return strings.Join(strings.Fields(text), " ") }
