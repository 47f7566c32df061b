package e2e

import (
	"archive/zip"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const modulePath = "github.com/calint/calint"

// sourceFiles lists the module's files as git sees them: tracked and untracked but not
// ignored, so uncommitted work is tested too. Deleted files are left out.
func sourceFiles(t *testing.T, root string) []string {
	t.Helper()
	git := need(t, "git")
	out := mustRun(t, root, nil, git, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	var files []string
	seen := map[string]bool{}
	for _, f := range strings.Split(out, "\x00") {
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		if st, err := os.Lstat(filepath.Join(root, f)); err != nil || !st.Mode().IsRegular() {
			continue
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		t.Fatal("git lists no files")
	}
	return files
}

// TestGoInstallVersion installs calint the way users do, `go install
// github.com/calint/calint/cmd/calint@VERSION`, from a module proxy on disk that serves
// the working tree as a pseudo-version, and checks that `calint version` reports that
// module version, its commit and OPA's version. It is hermetic: a module cache of its own
// (the developer's is only read, as a proxy for the dependencies, which go.sum verifies),
// no checksum database, no network unless a dependency is missing from the local cache.
func TestGoInstallVersion(t *testing.T) {
	long(t)
	goBin := need(t, "go")
	root := repoRoot(t)

	// a version no real release can have, unique per run
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		t.Fatal(err)
	}
	rev := hex.EncodeToString(rnd[:])
	stamp := time.Now().UTC()
	version := fmt.Sprintf("v0.0.0-%s-%s", stamp.Format("20060102150405"), rev)

	proxy := t.TempDir()
	dir := filepath.Join(proxy, filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "list"), version+"\n")
	writeFile(t, filepath.Join(dir, version+".info"), fmt.Sprintf(`{"Version":%q,"Time":%q}`, version, stamp.Format(time.RFC3339)))
	writeFile(t, filepath.Join(dir, version+".mod"), string(gomod))
	writeModuleZip(t, root, filepath.Join(dir, version+".zip"), version)

	bin := t.TempDir()
	env := append(hermeticGo(t, goBin, root, proxy), "GOBIN="+bin)
	// the first run compiles every dependency (see hermeticGo): allow for a slow machine
	if r := run(t, 30*time.Minute, t.TempDir(), env, goBin, "install", modulePath+"/cmd/calint@"+version); r.code != 0 {
		t.Fatalf("go install: exit %d\n%s", r.code, r.out)
	}

	out := mustRun(t, bin, nil, filepath.Join(bin, "calint"), "version")
	for _, re := range []string{
		`(?m)^calint ` + regexp.QuoteMeta(version) + `$`,
		`(?m)^commit: ` + rev + `$`,
		`(?m)^opa: v?\d+\.\d+\.\d+`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("calint version: no match for %s in\n%s", re, out)
		}
	}
	if alias := mustRun(t, bin, nil, filepath.Join(bin, "calint"), "--version"); alias != out {
		t.Errorf("--version differs from version:\n%s", alias)
	}
}

// writeModuleZip writes the module zip a proxy serves: every file under
// "module@version/".
func writeModuleZip(t *testing.T, root, path, version string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, name := range sourceFiles(t, root) {
		if strings.HasPrefix(name, "vendor/") || strings.Contains(name, "/vendor/") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(modulePath + "@" + version + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
