package engine_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/calint/calint/pkg/engine"
)

// customRule is a custom rule module ORG001 in package org.sandbox with extra Rego after
// its deny rule.
func customRule(extra string) engine.Module {
	return engine.Module{Name: "policies/sandbox.rego", Src: `# METADATA
# title: Sandbox
# schemas:
#   - input: schema.input
# custom:
#   id: ORG001
#   severity: high
package org.sandbox

deny contains {"msg": "x"} if input.connectedApp
` + extra}
}

// TestSandboxRefusesBuiltins: each builtin that reaches the network, the file system or
// the environment is a load error naming the builtin and its line, however it is used.
func TestSandboxRefusesBuiltins(t *testing.T) {
	tests := []struct {
		name, rego, builtin string
		line                int
	}{
		{"http.send call", `x := http.send({"method": "GET", "url": "https://example.com"})`, "http.send", 11},
		{"http.send in a comprehension", `x := [r | some u in ["https://example.com"]; r := http.send({"method": "GET", "url": u})]`, "http.send", 11},
		{"http.send as a with replacement", `f(_) := 1
y if {
	f(1) with f as http.send
}`, "http.send", 13},
		{"http.send as a with target", `f(_) := 1
y if {
	f(1) with http.send as f
}`, "http.send", 13},
		{"http.send as a function value", `f := http.send`, "http.send", 11},
		{"net.lookup_ip_addr in every", `y if {
	every h in ["example.com"] {
		net.lookup_ip_addr(h)
	}
}`, "net.lookup_ip_addr", 13},
		{"net.cidr_contains", `y := net.cidr_contains("10.0.0.0/8", "10.1.2.3")`, "net.cidr_contains", 11},
		{"opa.runtime", `env := opa.runtime().env`, "opa.runtime", 11},
		{"opa.runtime in a set comprehension", `keys := {k | some k, _ in opa.runtime().env}`, "opa.runtime", 11},
		{"json.match_schema", `y := json.match_schema({}, {"$ref": "file:///etc/passwd"})`, "json.match_schema", 11},
		{"json.verify_schema", `y := json.verify_schema({"$ref": "https://example.com/s.json"})`, "json.verify_schema", 11},
		{"in a function body", `f(x) := http.send(x)`, "http.send", 11},
		{"in a nested object comprehension", `y := {k: v | some k in ["a"]; v := [z | z := opa.runtime()]}`, "opa.runtime", 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := engine.New(t.Context(), engine.Config{Policies: []engine.Module{customRule(tt.rego)}})
			if err == nil {
				t.Fatal("want a load error, got none")
			}
			want := "policies/sandbox.rego:" + strconv.Itoa(tt.line) + ": builtin " + tt.builtin + " is not allowed in custom policies"
			if !strings.Contains(err.Error(), want) {
				t.Fatalf("want %q, got %q", want, err)
			}
		})
	}
}

// TestSandboxAllows: print and the ordinary builtins load.
func TestSandboxAllows(t *testing.T) {
	for _, rego := range []string{
		`y if print("debug", input.app.name)`,
		`y := count([x | some x in numbers.range(1, 3)])`,
		`y := regex.match("^a", "abc")`,
		`y := {"http": 1}.http` + "\n" + `z := input.app.name`,
	} {
		if _, err := engine.New(t.Context(), engine.Config{Policies: []engine.Module{customRule(rego)}}); err != nil {
			t.Errorf("%s: %v", rego, err)
		}
	}
}

// TestSandboxRefusesInlineSchemas: an inline METADATA schema could $ref a file or a URL
// while compiling.
func TestSandboxRefusesInlineSchemas(t *testing.T) {
	src := `# METADATA
# title: Inline
# schemas:
#   - input:
#       $ref: "file:///etc/passwd"
# custom:
#   id: ORG002
#   severity: low
package org.inline

deny contains {"msg": "x"} if input.app
`
	_, err := engine.New(t.Context(), engine.Config{Policies: []engine.Module{{Name: "inline.rego", Src: src}}})
	if err == nil || !strings.Contains(err.Error(), "inline.rego:1: METADATA schemas: an inline schema definition is not allowed") {
		t.Fatalf("got %v", err)
	}
}

