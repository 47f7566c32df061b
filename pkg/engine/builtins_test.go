package engine_test

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/calint/calint/pkg/engine"
)

// TestImportHasNoSideEffect: calint's builtins are options of the queries that use them,
// not entries in OPA's global registry, so another OPA user in the same process (a test
// runner, an embedding program) sees plain OPA.
func TestImportHasNoSideEffect(t *testing.T) {
	for _, name := range []string{"calint.walk_objects", "calint.find_strings"} {
		if _, ok := ast.BuiltinMap[name]; ok {
			t.Errorf("%s is registered in ast.BuiltinMap", name)
		}
		if topdown.GetBuiltin(name) != nil {
			t.Errorf("%s is registered with topdown", name)
		}
		found := false
		for _, b := range engine.Capabilities().Builtins {
			found = found || b.Name == name
		}
		if !found {
			t.Errorf("%s is not in engine.Capabilities()", name)
		}
	}
}

const builtinsPolicy = `# METADATA
# title: Keys
# custom:
#   id: ORG020
#   severity: low
package org.keys

deny contains {"msg": sprintf("%d %d", [count(calint.find_strings(input, "A")), count(calint.walk_objects(input, "_ref"))])} if input.app
`

// TestCustomRulesUseCalintBuiltins: custom rules and their tests can call calint.* (as
// docs/custom-rules.md says): the builtins reach every query the engine prepares.
func TestCustomRulesUseCalintBuiltins(t *testing.T) {
	mod := engine.Module{Name: "policies/keys.rego", Src: builtinsPolicy}
	eng, err := engine.New(t.Context(), engine.Config{Policies: []engine.Module{mod}})
	if err != nil {
		t.Fatal(err)
	}
	vs, err := eng.Eval(t.Context(), appInput(t, "A"))
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, v := range vs {
		if v.RuleID == "ORG020" {
			got = v.Msg
		}
	}
	// "A" is in the app name, its type (ConnectedApp) and the label; _ref: connectedApp and label
	if got != "3 2" {
		t.Errorf("ORG020 message %q, want \"3 2\"", got)
	}
	test := engine.Module{Name: "policies/keys_test.rego", Src: `package org.keys_test

test_builtins if count(calint.find_strings({"a": "xAx", "b": ["A"]}, "A")) == 2
`}
	res, err := engine.RunTests(t.Context(), []engine.Module{mod, test}, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Fail || res[0].Err != nil {
		t.Errorf("test results %+v, want one pass", res)
	}
}
