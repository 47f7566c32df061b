package gitdiff_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calint/calint/internal/testshared"
	"github.com/calint/calint/pkg/gitdiff"
)

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSinceThroughSymlink: the working directory reached through a symlink (as /tmp is on
// macOS) still matches git's resolved top-level paths.
func TestSinceThroughSymlink(t *testing.T) {
	testshared.Tool(t, "git")
	tmp := t.TempDir()
	repo := filepath.Join(tmp, "repo")
	write(t, filepath.Join(repo, "a", "Old.connectedApp-meta.xml"), "<old/>")
	write(t, filepath.Join(repo, "a", "Same.connectedApp-meta.xml"), "<same/>")
	write(t, filepath.Join(repo, ".gitignore"), "ignored/\n")
	run(t, repo, "init", "-q", "-b", "main")
	run(t, repo, "add", "-A")
	run(t, repo, "commit", "-q", "-m", "base")
	write(t, filepath.Join(repo, "a", "Old.connectedApp-meta.xml"), "<changed/>")
	write(t, filepath.Join(repo, "a", "New file, with: odd name.connectedApp-meta.xml"), "<new/>")
	write(t, filepath.Join(repo, "ignored", "X.connectedApp-meta.xml"), "<x/>")

	link := filepath.Join(tmp, "link")
	if err := os.Symlink(repo, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	t.Chdir(filepath.Join(link, "a"))
	c, err := gitdiff.Since(t.Context(), ".", "main")
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]bool{
		"Old.connectedApp-meta.xml":                           true,
		"New file, with: odd name.connectedApp-meta.xml":      true,
		"Same.connectedApp-meta.xml":                          false,
		"../ignored/X.connectedApp-meta.xml":                  false,
		filepath.Join(link, "a", "Old.connectedApp-meta.xml"): true,
	} {
		if got := c.Contains(file); got != want {
			t.Errorf("Contains(%q) = %v, want %v", file, got, want)
		}
	}

	if _, err := gitdiff.Since(t.Context(), ".", "no-such-ref"); err == nil || !strings.Contains(err.Error(), `"no-such-ref" is not a commit`) {
		t.Errorf("unknown ref: %v", err)
	}
	if _, err := gitdiff.Since(t.Context(), ".", "--output=/tmp/x"); err == nil {
		t.Error("an option as ref is accepted")
	}
	if _, err := gitdiff.Since(t.Context(), tmp, "main"); err == nil || !strings.Contains(err.Error(), "is not in a git repository") {
		t.Errorf("outside a repository: %v", err)
	}
}
