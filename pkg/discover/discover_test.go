package discover_test

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/discover"
)

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func walk(t *testing.T, paths []string, opts discover.Options) []string {
	t.Helper()
	var got []string
	err := discover.Walk(paths, opts, func(f discover.File) error {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		if _, err := io.ReadAll(rc); err != nil {
			return err
		}
		got = append(got, f.Path+" "+f.Kind.Suffix)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestProjectDiscovery(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	write(t, root, map[string]string{
		"sfdx-project.json": `{"packageDirectories": [{"path": "force-app"}, {"path": "src"}, {"path": "missing"}]}`,
		".forceignore":      "# comment\n**/ignored/**\nforce-app/main/default/connectedApps/Skip.connectedApp-meta.xml\n",
		"force-app/main/default/connectedApps/A.connectedApp-meta.xml":              "x",
		"force-app/main/default/connectedApps/Skip.connectedApp-meta.xml":           "x",
		"force-app/main/default/ignored/B.connectedApp-meta.xml":                    "x",
		"force-app/main/default/externalClientApps/E.eca-meta.xml":                  "x",
		"force-app/main/default/extlClntAppOauthSettings/E_oauth.ecaOauth-meta.xml": "x",
		"force-app/main/default/classes/Foo.cls":                                    "x",
		"force-app/node_modules/N.connectedApp-meta.xml":                            "x",
		"force-app/.sfdx/S.connectedApp-meta.xml":                                   "x",
		"src/connectedApps/M.connectedApp":                                          "x",
		"outside/O.connectedApp-meta.xml":                                           "x",
	})
	got := walk(t, []string{"."}, discover.Options{})
	want := []string{
		"force-app/main/default/connectedApps/A.connectedApp-meta.xml connectedApp",
		"force-app/main/default/externalClientApps/E.eca-meta.xml eca",
		"force-app/main/default/extlClntAppOauthSettings/E_oauth.ecaOauth-meta.xml ecaOauth",
		"src/connectedApps/M.connectedApp connectedApp",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// exclude globs from the config
	got = walk(t, []string{"."}, discover.Options{Exclude: []string{"**/externalClientApps/**", "src/**"}})
	if len(got) != 2 {
		t.Errorf("with excludes: %v", got)
	}
	// without sfdx-project.json the whole tree is walked
	os.Remove(filepath.Join(root, "sfdx-project.json"))
	got = walk(t, []string{"."}, discover.Options{})
	if !slices.Contains(got, "outside/O.connectedApp-meta.xml connectedApp") || slices.Contains(got, "force-app/node_modules/N.connectedApp-meta.xml connectedApp") {
		t.Errorf("whole tree: %v", got)
	}
}

func TestExplicitFilesAndDuplicates(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	write(t, root, map[string]string{"a/A.connectedApp-meta.xml": "x", "README.md": "x"})
	got := walk(t, []string{"a/A.connectedApp-meta.xml", "README.md", "a", "a/A.connectedApp-meta.xml"}, discover.Options{})
	if !slices.Equal(got, []string{"a/A.connectedApp-meta.xml connectedApp"}) {
		t.Errorf("got %v", got)
	}
	err := discover.Walk([]string{"nope"}, discover.Options{}, func(discover.File) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "path nope: no such file or directory") {
		t.Errorf("missing path: %v", err)
	}
}

func TestSymlinkLoop(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	write(t, root, map[string]string{"p/A.connectedApp-meta.xml": "x"})
	if err := os.Symlink("..", filepath.Join(root, "p", "loop")); err != nil {
		t.Skip("symlinks not supported")
	}
	got := walk(t, []string{"."}, discover.Options{})
	if len(got) != 1 {
		t.Errorf("got %v", got)
	}
}

func TestZip(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	f, err := os.Create("retrieve.zip")
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, name := range []string{"unpackaged/package.xml", "unpackaged/connectedApps/Z.connectedApp", "unpackaged/externalClientApps/E.eca"} {
		w, _ := zw.Create(name)
		w.Write([]byte("<x/>"))
	}
	zw.Close()
	f.Close()
	got := walk(t, []string{"retrieve.zip"}, discover.Options{})
	want := []string{"retrieve.zip!unpackaged/connectedApps/Z.connectedApp connectedApp", "retrieve.zip!unpackaged/externalClientApps/E.eca eca"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v", got)
	}
	os.WriteFile("bad.zip", []byte("not a zip"), 0o644)
	if err := discover.Walk([]string{"bad.zip"}, discover.Options{}, func(discover.File) error { return nil }); err == nil || !strings.Contains(err.Error(), "zip bad.zip") {
		t.Errorf("bad zip: %v", err)
	}
}

func TestStdin(t *testing.T) {
	got := walk(t, []string{"-"}, discover.Options{Stdin: strings.NewReader("<x/>"), StdinFilename: "dir/S.connectedApp-meta.xml"})
	if !slices.Equal(got, []string{"dir/S.connectedApp-meta.xml connectedApp"}) {
		t.Errorf("got %v", got)
	}
	err := discover.Walk([]string{"-"}, discover.Options{StdinFilename: "x.txt"}, func(discover.File) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "not a recognised") {
		t.Errorf("bad stdin name: %v", err)
	}
}

// TestECAContext: naming one ECA file (as pre-commit does) brings in the rest of its app's
// files from the project as context.
func TestECAContext(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	write(t, root, map[string]string{
		"sfdx-project.json": `{"packageDirectories": [{"path": "force-app"}]}`,
		"force-app/main/default/externalClientApps/E.eca-meta.xml":                  "x",
		"force-app/main/default/extlClntAppOauthSettings/E_oauth.ecaOauth-meta.xml": "x",
		"force-app/main/default/extlClntAppOauthPolicies/E_p.ecaOauthPlcy-meta.xml": "x",
		"force-app/main/default/connectedApps/C.connectedApp-meta.xml":              "x",
	})
	var got []string
	err := discover.Walk([]string{"force-app/main/default/extlClntAppOauthSettings/E_oauth.ecaOauth-meta.xml"}, discover.Options{}, func(f discover.File) error {
		got = append(got, fmt.Sprintf("%s %v", f.Path, f.Context))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"force-app/main/default/extlClntAppOauthSettings/E_oauth.ecaOauth-meta.xml false",
		"force-app/main/default/externalClientApps/E.eca-meta.xml true",
		"force-app/main/default/extlClntAppOauthPolicies/E_p.ecaOauthPlcy-meta.xml true",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSkipsSpecialFiles(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	write(t, root, map[string]string{"p/A.connectedApp-meta.xml": "x"})
	if err := mkfifo(filepath.Join(root, "p", "Pipe.connectedApp-meta.xml")); err != nil {
		t.Skipf("no fifo: %v", err)
	}
	got := walk(t, []string{"."}, discover.Options{})
	if !slices.Equal(got, []string{"p/A.connectedApp-meta.xml connectedApp"}) {
		t.Errorf("got %v", got)
	}
}
