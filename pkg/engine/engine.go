// Package engine owns OPA: it loads the embedded and custom Rego rules, compiles them once
// (type-checked against the input schema), reads the rule registry from their METADATA,
// prepares one query and evaluates apps with it.
package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/calint/calint/pkg/planeval"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/pkg/schema"
	"github.com/calint/calint/rules"
)

// Rule is a rule's metadata. It is defined in pkg/rule, which every layer shares; the alias
// keeps code written against engine.Rule building.
type Rule = rule.Rule

// Module is a Rego source file.
type Module struct {
	Name string
	Src  string
}

// Config configures an engine.
type Config struct {
	// Data is made available to rules as data.calint (options, apps).
	Data map[string]any
	// Disabled rule ids are not evaluated.
	Disabled map[string]bool
	// Policies are custom rule modules (and their helpers).
	Policies []Module
	// Timeout bounds the evaluation of one custom rule on one app; 0 means DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout is the per-app, per-custom-rule evaluation limit.
const DefaultTimeout = 5 * time.Second

// Engine evaluates apps. It is safe for concurrent use.
type Engine struct {
	rules   []rule.Rule
	byPkg   map[string]*rule.Rule
	builtin rego.PreparedEvalQuery
	custom  []customQuery
	timeout time.Duration
	hasBI   bool
	// prog evaluates the built-in rules (planned) when set; see planned.go
	prog    *planeval.Program
	data    ast.Value
	planned []plannedRule
}

type customQuery struct {
	rule *rule.Rule
	pq   rego.PreparedEvalQuery
}

// Violation is one element of a rule's deny set.
type Violation struct {
	RuleID   string
	Msg      string
	Ref      int // -1 when the rule named no element
	Severity string
	Key      string
}

// BuiltinModules returns the embedded rule and library modules, parsed; tests are
// included when withTests is set.
func BuiltinModules(withTests bool) (map[string]*ast.Module, error) {
	rs, err := parsedRules()
	if err != nil {
		return nil, err
	}
	var ts map[string]*ast.Module
	if withTests {
		if ts, err = parsedTests(); err != nil {
			return nil, err
		}
	}
	out := make(map[string]*ast.Module, len(rs)+len(ts))
	for name, m := range rs {
		out[name] = m
	}
	for name, m := range ts {
		out[name] = m
	}
	return out, nil
}

// parsedRules are the embedded rule and library modules; a scan never parses the tests.
var parsedRules = sync.OnceValues(func() (map[string]*ast.Module, error) {
	return parseEmbedded(isRuleFile, true)
})

// parsedTests are the embedded _test.rego modules.
var parsedTests = sync.OnceValues(func() (map[string]*ast.Module, error) {
	return parseEmbedded(func(p string) bool { return strings.HasSuffix(p, "_test.rego") }, true)
})

func isRuleFile(p string) bool { return !strings.HasSuffix(p, "_test.rego") }

// plainRules are the embedded rule and library modules parsed without their METADATA: the
// YAML is half the parse time, and a scan without custom policies compiles them untyped, so
// New reads the METADATA (ruleAnnotations) while they compile.
var plainRules = sync.OnceValues(func() (map[string]*ast.Module, error) {
	return parseEmbedded(isRuleFile, false)
})

// withoutSchemas blanks the `schemas:` entry of a METADATA block (keeping the lines, so
// locations stay right): the registry does not use it, and OPA parses each schema ref with
// its whole capabilities list built anew.
func withoutSchemas(head []byte) []byte {
	lines := bytes.SplitAfter(head, []byte("\n"))
	in := false
	for i, l := range lines {
		t := bytes.TrimRight(l, "\r\n")
		switch {
		case bytes.Equal(t, []byte("# schemas:")):
			in = true
		case in && bytes.HasPrefix(t, []byte("#  ")):
		default:
			in = false
			continue
		}
		lines[i] = []byte("#\n")
	}
	return bytes.Join(lines, nil)
}

// ruleAnnotations are the package METADATA of every embedded rule and library module, by
// module name, parsed from each file's head (its comments and package line) only.
var ruleAnnotations = sync.OnceValues(func() (map[string][]*ast.Annotations, error) {
	heads, err := ruleHeads()
	if err != nil {
		return nil, err
	}
	out := make(map[string][]*ast.Annotations, len(heads))
	for name, m := range heads {
		out[name] = m.Annotations
	}
	return out, nil
})

// ruleHeads are the embedded rule and library modules parsed from each file's head (its
// comments and package line) only: their package and METADATA, no rules.
var ruleHeads = sync.OnceValues(func() (map[string]*ast.Module, error) {
	popts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: ast.CapabilitiesForThisVersion()}
	out := map[string]*ast.Module{}
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || !isRuleFile(p) {
			return err
		}
		b, err := fs.ReadFile(rules.FS, p)
		if err != nil {
			return err
		}
		head := b
		if i := bytes.Index(b, []byte("\npackage ")); i >= 0 {
			if j := bytes.IndexByte(b[i+1:], '\n'); j >= 0 {
				head = b[:i+1+j+1]
			}
		}
		m, err := ast.ParseModuleWithOpts(path.Join("rules", p), string(withoutSchemas(head)), popts)
		if err != nil {
			return err
		}
		out[path.Join("rules", p)] = m
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load built-in rules: %w", err)
	}
	return out, nil
})

