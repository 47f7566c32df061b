package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/tester"
	opatopdown "github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"
)

// calint's builtins are passed where they are used, as Regal passes its own: declared in
// Capabilities (so a compiler knows their types), implemented by RegoFunctions (options of
// each prepared query) and TesterBuiltins (OPA's test runner). Nothing is registered in
// OPA's global registry, so importing this package changes no other OPA user.

// WalkObjects is the calint.walk_objects builtin: walk(x) restricted, in Go, to the objects
// that have a given key. Rules that look at every element of the input (every URL) call it
// instead of walk, which makes Rego visit every key, value, _ref and URL fact of the document.
var WalkObjects = &ast.Builtin{
	Name: "calint.walk_objects",
	Description: "Returns [path, object] for every object in x (x itself included, at any depth) " +
		"that has the key key, where path is the object's path in x as walk(x) gives it.",
	Decl: types.NewFunction(
		types.Args(
			types.Named("x", types.A).Description("the document to search"),
			types.Named("key", types.S).Description("the key the objects must have"),
		),
		types.Named("found", types.NewArray(nil, types.NewArray([]types.Type{types.NewArray(nil, types.A), types.A}, nil))).
			Description("[path, object] pairs, in walk order"),
	),
}

// FindStrings is the calint.find_strings builtin: walk(x) restricted, in Go, to the strings
// that contain a substring. CAL303 looks for private keys in every value with it.
var FindStrings = &ast.Builtin{
	Name: "calint.find_strings",
	Description: "Returns [path, string] for every string value in x (at any depth; object keys are " +
		"not searched) that contains substr, where path is the string's path in x as walk(x) gives it.",
	Decl: types.NewFunction(
		types.Args(
			types.Named("x", types.A).Description("the document to search"),
			types.Named("substr", types.S).Description("the substring to look for"),
		),
		types.Named("found", types.NewArray(nil, types.NewArray([]types.Type{types.NewArray(nil, types.A), types.S}, nil))).
			Description("[path, string] pairs, in walk order"),
	),
}

// calintBuiltins pairs each declaration with its implementation.
var calintBuiltins = []struct {
	decl *ast.Builtin
	impl rego.Builtin2
}{
	{WalkObjects, builtinWalkObjects},
	{FindStrings, builtinFindStrings},
}

// builtinDecls are the declarations of calint's builtins, for capabilities.
func builtinDecls() []*ast.Builtin {
	out := make([]*ast.Builtin, len(calintBuiltins))
	for i, b := range calintBuiltins {
		out[i] = b.decl
	}
	return out
}

// RegoFunctions are rego.New options that implement calint's builtins in a query.
func RegoFunctions() []func(*rego.Rego) {
	out := make([]func(*rego.Rego), len(calintBuiltins))
	for i, b := range calintBuiltins {
		out[i] = rego.Function2(&rego.Function{Name: b.decl.Name, Description: b.decl.Description, Decl: b.decl.Decl}, b.impl)
	}
	return out
}

// PlanBuiltins implement calint's builtins in a compiled plan (planeval.Load).
func PlanBuiltins() map[string]opatopdown.BuiltinFunc {
	out := make(map[string]opatopdown.BuiltinFunc, len(calintBuiltins))
	for _, b := range calintBuiltins {
		impl := b.impl
		out[b.decl.Name] = func(bctx opatopdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
			if len(ops) != 2 {
				return fmt.Errorf("%s: %d arguments, want 2", b.decl.Name, len(ops))
			}
			r, err := impl(bctx, ops[0], ops[1])
			if err != nil || r == nil {
				return err
			}
			return iter(r)
		}
	}
	return out
}

// TesterBuiltins implement calint's builtins in OPA's test runner (tester.Runner
// AddCustomBuiltins).
func TesterBuiltins() []*tester.Builtin {
	fns := RegoFunctions()
	out := make([]*tester.Builtin, len(calintBuiltins))
	for i, b := range calintBuiltins {
		out[i] = &tester.Builtin{Decl: b.decl, Func: fns[i]}
	}
	return out
}

// walker walks a document depth-first, keeping the path, with one closure for the whole walk
// (a closure per object would be an allocation each).
type walker struct {
	path []*ast.Term
	// each is called for every value x with its key k in its parent (array index, set
	// element); it calls descend for the values to walk into.
	each func(k, x *ast.Term)
}

func newWalker(visit func(w *walker, k, x *ast.Term)) *walker {
	w := &walker{}
	w.each = func(k, x *ast.Term) { visit(w, k, x) }
	return w
}

// descend walks into x, the value of key k.
func (w *walker) descend(k, x *ast.Term) {
	w.path = append(w.path, k)
	w.children(x)
	w.path = w.path[:len(w.path)-1]
}

func (w *walker) children(t *ast.Term) {
	switch v := t.Value.(type) {
	case ast.Object:
		v.Foreach(w.each)
	case *ast.Array:
		for i := range v.Len() {
			w.each(ast.InternedTerm(i), v.Elem(i))
		}
	case ast.Set:
		for _, e := range v.Slice() {
			w.each(e, e)
		}
	}
}

// pathTo returns the current path, extended by k when k is not nil, as a new array term.
func (w *walker) pathTo(k *ast.Term) *ast.Term {
	p := slices.Clone(w.path)
	if k != nil {
		p = append(p, k)
	}
	return ast.ArrayTerm(p...)
}

func builtinWalkObjects(_ rego.BuiltinContext, doc, key *ast.Term) (*ast.Term, error) {
	if _, ok := key.Value.(ast.String); !ok {
		return nil, builtins.NewOperandTypeErr(2, key.Value, "string")
	}
	var found []*ast.Term
	check := func(w *walker, k, x *ast.Term) {
		if o, ok := x.Value.(ast.Object); ok && o.Get(key) != nil {
			found = append(found, ast.ArrayTerm(w.pathTo(k), x))
		}
	}
	w := newWalker(func(w *walker, k, x *ast.Term) {
		check(w, k, x)
		switch x.Value.(type) {
		case ast.Object, *ast.Array, ast.Set:
			w.descend(k, x)
		}
	})
	check(w, nil, doc)
	w.children(doc)
	return ast.ArrayTerm(found...), nil
}

func builtinFindStrings(_ rego.BuiltinContext, doc, sub *ast.Term) (*ast.Term, error) {
	substr, ok := sub.Value.(ast.String)
	if !ok {
		return nil, builtins.NewOperandTypeErr(2, sub.Value, "string")
	}
	var found []*ast.Term
	w := newWalker(func(w *walker, k, x *ast.Term) {
		switch v := x.Value.(type) {
		case ast.String:
			if strings.Contains(string(v), string(substr)) {
				found = append(found, ast.ArrayTerm(w.pathTo(k), x))
			}
		case ast.Object, *ast.Array, ast.Set:
			w.descend(k, x)
		}
	})
	if s, ok := doc.Value.(ast.String); ok {
		if strings.Contains(string(s), string(substr)) {
			found = append(found, ast.ArrayTerm(ast.ArrayTerm(), doc))
		}
	} else {
		w.children(doc)
	}
	return ast.ArrayTerm(found...), nil
}