// TestCapabilities: the compiled capabilities hold no forbidden builtin and allow no host.
func TestCapabilities(t *testing.T) {
	c := engine.Capabilities()
	if c.AllowNet == nil || len(c.AllowNet) != 0 {
		t.Errorf("allow_net = %v, want empty (no host)", c.AllowNet)
	}
	for _, b := range c.Builtins {
		switch b.Name {
		case "http.send", "net.lookup_ip_addr", "opa.runtime", "json.match_schema", "json.verify_schema":
			t.Errorf("capabilities include %s", b.Name)
		}
	}
}

// TestPolicyLoadErrors: every kind of bad policy is an error that names the file and the
// line, and says what to do.
func TestPolicyLoadErrors(t *testing.T) {
	meta := func(custom string) string {
		return "# METADATA\n# title: Bad\n# custom:\n" + custom + "package org.bad\n\ndeny contains {\"msg\": \"x\"} if input.app\n"
	}
	tests := []struct {
		name, src, want string
	}{
		{"syntax error", "package org.bad\n\ndeny contains {\"msg\": \"x\"} if {\n\tinput.app ==\n}\n",
			"bad.rego:5:1: syntax error: "},
		{"missing if", "package org.bad\n\ndeny contains \"x\" { true }\n",
			"bad.rego:3:"},
		{"no METADATA", "package org.bad\n\ndeny contains {\"msg\": \"x\"} if input.app\n",
			"bad.rego:1: package org.bad has a deny rule but no package METADATA: put a # METADATA comment block with custom.id and custom.severity right above the package line"},
		{"missing id", meta("#   severity: high\n"),
			"bad.rego:3: package org.bad: METADATA has no custom.id"},
		{"missing severity", meta("#   id: ORG010\n"),
			"bad.rego:3: rule ORG010: METADATA has no custom.severity (one of critical, high, medium, low, info)"},
		{"unknown severity", meta("#   id: ORG010\n#   severity: severe\n"),
			`bad.rego:5: rule ORG010: custom.severity "severe" is not one of critical, high, medium, low, info`},
		{"id that is not an id", meta("#   id: 'ORG 10'\n#   severity: high\n"),
			`bad.rego:4: package org.bad: custom.id "ORG 10" is not a rule id`},
		{"id of a built-in rule", meta("#   id: CAL101\n#   severity: high\n"),
			"bad.rego:4: rule id CAL101 clashes with the built-in rule CAL101 (FullAccessScope); choose another id"},
		{"reserved namespace", "package calint.lib\n\nextra := 1\n",
			"bad.rego:1: package calint.lib: the calint namespace is reserved"},
		{"rule in the built-in rules' namespace", "package calint.rules.cal101\n\ndeny contains {\"msg\": \"more\"} if true\n",
			"bad.rego:1: package calint.rules.cal101: the calint namespace is reserved"},
		{"no deny rule", "# METADATA\n# title: Bad\n# custom:\n#   id: ORG010\n#   severity: high\npackage org.bad\n\nallow := true\n",
			"bad.rego:6: rule ORG010 has no deny rule"},
		{"unsafe variable", "package org.bad\n\nx := y\n",
			"bad.rego:3: var y is unsafe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := engine.New(t.Context(), engine.Config{Policies: []engine.Module{{Name: "policies/bad.rego", Src: tt.src}}})
			if err == nil {
				t.Fatal("want a load error, got none")
			}
			if !strings.Contains(err.Error(), "policies/"+tt.want) {
				t.Fatalf("want %q, got %q", tt.want, err)
			}
		})
	}
}

// TestPolicyDuplicateID: two custom rules with one id.
func TestPolicyDuplicateID(t *testing.T) {
	a := customRule("")
	b := customRule("")
	b.Name = "policies/copy.rego"
	b.Src = strings.Replace(b.Src, "package org.sandbox", "package org.copy", 1)
	_, err := engine.New(t.Context(), engine.Config{Policies: []engine.Module{a, b}})
	if err == nil || !strings.Contains(err.Error(), "policies/sandbox.rego:6: rule id ORG001 is already used by policies/copy.rego") {
		t.Fatalf("got %v", err)
	}
}

