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

	"github.com/calint/calint/internal/testshared"
)

// need returns the path of a tool, skipping the test when it is missing (failing on CI).
func need(t *testing.T, names ...string) string {
	t.Helper()
	return testshared.Tool(t, names...)
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
	dir, err := testshared.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return dir
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

// hermeticGo is the environment of a go command run by a test that builds calint as a
// module (go install, pre-commit): a module cache of the test's own, removed at its end, so
// the developer's is never written to; the developer's cache read as a module proxy (after
// the extra proxy directories given, e.g. one serving the working tree), so nothing is
// downloaded when the dependencies are there; no checksum database (go.sum verifies the
// dependencies); the developer's GOPROXY as the last fall-back, never a direct VCS fetch.
// -trimpath keeps the build cache independent of where the module cache is, so only the
// first run compiles the dependencies from the temporary cache.
func hermeticGo(t *testing.T, goBin, root string, proxyDirs ...string) []string {
	t.Helper()
	var proxies []string
	for _, p := range proxyDirs {
		proxies = append(proxies, "file://"+filepath.ToSlash(p))
	}
	modcache := strings.TrimSpace(mustRun(t, root, nil, goBin, "env", "GOMODCACHE"))
	proxies = append(proxies, "file://"+filepath.ToSlash(filepath.Join(modcache, "cache", "download")))
	upstream := strings.TrimSpace(mustRun(t, root, nil, goBin, "env", "GOPROXY"))
	for _, p := range strings.FieldsFunc(upstream, func(r rune) bool { return r == ',' || r == '|' }) {
		if p != "direct" && p != "off" {
			proxies = append(proxies, p)
		}
	}
	tmp := filepath.Join(t.TempDir(), "modcache")
	// Go makes a module cache read-only and `go clean -modcache` is the way to remove one
	// (this clean-up runs before t.TempDir's, registered earlier)
	t.Cleanup(func() {
		r := run(t, 5*time.Minute, root, []string{"GOMODCACHE=" + tmp, "GOFLAGS=", "GOTOOLCHAIN=local"}, goBin, "clean", "-modcache")
		if r.code != 0 {
			t.Errorf("go clean -modcache %s: exit %d\n%s", tmp, r.code, r.out)
		}
	})
	return []string{
		"GOMODCACHE=" + tmp,
		"GOPROXY=" + strings.Join(append(proxies, "off"), ","),
		"GOSUMDB=off", "GOFLAGS=-modcacherw -trimpath", "GOTOOLCHAIN=local", "GOWORK=off",
	}
}
