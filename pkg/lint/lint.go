// Package lint runs a whole lint, as the calint command does: it reads the config, loads
// the custom policies and compiles the rules, discovers and scans the files, applies inline
// and config suppressions, the baseline and the --changed-since filter, and sums up the
// findings with the verdict. A caller parses its own flags into Options and prints the
// Result (internal/cli is one such caller).
package lint

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/calint/calint/pkg/baseline"
	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/discover"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/gitdiff"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/pkg/scan"
	"github.com/calint/calint/pkg/sidefile"
	"github.com/calint/calint/pkg/suppress"
)

// Options configure a lint. The zero value lints the working directory with the config
// found upward from it.
type Options struct {
	// Paths are files, directories, retrieve zips, or "-" for Stdin; none means ".".
	Paths []string
	// ConfigFile is the config to read; "" looks for one (config.Lookup: from the working
	// directory upward, never above the repository root).
	ConfigFile string
	// Policies are custom policy files or directories, read besides the config's.
	Policies []string
	// Enable and Disable rule ids, over the config (Enable wins).
	Enable, Disable []string
	// FailOn is the lowest severity that fails the lint (or "never"); "" means the
	// config's, else high. It is parsed case-insensitively.
	FailOn string
	// Jobs is the number of parallel workers; 0 means the number of CPUs.
	Jobs int
	// Stdin is read for the path "-", named StdinFilename (its suffix gives the kind).
	Stdin         io.Reader
	StdinFilename string
	// Baseline hides the findings recorded in this baseline file.
	Baseline string
	// WriteBaseline records every current finding in this file (and reports them as
	// baselined); Baseline is then not read.
	WriteBaseline string
	// NoInlineSuppressions ignores calint:ignore comments.
	NoInlineSuppressions bool
	// ReportUnusedSuppressions reports suppressions that match no finding (CAL004).
	ReportUnusedSuppressions bool
	// ChangedSince keeps only the findings in files changed since this git ref.
	ChangedSince string
	// NewSince keeps only the findings whose fingerprint does not occur when the same
	// paths are scanned as they are at this git ref (the pull-request gate by meaning).
	NewSince string
	// LeanApps keeps only each app's name, type and files (see scan.Options).
	LeanApps bool
	// ScanStarted, when set, is called once the rules are ready, right before the files
	// are scanned (a progress display starts its clock there).
	ScanStarted func()
	// Progress, when set, is called after each file with the count done so far.
	Progress func(done int)
	// Now is the time suppression expiry is judged at; zero means time.Now().
	Now time.Time
	// Note, when set, receives notes for the user (which config is used, what discovery
	// skipped), one sentence each.
	Note func(msg string)
}

// Verdict is the outcome of a lint.
type Verdict int

const (
	// Pass means no finding at or above the fail-on severity, and no error.
	Pass Verdict = iota
	// Fail means a finding at or above the fail-on severity, and no error.
	Fail
	// Error means a file or input could not be read or parsed.
	Error
)

// ExitCode is the verdict's process exit code: 0, 1 or 2.
func (v Verdict) ExitCode() int { return int(v) }

// Result is what a lint found.
type Result struct {
	// Report holds the rules (enabled, with their configured severity), the findings
	// (suppressed ones marked), the errors, the apps and the summary. The caller sets the
	// presentation fields (Version, Color, Quiet, ...) before writing it.
	Report *report.Report
	// Verdict sums up the findings and errors against the fail-on severity.
	Verdict Verdict
	// Config is the config read (empty when there was none), ConfigFile its path.
	Config     *config.Config
	ConfigFile string
	// Inputs are the files the lint read besides the scanned paths: the config, the
	// baseline, the policy files and directories named by the config and Options.
	Inputs []string
	// BaselineWritten is the number of findings written to Options.WriteBaseline.
	BaselineWritten int
}

