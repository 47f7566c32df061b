// Package testshared gives tests the team's shared data beside the repository (../shared:
// the real corpus, specs, the corpus generator). A test that needs it skips with a clear
// message when it is absent, except under CI=true, where that is a failure.
package testshared

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Path returns the absolute path of ../shared/<elem...> beside the module root. When it
// does not exist the test is skipped, or fails under CI=true.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	root, err := ModuleRoot()
	if err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(append([]string{filepath.Dir(root), "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("shared test data %s is missing (CI=true makes this a failure): %v", p, err)
		}
		tb.Skipf("shared test data %s is not available beside the repository; skipping", p)
	}
	return p
}

// ModuleRoot is the directory of go.mod at or above the working directory.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
