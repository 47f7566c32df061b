package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"text/tabwriter"

	opaversion "github.com/open-policy-agent/opa/v1/version"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/fserr"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/pkg/sidefile"
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

// LoadPolicies reads custom Rego modules from files and directories (recursively; test
// files are left out). A file named twice (a directory and a file in it, the config and
// --policy) is read once.
func LoadPolicies(paths []string) ([]engine.Module, error) {
	var mods []engine.Module
	seen := map[string]bool{}
	add := func(f string, b []byte) {
		name := displayPath(f)
		if !seen[name] {
			seen[name] = true
			mods = append(mods, engine.Module{Name: name, Src: string(b)})
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("policy %s: %w", p, fserr.Cause(err))
		}
		if !st.IsDir() {
			b, err := sidefile.Read(p)
			if err != nil {
				return nil, fmt.Errorf("policy %s: %w", p, err)
			}
			add(p, b)
			continue
		}
		files, err := regoFiles(p, false)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			b, err := sidefile.Read(f)
			if err != nil {
				return nil, fmt.Errorf("policy %s: %w", f, err)
			}
			add(f, b)
		}
	}
	return mods, nil
}

// regoFiles lists the .rego files under dir, sorted: the policies, or with tests the
// _test.rego files.
func regoFiles(dir string, tests bool) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(f string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && f != dir && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(f, ".rego") && strings.HasSuffix(f, "_test.rego") == tests {
			files = append(files, f)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", dir, fserr.Cause(err))
	}
	sort.Strings(files)
	return files, nil
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
