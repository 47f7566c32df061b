package gitdiff

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// MaxSnapshotFile bounds the size of one file copied out of git by Snapshot; larger
// blobs are left out (the scan would refuse them anyway).
const MaxSnapshotFile = 64 << 20

// Snapshot copies the files under paths (files or directories of the working tree) as
// they are at ref into dest, straight from git's objects: the working tree and the index
// are never touched. keep selects the files to copy by their path in the repository
// (nil keeps every file); symbolic links and submodules are left out. It returns, for
// each path that exists at ref, the matching path under dest, in the order of paths.
func Snapshot(ctx context.Context, ref string, paths []string, dest string, keep func(string) bool) ([]string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("--new-since needs git, which is not installed or not on PATH")
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	top, ok := Top(ctx, paths)
	if !ok {
		dir := dirOf(paths[0])
		if abs, aerr := filepath.Abs(dir); aerr == nil {
			dir = abs
		}
		return nil, fmt.Errorf("--new-since: %s is not in a git repository", dir)
	}
	commit, err := git(ctx, top, "rev-parse", "--verify", "--quiet", "--end-of-options", ref+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("--new-since: %q is not a commit in %s (in a shallow CI clone, fetch it first, e.g. fetch-depth: 0)", ref, top)
	}
	commit = strings.TrimSpace(commit)

	// each path relative to the repository's top
	rels := make([]string, len(paths))
	for i, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("--new-since: %s: %w", p, err)
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		rel, err := filepath.Rel(top, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("--new-since: %s is outside the git repository %s", p, top)
		}
		rels[i] = filepath.ToSlash(rel)
	}

	args := []string{"ls-tree", "-r", "-z", "--full-tree", commit, "--"}
	args = append(args, rels...)
	list, err := git(ctx, top, args...)
	if err != nil {
		return nil, fmt.Errorf("--new-since: git ls-tree: %w", err)
	}
	type blob struct{ oid, path string }
	var blobs []blob
	present := map[string]bool{}
	for entry := range strings.SplitSeq(list, "\x00") {
		meta, path, ok := strings.Cut(entry, "\t")
		if !ok {
			continue
		}
		f := strings.Fields(meta)
		if len(f) != 3 || f[1] != "blob" || (f[0] != "100644" && f[0] != "100755") {
			continue // symbolic links, submodules
		}
		for _, r := range rels {
			if r == "." || path == r || strings.HasPrefix(path, r+"/") {
				present[r] = true
			}
		}
		if keep == nil || keep(path) {
			blobs = append(blobs, blob{f[2], path})
		}
	}
	if err := catFiles(ctx, top, dest, len(blobs), func(i int) (string, string) { return blobs[i].oid, blobs[i].path }); err != nil {
		return nil, fmt.Errorf("--new-since: %w", err)
	}
	var out []string
	for _, r := range rels {
		if !present[r] {
			continue // not there at ref: nothing was found there
		}
		p := filepath.Join(dest, filepath.FromSlash(r))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, fmt.Errorf("--new-since: %w", err)
		}
		out = append(out, p)
	}
	return out, nil
}

// Top is the top-level directory (symlinks resolved) of the git working tree holding the
// first of paths.
func Top(ctx context.Context, paths []string) (string, bool) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	top, err := git(ctx, dirOf(paths[0]), "rev-parse", "--show-toplevel")
	if err != nil {
		return "", false
	}
	top = strings.TrimSpace(top)
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	return top, true
}

// dirOf is p when it is a directory, else the directory holding it.
func dirOf(p string) string {
	if st, err := os.Stat(p); err != nil || !st.IsDir() {
		return filepath.Dir(p)
	}
	return p
}

// catFiles writes n blobs, read with one `git cat-file --batch`, into dest.
func catFiles(ctx context.Context, top, dest string, n int, blob func(int) (oid, path string)) error {
	if n == 0 {
		return nil
	}
	var in bytes.Buffer
	for i := range n {
		oid, _ := blob(i)
		in.WriteString(oid + "\n")
	}
	cmd := exec.CommandContext(ctx, "git", "-C", top, "cat-file", "--batch")
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	r := bufio.NewReaderSize(stdout, 64<<10)
	readErr := func() error {
		for i := range n {
			_, path := blob(i)
			header, err := r.ReadString('\n')
			if err != nil {
				return fmt.Errorf("git cat-file: %w", err)
			}
			f := strings.Fields(header)
			if len(f) != 3 {
				return fmt.Errorf("git cat-file: unexpected %q", strings.TrimSpace(header))
			}
			size, err := strconv.ParseInt(f[2], 10, 64)
			if err != nil {
				return fmt.Errorf("git cat-file: unexpected %q", strings.TrimSpace(header))
			}
			if size > MaxSnapshotFile || !safeRel(path) {
				if _, err := io.CopyN(io.Discard, r, size+1); err != nil {
					return fmt.Errorf("git cat-file: %w", err)
				}
				continue
			}
			target := filepath.Join(dest, filepath.FromSlash(path))
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			w, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return err
			}
			_, err = io.CopyN(w, r, size)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("git cat-file: %s: %w", path, err)
			}
			if _, err := r.Discard(1); err != nil { // the newline after the content
				return fmt.Errorf("git cat-file: %w", err)
			}
		}
		return nil
	}()
	if readErr != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return readErr
	}
	if err := cmd.Wait(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return fmt.Errorf("git cat-file: %s", firstLine(msg))
		}
		return fmt.Errorf("git cat-file: %w", err)
	}
	return nil
}

// safeRel reports whether a path from git stays inside the directory it is written to.
func safeRel(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return false
	}
	for part := range strings.SplitSeq(p, "/") {
		if part == "" || part == "." || part == ".." || part == ".git" {
			return false
		}
	}
	return true
}
