package scan_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/config"
	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/scan"
)

// wantRe matches an expectation marker: <!-- want: CAL101 CAL202@-1 -->
var wantRe = regexp.MustCompile(`<!--\s*want:\s*([^>]*?)\s*-->`)

// expectations reads every marker of the files in dir: "file:line rule" entries.
func expectations(t *testing.T, dir string) (map[string]bool, map[string]bool) {
	t.Helper()
	want := map[string]bool{}
	rules := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(p)
		for i, line := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
			for _, m := range wantRe.FindAllStringSubmatch(line, -1) {
				for _, tok := range strings.Fields(m[1]) {
					id, off, _ := strings.Cut(tok, "@")
					n := 0
					if off != "" {
						n, err = strconv.Atoi(off)
						if err != nil {
							return fmt.Errorf("%s:%d: bad marker %q", rel, i+1, tok)
						}
					}
					want[fmt.Sprintf("%s:%d %s", rel, i+1+n, id)] = true
					rules[id] = true
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return want, rules
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
			want, rules := expectations(t, dir)
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
			got := map[string]bool{}
			for _, f := range res.Findings {
				if rules[f.RuleID] {
					got[fmt.Sprintf("%s:%d %s", f.File, f.Line, f.RuleID)] = true
				}
			}
			var missing, extra []string
			for k := range want {
				if !got[k] {
					missing = append(missing, k)
				}
			}
			for k := range got {
				if !want[k] {
					extra = append(extra, k)
				}
			}
			sort.Strings(missing)
			sort.Strings(extra)
			if len(missing) > 0 || len(extra) > 0 {
				t.Errorf("findings differ from the markers\nmissing: %s\nunexpected: %s", strings.Join(missing, "\n  "), strings.Join(extra, "\n  "))
			}
			if len(want) == 0 {
				t.Errorf("fixture directory %s has no want markers", d.Name())
			}
		})
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
