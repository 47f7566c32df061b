package plangen_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ir"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/planeval"
	"github.com/calint/calint/pkg/planeval/plangen"
	"github.com/calint/calint/rules"
)

// TestEmbeddedPlanLoads: the checked-in rules/rules.plan loads with the engine's builtins
// (internal/gen's TestGeneratedFilesAreCurrent fails when it is stale).
func TestEmbeddedPlanLoads(t *testing.T) {
	if _, err := planeval.Load(rules.Plan, engine.PlanBuiltins()); err != nil {
		t.Fatal(err)
	}
}

// TestEveryPlannedStatementIsImplemented names the statement kinds of the built-in rules'
// plan that the interpreter does not implement.
func TestEveryPlannedStatementIsImplemented(t *testing.T) {
	p, err := plangen.Policy(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	kinds := map[string]bool{}
	err = ir.Walk(visitor(func(x any) {
		s, ok := x.(ir.Stmt)
		if !ok {
			return
		}
		one := &ir.Policy{Static: p.Static, Plans: &ir.Plans{Plans: []*ir.Plan{{Name: "x", Blocks: []*ir.Block{{Stmts: []ir.Stmt{s}}}}}}, Funcs: p.Funcs}
		k := strings.TrimPrefix(fmt.Sprintf("%T", s), "*ir.")
		kinds[k] = true
		if _, err := planeval.Encode(one, ""); err != nil && strings.Contains(err.Error(), "not implemented") {
			missing = append(missing, k)
		}
	}), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Fatalf("OPA planned statement kinds the interpreter lacks: %v", missing)
	}
	if len(kinds) < 10 {
		t.Fatalf("only %d statement kinds seen: %v", len(kinds), kinds)
	}
}

func TestEncodeRejectsUnimplementedStatements(t *testing.T) {
	for _, s := range []ir.Stmt{&ir.WithStmt{Block: &ir.Block{}}, &ir.CallDynamicStmt{}, &ir.ObjectMergeStmt{}} {
		p := &ir.Policy{Static: &ir.Static{}, Funcs: &ir.Funcs{}, Plans: &ir.Plans{Plans: []*ir.Plan{{Name: "x", Blocks: []*ir.Block{{Stmts: []ir.Stmt{s}}}}}}}
		if _, err := planeval.Encode(p, ""); err == nil || !strings.Contains(err.Error(), "not implemented") {
			t.Errorf("%T: got %v, want a not-implemented error", s, err)
		}
	}
}

type visitor func(any)

func (v visitor) Before(any)                      {}
func (v visitor) After(any)                       {}
func (v visitor) Visit(x any) (ir.Visitor, error) { v(x); return v, nil }
