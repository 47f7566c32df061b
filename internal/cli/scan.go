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

	"github.com/calint/calint/pkg/gitdiff"
	"github.com/calint/calint/pkg/lint"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/scan"
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
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if slices.Contains(paths, "-") && f.stdinFilename == "" {
		return ExitError, usagef("reading standard input (-) needs --stdin-filename NAME")
	}
	outs, err := planOutputs(f.outputs, f.format, paths)
	if err != nil {
		return ExitError, err
	}
	wantsHTML := slices.ContainsFunc(outs, func(o output) bool { return o.format == "html" })

	if f.jobs > scan.MaxJobs {
		fmt.Fprintf(env.Stderr, "calint: --jobs %d is more than calint uses; running %d workers\n", f.jobs, scan.MaxJobs)
	}

	// the progress display starts with the scan, after the rules are compiled
	var prog *progress
	res, err := lint.Run(ctx, lint.Options{
		Paths:                    paths,
		ConfigFile:               f.config,
		Policies:                 f.policies,
		Enable:                   f.enable,
		Disable:                  f.disable,
		FailOn:                   f.failOn,
		Jobs:                     f.jobs,
		Stdin:                    env.Stdin,
		StdinFilename:            f.stdinFilename,
		Baseline:                 f.suppress.baseline,
		WriteBaseline:            f.suppress.writeBaseline,
		NoInlineSuppressions:     f.suppress.noInline,
		ReportUnusedSuppressions: f.suppress.reportUnused,
		ChangedSince:             f.suppress.changedSince,
		NewSince:                 f.newSince,
		Note:                     func(msg string) { fmt.Fprintf(env.Stderr, "calint: %s\n", report.Printable(msg, false)) },
		ScanStarted:              func() { prog = newProgress(env, f.quiet).start() },
		Progress:                 func(int) { prog.add() },
		// only the HTML report shows the apps' posture; the others need names and files
		LeanApps: !wantsHTML,
	})
	prog.stop()
	if ctx.Err() != nil {
		return ExitInterrupted, errors.New("interrupted: no report written")
	}
	if err != nil {
		return ExitError, err
	}
	for _, o := range outs {
		if err := checkOutput(o.path, paths, res.Inputs); err != nil {
			return ExitError, err
		}
	}
	if f.suppress.writeBaseline != "" {
		n := res.BaselineWritten
		fmt.Fprintf(env.Stderr, "calint: wrote %d %s to baseline %s\n", n, countNoun(n, "finding", "findings"), displayPath(f.suppress.writeBaseline))
	}
	cwd, _ := os.Getwd()
	rep := res.Report
	rep.Version = Version()
	rep.Quiet = f.quiet
	rep.Root = cwd
	rep.Category = f.sarifCategory
	rep.IncludeSuppressed = f.suppress.includeSuppressed
	rep.Verbose = f.verbose
	if wantsHTML {
		rep.Meta = scanMeta(ctx, paths, env)
	}

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
	if len(rep.Errors) > 0 && !textOnStdout {
		// machine formats and files carry the errors; repeat them on stderr for people
		for _, e := range rep.Errors {
			fmt.Fprintf(env.Stderr, "calint: %s\n", report.Printable(e.String(), false))
		}
	}
	fmt.Fprintln(env.Stderr, report.Printable(report.Verdict(rep.Summary, where), false))
	if h := report.Hint(rep.Summary, f.suppress.baseline != "" || f.suppress.writeBaseline != ""); h != "" {
		fmt.Fprintln(env.Stderr, h)
	}
	if werr != nil {
		return ExitError, werr
	}
	return res.Verdict.ExitCode(), nil
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
		return nil //nolint:nilerr // no absolute path: the write itself will report the problem
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

// displayPath is p relative to the working directory when inside it.
func displayPath(p string) string { return lint.DisplayPath(p) }

// scanMeta describes the run for the HTML report: when (SOURCE_DATE_EPOCH, if set, for
// reproducible reports), which paths (from the repository's top in git, else absolute),
// and the git repository and commit of the first path.
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
		// in a repository, paths are shown from its top
		if top, ok := gitdiff.Top(ctx, paths); ok {
			for i, p := range m.Paths {
				real := p
				if r, err := filepath.EvalSymlinks(p); err == nil {
					real = r
				}
				if rel, err := filepath.Rel(top, real); err == nil && !strings.HasPrefix(rel, "..") {
					m.Paths[i] = filepath.ToSlash(rel)
				}
			}
		}
	}
	return m
}
