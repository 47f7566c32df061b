package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/discover"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/fixture"
	"github.com/calint/calint/pkg/fserr"
	"github.com/calint/calint/pkg/lint"
	"github.com/calint/calint/pkg/repo"
	"github.com/calint/calint/pkg/scan"
	"github.com/calint/calint/pkg/sidefile"
)

// runVerify is `calint verify [DIR...]`: it runs each policy directory's Rego tests and
// checks its XML fixtures against their want markers. Exit 0 when everything passes, 1
// when a test or fixture fails, 2 when a policy, test or config does not load.
func runVerify(ctx context.Context, args []string, env Env) (int, error) {
	fs := newFlagSet("verify", env)
	verbose := fs.Bool("verbose", false, "list every test and fixture file, not only failures")
	fs.BoolVar(verbose, "v", false, "shorthand for --verbose")
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: calint verify [flags] [DIR...]\n\n"+
			"Runs the Rego tests (_test.rego) of each policy directory and checks its XML fixtures:\n"+
			"every metadata file under DIR is scanned with DIR's policies, and the findings of those\n"+
			"policies must be exactly the lines marked <!-- want: ID -->. DIR defaults to '.'.\n\nFlags:\n")
		printFlags(env.Stderr, fs)
	}
	dirs, err := parseInterspersed(fs, args)
	if err != nil {
		return ExitError, flagError(err)
	}
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	code := ExitOK
	for _, dir := range dirs {
		st, err := os.Stat(dir)
		if err != nil {
			return ExitError, fmt.Errorf("verify %s: %w", dir, fserr.Cause(err))
		}
		if !st.IsDir() {
			return ExitError, usagef("verify %s: not a directory (verify takes policy directories)", dir)
		}
		v := &verifier{dir: dir, out: env.Stdout, verbose: *verbose}
		failed, err := v.run(ctx)
		if err != nil {
			return ExitError, err
		}
		if failed {
			code = ExitFindings
		}
	}
	return code, nil
}

type verifier struct {
	dir     string
	out     io.Writer
	verbose bool
	// failures counts failing tests and fixture lines.
	failures int
}

// run verifies one policy directory; it reports whether anything failed.
func (v *verifier) run(ctx context.Context) (bool, error) {
	policies, err := lint.LoadPolicies([]string{v.dir})
	if err != nil {
		return false, err
	}
	testFiles, err := lint.RegoFiles(v.dir, true)
	if err != nil {
		return false, err
	}
	if len(policies) == 0 && len(testFiles) == 0 {
		return false, fmt.Errorf("verify %s: no .rego files", displayPath(v.dir))
	}
	tests := make([]engine.Module, 0, len(testFiles))
	for _, f := range testFiles {
		b, err := sidefile.Read(f)
		if err != nil {
			return false, fmt.Errorf("policy %s: %w", f, err)
		}
		tests = append(tests, engine.Module{Name: displayPath(f), Src: string(b)})
	}
	// the policies load as a scan loads them: METADATA, ids, sandbox, types
	defaults := (&config.Config{}).Data()
	eng, err := engine.New(ctx, engine.Config{Data: defaults, Policies: policies})
	if err != nil {
		return false, err
	}
	results, err := engine.RunTests(ctx, append(slices.Clone(policies), tests...), defaults, 0)
	if err != nil {
		return false, err
	}
	passed := 0
	for _, r := range results {
		if v.report(r) {
			passed++
		}
	}
	files, wants, err := v.fixtures(ctx, eng, policies)
	if err != nil {
		return false, err
	}
	summary := fmt.Sprintf("%d/%d tests passed, %d fixture files, %d expected findings", passed, len(results), files, wants)
	if v.failures > 0 {
		fmt.Fprintf(v.out, "FAIL %s: %s\n", displayPath(v.dir), summary)
		return true, nil
	}
	fmt.Fprintf(v.out, "ok   %s: %s\n", displayPath(v.dir), summary)
	return false, nil
}

// report prints one test result (failures always, passes when verbose) and says whether it
// passed.
func (v *verifier) report(r engine.TestResult) bool {
	where := fmt.Sprintf("%s:%d", r.File, r.Line)
	switch {
	case r.Skip:
		if v.verbose {
			fmt.Fprintf(v.out, "SKIP %s: %s\n", where, r.Name)
		}
		return true
	case r.Err != nil:
		v.failures++
		fmt.Fprintf(v.out, "FAIL %s: %s: error: %s\n", where, r.Name, oneLine(r.Err.Error()))
	case r.Fail:
		v.failures++
		fmt.Fprintf(v.out, "FAIL %s: %s\n", where, r.Name)
	default:
		if v.verbose {
			fmt.Fprintf(v.out, "PASS %s: %s\n", where, r.Name)
		}
		return true
	}
	if out := strings.TrimRight(r.Output, "\n"); out != "" {
		fmt.Fprintf(v.out, "  output:\n%s\n", indent(indent(out)))
	}
	return false
}

