package lint

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/calint/calint/pkg/baseline"
	"github.com/calint/calint/pkg/gitdiff"
	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/scan"
	"github.com/calint/calint/pkg/suppress"
)

// newSinceScan is the --new-since gate: it scans the same paths as they are at ref (read
// from git's objects into a temporary directory, the working tree untouched) with the
// same engine, scan options, config and inline suppressions (sopts), and keeps in res
// only the findings whose fingerprint does not occur there, as a multiset. It fills the
// summary's NewSince, Preexisting and FixedSince counts.
func newSinceScan(ctx context.Context, ref string, paths []string, opts scan.Options, res *scan.Result, sum *report.Summary,
	sopts suppress.Options, cfgPath string) error {
	dest, err := os.MkdirTemp("", "calint-new-since-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dest)
	keep := func(p string) bool {
		base := path.Base(p)
		_, _, ok := parse.KindOf(base)
		return ok || base == ".forceignore" || strings.EqualFold(path.Ext(base), ".zip")
	}
	atRef, err := gitdiff.Snapshot(ctx, ref, paths, dest, keep)
	if err != nil {
		return err
	}
	var before []report.Finding
	if len(atRef) > 0 {
		opts.Paths = atRef
		opts.Progress = nil
		opts.LeanApps = true
		opts.Discover.Stdin = nil
		old, err := scan.Run(ctx, opts)
		if err != nil {
			return err
		}
		// the same suppressions, without reporting unused ones: only the findings count
		sopts.Apps = old.Apps
		sopts.ReportUnused = false
		if cfgPath != "" {
			sopts.ConfigDir = refConfigDir(ctx, cfgPath, paths, dest)
		}
		before = suppress.Apply(old.Findings, old.Directives, sopts)
	}
	res.Findings, sum.Preexisting, sum.FixedSince = baseline.NewSince(res.Findings, before)
	sum.NewSince = ref
	return nil
}

// refConfigDir is the directory the config's ignore paths are relative to, in the copy
// of the repository at the ref: the same place relative to the repository's top.
func refConfigDir(ctx context.Context, cfgPath string, paths []string, dest string) string {
	abs, err := filepath.Abs(cfgPath)
	if err != nil {
		return ""
	}
	dir := filepath.Dir(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	top, ok := gitdiff.Top(ctx, paths)
	if !ok {
		return dir
	}
	rel, err := filepath.Rel(top, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return dir
	}
	return filepath.Join(dest, rel)
}
