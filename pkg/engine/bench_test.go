package engine_test

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/calint/calint/internal/benchcorpus"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/model"
)

// benchInputs builds the rule inputs of a gen-corpus project.
func benchInputs(b *testing.B) []ast.Value {
	b.Helper()
	dir := benchcorpus.Project(b, benchcorpus.Apps(b))
	schemas, err := engine.Schemas()
	if err != nil {
		b.Fatal(err)
	}
	builder := &model.Builder{Schemas: schemas}
	var inputs []ast.Value
	for _, d := range benchcorpus.Docs(b, dir) {
		inputs = append(inputs, builder.ConnectedApp(d).Input)
	}
	return inputs
}

// BenchmarkEval evaluates every built-in rule against each app of a gen-corpus project
// (benchcorpus.DefaultApps apps, or $CALINT_BENCH_APPS), one app after the other on one
// goroutine. One op is the whole project; ns/app is per app.
//
// History (1,000 apps, 2-core VM, ns/op; see docs/performance.md):
//
//	2.10G   core commit: router over 41 rules, CAL303 and CAL304 walk the whole input (7582 allocs/app)
//	656M    calint.find_strings/walk_objects for CAL303/CAL304, CAL204 checks suspect URLs
//	        only, lib.option stops at the first value (2341 allocs/app)
func BenchmarkEval(b *testing.B) {
	inputs := benchInputs(b)
	eng, err := engine.New(b.Context(), engine.Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			if _, err := eng.Eval(b.Context(), in); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(inputs)), "ns/app")
}

// BenchmarkNew is the start-up of every scan: parse (once per process, so only the first
// op pays it), compile and prepare the built-in rules.
//
// History (2-core VM, ns/op):
//
//	26.7M   core commit: type-checked against the input schema on every run
//	18.4M   untyped without custom policies; METADATA read from the files' heads while compiling
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := engine.New(b.Context(), engine.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