// embeddedFiles lists the embedded .rego files that keep selects, in walk (lexical) order.
func embeddedFiles(keep func(string) bool) ([]string, error) {
	var files []string
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || !keep(p) {
			return err
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load built-in rules: %w", err)
	}
	return files, nil
}

// parseEmbedded parses the embedded .rego files that keep selects, on every CPU: parsing
// (METADATA YAML included) is most of a one-file scan's start-up.
func parseEmbedded(keep func(string) bool, annotations bool) (map[string]*ast.Module, error) {
	files, err := embeddedFiles(keep)
	if err != nil {
		return nil, err
	}
	// one capabilities value for every file: without it the parser builds (clones and
	// sorts) OPA's whole builtin list for each module
	popts := ast.ParserOptions{ProcessAnnotation: annotations, RegoVersion: ast.RegoV1, Capabilities: ast.CapabilitiesForThisVersion()}
	parsed := make([]*ast.Module, len(files))
	errs := make([]error, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(files); i = int(next.Add(1)) - 1 {
				b, err := fs.ReadFile(rules.FS, files[i])
				if err == nil {
					parsed[i], err = ast.ParseModuleWithOpts(path.Join("rules", files[i]), string(b), popts)
				}
				errs[i] = err
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("load built-in rules: %w", err)
	}
	mods := make(map[string]*ast.Module, len(files))
	for i, p := range files {
		mods[path.Join("rules", p)] = parsed[i]
	}
	return mods, nil
}

// IsBuiltinRule reports whether id is a built-in rule id.
func IsBuiltinRule(id string) bool {
	mods, err := parsedRules()
	if err != nil {
		return false
	}
	for _, m := range mods {
		for _, a := range m.Annotations {
			if a.Scope == "package" && a.Custom["id"] == id {
				return true
			}
		}
	}
	return false
}

// Schemas returns the embedded metadata schemas.
var Schemas = sync.OnceValues(func() (*schema.Set, error) {
	return schema.Load(rules.FS, "schema")
})

// SchemaSet returns the OPA schema set with the input schema under schema.input.
func SchemaSet() (*ast.SchemaSet, error) {
	s, err := Schemas()
	if err != nil {
		return nil, err
	}
	b, err := s.JSONSchema()
	if err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	var raw any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	ss := ast.NewSchemaSet()
	ss.Put(ast.MustParseRef("schema.input"), raw)
	return ss, nil
}

// Capabilities returns the builtins rules may use: OPA's, without network access or the
// runtime environment, and with no host allowed for network access (allow_net), so not even
// a schema $ref is fetched.
func Capabilities() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	c.AllowNet = []string{}
	keep := c.Builtins[:0]
	for _, b := range c.Builtins {
		if forbiddenBuiltin(b.Name) == "" || strings.HasPrefix(b.Name, "net.cidr") {
			keep = append(keep, b)
		}
	}
	c.Builtins = keep
	return c
}

