package engine

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/calint/calint/pkg/rule"
)

// Rule is a rule's metadata. It is defined in pkg/rule, which every layer shares; the alias
// keeps code written against engine.Rule building.
type Rule = rule.Rule

// registry is the rule metadata of a rule set, read from each package's METADATA (the one
// source of rule documentation and of routing), sorted by id.
type registry struct {
	rules []rule.Rule
}

// lookup returns a rule by id.
func (g *registry) lookup(id string) (*rule.Rule, bool) {
	// rules are sorted by id; this runs once per finding
	i, ok := slices.BinarySearchFunc(g.rules, id, func(r rule.Rule, id string) int { return strings.Compare(r.ID, id) })
	if !ok {
		return nil, false
	}
	return &g.rules[i], true
}

// enabled returns the rules that Rego evaluates (not native ones) of the built-in or the
// custom set, minus disabled ones, in id order.
func (g *registry) enabled(builtin bool, disabled map[string]bool) []*rule.Rule {
	var out []*rule.Rule
	for i := range g.rules {
		r := &g.rules[i]
		if r.Builtin == builtin && !r.Native && !disabled[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// IsBuiltinRule reports whether id is a built-in rule id.
func IsBuiltinRule(id string) bool {
	anns, err := ruleAnnotations()
	if err != nil {
		return false
	}
	for _, as := range anns {
		for _, a := range as {
			if a.Scope == "package" && a.Custom["id"] == id {
				return true
			}
		}
	}
	return false
}

// readRegistry reads the rules of mods, which must carry their METADATA. Every problem is
// reported, naming the file and line.
func readRegistry(mods map[string]*ast.Module, customFiles map[string]bool) (*registry, error) {
	names := make([]string, 0, len(mods))
	for name := range mods {
		names = append(names, name)
	}
	// built-in rules first, so a clash names the custom file
	sort.Slice(names, func(i, j int) bool {
		ci, cj := customFiles[names[i]], customFiles[names[j]]
		if ci != cj {
			return cj
		}
		return names[i] < names[j]
	})
	g := &registry{}
	seen := map[string]rule.Rule{}
	var errs []error
	for _, file := range names {
		m := mods[file]
		if isTestFile(file) {
			continue
		}
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		custom := customFiles[file]
		var a *ast.Annotations
		for _, x := range m.Annotations {
			if x.Scope == "package" {
				a = x
			}
		}
		if !custom && !strings.HasPrefix(pkg, "calint.rules.") {
			continue
		}
		if a == nil || a.Custom["id"] == nil {
			switch {
			case custom && hasDeny(m) && a == nil:
				errs = append(errs, fmt.Errorf("%s:%d: package %s has a deny rule but no package METADATA: put a # METADATA comment block with custom.id and custom.severity right above the package line", file, m.Package.Location.Row, pkg))
			case custom && hasDeny(m):
				errs = append(errs, fmt.Errorf("%s:%d: package %s: METADATA has no custom.id", file, metaLine(m, a, "custom"), pkg))
			}
			if !custom {
				errs = append(errs, fmt.Errorf("%s: built-in rule without package METADATA", file))
			}
			continue
		}
		r, err := ruleFrom(m, a, pkg, file, !custom)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r.Native = !custom && !hasDeny(m)
		if custom && !hasDeny(m) {
			errs = append(errs, fmt.Errorf("%s:%d: rule %s has no deny rule", file, m.Package.Location.Row, r.ID))
			continue
		}
		if prev, dup := seen[r.ID]; dup {
			if prev.Builtin {
				errs = append(errs, fmt.Errorf("%s:%d: rule id %s clashes with the built-in rule %s (%s); choose another id", file, metaLine(m, a, "id"), r.ID, prev.ID, prev.Name))
			} else {
				errs = append(errs, fmt.Errorf("%s:%d: rule id %s is already used by %s", file, metaLine(m, a, "id"), r.ID, prev.File))
			}
			continue
		}
		seen[r.ID] = r
		g.rules = append(g.rules, r)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.Slice(g.rules, func(i, j int) bool { return g.rules[i].ID < g.rules[j].ID })
	return g, nil
}

func hasDeny(m *ast.Module) bool {
	for _, r := range m.Rules {
		if r.Head.Name.String() == "deny" || (len(r.Head.Reference) > 0 && r.Head.Reference[0].String() == "deny") {
			return true
		}
	}
	return false
}

// ruleIDRe is what a rule id looks like.
var ruleIDRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)

func ruleFrom(m *ast.Module, a *ast.Annotations, pkg, file string, builtin bool) (rule.Rule, error) {
	str := func(k string) string {
		v, _ := a.Custom[k].(string)
		return strings.TrimSpace(v)
	}
	r := rule.Rule{
		ID: str("id"), Name: str("name"), Title: strings.TrimSpace(a.Title),
		Description: strings.TrimSpace(a.Description),
		Remediation: str("remediation"), Example: str("example"),
		Package: pkg, File: file, Builtin: builtin,
	}
	if r.ID == "" || !ruleIDRe.MatchString(r.ID) {
		return r, fmt.Errorf("%s:%d: package %s: custom.id %q is not a rule id (a letter, then letters, digits, '_', '-' or '.')", file, metaLine(m, a, "id"), pkg, fmt.Sprint(a.Custom["id"]))
	}
	sev := str("severity")
	if sev == "" {
		return r, fmt.Errorf("%s:%d: rule %s: METADATA has no custom.severity (one of %s)", file, metaLine(m, a, "custom"), r.ID, strings.Join(rule.Severities(), ", "))
	}
	var err error
	if r.Severity, err = rule.ParseSeverity(sev); err != nil {
		return r, fmt.Errorf("%s:%d: rule %s: custom.severity %w", file, metaLine(m, a, "severity"), r.ID, err)
	}
	if r.Title == "" {
		r.Title = r.ID
	}
	if r.Name == "" {
		r.Name = r.ID
	}
	for _, rr := range a.RelatedResources {
		if rr == nil {
			continue
		}
		// only web links: a report or SARIF helpUri must never carry javascript: or file:
		if (rr.Ref.Scheme != "https" && rr.Ref.Scheme != "http") || rr.Ref.Host == "" {
			continue
		}
		r.Links = append(r.Links, rule.Link{URL: rr.Ref.String(), Description: rr.Description})
	}
	if len(r.Links) > 0 {
		r.HelpURI = r.Links[0].URL
	}
	if tags, ok := a.Custom["tags"].([]any); ok {
		for _, t := range tags {
			if s, ok := t.(string); ok {
				r.Tags = append(r.Tags, s)
			}
		}
	}
	return r, nil
}

// metaLine returns the line of a `key:` entry of the METADATA block a, or the block's line.
func metaLine(m *ast.Module, a *ast.Annotations, key string) int {
	if a.Location == nil {
		return 0
	}
	for _, c := range m.Comments {
		if c.Location == nil || c.Location.Row <= a.Location.Row || c.Location.Row >= m.Package.Location.Row {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(string(c.Text)), key+":") {
			return c.Location.Row
		}
	}
	return a.Location.Row
}