// fixtureGroup is the fixture files that share a config.
type fixtureGroup struct {
	config  string // "" for the defaults
	targets []string
}

// fixtures scans every metadata file under the directory with the policies and compares
// the findings of the custom rules (and of every rule a marker names, and CAL001) with the
// want markers. Files use the nearest .calint.yaml between them and the directory, if any
// (its options, apps, rules and timeout; its policies are ignored). It returns the number of
// fixture files and of expected findings.
func (v *verifier) fixtures(ctx context.Context, base *engine.Engine, policies []engine.Module) (int, int, error) {
	var wants []fixture.Want
	groups := map[string]*fixtureGroup{}
	var order []string
	files := 0
	seenTarget := map[string]bool{}
	err := discover.Walk([]string{v.dir}, discover.Options{}, func(f discover.File) error {
		files++
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("fixture %s: %w", f.Path, fserr.Cause(err))
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("fixture %s: %w", f.Path, err)
		}
		ws, err := fixture.Parse(f.Path, b)
		if err != nil {
			return fmt.Errorf("fixture %w", err)
		}
		wants = append(wants, ws...)
		// a file inside a zip is scanned with its zip
		target, _, _ := strings.Cut(f.Path, "!")
		if seenTarget[target] {
			return nil
		}
		seenTarget[target] = true
		cfg := repo.Find(filepath.Dir(filepath.FromSlash(target)), v.dir, config.FileName)
		g := groups[cfg]
		if g == nil {
			g = &fixtureGroup{config: cfg}
			groups[cfg] = g
			order = append(order, cfg)
		}
		g.targets = append(g.targets, target)
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	rules := fixture.Rules(wants)
	rules[scan.ParseErrorID] = true
	for _, r := range base.Rules() {
		if !r.Builtin {
			rules[r.ID] = true
		}
	}
	known := func(id string) bool { _, ok := base.Rule(id); return ok }
	var got []fixture.Want
	msgs := map[fixture.Want]string{}
	sort.Strings(order)
	for _, name := range order {
		g := groups[name]
		eng, err := v.engineFor(ctx, base, g.config, policies, known)
		if err != nil {
			return 0, 0, err
		}
		res, err := scan.Run(ctx, scan.Options{Paths: g.targets, Engine: eng})
		if err != nil {
			return 0, 0, err
		}
		for _, f := range res.Findings {
			w := fixture.Want{File: f.File, Line: f.Line, Rule: f.RuleID}
			if _, dup := msgs[w]; !dup {
				msgs[w] = f.Message
			}
		}
		got = append(got, fixture.FromFindings(res.Findings, rules)...)
	}
	missing, unexpected := fixture.Compare(wants, got)
	for _, w := range missing {
		v.failures++
		fmt.Fprintf(v.out, "FAIL %s:%d: want %s, got no such finding\n", w.File, w.Line, w.Rule)
	}
	for _, w := range unexpected {
		v.failures++
		fmt.Fprintf(v.out, "FAIL %s:%d: unexpected %s: %s (mark the line <!-- want: %s --> if it is right)\n", w.File, w.Line, w.Rule, msgs[w], w.Rule)
	}
	if v.verbose && len(missing) == 0 && len(unexpected) == 0 && files > 0 {
		fmt.Fprintf(v.out, "PASS fixtures: %d files, %d expected findings\n", files, len(wants))
	}
	return files, len(wants), nil
}

// engineFor returns the engine for fixtures that use config path ("" for the defaults).
func (v *verifier) engineFor(ctx context.Context, base *engine.Engine, path string, policies []engine.Module, known func(string) bool) (*engine.Engine, error) {
	if path == "" {
		return base, nil
	}
	b, err := sidefile.Read(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	cfg, err := config.Parse(displayPath(path), b, known)
	if err != nil {
		return nil, err
	}
	return engine.New(ctx, engine.Config{Data: cfg.Data(), Disabled: cfg.Disabled(), Policies: policies, Timeout: cfg.Timeout})
}
