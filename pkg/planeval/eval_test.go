package planeval_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/planeval"
	"github.com/calint/calint/pkg/planeval/plangen"
)

// program plans a module of package calint.rules.t and loads it.
func program(t *testing.T, src string) *planeval.Program {
	t.Helper()
	p, err := plangen.Compile(t.Context(), map[string]string{"t.rego": src})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	b, err := planeval.Encode(p, "test")
	if err != nil {
		t.Fatal(err)
	}
	prog, err := planeval.Load(b, engine.PlanBuiltins())
	if err != nil {
		t.Fatal(err)
	}
	if prog.Source() != "test" {
		t.Fatalf("source %q", prog.Source())
	}
	return prog
}

func evalPlan(t *testing.T, prog *planeval.Program, ctx context.Context, input, data ast.Value) (ast.Value, error) {
	t.Helper()
	s := prog.Bind(ctx, data).NewSession(ctx, input)
	defer s.Close()
	rs, err := s.Eval(planeval.PlanName("calint.rules.t"))
	if err != nil {
		return nil, err
	}
	if len(rs) != 1 {
		t.Fatalf("%d results", len(rs))
	}
	return rs[0].Value, nil
}

func evalTopdown(t *testing.T, src string, input, data ast.Value) (ast.Value, error) {
	t.Helper()
	m, err := ast.ParseModuleWithOpts("t.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithCapabilities(engine.Capabilities())
	if c.Compile(map[string]*ast.Module{"t.rego": m}); c.Failed() {
		t.Fatal(c.Errors)
	}
	opts := append([]func(*rego.Rego){rego.ParsedQuery(ast.MustParseBody("data.calint.rules.t.deny")), rego.Compiler(c),
		rego.Store(storeOf(t, data))}, engine.RegoFunctions()...)
	pq, err := rego.New(opts...).PrepareForEval(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	rs, err := pq.Eval(t.Context(), rego.EvalParsedInput(input),
		rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t.Value, nil }))
	if err != nil {
		return nil, err
	}
	return rs[0].Expressions[0].Value.(ast.Value), nil
}

// TestSemantics compares the plan and top-down on small rules that exercise every planned
// construct the built-in rules use: iteration, negation, else, functions, comprehensions,
// every, membership, data lookups, builtins that fail.
func TestSemantics(t *testing.T) {
	input := ast.MustParseTerm(`{"app": {"name": "a", "scopes": ["Full", "Api", "Web"], "urls": [{"u": "http://x"}, {"u": "https://y"}], "n": "12", "m": {"k": 1, "j": {"deep": "BEGIN PRIVATE KEY"}}}}`).Value
	data := ast.MustParseTerm(`{"calint": {"options": {"allowed": ["Api"], "max": 2}, "apps": {"a": {"max": 5}}}}`).Value
	cases := map[string]string{
		"iterate":     `deny contains {"msg": s} if { some s in input.app.scopes; not s in data.calint.options.allowed }`,
		"not":         `deny contains "none" if { not input.app.missing }`,
		"else":        "opt(n) := v if { v := data.calint.apps[input.app.name][n] } else := v if { v := data.calint.options[n] } else := 0\ndeny contains sprintf(\"%v %v\", [opt(\"max\"), opt(\"nope\")]) if true",
		"function":    "f(x) := upper(x) if startswith(x, \"http:\")\ndeny contains f(u.u) if some u in input.app.urls",
		"compr":       `deny contains {"n": count(xs), "s": {x | some x in input.app.scopes}, "o": {k: v | some k, v in input.app.m}} if { xs := [x | some x in input.app.scopes; x != "Web"] }`,
		"every":       `deny contains "all-strings" if { every s in input.app.scopes { is_string(s) } }`,
		"every-fails": `deny contains "never" if { every s in input.app.scopes { s == "Full" } }`,
		"builtin-err": `deny contains "num" if { to_number("x") }` + "\n" + `deny contains x if { x := to_number(input.app.n) + 1 }`,
		"walk":        `deny contains p if { some [p, _] in calint.find_strings(input.app, "PRIVATE KEY") }`,
		"objects":     `deny contains [p, o] if { some [p, o] in calint.walk_objects(input.app, "u") }`,
		"dot-set":     `deny contains x if { s := {"a", "b"}; x := s["a"] }`,
		"regex":       `deny contains m if { some u in input.app.urls; m := regex.find_n("[a-z]+", u.u, -1) }`,
		"partial-obj": "o[k] := v if { some k, v in input.app.m }\ndeny contains o if true",
		"default":     "default d := \"none\"\nd := input.app.nothing\ndeny contains d if true",
		"numbers":     `deny contains x if { x := [1.5 * 2, 10 / 4, 7 - 9, 1e3, floor(2.7)] }`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			src := "package calint.rules.t\n\n" + body + "\n"
			want, err := evalTopdown(t, src, input, data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := evalPlan(t, program(t, src), t.Context(), input, data)
			if err != nil {
				t.Fatal(err)
			}
			if want.Compare(got) != 0 {
				t.Fatalf("top-down %v\nplan     %v", want, got)
			}
			if s, ok := want.(ast.Set); ok && s.Len() == 0 && name != "every-fails" {
				t.Fatalf("empty result: the case tests nothing")
			}
		})
	}
}

func TestConflict(t *testing.T) {
	input := ast.MustParseTerm(`{"xs": [1, 2]}`).Value
	for name, body := range map[string]string{
		"rule":     "v := x if some x in input.xs\ndeny contains v if true",
		"function": "f(_) := x if some x in input.xs\ndeny contains f(1) if true",
	} {
		t.Run(name, func(t *testing.T) {
			src := "package calint.rules.t\n\n" + body + "\n"
			if _, err := evalTopdown(t, src, input, ast.NewObject()); err == nil || !strings.Contains(err.Error(), "conflict") {
				t.Fatalf("top-down: %v", err)
			}
			_, err := evalPlan(t, program(t, src), t.Context(), input, ast.NewObject())
			var ce *planeval.ConflictError
			if !errors.As(err, &ce) || ce.File != "t.rego" || ce.Row != 3 {
				t.Fatalf("plan: %v (%#v), want a conflict at t.rego:3", err, ce)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	src := "package calint.rules.t\n\ndeny contains [a, b, c] if { some a in numbers.range(1, 100); some b in numbers.range(1, 100); some c in numbers.range(1, 100); a+b+c == 0 }\n"
	prog := program(t, src)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := evalPlan(t, prog, ctx, ast.NewObject(), ast.NewObject()); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want the cancellation", err)
	}
	got, err := evalPlan(t, prog, t.Context(), ast.NewObject(), ast.NewObject())
	if err != nil || got.(ast.Set).Len() != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("CALPLAN1"), []byte("CALPLAN1\x05abc"), []byte("nope")} {
		if _, err := planeval.Load(b, engine.PlanBuiltins()); err == nil {
			t.Errorf("Load(%q) succeeded", b)
		}
	}
}
