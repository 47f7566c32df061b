package e2e

import (
	"archive/zip"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io/fs"
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
// the working tree as a pseudo-version (dependencies come from the local module cache),
// and checks that `calint version` reports that module version, its commit and OPA's
// version.
func TestGoInstallVersion(t *testing.T) {
	long(t)
	goBin := need(t, "go")
	root := repoRoot(t)
	modcache := strings.TrimSpace(mustRun(t, root, nil, goBin, "env", "GOMODCACHE"))

	// a version no real release can have, unique per run (the module cache is immutable)
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		t.Fatal(err)
	}
	rev := hex.EncodeToString(rnd[:])
	stamp := time.Now().UTC()
	version := fmt.Sprintf("v0.0.0-%s-%s", stamp.Format("20060102150405"), rev)
	t.Cleanup(func() { removeFromModCache(modcache, version) })

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
	env := []string{
		"GOBIN=" + bin,
		"GOPROXY=file://" + filepath.ToSlash(proxy) + ",file://" + filepath.ToSlash(filepath.Join(modcache, "cache", "download")),
		"GONOSUMDB=" + modulePath, "GOFLAGS=-modcacherw", "GOTOOLCHAIN=local",
		"GOWORK=off",
	}
	mustRun(t, t.TempDir(), env, goBin, "install", modulePath+"/cmd/calint@"+version)

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

// removeFromModCache deletes the test's own version of the module from the module cache.
func removeFromModCache(modcache, version string) {
	extracted := filepath.Join(modcache, filepath.FromSlash(modulePath)+"@"+version)
	_ = filepath.WalkDir(extracted, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = os.Chmod(p, 0o755)
		}
		return nil
	})
	_ = os.RemoveAll(extracted)
	dl := filepath.Join(modcache, "cache", "download", filepath.FromSlash(modulePath), "@v")
	matches, _ := filepath.Glob(filepath.Join(dl, version+".*"))
	for _, m := range matches {
		_ = os.Remove(m)
	}
	// the version list is all that is left when no real version was ever downloaded
	if entries, err := os.ReadDir(dl); err == nil {
		only := true
		for _, e := range entries {
			only = only && strings.HasPrefix(e.Name(), "list")
		}
		if only {
			_ = os.RemoveAll(filepath.Dir(dl))
		}
	}
	for _, d := range []string{
		filepath.Dir(filepath.Join(modcache, "cache", "download", filepath.FromSlash(modulePath))),
		filepath.Dir(extracted),
	} {
		_ = os.Remove(d) // only if empty
	}
}
