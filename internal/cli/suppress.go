package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/calint/calint/pkg/baseline"
	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/gitdiff"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/pkg/scan"
	"github.com/calint/calint/pkg/suppress"
)

// suppressFlags are the scan flags about suppressions, baselines and pull-request gating,
// and what they load before the scan.
type suppressFlags struct {
	baseline          string
	writeBaseline     string
	noInline          bool
	reportUnused      bool
	includeSuppressed bool
	changedSince      string

	base    *baseline.File
	changed *gitdiff.Changed
}

func (s *suppressFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.baseline, "baseline", "", "hide the findings recorded in baseline `FILE`")
	fs.StringVar(&s.writeBaseline, "write-baseline", "", "record every current finding in baseline `FILE` (and report them as baselined)")
	fs.BoolVar(&s.noInline, "no-inline-suppressions", false, "ignore calint:ignore comments (CI can forbid self-suppression)")
	fs.BoolVar(&s.reportUnused, "report-unused-suppressions", false, "report suppressions that match no finding (CAL004)")
	fs.BoolVar(&s.includeSuppressed, "include-suppressed", false, "include suppressed findings in sarif (with suppressions) and junit (skipped)")
	fs.StringVar(&s.changedSince, "changed-since", "", "report only findings in files changed since git `REF` (commits since the merge base, staged, unstaged and untracked files)")
}

// prepare loads the baseline and asks git for the changed files, before the scan, so a
// mistake fails fast.
func (s *suppressFlags) prepare(ctx context.Context, paths []string) error {
	if s.baseline != "" && s.writeBaseline == "" {
		b, err := baseline.Load(s.baseline)
		if err != nil {
			return err
		}
		s.base = b
	}
	if s.changedSince != "" {
		dir := "."
		if p := paths[0]; p != "-" {
			dir = p
			if st, err := os.Stat(p); err != nil || !st.IsDir() {
				dir = filepath.Dir(p)
			}
		}
		c, err := gitdiff.Since(ctx, dir, s.changedSince)
		if err != nil {
			return err
		}
		s.changed = c
	}
	return nil
}

// apply marks suppressed and baselined findings of res (adding CAL002-CAL004 findings),
// writes a baseline if asked, and keeps only changed files with --changed-since. It
// returns the baseline entries fixed.
func (s *suppressFlags) apply(res *scan.Result, cfg *config.Config, cfgPath string, eng *engine.Engine, rules []rule.Rule, env Env) (int, error) {
	opts := suppress.Options{
		Now:          time.Now(),
		NoInline:     s.noInline || (cfg.InlineSuppressions != nil && !*cfg.InlineSuppressions),
		Ignores:      cfg.Ignore,
		Known:        func(id string) bool { _, ok := eng.Rule(id); return ok },
		Rules:        rules,
		ReportUnused: s.reportUnused,
		Apps:         res.Apps,
	}
	if cfgPath != "" {
		opts.ConfigFile = displayPath(cfgPath)
		if abs, err := filepath.Abs(cfgPath); err == nil {
			opts.ConfigDir = filepath.Dir(abs)
		}
	}
	res.Findings = suppress.Apply(res.Findings, res.Directives, opts)

	base := s.base
	if s.writeBaseline != "" {
		base = baseline.New(s.writeBaseline, res.Findings)
		if err := base.Write(); err != nil {
			return 0, err
		}
		fmt.Fprintf(env.Stderr, "calint: wrote %d %s to baseline %s\n", len(base.Findings), countNoun(len(base.Findings), "finding", "findings"), displayPath(s.writeBaseline))
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
		if s.changed != nil {
			scanned = slices.DeleteFunc(scanned, func(f string) bool { return !s.changed.Contains(f) })
		}
		fixed = base.Apply(res.Findings, scanned)
	}
	if s.changed != nil {
		res.Findings = slices.DeleteFunc(res.Findings, func(f report.Finding) bool { return !s.changed.Contains(f.File) })
		res.Errors = slices.DeleteFunc(res.Errors, func(e report.FileError) bool { return e.File != "" && !s.changed.Contains(e.File) })
	}
	return fixed, nil
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
