package scan_test

import (
	"testing"

	"github.com/calint/calint/internal/benchcorpus"
	"github.com/calint/calint/internal/parsefloor"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/scan"
)

// BenchmarkScan scans a gen-corpus project (benchcorpus.DefaultApps apps, or
// $CALINT_BENCH_APPS=10000 for the size docs/performance.md records) with every built-in
// rule, and in the same run only walks and tokenizes the same files with encoding/xml on as
// many workers (the parse floor). The scan's engine is prepared once, outside the loop;
// ns/app is per app, and the scan's ratio to the floor is what docs/performance.md tracks.
//
// History (2-core VM, scan ns/op / floor ns/op; see docs/performance.md):
//
//	1.87G           core commit, 1,000 apps
//	522M / 40.3M    1,000 apps (13x the floor)
//	4.92G / 315M    10,000 apps, CALINT_BENCH_APPS=10000 (15.6x the floor)
func BenchmarkScan(b *testing.B) {
	n := benchcorpus.Apps(b)
	dir := benchcorpus.Project(b, n)
	b.Run("scan", func(b *testing.B) {
		eng, err := engine.New(b.Context(), engine.Config{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			res, err := scan.Run(b.Context(), scan.Options{Paths: []string{dir}, Engine: eng})
			if err != nil {
				b.Fatal(err)
			}
			if res.AppCount != n {
				b.Fatalf("scanned %d apps, want %d", res.AppCount, n)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/app")
	})
	b.Run("parse-floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := parsefloor.Run(dir, 0)
			if err != nil {
				b.Fatal(err)
			}
			if r.Files != int64(n) {
				b.Fatalf("parsed %d files, want %d", r.Files, n)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/app")
	})
}
