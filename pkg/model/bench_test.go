package model_test

import (
	"os"
	"testing"

	"github.com/calint/calint/internal/benchcorpus"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/model"
	"github.com/calint/calint/pkg/parse"
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
	var docs []*parse.Doc
	for _, f := range benchcorpus.Files(b, dir) {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		kind, _, _ := parse.KindOf(f)
		d, err := parse.Parse(f, kind, src, parse.DefaultLimits)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	builder := &model.Builder{Schemas: schemas}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			builder.ConnectedApp(d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/app")
}
