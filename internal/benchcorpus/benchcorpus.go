// Package benchcorpus gives benchmarks a gen-corpus project: a deterministic SFDX project of
// generated Connected Apps, written by the shared generator (shared/bench/gen-corpus, beside
// the repository, or $CALINT_GEN_CORPUS).
package benchcorpus

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/calint/calint/internal/testshared"
	"github.com/calint/calint/pkg/parse"
)

// Seed is the generator seed every benchmark uses.
const Seed = 1

// DefaultApps is the corpus size of the package benchmarks: small enough for
// `go test -bench=. -benchtime=1x ./...` in CI. CALINT_BENCH_APPS=10000 gives the size
// docs/performance.md records.
const DefaultApps = 1000

// Apps returns the corpus size: $CALINT_BENCH_APPS, or DefaultApps.
func Apps(tb testing.TB) int {
	s := os.Getenv("CALINT_BENCH_APPS")
	if s == "" {
		return DefaultApps
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		tb.Fatalf("CALINT_BENCH_APPS=%q is not a positive number", s)
	}
	return n
}

// Generator returns the path of the gen-corpus script: $CALINT_GEN_CORPUS, or
// shared/bench/gen-corpus beside the repository.
func Generator() (string, error) {
	if p := os.Getenv("CALINT_GEN_CORPUS"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("CALINT_GEN_CORPUS: %w", err)
		}
		return p, nil
	}
	p, err := testshared.SharedPath("bench", "gen-corpus")
	if err != nil {
		return "", fmt.Errorf("%w (or set CALINT_GEN_CORPUS to the gen-corpus script)", err)
	}
	return p, nil
}

// Project generates a project of n apps in tb.TempDir() and returns its directory. Without
// the generator it skips the benchmark, except under CI=true, where that is a failure.
func Project(tb testing.TB, n int) string {
	tb.Helper()
	gen, err := Generator()
	if err != nil {
		testshared.Missing(tb, "benchmark corpus: %v", err)
	}
	dir := tb.TempDir()
	out, err := exec.Command(gen, "-n", strconv.Itoa(n), "-seed", strconv.Itoa(Seed), "-out", dir).CombinedOutput()
	if err != nil {
		tb.Fatalf("%s: %v\n%s", gen, err, out)
	}
	return dir
}

// Files returns the app files of a generated project, sorted.
func Files(tb testing.TB, dir string) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "force-app", "main", "default", "connectedApps", "*.connectedApp-meta.xml"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no app files in %s (%v)", dir, err)
	}
	return files
}

// Docs parses the app files of a generated project, in Files order.
func Docs(tb testing.TB, dir string) []*parse.Doc {
	tb.Helper()
	var docs []*parse.Doc
	for _, f := range Files(tb, dir) {
		src, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		kind, _, _ := parse.KindOf(f)
		d, err := parse.Parse(f, kind, src, parse.DefaultLimits)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}