// TestCustomRuleTimeLimit: a runaway rule is stopped by the per-app limit and named.
func TestCustomRuleTimeLimit(t *testing.T) {
	slow := engine.Module{Name: "policies/slow.rego", Src: `# METADATA
# title: Slow
# custom:
#   id: SLOW1
#   severity: low
package org.slow

deny contains {"msg": "never"} if {
	some i in numbers.range(1, 1000000000000)
	i < 0
}
`}
	eng, err := engine.New(t.Context(), engine.Config{Policies: []engine.Module{slow}, Timeout: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = eng.Eval(t.Context(), appInput(t, "A"))
	if err == nil {
		t.Fatal("want a time limit error, got none")
	}
	if want := "rule SLOW1 (policies/slow.rego) exceeded the 20ms evaluation time limit"; err.Error() != want {
		t.Fatalf("got %q, want %q", err, want)
	}
}

func appInput(t *testing.T, name string) ast.Value {
	t.Helper()
	v, err := ast.InterfaceToValue(map[string]any{
		"app":          map[string]any{"name": name, "type": "ConnectedApp", "files": []any{}},
		"connectedApp": map[string]any{"_ref": 0, "label": map[string]any{"_ref": 1, "value": name}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestCustomRuleOptions: custom rules read their options (options.custom, apps.NAME.custom)
// through lib.custom_option, and the built-in options as data.calint.options.
func TestCustomRuleOptions(t *testing.T) {
	mod := engine.Module{Name: "policies/opts.rego", Src: `# METADATA
# title: Options
# custom:
#   id: ORG003
#   severity: low
package org.opts

import data.calint.lib

deny contains {"msg": sprintf("%v %v", [lib.custom_option("words", []), data.calint.options["max-refresh-token-idle-days"]]), "node": input.connectedApp.label}
`}
	data := map[string]any{
		"options": map[string]any{"custom": map[string]any{"words": []any{"a"}}, "max-refresh-token-idle-days": 30},
		"apps":    map[string]any{"B": map[string]any{"custom": map[string]any{"words": []any{"b"}}}},
	}
	eng, err := engine.New(t.Context(), engine.Config{Data: data, Policies: []engine.Module{mod}})
	if err != nil {
		t.Fatal(err)
	}
	for app, want := range map[string]string{"A": `["a"] 30`, "B": `["b"] 30`} {
		vs, err := eng.Eval(t.Context(), appInput(t, app))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, v := range vs {
			if v.RuleID == "ORG003" {
				found = true
				if v.Msg != want || v.Ref != 1 {
					t.Errorf("%s: got %q at ref %d, want %q at ref 1", app, v.Msg, v.Ref, want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no ORG003 finding", app)
		}
	}
}

// TestRunTests: policy tests run with the library and schema; failures, errors and print
// output are reported; test modules are sandboxed too.
func TestRunTests(t *testing.T) {
	test := engine.Module{Name: "policies/sandbox_test.rego", Src: `package org.sandbox_test

import data.calint.lib
import data.org.sandbox

ca := {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}

test_fires if count(sandbox.deny) == 1 with input as ca

test_library_is_available if lib.is_ca with input as ca

test_fails if {
	print("looking at", ca.app.name)
	count(sandbox.deny) == 2 with input as ca
}
`}
	res, err := engine.RunTests(t.Context(), []engine.Module{customRule(""), test}, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]engine.TestResult{}
	for _, r := range res {
		got[strings.TrimPrefix(r.Name, "data.org.sandbox_test.")] = r
	}
	if len(got) != 3 || got["test_fires"].Fail || got["test_library_is_available"].Fail || !got["test_fails"].Fail {
		t.Fatalf("got %+v", res)
	}
	if f := got["test_fails"]; f.File != "policies/sandbox_test.rego" || f.Line != 12 || f.Output != "looking at A\n" {
		t.Errorf("failing test: got %+v", f)
	}

	bad := engine.Module{Name: "policies/bad_test.rego", Src: "package org.bad_test\n\ntest_net if http.send({})\n"}
	if _, err := engine.RunTests(t.Context(), []engine.Module{bad}, nil, 0); err == nil || !strings.Contains(err.Error(), "policies/bad_test.rego:3: builtin http.send is not allowed") {
		t.Fatalf("sandboxed test: got %v", err)
	}
}
