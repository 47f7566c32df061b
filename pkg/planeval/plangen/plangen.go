// Package plangen compiles calint's built-in rules to an OPA IR plan (OPA's plan target,
// with calint's capabilities) and encodes it for pkg/planeval. It runs at `go generate`
// time only (internal/gen): a calint binary loads the encoded plan and never links the
// planner.
package plangen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/compile"
	"github.com/open-policy-agent/opa/v1/ir"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/planeval"
	"github.com/calint/calint/rules"
)

// PlanName is the plan of the deny set of the rule in package pkg (e.g. calint.rules.cal101).
func PlanName(pkg string) string { return planeval.PlanName(pkg) }

// Policy plans the deny set of every built-in rule, one plan per rule.
func Policy(ctx context.Context) (*ir.Policy, error) {
	mods := map[string]string{}
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(rules.FS, p)
		mods[path.Join("rules", p)] = string(src)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("plan built-in rules: %w", err)
	}
	p, err := Compile(ctx, mods)
	if err != nil {
		return nil, fmt.Errorf("plan built-in rules: %w", err)
	}
	return p, nil
}

// Compile plans the deny set of every module whose package is under calint.rules and has a
// deny rule (one plan each, named by planeval.PlanName), with calint's capabilities.
func Compile(ctx context.Context, modules map[string]string) (*ir.Policy, error) {
	var b bundle.Bundle
	var entrypoints []string
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		src := modules[name]
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1, Capabilities: engine.Capabilities()})
		if err != nil {
			return nil, err
		}
		b.Modules = append(b.Modules, bundle.ModuleFile{URL: name, Path: name, Raw: []byte(src), Parsed: m})
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if strings.HasPrefix(pkg, "calint.rules.") && hasDeny(m) {
			entrypoints = append(entrypoints, PlanName(pkg))
		}
	}
	sort.Strings(entrypoints)
	c := compile.New().
		WithTarget(compile.TargetPlan).
		WithBundle(&b).
		WithEntrypoints(entrypoints...).
		WithCapabilities(engine.Capabilities()).
		WithRegoVersion(ast.RegoV1)
	if err := c.Build(ctx); err != nil {
		return nil, err
	}
	out := c.Bundle()
	if out == nil || len(out.PlanModules) != 1 {
		return nil, errors.New("no plan")
	}
	var p ir.Policy
	if err := json.Unmarshal(out.PlanModules[0].Raw, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// Generate returns the encoded plan of the built-in rules (rules/rules.plan).
func Generate(ctx context.Context) ([]byte, error) {
	p, err := Policy(ctx)
	if err != nil {
		return nil, err
	}
	digest, err := engine.RulesDigest()
	if err != nil {
		return nil, err
	}
	return planeval.Encode(p, digest)
}

func hasDeny(m *ast.Module) bool {
	for _, r := range m.Rules {
		if len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var("deny")) == 0 {
			return true
		}
	}
	return false
}
