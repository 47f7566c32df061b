// Package testshared gives tests what lives outside the repository: the team's shared data
// beside it (../shared: the real corpus, the corpus generator) and external tools (git,
// pre-commit, Chromium, the SARIF Multitool). A test that needs one calls Missing when it is
// absent: the test is skipped with a message naming what is missing, except under CI=true,
// where that is a failure (.ci/run installs everything).
package testshared

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Missing skips the test, saying what is missing and how to get it, or fails it under
// CI=true. It never returns.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		tb.Fatalf("%s (CI=true makes a missing test dependency a failure)", msg)
	}
	tb.Skipf("%s; skipping (set CI=true to make this a failure)", msg)
}

// InCI reports whether CI=true, under which every test dependency must be present.
func InCI() bool { return os.Getenv("CI") == "true" }

// Path returns the absolute path of ../shared/<elem...> beside the module root. When it
// does not exist the test is skipped, or fails under CI=true.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p, err := SharedPath(elem...)
	if err != nil {
		Missing(tb, "%v", err)
	}
	return p
}

// SharedPath returns the absolute path of ../shared/<elem...> beside the module root, or
// an error naming it when it does not exist.
func SharedPath(elem ...string) (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(append([]string{filepath.Dir(root), "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("shared test data %s is not available beside the repository", p)
	}
	return p, nil
}

// Tool returns the path of the first of names found on PATH. When none is, the test is
// skipped, or fails under CI=true.
func Tool(tb testing.TB, names ...string) string {
	tb.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	Missing(tb, "%s is not installed (.ci/run installs it)", names[0])
	return ""
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
