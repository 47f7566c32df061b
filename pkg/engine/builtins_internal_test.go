package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// TestWalkObjects: calint.walk_objects finds every object with the key, at any depth, with
// the path walk would give it.
func TestWalkObjects(t *testing.T) {
	in := ast.MustParseTerm(`{"a": {"_ref": 1, "value": "x"}, "b": [{"_ref": 2, "value": "y", "url": {"host": "h"}}, 3], "c": {"d": {"e": {"value": 1}}}, "value": 0}`)
	got, err := builtinWalkObjects(rego.BuiltinContext{}, in, ast.StringTerm("value"))
	if err != nil {
		t.Fatal(err)
	}
	// walk order is not part of the contract: compare as sets
	want := ast.MustParseTerm(`{[[], ` + in.String() + `], [["a"], {"_ref": 1, "value": "x"}], [["b", 0], {"_ref": 2, "value": "y", "url": {"host": "h"}}], [["c", "d", "e"], {"value": 1}]}`)
	if setOf(got.Value.(*ast.Array)).Compare(want.Value) != 0 {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func setOf(a *ast.Array) ast.Set {
	s := ast.NewSet()
	a.Foreach(s.Add)
	return s
}

// TestFindStrings: calint.find_strings finds every string value containing the substring,
// at any depth, never a key, with the path walk would give it.
func TestFindStrings(t *testing.T) {
	in := ast.MustParseTerm(`{"a": {"_ref": 1, "value": "xKEYx"}, "b": [{"value": "no"}, "KEY"], "KEY": 1, "s": {"KEY", "k"}}`)
	got, err := builtinFindStrings(rego.BuiltinContext{}, in, ast.StringTerm("KEY"))
	if err != nil {
		t.Fatal(err)
	}
	want := ast.MustParseTerm(`{[["a", "value"], "xKEYx"], [["b", 1], "KEY"], [["s", "KEY"], "KEY"]}`)
	if setOf(got.Value.(*ast.Array)).Compare(want.Value) != 0 {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}
