// Package e2e holds end-to-end tests of calint's ecosystem: the pre-commit hook, the GitHub
// Action, the HTML report in a real browser and go-installed binaries. They use real tools
// (git, pre-commit, Chromium, the Go toolchain); a missing tool skips a test, except under
// CI=true where it fails (.ci/run installs them).
package e2e

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// need returns the path of a tool, skipping the test when it is missing (failing on CI).
func need(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed; CI must have it (see .ci/run)", names[0])
	}
	t.Skipf("%s is not installed", names[0])
	return ""
}

// long skips a slow test under -short.
func long(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow end-to-end test (-short)")
	}
}

// repoRoot is the module root: the directory of go.mod above the test.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

type result struct {
	out  string // stdout and stderr, interleaved
	code int
}

// run runs a command in dir with extra environment and returns its output and exit code;
// it fails the test when the command cannot be started or times out.
func run(t *testing.T, timeout time.Duration, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s %s: timed out after %s\n%s", name, strings.Join(args, " "), timeout, b.String())
	}
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("%s: %v", name, err)
		}
		code = ee.ExitCode()
	}
	return result{out: b.String(), code: code}
}

// mustRun is run that fails the test on a non-zero exit.
func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	r := run(t, 5*time.Minute, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), r.code, r.out)
	}
	return r.out
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
