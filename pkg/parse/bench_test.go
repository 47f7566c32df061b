package parse_test

import (
	"os"
	"testing"

	"github.com/calint/calint/internal/benchcorpus"
	"github.com/calint/calint/pkg/parse"
)

// BenchmarkParse parses every file of a gen-corpus project (benchcorpus.DefaultApps apps,
// or $CALINT_BENCH_APPS), read into memory beforehand, on one goroutine. One op is the
// whole project; ns/file is per file.
//
// History (1,000 apps, 2-core VM, ns/op; see docs/performance.md):
//
//	94.1M   core commit: RawToken tree, string += text, binary search + rune count per position
//	52.6M   one-pass position cursor, nodes from a slab, shared whitespace text, sized reads (302 allocs/file)
func BenchmarkParse(b *testing.B) {
	dir := benchcorpus.Project(b, benchcorpus.Apps(b))
	files := benchcorpus.Files(b, dir)
	srcs := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs[i] = src
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			if _, err := parse.Parse(files[i], caKind, src, parse.DefaultLimits); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
}
