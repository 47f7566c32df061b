package lint

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/fserr"
	"github.com/calint/calint/pkg/sidefile"
)

// LoadPolicies reads custom Rego modules from files and directories (recursively; test
// files are left out), named by DisplayPath. A file named twice (a directory and a file in
// it, the config and --policy) is read once.
func LoadPolicies(paths []string) ([]engine.Module, error) {
	var mods []engine.Module
	seen := map[string]bool{}
	add := func(f string, b []byte) {
		name := DisplayPath(f)
		if !seen[name] {
			seen[name] = true
			mods = append(mods, engine.Module{Name: name, Src: string(b)})
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("policy %s: %w", p, fserr.Cause(err))
		}
		if !st.IsDir() {
			b, err := sidefile.Read(p)
			if err != nil {
				return nil, fmt.Errorf("policy %s: %w", p, err)
			}
			add(p, b)
			continue
		}
		files, err := RegoFiles(p, false)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			b, err := sidefile.Read(f)
			if err != nil {
				return nil, fmt.Errorf("policy %s: %w", f, err)
			}
			add(f, b)
		}
	}
	return mods, nil
}

// RegoFiles lists the .rego files under dir, sorted: the policies, or with tests the
// _test.rego files. The .git and node_modules folders are skipped.
func RegoFiles(dir string, tests bool) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(f string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && f != dir && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(f, ".rego") && strings.HasSuffix(f, "_test.rego") == tests {
			files = append(files, f)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", dir, fserr.Cause(err))
	}
	sort.Strings(files)
	return files, nil
}
