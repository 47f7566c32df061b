package precision_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calint/calint/internal/precision"
	"github.com/calint/calint/internal/testshared"
	"github.com/calint/calint/pkg/engine"
)

var update = flag.Bool("update", false, "rewrite testdata/precision/expected.tsv from this scan")

var expectedFile = filepath.Join("..", "..", "testdata", "precision", "expected.tsv")

// TestRealCorpusPrecision rebuilds the real repository trees from the corpus manifest,
// scans each one, and compares every finding (rule, severity, file, line, app) and the
// count per rule with testdata/precision/expected.tsv. A change in what calint reports on
// real projects fails here until the expectation file is regenerated with -update, so it
// shows in review as a diff to justify (docs/accuracy.md records the verdicts).
func TestRealCorpusPrecision(t *testing.T) {
	corpus := testshared.Path(t, "corpus", "real")
	trees, err := precision.Rebuild(corpus, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := precision.Scan(ctx, eng, trees)
	if err != nil {
		t.Fatal(err)
	}
	got := precision.Format(rows, len(trees))
	if *update {
		if err := os.MkdirAll(filepath.Dir(expectedFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(expectedFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(expectedFile)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/precision -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("findings on the real corpus differ from %s (- expected, + got); if the change is intended, "+
			"run go test ./internal/precision -update and justify it in docs/accuracy.md:\n%s",
			expectedFile, lineDiff(string(want), string(got)))
	}
}

// lineDiff lists the lines only in want (-) or only in got (+), as multisets, in order.
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(got, "\n") {
		count[l]++
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			count[l]--
			continue
		}
		b.WriteString("- " + l + "\n")
	}
	seen := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		seen[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		if seen[l] > 0 {
			seen[l]--
			continue
		}
		b.WriteString("+ " + l + "\n")
	}
	return b.String()
}

// TestRebuild: every manifest file lands at its original path in its repository's tree,
// an older version gets a tree of its own that also holds the current files (so an older
// External Client App child still joins its header) and reports only its own files.
func TestRebuild(t *testing.T) {
	corpus := t.TempDir()
	files := map[string]string{
		"files/a__r__x.connectedApp-meta.xml":      "<ConnectedApp/>",
		"files/a__r__@1234567890__x.xml":           "<old/>",
		"files/a__r__y.eca-meta.xml":               "<ExternalClientApplication/>",
		"projects/a__r__sfdx-project.json":         `{"packageDirectories":[{"path":"force-app"},{"path":"../out"}]}`,
		"files/b__s__force-app__z.connectedApp":    "<ConnectedApp/>",
		"files/b__s__force-app__zz.connectedApp-x": "<ConnectedApp/>",
	}
	for p, c := range files {
		if err := os.MkdirAll(filepath.Join(corpus, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(corpus, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	manifest := "file\trepo\tpath\tcommit\tsha256\tkind\tnotes\n" +
		"files/a__r__x.connectedApp-meta.xml\ta/r\tforce-app/x.connectedApp-meta.xml\tc1\t\t\t\n" +
		"files/a__r__@1234567890__x.xml\ta/r\tforce-app/x.connectedApp-meta.xml\t1234567890abc\t\t\t\n" +
		"files/a__r__y.eca-meta.xml\ta/r\tforce-app/y.eca-meta.xml\tc1\t\t\t\n" +
		"projects/a__r__sfdx-project.json\ta/r\tsfdx-project.json\tc1\t\t\t\n" +
		"files/b__s__force-app__z.connectedApp\tb/s\tsrc/z.connectedApp\tc2\t\t\t\n"
	if err := os.WriteFile(filepath.Join(corpus, "MANIFEST.tsv"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	trees, err := precision.Rebuild(corpus, dst)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tr := range trees {
		names = append(names, tr.Name)
	}
	if strings.Join(names, " ") != "a/r a/r@1234567890 b/s" {
		t.Fatalf("trees %v", names)
	}
	read := func(tr precision.Tree, p string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(tr.Dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := read(trees[0], "force-app/x.connectedApp-meta.xml"); got != "<ConnectedApp/>" {
		t.Errorf("current tree holds %q", got)
	}
	if got := read(trees[1], "force-app/x.connectedApp-meta.xml"); got != "<old/>" {
		t.Errorf("older tree holds %q", got)
	}
	if got := read(trees[1], "force-app/y.eca-meta.xml"); got != "<ExternalClientApplication/>" {
		t.Errorf("older tree lacks the current files: %q", got)
	}
	if trees[0].Own != nil || len(trees[1].Own) != 1 || !trees[1].Own["force-app/x.connectedApp-meta.xml"] {
		t.Errorf("own: %v, %v", trees[0].Own, trees[1].Own)
	}
	if _, err := os.Stat(filepath.Join(trees[0].Dir, "force-app")); err != nil {
		t.Errorf("package directory not created: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dst, "out")); err == nil {
		t.Error("a package directory outside the tree was created")
	}
	// a file whose content does not match its hash is refused, naming the file
	bad := manifest + "files/b__s__force-app__zz.connectedApp-x\tb/s\tsrc/zz.connectedApp\tc2\t0000\t\t\n"
	if err := os.WriteFile(filepath.Join(corpus, "MANIFEST.tsv"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := precision.Rebuild(corpus, t.TempDir()); err == nil || !strings.Contains(err.Error(), "zz.connectedApp-x") {
		t.Errorf("hash mismatch: %v", err)
	}
}

// TestFormat: counts per rule and severity, then sorted rows.
func TestFormat(t *testing.T) {
	rows := []precision.Row{
		{Rule: "CAL601", Severity: "info", Tree: "b/s", Path: "z", Line: 2, App: "Z"},
		{Rule: "CAL101", Severity: "high", Tree: "a/r", Path: "x", Line: 5, App: "X"},
		{Rule: "CAL601", Severity: "info", Tree: "a/r", Path: "x", Line: 2, App: "X"},
	}
	precision.Sort(rows)
	got := string(precision.Format(rows, 2))
	for _, want := range []string{
		"# trees\t2\n# findings\t3\n",
		"count\tCAL101\thigh\t1\ncount\tCAL601\tinfo\t2\n",
		"CAL101\thigh\ta/r\tx:5\tX\nCAL601\tinfo\ta/r\tx:2\tX\nCAL601\tinfo\tb/s\tz:2\tZ\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}
