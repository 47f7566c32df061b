// Package repo finds things by walking up the directory tree: the repository root (the
// directory holding .git, else sfdx-project.json) and the nearest file of a name below
// it. It is the one upward search of calint (config lookup, project roots, verify).
package repo

import (
	"os"
	"path/filepath"
)

// Markers are the entries whose presence makes a directory a repository root, in order
// of preference: a git checkout's top wins over a Salesforce project nested inside it.
var Markers = []string{".git", "sfdx-project.json"}

// Up calls fn with dir and then each of its parents, nearest first, up to and including
// stop (when stop is "" or not an ancestor of dir, up to the filesystem root). It stops at
// the first directory for which fn returns true and returns it, or "" when there is none.
// dir and stop are made absolute first.
func Up(dir, stop string, fn func(dir string) bool) string {
	d, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	if stop != "" {
		if s, err := filepath.Abs(stop); err == nil {
			stop = s
		}
	}
	for {
		if fn(d) {
			return d
		}
		parent := filepath.Dir(d)
		if d == stop || parent == d {
			return ""
		}
		d = parent
	}
}

// Root is the repository root of dir: the nearest directory at or above dir that holds
// .git; without one, the nearest that holds sfdx-project.json; "" when neither exists.
func Root(dir string) string {
	for _, m := range Markers {
		if r := Up(dir, "", func(d string) bool { return exists(filepath.Join(d, m)) }); r != "" {
			return r
		}
	}
	return ""
}

// Find returns the nearest path dir/name at or above dir, up to and including stop, that
// is not a directory; "" when there is none.
func Find(dir, stop, name string) string {
	d := Up(dir, stop, func(d string) bool { return isFile(filepath.Join(d, name)) })
	if d == "" {
		return ""
	}
	return filepath.Join(d, name)
}

// Within reports whether path is dir or lies below it (both absolute and clean).
func Within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !startsWithDotDot(rel) && !filepath.IsAbs(rel)
}

func startsWithDotDot(rel string) bool {
	return len(rel) >= 3 && rel[:2] == ".." && os.IsPathSeparator(rel[2])
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
