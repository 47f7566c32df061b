package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/calint/calint/pkg/planeval"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/rules"
)

// EngineEnv names the environment variable that selects how the built-in rules are
// evaluated: unset (or "plan"), the compiled plan (rules/rules.plan, pkg/planeval);
// "topdown", OPA's top-down evaluator, the reference the plan is tested against. It is a
// debugging switch, not a documented option.
const EngineEnv = "CALINT_ENGINE"

// currentPlan returns the compiled plan of the built-in rules, or nil when the built-in
// rules are to be evaluated top-down: when asked to, or when the plan does not stand for
// the embedded rules (a rule was changed without `make generate`; TestGeneratedFilesAreCurrent fails).
func currentPlan() *planeval.Program {
	if os.Getenv(EngineEnv) == "topdown" {
		return nil
	}
	p, err := builtinPlan()
	if err != nil {
		return nil
	}
	return p
}

// builtinPlan is the compiled plan of the built-in rules, or nil when it is stale.
var builtinPlan = sync.OnceValues(func() (*planeval.Program, error) {
	p, err := planeval.Load(rules.Plan, PlanBuiltins())
	if err != nil {
		return nil, err
	}
	digest, err := RulesDigest()
	if err != nil {
		return nil, err
	}
	if p.Source() != digest {
		return nil, nil
	}
	return p, nil
})

// RulesDigest identifies the embedded rule and library sources: the compiled plan records
// the digest of the sources it was compiled from.
func RulesDigest() (string, error) {
	files, err := embeddedFiles(isRuleFile)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, f := range files {
		b, err := fs.ReadFile(rules.FS, f)
		if err != nil {
			return "", fmt.Errorf("rules digest: %w", err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// planned evaluates built-in rules with the compiled plan: one plan per rule's deny set,
// all of an app's plans in one session, so rules without arguments are computed once per app.
type planned struct {
	bound *planeval.Bound
	rules []*rule.Rule
	plans []string
}

// newPlanned prepares the plans of rules, with data.calint = data; nil when there is no rule.
func newPlanned(ctx context.Context, prog *planeval.Program, data map[string]any, rules []*rule.Rule) (Evaluator, error) {
	if len(rules) == 0 {
		return nil, nil
	}
	var doc any = map[string]any{"calint": data}
	if err := util.RoundTrip(&doc); err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	v, err := ast.InterfaceToValue(doc)
	if err != nil {
		return nil, fmt.Errorf("options: %w", err)
	}
	p := &planned{rules: rules}
	for _, r := range rules {
		name := planeval.PlanName(r.Package)
		if !prog.Has(name) {
			return nil, fmt.Errorf("built-in rule %s has no compiled plan: run make generate", r.ID)
		}
		p.plans = append(p.plans, name)
	}
	// the rules that read only options are computed now, once
	p.bound = prog.Bind(ctx, v)
	return p, nil
}

func (p *planned) Eval(ctx context.Context, input ast.Value) ([]Violation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	s := p.bound.NewSession(ctx, input)
	defer s.Close()
	var out []Violation
	for i, r := range p.rules {
		rs, err := s.Eval(p.plans[i])
		if err != nil {
			return nil, fmt.Errorf("evaluate: %w", err)
		}
		for _, t := range rs {
			if out, err = decodeDeny(r, t.Value, out); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// newFromPlan is New without custom policies when the plan is current: no Rego is parsed
// or compiled; the registry comes from the rule files' heads (package and METADATA).
func newFromPlan(ctx context.Context, prog *planeval.Program, cfg Config) (*Engine, error) {
	heads, err := ruleHeads()
	if err != nil {
		return nil, err
	}
	reg, err := readRegistry(heads, nil)
	if err != nil {
		return nil, err
	}
	// the heads have no rules: a built-in rule is native when it has no deny set to plan
	for i := range reg.rules {
		reg.rules[i].Native = !prog.Has(planeval.PlanName(reg.rules[i].Package))
	}
	e := &Engine{reg: reg, evaluator: "plan"}
	if e.builtin, err = newPlanned(ctx, prog, cfg.Data, reg.enabled(true, cfg.Disabled)); err != nil {
		return nil, err
	}
	return e, nil
}

// Evaluator names what evaluates the built-in rules: "plan" or "topdown".
func (e *Engine) Evaluator() string { return e.evaluator }
