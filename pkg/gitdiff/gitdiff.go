// Package gitdiff finds the files changed in a git working tree since a ref, with the real
// git binary, for gating pull requests on the files they touch.
package gitdiff

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Changed is the set of files changed since a ref.
type Changed struct {
	// Top is the repository's top-level directory (symlinks resolved).
	Top string
	// Files are paths relative to Top, with slashes.
	Files map[string]bool
}

// Since lists the files changed in the repository around dir since ref: everything a pull
// request would bring in (commits since the merge base of ref and HEAD), plus staged,
// unstaged and untracked (not ignored) files. Deleted files are listed too.
func Since(ctx context.Context, dir, ref string) (*Changed, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("--changed-since needs git, which is not installed or not on PATH")
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		if abs, aerr := filepath.Abs(dir); aerr == nil {
			dir = abs
		}
		return nil, fmt.Errorf("--changed-since: %s is not in a git repository", dir)
	}
	top = strings.TrimSpace(top)
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	if _, err := git(ctx, top, "rev-parse", "--verify", "--quiet", "--end-of-options", ref+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--changed-since: %q is not a commit in %s (in a shallow CI clone, fetch it first)", ref, top)
	}
	base, err := git(ctx, top, "merge-base", "--end-of-options", ref, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: %q and HEAD have no common history (in a shallow CI clone, fetch more history, e.g. fetch-depth: 0)", ref)
	}
	c := &Changed{Top: top, Files: map[string]bool{}}
	diff, err := git(ctx, top, "diff", "--name-only", "-z", "--no-ext-diff", "--no-textconv", strings.TrimSpace(base), "--")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: git diff: %w", err)
	}
	untracked, err := git(ctx, top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("--changed-since: git ls-files: %w", err)
	}
	for _, out := range []string{diff, untracked} {
		for p := range strings.SplitSeq(out, "\x00") {
			if p != "" {
				c.Files[p] = true
			}
		}
	}
	return c, nil
}

// Contains reports whether a file, named as reports name it (relative to the working
// directory or absolute; "archive.zip!inner" counts as the archive), is among the changed
// files.
func (c *Changed) Contains(file string) bool {
	outer, _, _ := strings.Cut(file, "!")
	abs, err := filepath.Abs(filepath.FromSlash(outer))
	if err != nil {
		return false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if realDir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(realDir, filepath.Base(abs))
	}
	rel, err := filepath.Rel(c.Top, abs)
	if err != nil {
		return false
	}
	return c.Files[filepath.ToSlash(rel)]
}

func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", fmt.Errorf("%s", firstLine(msg))
		}
		return "", err
	}
	return stdout.String(), nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
