package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/discover"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/fserr"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/pkg/scan"
)

type scanFlags struct {
	format        string
	output        string
	failOn        string
	config        string
	policies      multiFlag
	enable        multiFlag
	disable       multiFlag
	noColor       bool
	jobs          int
	quiet         bool
	stdinFilename string
	sarifCategory string
	suppress      suppressFlags
}

func runScan(ctx context.Context, args []string, env Env) (int, error) {
	start := time.Now()
	var f scanFlags
	fs := newFlagSet("scan", env)
	fs.StringVar(&f.format, "format", "text", "output `FORMAT`: "+strings.Join(report.Formats, ", "))
	fs.StringVar(&f.format, "f", "text", "shorthand for --format")
	fs.StringVar(&f.output, "output", "", "write the report to `FILE` (atomically) instead of stdout")
	fs.StringVar(&f.output, "o", "", "shorthand for --output")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 1 on a finding at or above `LEVEL`: critical, high, medium, low, info, never (default high)")
	fs.StringVar(&f.config, "config", "", "config `FILE` (default: .calint.yaml found upward from the first PATH)")
	fs.StringVar(&f.config, "c", "", "shorthand for --config")
	fs.Var(&f.policies, "policy", "extra Rego rules: a file or directory (repeatable)")
	fs.Var(&f.enable, "enable", "enable `RULE` (repeatable; overrides config)")
	fs.Var(&f.disable, "disable", "disable `RULE` (repeatable; overrides config)")
	fs.BoolVar(&f.noColor, "no-color", false, "plain text output (also NO_COLOR, TERM=dumb, non-TTY)")
	fs.IntVar(&f.jobs, "jobs", 0, "`N` parallel workers (default: number of CPUs)")
	fs.IntVar(&f.jobs, "j", 0, "shorthand for --jobs")
	fs.BoolVar(&f.quiet, "quiet", false, "print only findings, no summary")
	fs.BoolVar(&f.quiet, "q", false, "shorthand for --quiet")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "the file `NAME` of standard input (PATH -); its suffix gives the metadata type")
	fs.StringVar(&f.sarifCategory, "sarif-category", "", "SARIF automationDetails.id `CATEGORY`, to tell several code-scanning uploads apart (default calint)")
	f.suppress.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: calint [scan] [flags] [PATH...]\n\nPATH is a file, a directory, a Metadata API retrieve .zip, or - for standard input.\n\nFlags:\n")
		printFlags(env.Stderr, fs)
	}
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return ExitError, flagError(err)
	}
	if _, err := report.WriterFor(f.format); err != nil {
		return ExitError, usagef("--format: %s", err)
	}
	if f.failOn != "" {
		if f.failOn, err = config.ParseFailOn(f.failOn); err != nil {
			return ExitError, usagef("--fail-on %s", err)
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if slices.Contains(paths, "-") && f.stdinFilename == "" {
		return ExitError, usagef("reading standard input (-) needs --stdin-filename NAME")
	}

	// config: read once for its policies, then validated against the loaded rules
	cfgPath := f.config
	if cfgPath == "" {
		first := paths[0]
		if first == "-" {
			first = "."
		}
		cfgPath = config.Find(first)
	}
	cfg := &config.Config{}
	var cfgBytes []byte
	if cfgPath != "" {
		cfgBytes, err = os.ReadFile(cfgPath)
		if err != nil {
			return ExitError, fmt.Errorf("config %s: %w", cfgPath, fserr.Cause(err))
		}
		cfg, err = config.Parse(displayPath(cfgPath), cfgBytes, nil)
		if err != nil {
			// report every problem at once, unknown built-in rule ids included
			if _, err2 := config.Parse(displayPath(cfgPath), cfgBytes, engine.IsBuiltinRule); err2 != nil {
				return ExitError, err2
			}
			return ExitError, err
		}
	}
	policyPaths := append(slices.Clone(cfg.Policies), f.policies...)
	mods, err := LoadPolicies(policyPaths)
	if err != nil {
		return ExitError, err
	}
	disabled := map[string]bool{}
	for id, rc := range cfg.Rules {
		if rc.Enabled != nil && !*rc.Enabled {
			disabled[id] = true
		}
	}
	for _, id := range f.disable {
		disabled[id] = true
	}
	for _, id := range f.enable {
		delete(disabled, id)
	}
	eng, err := engine.New(ctx, engine.Config{Data: cfg.Data(), Disabled: disabled, Policies: mods, Timeout: cfg.Timeout})
	if err != nil {
		return ExitError, err
	}
	known := func(id string) bool { _, ok := eng.Rule(id); return ok }
	if cfgPath != "" {
		if cfg, err = config.Parse(displayPath(cfgPath), cfgBytes, known); err != nil {
			return ExitError, err
		}
	}
	for _, id := range append(slices.Clone(f.enable), f.disable...) {
		if !known(id) {
			return ExitError, usagef("unknown rule id %q (see 'calint rules')", id)
		}
	}
	severity := map[string]string{}
	for id, rc := range cfg.Rules {
		if rc.Severity != "" {
			severity[id] = rc.Severity
		}
	}
	failOn := f.failOn
	if failOn == "" {
		failOn = cfg.FailOn
	}
	if failOn == "" {
		failOn = "high"
	}
	if err := f.suppress.prepare(ctx, paths); err != nil {
		return ExitError, err
	}

	prog := newProgress(env, f.quiet).start()
	res, err := scan.Run(ctx, scan.Options{
		Paths:    paths,
		Discover: discover.Options{Exclude: cfg.Exclude, Stdin: env.Stdin, StdinFilename: f.stdinFilename},
		Engine:   eng,
		Jobs:     f.jobs,
		Severity: severity,
		Disabled: disabled,
		Progress: prog.callback(),
		// only the HTML report shows the apps' posture; the others need names and files
		LeanApps: f.format != "html",
	})
	prog.stop()
	if err != nil {
		return ExitError, err
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
	fixed, err := f.suppress.apply(res, cfg, cfgPath, eng, rules, env)
	if err != nil {
		return ExitError, err
	}
	cwd, _ := os.Getwd()
	rep := &report.Report{
		Version:  Version(),
		Rules:    rules,
		Findings: res.Findings,
		Errors:   res.Errors,
		Apps:     res.Apps,
		Quiet:    f.quiet,
		Root:     cwd,
		Category: f.sarifCategory,

		IncludeSuppressed: f.suppress.includeSuppressed,
	}
	code := summarize(rep, res, failOn)
	rep.Summary.Fixed = fixed
	rep.Duration = time.Since(start)
	rep.Summary.DurationMS = rep.Duration.Milliseconds()

	write, _ := report.WriterFor(f.format)
	if f.output != "" {
		err = report.WriteFile(f.output, func(w io.Writer) error { return write(w, rep) })
	} else {
		rep.Color = f.format == "text" && colorEnabled(f.noColor, env)
		err = write(env.Stdout, rep)
	}
	if err != nil {
		return ExitError, err
	}
	if len(res.Errors) > 0 && f.format != "text" {
		// machine formats carry the errors; repeat them on stderr for people
		for _, e := range res.Errors {
			fmt.Fprintf(env.Stderr, "calint: %s\n", e)
		}
	}
	return code, nil
}

// summarize fills the report summary and returns the exit code.
func summarize(rep *report.Report, res *scan.Result, failOn string) int {
	s := report.Summary{Files: res.Files, Apps: res.AppCount, BySeverity: map[string]int{}, FailOn: failOn, Errors: len(res.Errors)}
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
		return ExitError
	case s.Failed:
		return ExitFindings
	}
	return ExitOK
}

func colorEnabled(noColor bool, env Env) bool {
	if noColor || env.Getenv("NO_COLOR") != "" || env.Getenv("TERM") == "dumb" {
		return false
	}
	return env.IsTerminal(env.Stdout)
}

func displayPath(p string) string {
	if cwd, err := os.Getwd(); err == nil {
		if abs, err := filepath.Abs(p); err == nil {
			if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
		}
	}
	return p
}
