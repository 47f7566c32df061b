// Package precision measures what calint reports on real projects: it rebuilds the
// repository trees of the real corpus (../shared/corpus/real, whose MANIFEST.tsv gives each
// file's repository, original path and commit), scans each tree as a user would scan their
// repository, and lists the findings in a stable text form that a test compares with a
// checked-in expectation file (testdata/precision/expected.tsv).
package precision

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/scan"
)

// Entry is one row of MANIFEST.tsv.
type Entry struct {
	// File is the corpus file, relative to the corpus directory.
	File string
	// Repo is owner/name; Path is the file's path in that repository.
	Repo, Path string
	// Commit is the commit of this version; SHA256 is the file's hash.
	Commit, SHA256 string
	// Older is set for an older version of a path that is still present at HEAD (its
	// corpus file name carries "__@<commit10>__").
	Older bool
}

// ReadManifest reads corpusDir/MANIFEST.tsv.
func ReadManifest(corpusDir string) ([]Entry, error) {
	p := filepath.Join(corpusDir, "MANIFEST.tsv")
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	defer f.Close()
	var out []Entry
	sc := bufio.NewScanner(f)
	cols := map[string]int{}
	for line := 1; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if line == 1 {
			for i, c := range fields {
				cols[c] = i
			}
			for _, c := range []string{"file", "repo", "path", "commit", "sha256"} {
				if _, ok := cols[c]; !ok {
					return nil, fmt.Errorf("%s: no %q column", p, c)
				}
			}
			continue
		}
		get := func(c string) string {
			if i := cols[c]; i < len(fields) {
				return fields[i]
			}
			return ""
		}
		e := Entry{File: get("file"), Repo: get("repo"), Path: get("path"), Commit: get("commit"), SHA256: get("sha256")}
		if e.File == "" || e.Repo == "" || e.Path == "" {
			return nil, fmt.Errorf("%s:%d: file, repo and path are required", p, line)
		}
		e.Older = strings.Contains(e.File, "__@")
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return out, nil
}

// Tree is one rebuilt repository tree.
type Tree struct {
	// Name is the repository (owner/name), or owner/name@commit10 for the tree of older
	// versions.
	Name string
	// Dir is where the tree was written.
	Dir string
	// Own lists the paths whose findings belong to this tree; nil means every path. The
	// tree of older versions holds the repository's current files too, so that an older
	// child file still joins its External Client App, but reports only the older files.
	Own map[string]bool
}

// Rebuild writes the corpus files into trees under dst, each file at its original path:
// one tree per repository with its current files and those deleted later (the last version
// before deletion), and one tree per commit of older versions of still-present files,
// which holds the current tree with those versions in place. Every file's SHA-256 is
// checked against the manifest. The package directories named by an sfdx-project.json
// are created when the corpus holds no file in them, as the real repository has them.
func Rebuild(corpusDir, dst string) ([]Tree, error) {
	entries, err := ReadManifest(corpusDir)
	if err != nil {
		return nil, err
	}
	current := map[string][]Entry{}
	older := map[string]map[string][]Entry{} // repo -> commit10 -> entries
	var repos []string
	for _, e := range entries {
		if _, ok := current[e.Repo]; !ok {
			repos = append(repos, e.Repo)
			current[e.Repo] = nil
		}
		if !e.Older {
			current[e.Repo] = append(current[e.Repo], e)
			continue
		}
		if older[e.Repo] == nil {
			older[e.Repo] = map[string][]Entry{}
		}
		c := e.Commit
		if len(c) > 10 {
			c = c[:10]
		}
		older[e.Repo][c] = append(older[e.Repo][c], e)
	}
	sort.Strings(repos)
	var trees []Tree
	n := 0
	write := func(name string, files []Entry, own map[string]bool) error {
		n++
		t := Tree{Name: name, Dir: filepath.Join(dst, fmt.Sprintf("t%03d", n)), Own: own}
		for _, e := range files {
			if err := writeFile(corpusDir, t.Dir, e); err != nil {
				return err
			}
		}
		if err := packageDirs(t.Dir); err != nil {
			return err
		}
		trees = append(trees, t)
		return nil
	}
	for _, repo := range repos {
		if err := write(repo, current[repo], nil); err != nil {
			return nil, err
		}
		commits := make([]string, 0, len(older[repo]))
		for c := range older[repo] {
			commits = append(commits, c)
		}
		sort.Strings(commits)
		for _, c := range commits {
			own := map[string]bool{}
			files := older[repo][c]
			for _, e := range files {
				own[e.Path] = true
			}
			for _, e := range current[repo] {
				if !own[e.Path] {
					files = append(files, e)
				}
			}
			if err := write(repo+"@"+c, files, own); err != nil {
				return nil, err
			}
		}
	}
	return trees, nil
}

