package engine_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/calint/calint/pkg/engine"
)

// policy is a custom rule whose deny body is body, type-checked against the input schema.
func policy(body string) engine.Module {
	return engine.Module{Name: "policies/typo.rego", Src: `# METADATA
# title: typo
# schemas:
#   - input: schema.input
# custom:
#   id: ORG900
#   severity: low
package org.typo

deny contains {"msg": "x", "node": n} if {
` + body + `
}
`}
}

// TestTypeCheckRejectsUndefinedFields: a rule that reads a field the schema does not
// define fails to compile with a rego_type_error naming the field, through the same
// compile path as the built-in rules (so `go test` fails for a misspelt built-in rule).
func TestTypeCheckRejectsUndefinedFields(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		field string // "" when the rule must compile
	}{
		{"misspelt element", `some n in input.connectedApp.oauthConfig.scopez`, "scopez"},
		{"misspelt leaf property", `n := input.connectedApp.oauthConfig.isPkceRequired
	n.valeu == false`, "valeu"},
		{"misspelt property of a repeated element", `some n in input.connectedApp.oauthConfig.scopes
	n.valeu == "Full"`, "valeu"},
		{"misspelt ECA child key", `n := input.ecaGlblOauht.isPkceRequired`, "ecaGlblOauht"},
		{"element of another type", `n := input.ecaOauth.isPkceRequired`, "isPkceRequired"},
		{"misspelt url fact", `some n in input.connectedApp.oauthConfig.callbackUrl.urls
	n.url.hots == "x"`, "hots"},
		{"misspelt range fact", `some n in input.connectedApp.ipRanges
	n._range.adresses > 1`, "adresses"},
		{"misspelt unknownElements field", `some n in input.unknownElements
	n.nam == "x"`, "nam"},
		{"correct spelling compiles", `some n in input.connectedApp.oauthConfig.scopes
	n.value == "Full"
	input.connectedApp.oauthConfig.callbackUrl.urls[_].url.host == "x"
	input.connectedApp.ipRanges[_]._range.addresses > 1
	input.ecaOauth.commaSeparatedOauthScopes.items[_] == "Full"`, ""},
		{"typed boolean compiles", `n := input.connectedApp.oauthConfig.isPkceRequired
	n.value == false`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := engine.New(t.Context(), engine.Config{Policies: []engine.Module{policy(tt.body)}})
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want no error, got %v", err)
				}
				return
			}
			var ce *engine.CompileError
			if !errors.As(err, &ce) {
				t.Fatalf("want a compile error, got %v", err)
			}
			found := false
			for _, e := range ce.Errors {
				if e.Code == ast.TypeErr && strings.Contains(e.Message, tt.field) {
					found = true
				}
			}
			if !found {
				t.Fatalf("want a %s naming %q, got %v", ast.TypeErr, tt.field, ce.Errors)
			}
			if !strings.Contains(err.Error(), "policies/typo.rego:") {
				t.Errorf("error should name the file and line: %v", err)
			}
		})
	}
}

// TestEveryRuleIsTypeChecked: every built-in rule module with a deny rule declares
// `schemas: - input: schema.input` in its package METADATA, so none escapes type checking.
func TestEveryRuleIsTypeChecked(t *testing.T) {
	mods, err := engine.BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	want := ast.MustParseRef("schema.input")
	n := 0
	for name, m := range mods {
		hasDeny := false
		for _, r := range m.Rules {
			if r.Head.Name.String() == "deny" || (len(r.Head.Reference) > 0 && r.Head.Reference[0].String() == "deny") {
				hasDeny = true
			}
		}
		if !hasDeny {
			continue
		}
		n++
		ok := false
		for _, a := range m.Annotations {
			if a.Scope != "package" {
				continue
			}
			for _, s := range a.Schemas {
				if s.Path.Equal(ast.InputRootRef) && s.Schema.Equal(want) {
					ok = true
				}
			}
		}
		if !ok {
			t.Errorf("%s: package METADATA must declare `schemas: - input: schema.input`", name)
		}
	}
	if n < 40 {
		t.Fatalf("only %d rule modules with a deny rule found", n)
	}
}

// TestRuleCatalog5xx6xx pins the OAuth hardening and hygiene rules to the catalog
// (shared/spec/rules.md): id, name and default severity.
func TestRuleCatalog5xx6xx(t *testing.T) {
	want := map[string][2]string{
		"CAL501": {"PkceNotRequired", "medium"},
		"CAL502": {"ConsumerSecretOptional", "medium"},
		"CAL503": {"RefreshWithoutSecret", "medium"},
		"CAL504": {"RefreshTokenRotationDisabled", "low"},
		"CAL505": {"IntrospectAllTokens", "medium"},
		"CAL506": {"ClientCredentialsWithoutRunAsUser", "medium"},
		"CAL507": {"CodeCredentialFlowNotPostOnly", "low"},
		"CAL508": {"TokenExchangeWithoutSecret", "low"},
		"CAL509": {"DeviceFlowEnabled", "medium"},
		"CAL510": {"NoHighAssuranceSession", "low"},
		"CAL511": {"WeakSamlSigning", "medium"},
		"CAL512": {"CredentialRotatedOnEveryDeploy", "info"},
		"CAL601": {"LegacyConnectedApp", "info"},
		"CAL602": {"UnknownElement", "low"},
		"CAL603": {"InvalidValue", "medium"},
		"CAL604": {"DanglingAppReference", "medium"},
		"CAL605": {"MissingRequiredElement", "low"},
		"CAL606": {"DuplicateElement", "high"},
	}
	eng, err := engine.New(t.Context(), engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for id, w := range want {
		r, ok := eng.Rule(id)
		if !ok {
			t.Errorf("%s: missing", id)
			continue
		}
		if r.Name != w[0] || r.Severity != w[1] || r.Native {
			t.Errorf("%s: got %s/%s (native %v), want %s/%s", id, r.Name, r.Severity, r.Native, w[0], w[1])
		}
	}
}
