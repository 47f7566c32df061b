package model_test

import (
	"testing"

	"github.com/calint/calint/internal/benchcorpus"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/model"
)

// BenchmarkConnectedApp builds the rule input of every app of a gen-corpus project
// (benchcorpus.DefaultApps apps, or $CALINT_BENCH_APPS), parsed beforehand. One op is the
// whole project; ns/app is per app.
//
// History (1,000 apps, 2-core VM, ns/op; see docs/performance.md):
//
//	60.3M   core commit
//	46.1M   children grouped without a map per element (462 allocs/app)
func BenchmarkConnectedApp(b *testing.B) {
	dir := benchcorpus.Project(b, benchcorpus.Apps(b))
	schemas, err := engine.Schemas()
	if err != nil {
		b.Fatal(err)
	}
	docs := benchcorpus.Docs(b, dir)
	builder := &model.Builder{Schemas: schemas}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			builder.ConnectedApp(d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/app")
}
