// Package engine owns OPA. It loads the embedded and custom Rego rules and compiles them
// once, type-checked against the input schema (load.go); reads the rule registry from their
// METADATA (registry.go); and prepares evaluators that run the enabled rules against one
// app's input (eval.go). calint's own builtins are passed as options (builtins.go), and
// custom policies are sandboxed (policy.go) and can be unit-tested (verify.go).
package engine

import (
	"context"
	"fmt"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/calint/calint/pkg/rule"
)

// Module is a Rego source file.
type Module struct {
	Name string
	Src  string
}

// Config configures an engine.
type Config struct {
	// Data is made available to rules as data.calint (options, apps).
	Data map[string]any
	// Disabled rule ids are not evaluated.
	Disabled map[string]bool
	// Policies are custom rule modules (and their helpers).
	Policies []Module
	// Timeout bounds the evaluation of one custom rule on one app; 0 means DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout is the per-app, per-custom-rule evaluation limit.
const DefaultTimeout = 5 * time.Second

// Engine evaluates apps. It is safe for concurrent use.
type Engine struct {
	reg *registry
	// builtin evaluates the enabled built-in rules; nil when none is enabled
	builtin Evaluator
	// custom evaluates the enabled custom rules, one each
	custom []Evaluator
	// evaluator is "plan" or "topdown" (Evaluator)
	evaluator string
}

// New compiles the built-in rules and the configured custom policies and prepares them.
func New(ctx context.Context, cfg Config) (*Engine, error) {
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	// The built-in rules run from their compiled plan (planned.go) unless CALINT_ENGINE
	// asks for top-down; without custom policies nothing else needs Rego compiled.
	prog := currentPlan()
	if prog != nil && len(cfg.Policies) == 0 {
		return newFromPlan(ctx, prog, cfg)
	}
	// Without custom policies nothing is type-checked at run time (see below), so the
	// built-in rules are parsed without METADATA and it is read on another core while they
	// compile.
	typed := len(cfg.Policies) > 0
	var builtins map[string]*ast.Module
	var err error
	type annotations struct {
		byFile map[string][]*ast.Annotations
		err    error
	}
	anns := make(chan annotations, 1)
	if typed {
		builtins, err = parsedRules()
	} else {
		go func() {
			a, err := ruleAnnotations()
			anns <- annotations{a, err}
		}()
		builtins, err = plainRules()
	}
	if err != nil {
		return nil, err
	}
	mods := make(map[string]*ast.Module, len(builtins)+len(cfg.Policies))
	for k, v := range builtins {
		mods[k] = v
	}
	customFiles := map[string]bool{}
	for _, p := range cfg.Policies {
		m, err := ParsePolicy(p)
		if err != nil {
			return nil, err
		}
		if _, dup := mods[p.Name]; dup {
			return nil, fmt.Errorf("policy %s: loaded twice", p.Name)
		}
		mods[p.Name] = m
		customFiles[p.Name] = true
	}
	var reg *registry
	if typed {
		if reg, err = readRegistry(mods, customFiles); err != nil {
			return nil, err
		}
	}
	// The built-in rules are type-checked against the input schema by go test (the Rego
	// unit tests compile them with it), and they are embedded, so a scan without custom
	// policies skips the schema: it is a third of the compile time of every run.
	c, err := compile(mods, typed)
	if !typed {
		a := <-anns
		if err == nil && a.err != nil {
			err = a.err
		}
		if err == nil {
			// the registry reads copies that carry the METADATA; the shared parsed
			// modules are not changed
			annotated := make(map[string]*ast.Module, len(builtins))
			for name, m := range builtins {
				cp := *m
				cp.Annotations = a.byFile[name]
				annotated[name] = &cp
			}
			reg, err = readRegistry(annotated, customFiles)
		}
	}
	if err != nil {
		return nil, err
	}
	// rules read options with every app: the store hands out AST values, not Go values
	// converted on each read
	store := inmem.NewFromObjectWithOpts(map[string]any{"calint": cfg.Data}, inmem.OptReturnASTValuesOnRead(true))
	p := Prepared{Compiler: c, Store: store, Rules: reg.enabled(true, cfg.Disabled)}
	e := &Engine{reg: reg, evaluator: "topdown"}
	if prog != nil {
		e.evaluator = "plan"
		e.builtin, err = newPlanned(ctx, prog, cfg.Data, p.Rules)
	} else {
		e.builtin, err = newTopdown(ctx, p)
	}
	if err != nil {
		return nil, err
	}
	for _, r := range reg.enabled(false, cfg.Disabled) {
		ev, err := newCustom(ctx, p, r, timeout)
		if err != nil {
			return nil, err
		}
		e.custom = append(e.custom, ev)
	}
	return e, nil
}

// Rules returns every loaded rule, sorted by id.
func (e *Engine) Rules() []rule.Rule { return e.reg.rules }

// Rule returns a rule by id.
func (e *Engine) Rule(id string) (rule.Rule, bool) {
	r, ok := e.reg.lookup(id)
	if !ok {
		return rule.Rule{}, false
	}
	return *r, true
}

// Eval evaluates every enabled rule against one app's input.
func (e *Engine) Eval(ctx context.Context, input ast.Value) ([]Violation, error) {
	var out []Violation
	if e.builtin != nil {
		vs, err := e.builtin.Eval(ctx, input)
		if err != nil {
			return nil, err
		}
		out = vs
	}
	for _, c := range e.custom {
		vs, err := c.Eval(ctx, input)
		if err != nil {
			return nil, err
		}
		out = append(out, vs...)
	}
	return out, nil
}