// UsageError is a mistake in the options, such as an unknown rule id.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Run lints. It fails on a usage, config, policy or git problem and on a scan that cannot
// run (a missing path, a bad zip, a cancelled context); a file that cannot be read or
// parsed is a CAL001 finding, an entry in the report's errors, and an Error verdict.
func Run(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if opts.NewSince != "" && slices.Contains(paths, "-") {
		return nil, &UsageError{"--new-since cannot compare standard input (-) with git"}
	}
	failOn := opts.FailOn
	if failOn != "" {
		var err error
		if failOn, err = config.ParseFailOn(failOn); err != nil {
			return nil, &UsageError{"--fail-on " + err.Error()}
		}
	}

	// config: read once for its policies, then validated against the loaded rules
	note := opts.Note
	if note == nil {
		note = func(string) {}
	}
	cfgPath := opts.ConfigFile
	if cfgPath == "" {
		var notes []string
		cfgPath, notes = config.Lookup(".", paths, DisplayPath)
		for _, n := range notes {
			note(n)
		}
		if cfgPath != "" && (len(notes) > 0 || DisplayPath(cfgPath) != config.FileName) {
			// not the obvious ./.calint.yaml: say which one
			note("using config " + DisplayPath(cfgPath))
		}
	}
	cfg := &config.Config{}
	var cfgBytes []byte
	if cfgPath != "" {
		var err error
		if cfgBytes, err = sidefile.Read(cfgPath); err != nil {
			return nil, fmt.Errorf("config %s: %w", cfgPath, err)
		}
		if cfg, err = config.Parse(DisplayPath(cfgPath), cfgBytes, nil); err != nil {
			// report every problem at once, unknown built-in rule ids included
			if _, err2 := config.Parse(DisplayPath(cfgPath), cfgBytes, engine.IsBuiltinRule); err2 != nil {
				return nil, err2
			}
			return nil, err
		}
	}
	policyPaths := append(slices.Clone(cfg.Policies), opts.Policies...)
	mods, err := LoadPolicies(policyPaths)
	if err != nil {
		return nil, err
	}
	disabled := cfg.Disabled()
	for _, id := range opts.Disable {
		disabled[id] = true
	}
	for _, id := range opts.Enable {
		delete(disabled, id)
	}
	eng, err := engine.New(ctx, engine.Config{Data: cfg.Data(), Disabled: disabled, Policies: mods, Timeout: cfg.Timeout})
	if err != nil {
		return nil, err
	}
	known := func(id string) bool { _, ok := eng.Rule(id); return ok }
	if cfgPath != "" {
		if cfg, err = config.Parse(DisplayPath(cfgPath), cfgBytes, known); err != nil {
			return nil, err
		}
	}
	for _, id := range append(slices.Clone(opts.Enable), opts.Disable...) {
		if !known(id) {
			return nil, &UsageError{fmt.Sprintf("unknown rule id %q (see 'calint rules')", id)}
		}
	}
	severity := map[string]string{}
	for id, rc := range cfg.Rules {
		if rc.Severity != "" {
			severity[id] = rc.Severity
		}
	}
	if failOn == "" {
		failOn = cfg.FailOn
	}
	if failOn == "" {
		failOn = rule.High
	}
	// the baseline and git are asked before the scan, so a mistake fails fast
	var base *baseline.File
	if opts.Baseline != "" && opts.WriteBaseline == "" {
		if base, err = baseline.Load(opts.Baseline); err != nil {
			return nil, err
		}
	}
	var changed *gitdiff.Changed
	if opts.ChangedSince != "" {
		if changed, err = gitdiff.Since(ctx, gitDir(paths[0]), opts.ChangedSince); err != nil {
			return nil, err
		}
	}

	if opts.ScanStarted != nil {
		opts.ScanStarted()
	}
	scanOpts := scan.Options{
		Paths:    paths,
		Discover: discover.Options{Exclude: cfg.Exclude, Stdin: opts.Stdin, StdinFilename: opts.StdinFilename, Note: note},
		Engine:   eng,
		Jobs:     opts.Jobs,
		Severity: severity,
		Disabled: disabled,
		Progress: opts.Progress,
		LeanApps: opts.LeanApps,
	}
	res, err := scan.Run(ctx, scanOpts)
	if err != nil {
		return nil, err
	}

	rules := make([]rule.Rule, 0, len(eng.Rules()))
	for _, r := range eng.Rules() {
		if !disabled[r.ID] {
			if sev := severity[r.ID]; sev != "" {
				r.Severity = sev
			}
			rules = append(rules, r)
		}
	}
	out := &Result{Config: cfg, ConfigFile: cfgPath}
	for _, in := range append([]string{cfgPath, opts.Baseline}, policyPaths...) {
		if in != "" {
			out.Inputs = append(out.Inputs, in)
		}
	}

	// suppressions, then the baseline (findings suppressed inline or by config are never
	// recorded in it), then the --changed-since filter
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	sopts := suppress.Options{
		Now:          now,
		NoInline:     opts.NoInlineSuppressions || (cfg.InlineSuppressions != nil && !*cfg.InlineSuppressions),
		Ignores:      cfg.Ignore,
		Known:        known,
		Rules:        rules,
		ReportUnused: opts.ReportUnusedSuppressions,
		Apps:         res.Apps,
	}
	if cfgPath != "" {
		sopts.ConfigFile = DisplayPath(cfgPath)
		if abs, err := filepath.Abs(cfgPath); err == nil {
			sopts.ConfigDir = filepath.Dir(abs)
		}
	}
	res.Findings = suppress.Apply(res.Findings, res.Directives, sopts)
	if opts.WriteBaseline != "" {
		base = baseline.New(opts.WriteBaseline, res.Findings)
		if err := base.Write(); err != nil {
			return nil, err
		}
		out.BaselineWritten = len(base.Findings)
	}
	fixed := 0
	if base != nil {
		var scanned []string
		for _, a := range res.Apps {
			scanned = append(scanned, a.Files...)
		}
		for _, e := range res.Errors {
			scanned = append(scanned, e.File)
		}
		if changed != nil {
			scanned = slices.DeleteFunc(scanned, func(f string) bool { return !changed.Contains(f) })
		}
		fixed = base.Apply(res.Findings, scanned)
	}
	if changed != nil {
		res.Findings = slices.DeleteFunc(res.Findings, func(f report.Finding) bool { return !changed.Contains(f.File) })
		res.Errors = slices.DeleteFunc(res.Errors, func(e report.FileError) bool { return e.File != "" && !changed.Contains(e.File) })
	}
	var since report.Summary
	if opts.NewSince != "" {
		if err := newSinceScan(ctx, opts.NewSince, paths, scanOpts, res, &since, sopts, cfgPath); err != nil {
			return nil, err
		}
	}

	rep := &report.Report{Rules: rules, Findings: res.Findings, Errors: res.Errors, Apps: res.Apps}
	out.Report = rep
	out.Verdict = summarize(rep, res, failOn)
	rep.Summary.NewSince, rep.Summary.Preexisting, rep.Summary.FixedSince = since.NewSince, since.Preexisting, since.FixedSince
	rep.Summary.Fixed = fixed
	rep.Duration = time.Since(start)
	rep.Summary.DurationMS = rep.Duration.Milliseconds()
	return out, nil
}

