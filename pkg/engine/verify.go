package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is the outcome of one Rego test rule.
type TestResult struct {
	// Name is the test's full name, e.g. data.acme.rules.domains_test.test_allowed.
	Name string
	File string
	Line int
	Fail bool
	Skip bool
	// Err is set when the test could not be evaluated (a runtime error, the time limit).
	Err error
	// Output is what the test printed.
	Output string
}

// RunTests runs the test rules (test_*) of custom modules with OPA's tester. The modules
// (policies and their _test.rego files) are checked by ParsePolicy and compiled like a scan
// compiles them: with the built-in rules and library (so tests and policies can import
// data.calint.lib), the restricted capabilities and the input schema; print works. data is
// what the tests see as data.calint; timeout bounds each test (0 means DefaultTimeout). A
// module that does not load is an error; failing tests are results.
func RunTests(ctx context.Context, mods []Module, data map[string]any, timeout time.Duration) ([]TestResult, error) {
	builtins, err := BuiltinModules(false)
	if err != nil {
		return nil, err
	}
	all := make(map[string]*ast.Module, len(builtins)+len(mods))
	for k, v := range builtins {
		all[k] = v
	}
	var errs []error
	for _, mod := range mods {
		m, err := ParsePolicy(mod)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if _, dup := all[mod.Name]; dup {
			errs = append(errs, fmt.Errorf("%s: loaded twice", mod.Name))
			continue
		}
		all[mod.Name] = m
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	c, err := newCompiler()
	if err != nil {
		return nil, err
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if data == nil {
		data = map[string]any{}
	}
	ch, err := tester.NewRunner().
		SetCompiler(c.WithEnablePrintStatements(true)).
		SetStore(inmem.NewFromObject(map[string]any{"calint": data})).
		SetModules(all).
		AddCustomBuiltins(TesterBuiltins()).
		SetTimeout(timeout).
		CapturePrintOutput(true).
		RunTests(ctx, nil)
	if err != nil {
		var aerrs ast.Errors
		if errors.As(err, &aerrs) {
			return nil, compileError(aerrs)
		}
		return nil, fmt.Errorf("run tests: %w", err)
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{Name: r.Package + "." + r.Name, Fail: r.Fail, Skip: r.Skip, Err: r.Error, Output: string(r.Output)}
		if r.Location != nil {
			tr.File, tr.Line = r.Location.File, r.Location.Row
		}
		out = append(out, tr)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out, nil
}
