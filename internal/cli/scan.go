package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/calint/calint/pkg/lint"
	"github.com/calint/calint/pkg/report"
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
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if slices.Contains(paths, "-") && f.stdinFilename == "" {
		return ExitError, usagef("reading standard input (-) needs --stdin-filename NAME")
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
		ScanStarted:              func() { prog = startProgress(env, f.quiet) },
		Progress:                 func(int) { prog.add() },
		// only the HTML report shows the apps' posture; the others need names and files
		LeanApps: f.format != "html",
	})
	prog.stop()
	if err != nil {
		return ExitError, err
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
	if len(rep.Errors) > 0 && f.format != "text" {
		// machine formats carry the errors; repeat them on stderr for people
		for _, e := range rep.Errors {
			fmt.Fprintf(env.Stderr, "calint: %s\n", e)
		}
	}
	return res.Verdict.ExitCode(), nil
}

func colorEnabled(noColor bool, env Env) bool {
	if noColor || env.Getenv("NO_COLOR") != "" || env.Getenv("TERM") == "dumb" {
		return false
	}
	return env.IsTerminal(env.Stdout)
}

// displayPath is p relative to the working directory when inside it.
func displayPath(p string) string { return lint.DisplayPath(p) }