// New compiles the built-in rules and the configured custom policies and prepares them.
func New(ctx context.Context, cfg Config) (*Engine, error) {
	var prog *planeval.Program
	if !useTopdown() {
		prog, _ = builtinPlan()
		if len(cfg.Policies) == 0 {
			return newPlanned(prog, cfg)
		}
	}
	// Without custom policies nothing is type-checked at run time (see compile below), so
	// the rules are parsed without METADATA and it is read on another core while they
	// compile.
	fast := len(cfg.Policies) == 0
	var builtins map[string]*ast.Module
	var err error
	type annotations struct {
		byFile map[string][]*ast.Annotations
		err    error
	}
	var anns chan annotations
	if fast {
		anns = make(chan annotations, 1)
		go func() {
			a, err := ruleAnnotations()
			anns <- annotations{a, err}
		}()
		builtins, err = plainRules()
	} else {
		builtins, err = BuiltinModules(false)
	}
	if err != nil {
		return nil, err
	}
	mods := make(map[string]*ast.Module, len(builtins)+len(cfg.Policies)+1)
	for k, v := range builtins {
		mods[k] = v
	}
	customFiles := map[string]bool{}
	for _, p := range cfg.Policies {
		m, err := ParsePolicy(p)
		if err != nil {
			return nil, err
		}
		if _, dup := mods[p.Name]; dup {
			return nil, fmt.Errorf("policy %s: loaded twice", p.Name)
		}
		mods[p.Name] = m
		customFiles[p.Name] = true
	}
	e := &Engine{byPkg: map[string]*rule.Rule{}, timeout: cfg.Timeout}
	if e.timeout <= 0 {
		e.timeout = DefaultTimeout
	}
	if !fast {
		if err := e.readRegistry(mods, customFiles); err != nil {
			return nil, err
		}
	}
	// rules read options with every app: the store hands out AST values, not Go values
	// converted on each read
	store := inmem.NewFromObjectWithOpts(map[string]any{"calint": cfg.Data}, inmem.OptReturnASTValuesOnRead(true))
	var router strings.Builder
	router.WriteString("package calint.main\n\n")
	// the router names each rule by its package; Eval maps it to the rule
	var routed []string
	if fast {
		// built-in packages are calint.rules.<lower-case id> (TestBuiltinPackagesAreIDs)
		for _, m := range builtins {
			pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
			id, ok := strings.CutPrefix(pkg, "calint.rules.")
			if ok && hasDeny(m) && !cfg.Disabled[strings.ToUpper(id)] {
				routed = append(routed, pkg)
			}
		}
		sort.Strings(routed)
	} else {
		for _, r := range e.rules {
			if r.Builtin && !r.Native && !cfg.Disabled[r.ID] {
				routed = append(routed, r.Package)
			}
		}
	}
	if prog != nil {
		routed = nil // the plan evaluates them (usePlan, below)
	}
	for _, pkg := range routed {
		e.hasBI = true
		fmt.Fprintf(&router, "violations contains {\"pkg\": %q, \"d\": d} if some d in data.%s.deny\n\n", pkg, pkg)
	}
	if !e.hasBI {
		router.WriteString("violations := set()\n")
	}
	rm, err := ast.ParseModuleWithOpts("calint/main.rego", router.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, fmt.Errorf("router: %w", err)
	}
	mods["calint/main.rego"] = rm
	// The built-in rules are type-checked against the input schema by go test (the Rego
	// unit tests compile them with it), and they are embedded, so a scan without custom
	// policies skips the schema: it is a third of the compile time of every run.
	c, err := compile(mods, len(customFiles) > 0)
	if fast {
		a := <-anns
		if err == nil && a.err != nil {
			err = a.err
		}
		if err == nil {
			// the registry reads copies that carry the METADATA; the shared parsed
			// modules are not changed
			annotated := make(map[string]*ast.Module, len(builtins))
			for name, m := range builtins {
				cp := *m
				cp.Annotations = a.byFile[name]
				annotated[name] = &cp
			}
			err = e.readRegistry(annotated, customFiles)
		}
	}
	if err != nil {
		return nil, err
	}
	if prog != nil {
		if err := e.usePlan(prog, cfg); err != nil {
			return nil, err
		}
	} else {
		e.builtin, err = rego.New(
			rego.ParsedQuery(ast.MustParseBody("data.calint.main.violations")),
			rego.Compiler(c),
			rego.Store(store),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
	}
	for i := range e.rules {
		r := &e.rules[i]
		if r.Builtin || cfg.Disabled[r.ID] {
			continue
		}
		pq, err := rego.New(
			rego.ParsedQuery(ast.MustParseBody("data."+r.Package+".deny")),
			rego.Compiler(c),
			rego.Store(store),
			rego.Capabilities(Capabilities()), // builtins see allow_net: none
		).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("prepare %s: %w", r.ID, err)
		}
		e.custom = append(e.custom, customQuery{rule: r, pq: pq})
	}
	return e, nil
}

