package engine_test

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/engine"
)

// TestOptionDefaultsAgree: the option defaults are written twice, in Go (config.Defaults,
// which fills data.calint.options) and in Rego (data.calint.lib.default_options, which a
// rule falls back to when data.calint.options lacks a key, as in Rego unit tests and with
// `opa eval`). They must be the same, for the same options config accepts.
func TestOptionDefaultsAgree(t *testing.T) {
	mods, err := engine.BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1).WithCapabilities(engine.Capabilities())
	if c.Compile(mods); c.Failed() {
		t.Fatal(c.Errors)
	}
	rs, err := rego.New(rego.Query("data.calint.lib.default_options"), rego.Compiler(c)).Eval(context.Background())
	if err != nil || len(rs) != 1 {
		t.Fatalf("eval default_options: %v %v", rs, err)
	}
	// compare as JSON values: Rego numbers decode as json.Number, Go's are ints
	norm := func(v any) any {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var out any
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	rg, gd := norm(rs[0].Expressions[0].Value), norm(config.Defaults())
	if !reflect.DeepEqual(rg, gd) {
		t.Errorf("option defaults differ:\n rego: %v\n   go: %v", rg, gd)
	}
	var names []string
	for k := range gd.(map[string]any) {
		names = append(names, k)
	}
	names = append(names, "custom") // the custom rules' options: no default
	sort.Strings(names)
	if known := config.OptionNames(); !slices.Equal(names, known) {
		t.Errorf("options with a default %v, options config accepts %v", names, known)
	}
}
