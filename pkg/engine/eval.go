package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"

	"github.com/calint/calint/pkg/rule"
)

// Violation is one element of a rule's deny set.
type Violation struct {
	RuleID   string
	Msg      string
	Ref      int // -1 when the rule named no element
	Severity string
	Key      string
}

// Evaluator evaluates a prepared set of rules against one app's input and returns their
// violations (in no particular order). It is the seam between the engine, which loads,
// compiles and routes the rules, and what runs them: New prepares a top-down evaluator
// (OPA's rego package) for the enabled built-in rules; another implementation, such as a
// compiled plan, can stand in for it. An Evaluator is safe for concurrent use.
type Evaluator interface {
	Eval(ctx context.Context, input ast.Value) ([]Violation, error)
}

// Prepared is what an Evaluator is built from: the compiled modules, the store holding
// data.calint, and the rules to evaluate (enabled, non-native, in id order).
type Prepared struct {
	Compiler *ast.Compiler
	Store    storage.Store
	Rules    []*rule.Rule
}

// topdown evaluates rules with one prepared query whose value is the array of their deny
// sets, in the order of rules: the i-th set is the i-th rule's.
type topdown struct {
	rules []*rule.Rule
	pq    rego.PreparedEvalQuery
}

// newTopdown prepares the query that evaluates p.Rules, or returns nil when there is none.
func newTopdown(ctx context.Context, p Prepared) (Evaluator, error) {
	if len(p.Rules) == 0 {
		return nil, nil
	}
	refs := make([]string, len(p.Rules))
	for i, r := range p.Rules {
		refs[i] = "data." + r.Package + ".deny"
	}
	q, err := ast.ParseBody("[" + strings.Join(refs, ", ") + "]")
	if err != nil {
		return nil, fmt.Errorf("router: %w", err)
	}
	opts := append([]func(*rego.Rego){rego.ParsedQuery(q), rego.Compiler(p.Compiler), rego.Store(p.Store)}, RegoFunctions()...)
	pq, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	return &topdown{rules: p.Rules, pq: pq}, nil
}

func (t *topdown) Eval(ctx context.Context, input ast.Value) ([]Violation, error) {
	rs, err := t.pq.Eval(ctx, rego.EvalParsedInput(input), rego.EvalGenerateJSON(passthrough))
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, errors.New("evaluate: no result")
	}
	arr, ok := rs[0].Expressions[0].Value.(*ast.Array)
	if !ok || arr.Len() != len(t.rules) {
		return nil, errors.New("evaluate: unexpected result")
	}
	var out []Violation
	for i, r := range t.rules {
		vs, err := decodeDeny(r, arr.Elem(i).Value, out)
		if err != nil {
			return nil, err
		}
		out = vs
	}
	return out, nil
}

// custom evaluates one custom rule under its own time limit, so a runaway rule is named.
type custom struct {
	rule    *rule.Rule
	pq      rego.PreparedEvalQuery
	timeout time.Duration
}

func newCustom(ctx context.Context, p Prepared, r *rule.Rule, timeout time.Duration) (*custom, error) {
	opts := append([]func(*rego.Rego){
		rego.ParsedQuery(ast.MustParseBody("data." + r.Package + ".deny")),
		rego.Compiler(p.Compiler),
		rego.Store(p.Store),
		rego.Capabilities(Capabilities()), // builtins see allow_net: none
	}, RegoFunctions()...)
	pq, err := rego.New(opts...).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare %s: %w", r.ID, err)
	}
	return &custom{rule: r, pq: pq, timeout: timeout}, nil
}

func (c *custom) Eval(ctx context.Context, input ast.Value) ([]Violation, error) {
	cctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	rs, err := c.pq.Eval(cctx, rego.EvalParsedInput(input), rego.EvalGenerateJSON(passthrough))
	if cctx.Err() != nil && ctx.Err() == nil {
		return nil, fmt.Errorf("rule %s (%s) exceeded the %s evaluation time limit", c.rule.ID, c.rule.File, c.timeout)
	}
	if err != nil {
		return nil, fmt.Errorf("rule %s (%s): %w", c.rule.ID, c.rule.File, err)
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil
	}
	v, ok := rs[0].Expressions[0].Value.(ast.Value)
	if !ok {
		return nil, nil
	}
	return decodeDeny(c.rule, v, nil)
}

func passthrough(t *ast.Term, _ *rego.EvalContext) (any, error) { return t.Value, nil }

// decodeDeny appends the violations of r's deny set v to out.
func decodeDeny(r *rule.Rule, v ast.Value, out []Violation) ([]Violation, error) {
	where := r.ID
	if !r.Builtin {
		where += " (" + r.File + ")"
	}
	set, ok := v.(ast.Set)
	if !ok {
		return nil, fmt.Errorf("rule %s: deny must be a set", where)
	}
	var derr error
	set.Foreach(func(t *ast.Term) {
		if derr != nil {
			return
		}
		vi, err := decodeViolation(r.ID, t.Value)
		if err != nil {
			derr = fmt.Errorf("rule %s: %w", where, err)
			return
		}
		out = append(out, vi)
	})
	return out, derr
}

func str(o ast.Object, k string) (string, bool) {
	t := o.Get(ast.InternedTerm(k))
	if t == nil {
		return "", false
	}
	s, ok := t.Value.(ast.String)
	return string(s), ok
}

func decodeViolation(id string, v ast.Value) (Violation, error) {
	vi := Violation{RuleID: id, Ref: -1}
	switch x := v.(type) {
	case ast.String:
		vi.Msg = string(x)
		return vi, nil
	case ast.Object:
		msg, ok := str(x, "msg")
		if !ok {
			return vi, errors.New("a deny element has no string msg")
		}
		vi.Msg = msg
		vi.Severity, _ = str(x, "severity")
		if vi.Severity != "" && rule.SeverityRank(vi.Severity) == 0 {
			return vi, fmt.Errorf("severity %q is not one of %s", vi.Severity, strings.Join(rule.Severities(), ", "))
		}
		vi.Key, _ = str(x, "key")
		if n := x.Get(ast.InternedTerm("node")); n != nil {
			if no, ok := n.Value.(ast.Object); ok {
				if r := no.Get(ast.InternedTerm("_ref")); r != nil {
					if num, ok := r.Value.(ast.Number); ok {
						if i, ok := num.Int(); ok {
							vi.Ref = i
						}
					}
				}
			}
		}
		return vi, nil
	}
	return vi, errors.New("a deny element must be an object with msg")
}