// gitDir is the directory git is asked about for a path: the path itself, or the
// directory of a file (or the working directory for standard input).
func gitDir(p string) string {
	if p == "-" {
		return "."
	}
	if st, err := os.Stat(p); err != nil || !st.IsDir() {
		return filepath.Dir(p)
	}
	return p
}

// summarize fills the report summary and returns the verdict.
func summarize(rep *report.Report, res *scan.Result, failOn string) Verdict {
	s := report.Summary{Files: res.Files, Apps: res.AppCount, FailOn: failOn, Errors: len(res.Errors)}.WithAllSeverities()
	threshold := rule.SeverityRank(failOn)
	for _, f := range rep.Findings {
		if f.Suppressed {
			if f.Suppression != nil && f.Suppression.Kind == "baseline" {
				s.Baselined++
			} else {
				s.Suppressed++
			}
			continue
		}
		s.Findings++
		s.BySeverity[f.Severity]++
		if threshold > 0 && rule.SeverityRank(f.Severity) >= threshold {
			s.Failed = true
		}
	}
	rep.Summary = s
	switch {
	case len(res.Errors) > 0:
		return Error
	case s.Failed:
		return Fail
	}
	return Pass
}

// DisplayPath is p as reports show it: relative to the working directory when it is
// inside it, with slashes; else p unchanged.
func DisplayPath(p string) string {
	if cwd, err := os.Getwd(); err == nil {
		if abs, err := filepath.Abs(p); err == nil {
			if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
		}
	}
	return p
}
