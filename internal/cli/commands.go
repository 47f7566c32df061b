package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	opaversion "github.com/open-policy-agent/opa/v1/version"

	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
)

// version and commit are set with -ldflags "-X"; build info fills them otherwise.
var (
	version = ""
	commit  = ""
)

// Version returns calint's version: the -ldflags value, else the module version from the
// build info, else "0.0.0-dev".
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "0.0.0-dev"
}

// Commit returns the VCS revision calint was built from, or "unknown".
func Commit() string {
	if commit != "" {
		return commit
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, dirty := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if dirty {
				rev += "-dirty"
			}
			return rev
		}
		// go install module@version: a pseudo-version names its commit
		if m := pseudoRevRe.FindStringSubmatch(bi.Main.Version); m != nil {
			return m[1]
		}
	}
	return "unknown"
}

// pseudoRevRe matches a pseudo-version (vX.Y.Z-[pre.]yyyymmddhhmmss-abcdefabcdef) and
// captures its revision.
var pseudoRevRe = regexp.MustCompile(`^v\d+\.\d+\.\d+-(?:[^+]*[.-])?\d{14}-([0-9a-f]{12})(?:\+.*)?$`)

func runVersion(args []string, env Env) (int, error) {
	if len(args) > 0 {
		return ExitError, usagef("version takes no arguments")
	}
	fmt.Fprintf(env.Stdout, "calint %s\ncommit: %s\nopa: %s\ngo: %s\n", Version(), Commit(), opaVersion(), goVersion())
	return ExitOK, nil
}

func opaVersion() string { return opaversion.Version }

func goVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		return bi.GoVersion
	}
	return "unknown"
}

func runRules(ctx context.Context, args []string, env Env) (int, error) {
	fs := newFlagSet("rules", env)
	format := fs.String("format", "text", "output `FORMAT`: text, json or markdown")
	fs.StringVar(format, "f", "text", "shorthand for --format")
	var policies multiFlag
	fs.Var(&policies, "policy", "include custom rules from a file or directory (repeatable)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return ExitError, flagError(err)
	}
	if len(rest) > 0 {
		return ExitError, usagef("rules takes no arguments")
	}
	eng, err := loadEngine(ctx, policies)
	if err != nil {
		return ExitError, err
	}
	rules := eng.Rules()
	switch *format {
	case "text":
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tTITLE")
		for _, r := range rules {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, r.Title)
		}
		return ExitOK, tw.Flush()
	case "json":
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return ExitOK, enc.Encode(rules)
	case "markdown":
		return ExitOK, report.RulesMarkdown(env.Stdout, rules)
	}
	return ExitError, usagef("--format %q is not one of text, json, markdown", *format)
}

func runExplain(ctx context.Context, args []string, env Env) (int, error) {
	fs := newFlagSet("explain", env)
	var policies multiFlag
	fs.Var(&policies, "policy", "include custom rules from a file or directory (repeatable)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return ExitError, flagError(err)
	}
	if len(rest) != 1 {
		return ExitError, usagef("explain needs exactly one rule id, e.g. calint explain CAL101")
	}
	eng, err := loadEngine(ctx, policies)
	if err != nil {
		return ExitError, err
	}
	r, ok := findRule(eng.Rules(), rest[0])
	if !ok {
		return ExitError, usagef("unknown rule %q (see 'calint rules')", rest[0])
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s %s (%s)\n%s\n\n%s\n", r.ID, r.Name, r.Severity, r.Title, strings.TrimSpace(r.Description))
	if r.Remediation != "" {
		fmt.Fprintf(w, "\nHow to fix:\n%s\n", indent(r.Remediation))
	}
	if r.Example != "" {
		fmt.Fprintf(w, "\nExample:\n%s\n", indent(r.Example))
	}
	if len(r.Links) > 0 {
		fmt.Fprintf(w, "\nLinks:\n")
		for _, l := range r.Links {
			if l.Description != "" {
				fmt.Fprintf(w, "  %s: %s\n", l.Description, l.URL)
			} else {
				fmt.Fprintf(w, "  %s\n", l.URL)
			}
		}
	}
	return ExitOK, nil
}

// findRule finds a rule by id, else by name, ignoring case.
func findRule(rules []rule.Rule, s string) (rule.Rule, bool) {
	for _, by := range []func(rule.Rule) string{
		func(r rule.Rule) string { return r.ID },
		func(r rule.Rule) string { return r.Name },
	} {
		for _, r := range rules {
			if strings.EqualFold(by(r), s) {
				return r, true
			}
		}
	}
	return rule.Rule{}, false
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}
