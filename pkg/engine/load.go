package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/calint/calint/pkg/schema"
	"github.com/calint/calint/rules"
)

// This file loads Rego: the embedded rule, library and test modules, the input schema, the
// capabilities rules are compiled with, and the compiler.
//
// Three package-level caches hold what is parsed from the embedded files. Each is computed
// at most once per process, from sources compiled into the binary (so it can never be
// stale), and is read-only afterwards: the compiler copies the modules it is given (see
// compile), and the registry reads copies. Parsing is most of a one-file scan's start-up,
// and a process may build several engines (calint verify builds one per fixture
// directory; tests build dozens), so none of them is worth parsing twice:
//
//   - parsedRules: the rule and library modules with their METADATA, for a typed compile
//     (custom policies, calint verify) and for BuiltinModules;
//   - plainRules: the same modules without METADATA, for a scan without custom policies,
//     which compiles them untyped while ruleAnnotations is read on another core;
//   - ruleAnnotations: the METADATA of each module, from its head only.
//
// Schemas is a fourth: the metadata schemas, read by every scan and every engine.

// parsedRules are the embedded rule and library modules; a scan never parses the tests.
var parsedRules = sync.OnceValues(func() (map[string]*ast.Module, error) {
	return parseEmbedded(isRuleFile, true)
})

// plainRules are the embedded rule and library modules parsed without their METADATA: the
// YAML is half the parse time, and a scan without custom policies compiles them untyped, so
// New reads the METADATA (ruleAnnotations) while they compile.
var plainRules = sync.OnceValues(func() (map[string]*ast.Module, error) {
	return parseEmbedded(isRuleFile, false)
})

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
// comments and package line) only: their package and METADATA, no rules. A scan with the
// compiled plan reads the registry from them and parses no other Rego.
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

// Schemas returns the embedded metadata schemas (parsed once per process, see above).
var Schemas = sync.OnceValues(func() (*schema.Set, error) {
	return schema.Load(rules.FS, "schema")
})

func isRuleFile(p string) bool { return !strings.HasSuffix(p, "_test.rego") }

func isTestFile(p string) bool { return strings.HasSuffix(p, "_test.rego") }

// BuiltinModules returns the embedded rule and library modules, parsed; tests are
// included when withTests is set.
func BuiltinModules(withTests bool) (map[string]*ast.Module, error) {
	rs, err := parsedRules()
	if err != nil {
		return nil, err
	}
	var ts map[string]*ast.Module
	if withTests {
		// only go test reads the tests: not cached
		if ts, err = parseEmbedded(isTestFile, true); err != nil {
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
// a schema $ref is fetched; and calint's own (builtins.go), which are declared here rather
// than in OPA's global registry. A compiler or test runner given these capabilities
// evaluates the calint builtins with RegoFunctions or TesterBuiltins.
func Capabilities() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	c.AllowNet = []string{}
	keep := c.Builtins[:0]
	for _, b := range c.Builtins {
		if forbiddenBuiltin(b.Name) == "" || strings.HasPrefix(b.Name, "net.cidr") {
			keep = append(keep, b)
		}
	}
	c.Builtins = append(keep, builtinDecls()...)
	return c
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
