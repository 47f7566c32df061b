package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/discover"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/gitdiff"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/pkg/scan"
	"github.com/calint/calint/pkg/sidefile"
)

type scanFlags struct {
	format        string
	outputs       multiFlag
	verbose       bool
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
	newSince      string
	suppress      suppressFlags
}

func runScan(ctx context.Context, args []string, env Env) (int, error) {
	start := time.Now()
	var f scanFlags
	fs := newFlagSet("scan", env)
	fs.StringVar(&f.format, "format", "", "output `FORMAT`: "+strings.Join(report.Formats, ", ")+" (default text, or the -o file's extension)")
	fs.StringVar(&f.format, "f", "", "shorthand for --format")
	fs.Var(&f.outputs, "output", "write the report to `FILE` (atomically) instead of stdout; repeatable: one scan writes them all, each in the format of its extension (.sarif, .json, .xml junit, .md, .html, .txt) unless --format names one; - is stdout")
	fs.Var(&f.outputs, "o", "shorthand for --output")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 1 on a finding at or above `LEVEL`: critical, high, medium, low, info, never (default high)")
	fs.StringVar(&f.config, "config", "", "config `FILE` (default: .calint.yaml or .calint.yml found from the working directory upward, never above the repository root)")
	fs.StringVar(&f.config, "c", "", "shorthand for --config")
	fs.Var(&f.policies, "policy", "extra Rego rules: a file or directory (repeatable)")
	fs.Var(&f.enable, "enable", "enable `RULE` (repeatable; overrides config)")
	fs.Var(&f.disable, "disable", "disable `RULE` (repeatable; overrides config)")
	fs.BoolVar(&f.noColor, "no-color", false, "plain text output (also NO_COLOR, TERM=dumb, non-TTY)")
	fs.IntVar(&f.jobs, "jobs", 0, "`N` parallel workers (default: number of CPUs)")
	fs.IntVar(&f.jobs, "j", 0, "shorthand for --jobs")
	fs.BoolVar(&f.quiet, "quiet", false, "print one line per finding, no source lines or summary (the verdict still ends the run on stderr)")
	fs.BoolVar(&f.quiet, "q", false, "shorthand for --quiet")
	fs.BoolVar(&f.verbose, "verbose", false, "text: list every info finding (by default the info findings of one rule are one line)")
	fs.BoolVar(&f.verbose, "show-info", false, "same as --verbose")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "the file `NAME` of standard input (PATH -); its suffix gives the metadata type")
	fs.StringVar(&f.sarifCategory, "sarif-category", "", "SARIF automationDetails.id `CATEGORY`, to tell several code-scanning uploads apart (default calint)")
	fs.StringVar(&f.newSince, "new-since", "", "pull-request gate by meaning: report only findings whose fingerprint does not occur when the same paths are scanned at git `REF` (read from git objects; the working tree is untouched)")
	f.suppress.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: calint [scan] [flags] [PATH...]\n\nPATH is a file, a directory, a Metadata API retrieve .zip, or - for standard input.\n\nFlags:\n")
		printFlags(env.Stderr, fs)
	}
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return ExitError, flagError(err)
	}
	if f.format != "" {
		if _, err := report.WriterFor(f.format); err != nil {
			return ExitError, usagef("--format: %s", err)
		}
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
	if f.newSince != "" && slices.Contains(paths, "-") {
		return ExitError, usagef("--new-since cannot compare standard input (-) with git")
	}
	outs, err := planOutputs(f.outputs, f.format, paths)
	if err != nil {
		return ExitError, err
	}
	wantsHTML := slices.ContainsFunc(outs, func(o output) bool { return o.format == "html" })

	// config: read once for its policies, then validated against the loaded rules
	cfgPath := f.config
	if cfgPath == "" {
		var notes []string
		cfgPath, notes = config.Lookup(".", paths, displayPath)
		for _, n := range notes {
			fmt.Fprintf(env.Stderr, "calint: %s\n", report.Printable(n, false))
		}
		if cfgPath != "" && (len(notes) > 0 || displayPath(cfgPath) != config.FileName) {
			// not the obvious ./.calint.yaml: say which one
			fmt.Fprintf(env.Stderr, "calint: using config %s\n", displayPath(cfgPath))
		}
	}
	cfg := &config.Config{}
	var cfgBytes []byte
	if cfgPath != "" {
		cfgBytes, err = sidefile.Read(cfgPath)
		if err != nil {
			return ExitError, fmt.Errorf("config %s: %w", cfgPath, err)
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
	for _, o := range outs {
		if err := checkOutput(o.path, paths, append([]string{cfgPath, f.suppress.baseline}, policyPaths...)); err != nil {
			return ExitError, err
		}
	}
	if f.jobs > scan.MaxJobs {
		fmt.Fprintf(env.Stderr, "calint: --jobs %d is more than calint uses; running %d workers\n", f.jobs, scan.MaxJobs)
	}
	note := func(msg string) { fmt.Fprintf(env.Stderr, "calint: %s\n", report.Printable(msg, false)) }

	prog := newProgress(env, f.quiet).start()
	scanOpts := scan.Options{
		Paths:    paths,
		Discover: discover.Options{Exclude: cfg.Exclude, Stdin: env.Stdin, StdinFilename: f.stdinFilename, Note: note},
		Engine:   eng,
		Jobs:     f.jobs,
		Severity: severity,
		Disabled: disabled,
		Progress: prog.callback(),
		// only the HTML report shows the apps' posture; the others need names and files
		LeanApps: !wantsHTML,
	}
	res, err := scan.Run(ctx, scanOpts)
	prog.stop()
	if ctx.Err() != nil {
		return ExitInterrupted, errors.New("interrupted: no report written")
	}
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
		Verbose:  f.verbose,
		Root:     cwd,
		Category: f.sarifCategory,

		IncludeSuppressed: f.suppress.includeSuppressed,
	}
	if wantsHTML {
		rep.Meta = scanMeta(ctx, paths, env)
	}
	var since report.Summary
	if f.newSince != "" {
		noInline := f.suppress.noInline || (cfg.InlineSuppressions != nil && !*cfg.InlineSuppressions)
		if err := newSinceScan(ctx, f.newSince, paths, scanOpts, res, &since, cfg, cfgPath, noInline, eng, rules); err != nil {
			return ExitError, err
		}
		rep.Findings = res.Findings
	}
	code := summarize(rep, res, failOn)
	rep.Summary.NewSince, rep.Summary.Preexisting, rep.Summary.FixedSince = since.NewSince, since.Preexisting, since.FixedSince
	rep.Summary.Fixed = fixed
	rep.Duration = time.Since(start)
	rep.Summary.DurationMS = rep.Duration.Milliseconds()

	if ctx.Err() != nil {
		return ExitInterrupted, errors.New("interrupted: no report written")
	}
	where, werr := writeOutputs(outs, rep, env.Stdout, colorEnabled(f.noColor, env))
	if p := env.Getenv("GITHUB_STEP_SUMMARY"); p != "" {
		if err := report.AppendStepSummary(p, rep); err != nil {
			werr = errors.Join(werr, err)
		} else {
			where = append(where, "job summary")
		}
	}
	textOnStdout := slices.ContainsFunc(outs, func(o output) bool { return o.path == "" && o.format == "text" })
	if len(res.Errors) > 0 && !textOnStdout {
		// machine formats and files carry the errors; repeat them on stderr for people
		for _, e := range res.Errors {
			fmt.Fprintf(env.Stderr, "calint: %s\n", report.Printable(e.String(), false))
		}
	}
	fmt.Fprintln(env.Stderr, report.Verdict(rep.Summary, where))
	if h := report.Hint(rep.Summary, f.suppress.baseline != "" || f.suppress.writeBaseline != ""); h != "" {
		fmt.Fprintln(env.Stderr, h)
	}
	if werr != nil {
		return ExitError, werr
	}
	return code, nil
}

// summarize fills the report summary and returns the exit code.
func summarize(rep *report.Report, res *scan.Result, failOn string) int {
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
		return ExitError
	case s.Failed:
		return ExitFindings
	}
	return ExitOK
}

