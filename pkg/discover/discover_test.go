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
		line := f.Path + " " + f.Kind.Suffix
		if f.ForceIgnored {
			line += " forceignored"
		}
		got = append(got, line)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestProjectDiscovery: the whole tree is walked (a secret committed outside the package
// directories is still found), tool folders are skipped, and .forceignore marks files
// instead of hiding them.
func TestProjectDiscovery(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	write(t, root, map[string]string{
		"sfdx-project.json": `{"packageDirectories": [{"path": "force-app"}, {"path": "src"}]}`,
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
		"scripts/templates/T.connectedApp-meta.xml":                                 "x",
	})
	got := walk(t, []string{"."}, discover.Options{})
	want := []string{
		"force-app/main/default/connectedApps/A.connectedApp-meta.xml connectedApp",
		"force-app/main/default/connectedApps/Skip.connectedApp-meta.xml connectedApp forceignored",
		"force-app/main/default/externalClientApps/E.eca-meta.xml eca",
		"force-app/main/default/extlClntAppOauthSettings/E_oauth.ecaOauth-meta.xml ecaOauth",
		"force-app/main/default/ignored/B.connectedApp-meta.xml connectedApp forceignored",
		"scripts/templates/T.connectedApp-meta.xml connectedApp",
		"src/connectedApps/M.connectedApp connectedApp",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// a subfolder belongs to the project above it: its .forceignore applies
	got = walk(t, []string{"force-app/main"}, discover.Options{})
	if !slices.Contains(got, "force-app/main/default/ignored/B.connectedApp-meta.xml connectedApp forceignored") {
		t.Errorf("subfolder: %v", got)
	}
	// exclude globs from the config
	got = walk(t, []string{"."}, discover.Options{Exclude: []string{"**/externalClientApps/**", "src/**"}})
	if len(got) != 5 {
		t.Errorf("with excludes: %v", got)
	}
}

// TestPackageDirectoryErrors: a package directory that does not exist or lies outside the
// repository is an error naming it, never a silent partial scan.
func TestPackageDirectoryErrors(t *testing.T) {
	for _, tc := range []struct{ dirs, want string }{
		{`[{"path": "force-app "}]`, `sfdx-project.json: packageDirectories path "force-app " does not exist`},
		{`[{"path": "../elsewhere"}]`, `sfdx-project.json: packageDirectories path "../elsewhere" is outside the repository`},
		{`[{"path": "/etc"}]`, `sfdx-project.json: packageDirectories path "/etc" is outside the repository`},
	} {
		root := t.TempDir()
		t.Chdir(root)
		write(t, root, map[string]string{
			"sfdx-project.json":                 `{"packageDirectories": ` + tc.dirs + `}`,
			"force-app/A.connectedApp-meta.xml": "x",
		})
		os.MkdirAll(filepath.Join(root, "..", "elsewhere"), 0o755)
		err := discover.Walk([]string{"."}, discover.Options{}, func(discover.File) error { return nil })
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: got %v, want %s", tc.dirs, err, tc.want)
		}
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

// TestSymlinksStayInsideTheScanRoot: a metadata-named link to a file outside the scan root
// is never read (opening it fails, naming no target) and a link to an outside folder is
// not walked; links inside the root are followed.
func TestSymlinksStayInsideTheScanRoot(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "repo")
	write(t, top, map[string]string{
		"secret.txt":                          "root:x:0:0",
		"other/O.connectedApp-meta.xml":       "x",
		"repo/p/A.connectedApp-meta.xml":      "x",
		"repo/shared/S.connectedApp-meta.xml": "x",
	})
	t.Chdir(root)
	links := map[string]string{
		"p/Shadow.connectedApp-meta.xml": filepath.Join(top, "secret.txt"),
		"p/up":                           top,
		"p/slash":                        "/",
		"p/in":                           "../shared",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skip("symlinks not supported")
		}
	}
	var got, notes []string
	err := discover.Walk([]string{"."}, discover.Options{Note: func(s string) { notes = append(notes, s) }}, func(f discover.File) error {
		rc, err := f.Open()
		if err != nil {
			got = append(got, f.Path+" refused: "+err.Error())
			return nil //nolint:nilerr // a refused file is recorded and the walk goes on
		}
		rc.Close()
		got = append(got, f.Path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"p/A.connectedApp-meta.xml",
		"p/Shadow.connectedApp-meta.xml refused: a symbolic link to outside the scan root: not followed",
		"p/in/S.connectedApp-meta.xml",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantNotes := []string{
		"not following p/slash: a link to a folder outside the scan root",
		"not following p/up: a link to a folder outside the scan root",
	}
	if !slices.Equal(notes, wantNotes) {
		t.Errorf("notes %q", notes)
	}
	// named explicitly, a link that leaves its repository is refused too
	os.Mkdir(filepath.Join(root, ".git"), 0o755)
	got = nil
	err = discover.Walk([]string{"p/Shadow.connectedApp-meta.xml"}, discover.Options{}, func(f discover.File) error {
		_, err := f.Open()
		got = append(got, fmt.Sprint(f.Path, " ", err))
		return nil
	})
	if err != nil || !slices.Equal(got, []string{"p/Shadow.connectedApp-meta.xml a symbolic link to outside the scan root: not followed"}) {
		t.Errorf("explicit link: %v %v", got, err)
	}
}

// TestNothingFound: a scan that finds no metadata says so, naming where it looked, and a
// file whose suffix differs only in case is named.
func TestNothingFound(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	write(t, root, map[string]string{"p/App.ConnectedApp-meta.xml": "x", "p/README.md": "x"})
	var notes []string
	opts := discover.Options{Note: func(s string) { notes = append(notes, s) }}
	if got := walk(t, []string{"p"}, opts); len(got) != 0 {
		t.Fatalf("got %v", got)
	}
	if len(notes) != 2 || notes[0] != "skipped p/App.ConnectedApp-meta.xml: not a metadata file name (the suffix is .connectedApp-meta.xml or .connectedApp, case-sensitive)" ||
		!strings.HasPrefix(notes[1], "no metadata files found in p ") {
		t.Errorf("notes %q", notes)
	}
	// an empty zip
	f, _ := os.Create("empty.zip")
	zip.NewWriter(f).Close()
	f.Close()
	notes = nil
	walk(t, []string{"empty.zip"}, opts)
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "no metadata files found in empty.zip ") {
		t.Errorf("notes %q", notes)
	}
	// a file named explicitly with another suffix is skipped silently (pre-commit)
	notes = nil
	walk(t, []string{"p/README.md"}, opts)
	if len(notes) != 0 {
		t.Errorf("notes %q", notes)
	}
}

// TestExplicitECAOutsideAProject: naming an External Client App file that is in no
// project and no repository joins only the parts in its own metadata folders, never the
// apps of a sibling repository.
func TestExplicitECAOutsideAProject(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	write(t, root, map[string]string{
		"E_oauth.ecaOauth-meta.xml":                                   "x",
		"sibling/sfdx-project.json":                                   `{"packageDirectories": [{"path": "force-app"}]}`,
		"sibling/force-app/externalClientApps/E.eca-meta.xml":         "x",
		"loose/extlClntAppOauthSettings/L_oauth.ecaOauth-meta.xml":    "x",
		"loose/externalClientApps/L.eca-meta.xml":                     "x",
		"loose/extlClntAppOauthPolicies/L_plcy.ecaOauthPlcy-meta.xml": "x",
	})
	got := walk(t, []string{"E_oauth.ecaOauth-meta.xml"}, discover.Options{})
	if !slices.Equal(got, []string{"E_oauth.ecaOauth-meta.xml ecaOauth"}) {
		t.Errorf("got %v", got)
	}
	got = walk(t, []string{"loose/extlClntAppOauthSettings/L_oauth.ecaOauth-meta.xml"}, discover.Options{})
	if len(got) != 3 {
		t.Errorf("loose retrieve folders: %v", got)
	}
}

// TestExplicitSpecialFile: a FIFO named on the command line is refused, never opened.
func TestExplicitSpecialFile(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	if err := mkfifo(filepath.Join(root, "P.connectedApp-meta.xml")); err != nil {
		t.Skipf("no fifo: %v", err)
	}
	err := discover.Walk([]string{"P.connectedApp-meta.xml"}, discover.Options{}, func(discover.File) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "path P.connectedApp-meta.xml: not a regular file") {
		t.Errorf("got %v", err)
	}
}
