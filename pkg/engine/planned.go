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
	"github.com/calint/calint/rules"
)

// EngineEnv names the environment variable that selects how the built-in rules are
// evaluated: unset (or "plan"), the compiled plan (rules/rules.plan, pkg/planeval);
// "topdown", OPA's top-down evaluator, the reference the plan is tested against. It is a
// debugging switch, not a documented option.
const EngineEnv = "CALINT_ENGINE"

// useTopdown reports whether the built-in rules are evaluated top-down: when asked to, or
// when the compiled plan does not stand for the embedded rules (a rule was changed without
// `make generate`; a test then fails).
func useTopdown() bool {
	if os.Getenv(EngineEnv) == "topdown" {
		return true
	}
	p, err := builtinPlan()
	return err != nil || p == nil
}

// builtinPlan is the compiled plan of the built-in rules, or nil when it is stale.
var builtinPlan = sync.OnceValues(func() (*planeval.Program, error) {
	p, err := planeval.Load(rules.Plan)
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

// plannedRule is a built-in rule evaluated by the plan.
type plannedRule struct {
	rule *Rule
	plan string
}

// usePlan routes the enabled built-in rules to the compiled plan.
func (e *Engine) usePlan(prog *planeval.Program, cfg Config) error {
	var data any = map[string]any{"calint": cfg.Data}
	if err := util.RoundTrip(&data); err != nil {
		return fmt.Errorf("options: %w", err)
	}
	v, err := ast.InterfaceToValue(data)
	if err != nil {
		return fmt.Errorf("options: %w", err)
	}
	e.prog, e.data = prog, v
	for i := range e.rules {
		r := &e.rules[i]
		if !r.Builtin || r.Native || cfg.Disabled[r.ID] {
			continue
		}
		name := planeval.PlanName(r.Package)
		if !prog.Has(name) {
			return fmt.Errorf("built-in rule %s has no compiled plan: run make generate", r.ID)
		}
		e.planned = append(e.planned, plannedRule{rule: r, plan: name})
	}
	return nil
}

// newPlanned is New without custom policies when the plan is current: no Rego is parsed
// or compiled, the registry comes from the rule files' METADATA heads.
func newPlanned(prog *planeval.Program, cfg Config) (*Engine, error) {
	heads, err := ruleHeads()
	if err != nil {
		return nil, err
	}
	e := &Engine{byPkg: map[string]*Rule{}, timeout: cfg.Timeout}
	if e.timeout <= 0 {
		e.timeout = DefaultTimeout
	}
	if err := e.readRegistry(heads, nil); err != nil {
		return nil, err
	}
	// the heads have no rules: a built-in rule is native when it has no deny set to plan
	for i := range e.rules {
		e.rules[i].Native = !prog.Has(planeval.PlanName(e.rules[i].Package))
	}
	if err := e.usePlan(prog, cfg); err != nil {
		return nil, err
	}
	return e, nil
}

// evalPlanned evaluates the planned rules against one app.
func (e *Engine) evalPlanned(ctx context.Context, input ast.Value) ([]Violation, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	s := e.prog.NewSession(ctx, input, e.data)
	defer s.Close()
	var out []Violation
	for _, pr := range e.planned {
		rs, err := s.Eval(pr.plan)
		if err != nil {
			return nil, fmt.Errorf("evaluate: %w", err)
		}
		for _, t := range rs {
			set, ok := t.Value.(ast.Set)
			if !ok {
				return nil, fmt.Errorf("rule %s: deny must be a set", pr.rule.ID)
			}
			var derr error
			set.Foreach(func(t *ast.Term) {
				if derr != nil {
					return
				}
				vi, err := decodeViolation(pr.rule.ID, t.Value)
				if err != nil {
					derr = fmt.Errorf("rule %s: %w", pr.rule.ID, err)
					return
				}
				out = append(out, vi)
			})
			if derr != nil {
				return nil, derr
			}
		}
	}
	return out, nil
}

// Evaluator names what evaluates the built-in rules: "plan" or "topdown".
func (e *Engine) Evaluator() string {
	if e.prog != nil {
		return "plan"
	}
	return "topdown"
}