// checkOutput refuses a report path that is one of the run's inputs, by name or as the
// same file (a link, a hard link): a scanned file or zip, the config, the baseline or a
// policy. planOutputs has refused metadata files inside scanned folders.
func checkOutput(out string, paths, sideFiles []string) error {
	if out == "" {
		return nil
	}
	outAbs, err := filepath.Abs(out)
	if err != nil {
		return nil
	}
	outSt, statErr := os.Stat(out)
	for _, p := range append(slices.Clone(paths), sideFiles...) {
		if p == "" || p == "-" {
			continue
		}
		abs, err := filepath.Abs(p)
		st, serr := os.Stat(p)
		if (err == nil && abs == outAbs) || (serr == nil && statErr == nil && os.SameFile(st, outSt)) {
			return usagef("--output %s would overwrite an input of this scan (%s)", out, p)
		}
	}
	return nil
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

// scanMeta describes the run for the HTML report: when (SOURCE_DATE_EPOCH, if set, for
// reproducible reports), which paths, and the git repository and commit of the first path.
func scanMeta(ctx context.Context, paths []string, env Env) report.Meta {
	m := report.Meta{Time: time.Now(), OPA: opaVersion()}
	if sec, err := strconv.ParseInt(env.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		m.Time = time.Unix(sec, 0) // reproducible reports
	}
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil && p != "-" {
			p = abs
		}
		m.Paths = append(m.Paths, p)
	}
	dir := "."
	if p := paths[0]; p != "-" {
		dir = p
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			dir = filepath.Dir(p)
		}
	}
	if repo, ok := gitdiff.Describe(ctx, dir); ok {
		m.Repository, m.Commit, m.Dirty = repo.Remote, repo.Commit, repo.Dirty
	}
	return m
}
