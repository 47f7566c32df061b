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
//
// The sub-benchmarks are the two evaluators of the built-in rules, in the same run: the
// compiled plan (the default) and top-down (CALINT_ENGINE=topdown, the reference).
func BenchmarkEval(b *testing.B) {
	inputs := benchInputs(b)
	for _, which := range []string{"plan", "topdown"} {
		b.Run(which, func(b *testing.B) {
			eng := newEngine(b, which)
			b.ReportAllocs()
			cpu0 := cpuTime(b)
			for b.Loop() {
				for _, in := range inputs {
					if _, err := eng.Eval(b.Context(), in); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(inputs)), "ns/app")
			// CPU time (user+sys of the process, GC included) is steadier than wall time on a
			// shared machine
			b.ReportMetric(float64((cpuTime(b)-cpu0).Nanoseconds())/float64(b.N*len(inputs)), "cpu-ns/app")
		})
	}
}

// newEngine returns an engine of the built-in rules evaluated by which ("plan" or "topdown").
func newEngine(b *testing.B, which string) *engine.Engine {
	b.Helper()
	if which == "topdown" {
		b.Setenv(engine.EngineEnv, "topdown")
	} else {
		b.Setenv(engine.EngineEnv, "")
	}
	eng, err := engine.New(b.Context(), engine.Config{})
	if err != nil {
		b.Fatal(err)
	}
	if eng.Evaluator() != which {
		b.Fatalf("asked for %s, got %s", which, eng.Evaluator())
	}
	return eng
}

// BenchmarkNew is the start-up of every scan: parse (once per process, so only the first
// op pays it), compile and prepare the built-in rules.
//
// History (2-core VM, ns/op):
//
//	26.7M   core commit: type-checked against the input schema on every run
//	18.4M   untyped without custom policies; METADATA read from the files' heads while compiling
//	plan    the compiled plan: no Rego parsed or compiled, only the METADATA heads read
func BenchmarkNew(b *testing.B) {
	for _, which := range []string{"plan", "topdown"} {
		b.Run(which, func(b *testing.B) {
			newEngine(b, which) // the first op parses: not measured
			b.ReportAllocs()
			for b.Loop() {
				if _, err := engine.New(b.Context(), engine.Config{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