// compile compiles mods, type-checked against the input schema when typed is set.
func compile(mods map[string]*ast.Module, typed bool) (*ast.Compiler, error) {
	c := ast.NewCompiler().
		WithDefaultRegoVersion(ast.RegoV1).
		WithCapabilities(Capabilities())
	if typed {
		var err error
		if c, err = newCompiler(); err != nil {
			return nil, err
		}
	}
	c.Compile(mods)
	if c.Failed() {
		return nil, compileError(c.Errors)
	}
	return c, nil
}

// newCompiler returns a compiler set up as every rule is compiled: Rego v1, the restricted
// capabilities, type-checked against the input schema.
func newCompiler() (*ast.Compiler, error) {
	ss, err := SchemaSet()
	if err != nil {
		return nil, err
	}
	return ast.NewCompiler().
		WithDefaultRegoVersion(ast.RegoV1).
		WithCapabilities(Capabilities()).
		WithSchemas(ss).
		WithUseTypeCheckAnnotations(true), nil
}

// CompileError is a Rego compile failure; its message names each file and line.
type CompileError struct {
	Errors ast.Errors
}

func (e *CompileError) Error() string {
	var b strings.Builder
	for i, err := range e.Errors {
		if i > 0 {
			b.WriteString("\n")
		}
		if err.Location != nil {
			fmt.Fprintf(&b, "%s:%d: %s", err.Location.File, err.Location.Row, err.Message)
		} else {
			b.WriteString(err.Message)
		}
	}
	return b.String()
}

func compileError(errs ast.Errors) error {
	return &CompileError{Errors: errs}
}

