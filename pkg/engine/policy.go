package engine

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ParsePolicy parses a custom Rego v1 module (a rule, a helper or a test) and checks that
// it stays in its sandbox: no builtin that reaches the network, the file system or the
// environment, however it is named (called, passed to `with`, inside a comprehension), no
// inline METADATA schema (its $ref could read a file or a URL), and no package in the
// reserved calint namespace. Errors name the file and line.
func ParsePolicy(mod Module) (*ast.Module, error) {
	m, err := ast.ParseModuleWithOpts(mod.Name, mod.Src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, parseError(mod.Name, err)
	}
	if err := checkNamespace(m); err != nil {
		return nil, err
	}
	if err := checkSandbox(m); err != nil {
		return nil, err
	}
	return m, nil
}

// parseError reports each syntax error once, as FILE:LINE:COLUMN: message.
func parseError(file string, err error) error {
	var errs ast.Errors
	if !errors.As(err, &errs) || len(errs) == 0 {
		return fmt.Errorf("%s: %w", file, err)
	}
	// the parser often reports one mistake twice, the second time with a hint: keep the
	// longest message per line
	best := map[int]*ast.Error{}
	for _, e := range errs {
		row := 0
		if e.Location != nil {
			row = e.Location.Row
		}
		if b := best[row]; b == nil || len(e.Message) > len(b.Message) {
			best[row] = e
		}
	}
	rows := make([]int, 0, len(best))
	for r := range best {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	out := make([]error, 0, len(rows))
	for _, r := range rows {
		e := best[r]
		if e.Location == nil {
			out = append(out, fmt.Errorf("%s: syntax error: %s", file, e.Message))
			continue
		}
		out = append(out, fmt.Errorf("%s:%d:%d: syntax error: %s", file, e.Location.Row, e.Location.Col, e.Message))
	}
	return errors.Join(out...)
}

// checkNamespace keeps custom modules out of data.calint: the built-in rules, the helper
// library, the router and the options live there, and a custom module in it could change
// what the built-in rules report or escape the per-rule time limit.
func checkNamespace(m *ast.Module) error {
	p := m.Package.Path
	if len(p) >= 2 && p[1].Value.Compare(ast.String("calint")) == 0 {
		return fmt.Errorf("%s:%d: package %s: the calint namespace is reserved for the built-in rules and library; use a package of your own (e.g. package acme.rules.callback_domains)",
			m.Package.Location.File, m.Package.Location.Row, strings.TrimPrefix(p.String(), "data."))
	}
	return nil
}

// forbiddenBuiltin says why a custom rule may not use a builtin, or "" when it may.
func forbiddenBuiltin(name string) string {
	switch {
	case name == "http.send":
		return "network access"
	case name == "net.lookup_ip_addr":
		return "network access (DNS)"
	case strings.HasPrefix(name, "net."):
		return "the net.* builtins are not available to custom policies"
	case name == "opa.runtime":
		return "reads the environment and OPA's configuration"
	case name == "json.match_schema" || name == "json.verify_schema":
		return "a schema $ref can read a file or fetch a URL"
	case strings.HasPrefix(name, "os."):
		return "reads the environment"
	}
	return ""
}

// checkSandbox refuses custom modules that name a forbidden builtin anywhere: a call, a
// `with` target or replacement, inside comprehensions and `every`. It also refuses inline
// schemas in METADATA. Every problem is reported, by line.
func checkSandbox(m *ast.Module) error {
	var errs []error
	seen := map[string]bool{}
	add := func(loc *ast.Location, format string, args ...any) {
		where := ""
		if loc != nil {
			where = fmt.Sprintf("%s:%d: ", loc.File, loc.Row)
		}
		msg := where + fmt.Sprintf(format, args...)
		if !seen[msg] {
			seen[msg] = true
			errs = append(errs, errors.New(msg))
		}
	}
	ast.WalkTerms(m, func(t *ast.Term) bool {
		ref, ok := t.Value.(ast.Ref)
		if !ok {
			return false
		}
		if name := builtinName(ref); name != "" {
			if why := forbiddenBuiltin(name); why != "" {
				add(t.Location, "builtin %s is not allowed in custom policies (%s)", name, why)
			}
		}
		return false
	})
	for _, a := range m.Annotations {
		for _, s := range a.Schemas {
			if s != nil && s.Definition != nil {
				add(a.Location, "METADATA schemas: an inline schema definition is not allowed in custom policies (its $ref could read a file or fetch a URL); use `- input: schema.input`")
			}
		}
	}
	return errors.Join(errs...)
}

// builtinName returns the builtin a reference names (e.g. http.send for `http.send`), or "".
func builtinName(ref ast.Ref) string {
	if len(ref) == 0 {
		return ""
	}
	head, ok := ref[0].Value.(ast.Var)
	if !ok || head.Equal(ast.DefaultRootDocument.Value) || head.Equal(ast.InputRootDocument.Value) {
		return ""
	}
	for i := len(ref); i >= 1; i-- {
		prefix := ref[:i]
		ground := true
		for _, t := range prefix[1:] {
			if _, ok := t.Value.(ast.String); !ok {
				ground = false
			}
		}
		if !ground {
			continue
		}
		if _, ok := ast.BuiltinMap[prefix.String()]; ok {
			return prefix.String()
		}
	}
	return ""
}
