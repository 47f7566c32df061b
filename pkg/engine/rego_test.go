package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/calint/calint/pkg/engine"
)

// TestRegoUnitTests runs every built-in rule's _test.rego through OPA's tester, compiled
// against the input schema like production.
func TestRegoUnitTests(t *testing.T) {
	mods, err := engine.BuiltinModules(true)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := engine.SchemaSet()
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler().
		WithDefaultRegoVersion(ast.RegoV1).
		WithCapabilities(engine.Capabilities()).
		WithSchemas(ss).
		WithUseTypeCheckAnnotations(true).
		WithEnablePrintStatements(true)
	ch, err := tester.NewRunner().
		SetCompiler(c).
		SetModules(mods).
		AddCustomBuiltins(engine.TesterBuiltins()).
		CapturePrintOutput(true).
		RunTests(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		if r.Error != nil {
			t.Errorf("%s.%s: error: %v", r.Package, r.Name, r.Error)
			continue
		}
		if r.Fail {
			t.Errorf("%s.%s: FAIL %s", r.Package, r.Name, strings.TrimSpace(string(r.Output)))
		}
	}
	if n == 0 {
		t.Fatal("no Rego tests ran")
	}
	t.Logf("%d Rego tests", n)
}

// TestEveryRuleHasTestsAndFixtures enforces the rule conventions: metadata, a _test.rego
// beside the rule (with a test_whole_violation comparing a whole violation, not only a
// field of it) and an XML fixture directory.
func TestEveryRuleHasTestsAndFixtures(t *testing.T) {
	eng, err := engine.New(t.Context(), engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	mods, _ := engine.BuiltinModules(true)
	for _, r := range eng.Rules() {
		if r.Title == "" || r.Description == "" || r.HelpURI == "" || r.Remediation == "" {
			t.Errorf("%s (%s): METADATA needs title, description, related_resources and custom.remediation", r.ID, r.File)
		}
		if r.Name == r.ID {
			t.Errorf("%s: METADATA needs custom.name", r.ID)
		}
		if !r.Native {
			if _, err := os.Stat(filepath.Join("..", "..", "testdata", "rules", r.ID)); err != nil {
				t.Errorf("%s: no XML fixtures in testdata/rules/%s", r.ID, r.ID)
			}
		}
		if r.Native {
			continue // reported by Go code, tested there
		}
		testFile := strings.TrimSuffix(r.File, ".rego") + "_test.rego"
		m, ok := mods[testFile]
		if !ok {
			t.Errorf("%s: no %s", r.ID, testFile)
			continue
		}
		if !hasRule(m, "test_whole_violation") {
			t.Errorf("%s: %s has no test_whole_violation (compare a whole violation with t.equals)", r.ID, testFile)
		}
	}
}

// hasRule reports whether module m defines a rule named name.
func hasRule(m *ast.Module, name string) bool {
	for _, r := range m.Rules {
		if r.Head.Ref().String() == name {
			return true
		}
	}
	return false
}
