package gitdiff_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/gitdiff"
)

// TestSnapshot copies the files of a path as they were at a ref, leaving the working
// tree (with its uncommitted change) alone; paths missing at the ref are left out.
func TestSnapshot(t *testing.T) {
	if _, err := os.Stat("/usr/bin/git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	run(t, repo, "init", "-q")
	write(t, filepath.Join(repo, "force-app", "A.connectedApp-meta.xml"), "old A\n")
	write(t, filepath.Join(repo, "force-app", "notes.txt"), "notes\n")
	write(t, filepath.Join(repo, "other", "B.connectedApp-meta.xml"), "B\n")
	run(t, repo, "add", "-A")
	run(t, repo, "commit", "-q", "-m", "base")
	run(t, repo, "tag", "base")
	write(t, filepath.Join(repo, "force-app", "A.connectedApp-meta.xml"), "new A\n")
	write(t, filepath.Join(repo, "new", "C.connectedApp-meta.xml"), "C\n")
	run(t, repo, "add", "-A")
	run(t, repo, "commit", "-q", "-m", "change")
	write(t, filepath.Join(repo, "force-app", "A.connectedApp-meta.xml"), "uncommitted A\n")

	t.Chdir(repo)
	dest := t.TempDir()
	keep := func(p string) bool { return strings.HasSuffix(p, "-meta.xml") }
	got, err := gitdiff.Snapshot(context.Background(), "base", []string{"force-app", "new"}, dest, keep)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(dest, "force-app")}; !slices.Equal(got, want) {
		t.Errorf("paths %v, want %v (new/ did not exist at base)", got, want)
	}
	if b, err := os.ReadFile(filepath.Join(dest, "force-app", "A.connectedApp-meta.xml")); err != nil || string(b) != "old A\n" {
		t.Errorf("A at base: %q %v", b, err)
	}
	for _, absent := range []string{"force-app/notes.txt", "other/B.connectedApp-meta.xml", "new/C.connectedApp-meta.xml"} {
		if _, err := os.Stat(filepath.Join(dest, absent)); err == nil {
			t.Errorf("%s copied", absent)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(repo, "force-app", "A.connectedApp-meta.xml")); string(b) != "uncommitted A\n" {
		t.Errorf("working tree touched: %q", b)
	}
	if _, err := gitdiff.Snapshot(context.Background(), "nope", []string{"."}, t.TempDir(), nil); err == nil || !strings.Contains(err.Error(), `"nope" is not a commit`) {
		t.Errorf("unknown ref: %v", err)
	}
}