func (e *Engine) readRegistry(mods map[string]*ast.Module, customFiles map[string]bool) error {
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
	seen := map[string]rule.Rule{}
	var errs []error
	for _, file := range names {
		m := mods[file]
		if strings.HasSuffix(file, "_test.rego") {
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
		e.rules = append(e.rules, r)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	sort.Slice(e.rules, func(i, j int) bool { return e.rules[i].ID < e.rules[j].ID })
	for i := range e.rules {
		e.byPkg[e.rules[i].Package] = &e.rules[i]
	}
	return nil
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
		Severity: strings.ToLower(str("severity")), Description: strings.TrimSpace(a.Description),
		Remediation: str("remediation"), Example: str("example"),
		Package: pkg, File: file, Builtin: builtin,
	}
	if r.ID == "" || !ruleIDRe.MatchString(r.ID) {
		return r, fmt.Errorf("%s:%d: package %s: custom.id %q is not a rule id (a letter, then letters, digits, '_', '-' or '.')", file, metaLine(m, a, "id"), pkg, fmt.Sprint(a.Custom["id"]))
	}
	if r.Severity == "" {
		return r, fmt.Errorf("%s:%d: rule %s: METADATA has no custom.severity (one of %s)", file, metaLine(m, a, "custom"), r.ID, strings.Join(rule.Severities(), ", "))
	}
	if rule.SeverityRank(r.Severity) == 0 {
		return r, fmt.Errorf("%s:%d: rule %s: custom.severity %q is not one of %s", file, metaLine(m, a, "severity"), r.ID, r.Severity, strings.Join(rule.Severities(), ", "))
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

// Rules returns every loaded rule, sorted by id.
func (e *Engine) Rules() []rule.Rule { return e.rules }

// Rule returns a rule by id.
func (e *Engine) Rule(id string) (rule.Rule, bool) {
	// e.rules is sorted by id; this runs once per finding
	i, ok := slices.BinarySearchFunc(e.rules, id, func(r rule.Rule, id string) int { return strings.Compare(r.ID, id) })
	if !ok {
		return rule.Rule{}, false
	}
	return e.rules[i], true
}

// Eval evaluates every enabled rule against one app's input.
func (e *Engine) Eval(ctx context.Context, input ast.Value) ([]Violation, error) {
	var out []Violation
	if e.prog != nil {
		vs, err := e.evalPlanned(ctx, input)
		if err != nil {
			return nil, err
		}
		out = vs
	}
	if e.hasBI {
		rs, err := e.builtin.Eval(ctx, rego.EvalParsedInput(input), rego.EvalGenerateJSON(passthrough))
		if err != nil {
			return nil, fmt.Errorf("evaluate: %w", err)
		}
		vs, err := e.decodeRouter(rs)
		if err != nil {
			return nil, err
		}
		out = vs
	}
	for _, cq := range e.custom {
		cctx, cancel := context.WithTimeout(ctx, e.timeout)
		rs, err := cq.pq.Eval(cctx, rego.EvalParsedInput(input), rego.EvalGenerateJSON(passthrough))
		timedOut := cctx.Err() != nil && ctx.Err() == nil
		cancel()
		if timedOut {
			return nil, fmt.Errorf("rule %s (%s) exceeded the %s evaluation time limit", cq.rule.ID, cq.rule.File, e.timeout)
		}
		if err != nil {
			return nil, fmt.Errorf("rule %s (%s): %w", cq.rule.ID, cq.rule.File, err)
		}
		if len(rs) == 0 || len(rs[0].Expressions) == 0 {
			continue
		}
		v, ok := rs[0].Expressions[0].Value.(ast.Value)
		if !ok {
			continue
		}
		set, ok := v.(ast.Set)
		if !ok {
			return nil, fmt.Errorf("rule %s (%s): deny must be a set", cq.rule.ID, cq.rule.File)
		}
		var derr error
		set.Foreach(func(t *ast.Term) {
			if derr != nil {
				return
			}
			vi, err := decodeViolation(cq.rule.ID, t.Value)
			if err != nil {
				derr = fmt.Errorf("rule %s (%s): %w", cq.rule.ID, cq.rule.File, err)
				return
			}
			out = append(out, vi)
		})
		if derr != nil {
			return nil, derr
		}
	}
	return out, nil
}

func passthrough(t *ast.Term, _ *rego.EvalContext) (any, error) { return t.Value, nil }

func (e *Engine) decodeRouter(rs rego.ResultSet) ([]Violation, error) {
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil
	}
	v, ok := rs[0].Expressions[0].Value.(ast.Value)
	if !ok {
		return nil, errors.New("evaluate: unexpected result")
	}
	set, ok := v.(ast.Set)
	if !ok {
		return nil, errors.New("evaluate: unexpected result")
	}
	out := make([]Violation, 0, set.Len())
	var derr error
	set.Foreach(func(t *ast.Term) {
		obj, ok := t.Value.(ast.Object)
		if !ok || derr != nil {
			return
		}
		pkg, _ := str(obj, "pkg")
		r := e.byPkg[pkg]
		d := obj.Get(ast.InternedTerm("d"))
		if r == nil || d == nil {
			return
		}
		id := r.ID
		vi, err := decodeViolation(id, d.Value)
		if err != nil {
			derr = fmt.Errorf("rule %s: %w", id, err)
			return
		}
		out = append(out, vi)
	})
	return out, derr
}

func str(o ast.Object, k string) (string, bool) {
	t := o.Get(ast.InternedTerm(k))
	if t == nil {
		return "", false
	}
	s, ok := t.Value.(ast.String)
	return string(s), ok
}

func decodeViolation(id string, v ast.Value) (Violation, error) {
	vi := Violation{RuleID: id, Ref: -1}
	switch x := v.(type) {
	case ast.String:
		vi.Msg = string(x)
		return vi, nil
	case ast.Object:
		msg, ok := str(x, "msg")
		if !ok {
			return vi, errors.New("a deny element has no string msg")
		}
		vi.Msg = msg
		vi.Severity, _ = str(x, "severity")
		if vi.Severity != "" && rule.SeverityRank(vi.Severity) == 0 {
			return vi, fmt.Errorf("severity %q is not one of %s", vi.Severity, strings.Join(rule.Severities(), ", "))
		}
		vi.Key, _ = str(x, "key")
		if n := x.Get(ast.InternedTerm("node")); n != nil {
			if no, ok := n.Value.(ast.Object); ok {
				if r := no.Get(ast.InternedTerm("_ref")); r != nil {
					if num, ok := r.Value.(ast.Number); ok {
						if i, ok := num.Int(); ok {
							vi.Ref = i
						}
					}
				}
			}
		}
		return vi, nil
	}
	return vi, errors.New("a deny element must be an object with msg")
}