func writeFile(corpusDir, treeDir string, e Entry) error {
	b, err := os.ReadFile(filepath.Join(corpusDir, filepath.FromSlash(e.File)))
	if err != nil {
		return fmt.Errorf("corpus file: %w", err)
	}
	if e.SHA256 != "" {
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != e.SHA256 {
			return fmt.Errorf("corpus file %s: SHA-256 differs from MANIFEST.tsv", e.File)
		}
	}
	rel := filepath.FromSlash(e.Path)
	if !filepath.IsLocal(rel) {
		return fmt.Errorf("corpus file %s: path %q leaves its tree", e.File, e.Path)
	}
	p := filepath.Join(treeDir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
}

// packageDirs creates the missing package directories of every sfdx-project.json in dir.
func packageDirs(dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "sfdx-project.json" {
			return err
		}
		b, err := os.ReadFile(p) //nolint:gosec // G122: a temp tree the test built itself
		if err != nil {
			return err
		}
		var proj struct {
			PackageDirectories []struct {
				Path string `json:"path"`
			} `json:"packageDirectories"`
		}
		if json.Unmarshal(b, &proj) != nil {
			return nil //nolint:nilerr // a corpus sfdx-project.json that is not JSON names no directories
		}
		for _, pd := range proj.PackageDirectories {
			rel := filepath.FromSlash(pd.Path)
			if pd.Path == "" || !filepath.IsLocal(rel) {
				continue
			}
			if err := os.MkdirAll(filepath.Join(filepath.Dir(p), rel), 0o755); err != nil {
				return err
			}
		}
		return nil
	})
}

// Row is one finding on a real tree.
type Row struct {
	Rule, Severity string
	// Tree names the tree; Path is the file's path in it.
	Tree, Path string
	Line       int
	App        string
}

// Scan scans each tree on its own (as a user scans their repository) with the default
// configuration and returns the findings, sorted.
func Scan(ctx context.Context, eng *engine.Engine, trees []Tree) ([]Row, error) {
	var rows []Row
	for _, t := range trees {
		res, err := scan.Run(ctx, scan.Options{Paths: []string{t.Dir}, Engine: eng})
		if err != nil {
			return nil, fmt.Errorf("tree %s: %w", t.Name, err)
		}
		for _, f := range res.Findings {
			rel, err := relPath(t.Dir, f.File)
			if err != nil {
				return nil, fmt.Errorf("tree %s: %w", t.Name, err)
			}
			if t.Own != nil && !t.Own[rel] {
				continue
			}
			rows = append(rows, Row{Rule: f.RuleID, Severity: f.Severity, Tree: t.Name, Path: rel, Line: f.Line, App: f.App})
		}
	}
	Sort(rows)
	return rows, nil
}

func relPath(dir, file string) (string, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	absFile, err := filepath.Abs(filepath.FromSlash(file))
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, absFile)
	if err != nil || !filepath.IsLocal(rel) {
		return "", fmt.Errorf("finding in %s is outside the tree", file)
	}
	return filepath.ToSlash(rel), nil
}

// Sort orders rows by rule, tree, path, line, severity and app.
func Sort(rows []Row) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Tree != b.Tree {
			return a.Tree < b.Tree
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.App < b.App
	})
}

// Format renders rows as the expectation file: a header, the count of findings per rule
// and severity, then one line per finding (rule, severity, tree, path:line, app), all
// tab-separated and sorted, so a change in what calint reports on real projects is a
// reviewable diff.
func Format(rows []Row, trees int) []byte {
	var b strings.Builder
	b.WriteString("# calint findings on the real corpus, rebuilt as repository trees (internal/precision).\n")
	b.WriteString("# Regenerate: go test ./internal/precision -update; justify every changed line in review.\n")
	fmt.Fprintf(&b, "# trees\t%d\n# findings\t%d\n", trees, len(rows))
	type key struct{ rule, sev string }
	counts := map[key]int{}
	var keys []key
	for _, r := range rows {
		k := key{r.Rule, r.Severity}
		if counts[k] == 0 {
			keys = append(keys, k)
		}
		counts[k]++
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].rule != keys[j].rule {
			return keys[i].rule < keys[j].rule
		}
		return keys[i].sev < keys[j].sev
	})
	b.WriteString("\n# count\trule\tseverity\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "count\t%s\t%s\t%d\n", k.rule, k.sev, counts[k])
	}
	b.WriteString("\n# rule\tseverity\ttree\tpath:line\tapp\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s:%d\t%s\n", r.Rule, r.Severity, r.Tree, r.Path, r.Line, r.App)
	}
	return []byte(b.String())
}
