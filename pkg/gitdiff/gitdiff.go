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
	"path"
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
		if ctx.Err() != nil {
			return nil, fmt.Errorf("--changed-since: %w", ctx.Err())
		}
		if strings.Contains(err.Error(), "not a git repository") {
			return nil, fmt.Errorf("--changed-since: %s is not in a git repository", dir)
		}
		// another failure (no such directory, unsafe ownership, a broken repository): its cause
		return nil, fmt.Errorf("--changed-since: git rev-parse in %s: %w", dir, err)
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
// files. A link counts as a change of what it points to, and the reverse: the file is
// changed when its own path, any link on that path (a linked folder) or its target
// changed, so a pull request that only adds a link to unchanged bad metadata is gated.
func (c *Changed) Contains(file string) bool {
	outer, _, _ := strings.Cut(file, "!")
	abs, err := filepath.Abs(filepath.FromSlash(outer))
	if err != nil {
		return false
	}
	// the path as named, with only the working directory resolved: the link itself and
	// every folder on the way, which may be a link
	if cwd, err := os.Getwd(); err == nil {
		if realCwd, err := filepath.EvalSymlinks(cwd); err == nil {
			if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
				if c.containsPrefix(filepath.Join(realCwd, rel)) {
					return true
				}
			}
		}
	}
	if c.containsPrefix(abs) {
		return true
	}
	// the target, every link resolved
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return c.containsPrefix(real)
	}
	return false
}

// containsPrefix reports whether abs or one of its folders below Top is a changed path.
func (c *Changed) containsPrefix(abs string) bool {
	rel, err := filepath.Rel(c.Top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	for p := filepath.ToSlash(rel); p != "." && p != ""; p = path.Dir(p) {
		if c.Files[p] {
			return true
		}
	}
	return false
}

func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...) //nolint:gosec // G204: git with calint's own arguments; refs are passed after validation
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", &gitError{msg: firstLine(msg), err: err}
		}
		return "", err
	}
	return stdout.String(), nil
}

// gitError is git's own message (the first line of its stderr), wrapping the failure
// (an exit status, a cancelled context) so errors.Is and errors.As still see it.
type gitError struct {
	msg string
	err error
}

func (e *gitError) Error() string { return e.msg }
func (e *gitError) Unwrap() error { return e.err }

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
