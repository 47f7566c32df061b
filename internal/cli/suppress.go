package cli

import (
	"flag"
)

// suppressFlags are the scan flags about suppressions, baselines and pull-request gating.
type suppressFlags struct {
	baseline          string
	writeBaseline     string
	noInline          bool
	reportUnused      bool
	includeSuppressed bool
	changedSince      string
}

func (s *suppressFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.baseline, "baseline", "", "hide the findings recorded in baseline `FILE`")
	fs.StringVar(&s.writeBaseline, "write-baseline", "", "record every current finding in baseline `FILE` (and report them as baselined)")
	fs.BoolVar(&s.noInline, "no-inline-suppressions", false, "ignore calint:ignore comments (CI can forbid self-suppression)")
	fs.BoolVar(&s.reportUnused, "report-unused-suppressions", false, "report suppressions that match no finding (CAL004)")
	fs.BoolVar(&s.includeSuppressed, "include-suppressed", false, "include suppressed findings in sarif (with suppressions) and junit (skipped)")
	fs.StringVar(&s.changedSince, "changed-since", "", "report only findings in files changed since git `REF` (commits since the merge base, staged, unstaged and untracked files)")
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
