package engine_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/calint/calint/pkg/engine"
)

// TestBuiltinPackagesAreIDs: a built-in rule's package is calint.rules.<lower-case id> (a
// naming convention: rules are routed by their METADATA id, never by their package name).
func TestBuiltinPackagesAreIDs(t *testing.T) {
	eng, err := engine.New(t.Context(), engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range eng.Rules() {
		if want := "calint.rules." + strings.ToLower(r.ID); r.Builtin && r.Package != want {
			t.Errorf("%s: package %s, want %s", r.ID, r.Package, want)
		}
	}
}

// TestFastPathRegistry: the registry of a scan without custom policies (METADATA parsed
// from the files' heads while the rules compile) is the one read from fully parsed,
// type-checked modules.
func TestFastPathRegistry(t *testing.T) {
	fast, err := engine.New(t.Context(), engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	typed, err := engine.New(t.Context(), engine.Config{Policies: []engine.Module{{Name: "policies/x.rego", Src: "package org.x\n\nallow := true\n"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fast.Rules(), typed.Rules()) {
		t.Errorf("registries differ:\nfast  %+v\ntyped %+v", fast.Rules(), typed.Rules())
	}
}

// TestDisabledRuleReportsNothing: a disabled built-in rule reports nothing, on the fast path
// and with custom policies.
func TestDisabledRuleReportsNothing(t *testing.T) {
	input := ast.MustParseTerm(`{"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}, "unknownElements": [], "invalidValues": []}`).Value
	for _, policies := range [][]engine.Module{nil, {{Name: "policies/x.rego", Src: "package org.x\n\nallow := true\n"}}} {
		for _, disabled := range []map[string]bool{nil, {"CAL601": true}} {
			eng, err := engine.New(t.Context(), engine.Config{Disabled: disabled, Policies: policies})
			if err != nil {
				t.Fatal(err)
			}
			vs, err := eng.Eval(t.Context(), input)
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, v := range vs {
				got = got || v.RuleID == "CAL601"
			}
			if got == disabled["CAL601"] {
				t.Errorf("policies %d, disabled %v: CAL601 reported = %v", len(policies), disabled, got)
			}
		}
	}
}
