package scan_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/fixture"
	"github.com/calint/calint/pkg/scan"
)

// expectations reads the want markers of every file in dir.
func expectations(t *testing.T, dir string) []fixture.Want {
	t.Helper()
	var want []fixture.Want
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		ws, err := fixture.Parse(filepath.ToSlash(p), b)
		want = append(want, ws...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// TestFixtures scans every testdata/rules/<ID> directory and asserts the exact set of
// (file, line, rule) findings for the directory's rule and every rule named in its
// markers.
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "rules")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join(root, d.Name())
			want := expectations(t, dir)
			rules := fixture.Rules(want)
			rules[d.Name()] = true
			cfg := &config.Config{}
			if p := filepath.Join(dir, config.FileName); fileExists(p) {
				cfg, err = config.Load(p, nil)
				if err != nil {
					t.Fatal(err)
				}
			}
			eng, err := engine.New(ctx, engine.Config{Data: cfg.Data()})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := eng.Rule(d.Name()); !ok {
				t.Fatalf("fixture directory %s names no rule", d.Name())
			}
			res, err := scan.Run(ctx, scan.Options{Paths: []string{dir}, Engine: eng, Jobs: 2})
			if err != nil {
				t.Fatal(err)
			}
			got := fixture.FromFindings(res.Findings, rules)
			if missing, extra := fixture.Compare(want, got); len(missing) > 0 || len(extra) > 0 {
				t.Errorf("findings differ from the markers\nmissing: %s\nunexpected: %s", join(missing), join(extra))
			}
			if len(want) == 0 {
				t.Errorf("fixture directory %s has no want markers", d.Name())
			}
		})
	}
}

func join(ws []fixture.Want) string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = w.String()
	}
	return strings.Join(s, "\n  ")
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
