package engine_test

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/model"
	"github.com/calint/calint/pkg/parse"
)

// FuzzDifferential evaluates Connected Apps made from fuzzed XML with both evaluators and
// compares their whole violations. The seeds are every Connected App fixture; the fuzzer's
// mutations keep most of their schema shape (known elements, typed values), so the inputs
// reach the rules' bodies: go test -run=NONE -fuzz=FuzzDifferential ./pkg/engine
func FuzzDifferential(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "*", "*.connectedApp-meta.xml"))
	if err != nil || len(seeds) == 0 {
		f.Fatalf("no Connected App fixtures (%v)", err)
	}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	engines := map[string]*engine.Engine{}
	for _, which := range []string{"topdown", "plan"} {
		if which == "topdown" {
			f.Setenv(engine.EngineEnv, "topdown")
		} else {
			f.Setenv(engine.EngineEnv, "")
		}
		eng, err := engine.New(f.Context(), engine.Config{Data: strictOptions([]string{"full", "App"}).Data()})
		if err != nil {
			f.Fatal(err)
		}
		if eng.Evaluator() != which {
			f.Fatalf("asked for %s, got %s", which, eng.Evaluator())
		}
		engines[which] = eng
	}
	schemas, err := engine.Schemas()
	if err != nil {
		f.Fatal(err)
	}
	builder := &model.Builder{Schemas: schemas}
	kind, _, _ := parse.KindOf("x.connectedApp-meta.xml")
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := parse.Parse("x.connectedApp-meta.xml", kind, src, parse.DefaultLimits)
		if err != nil {
			return // not XML: CAL001, no rule runs
		}
		in := builder.ConnectedApp(doc).Input
		want, werr := engines["topdown"].Eval(t.Context(), in)
		got, gerr := engines["plan"].Eval(t.Context(), in)
		if (werr != nil) != (gerr != nil) {
			t.Fatalf("errors differ: top-down %v, plan %v", werr, gerr)
		}
		sortViolations(want)
		sortViolations(got)
		if !slices.Equal(want, got) {
			t.Fatalf("violations differ:\ntop-down %+v\nplan     %+v", want, got)
		}
	})
}

func sortViolations(vs []engine.Violation) {
	slices.SortFunc(vs, func(a, b engine.Violation) int {
		return cmp.Or(cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Ref, b.Ref), cmp.Compare(a.Msg, b.Msg),
			cmp.Compare(a.Key, b.Key), cmp.Compare(a.Severity, b.Severity))
	})
}
