package gitdiff_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/gitdiff"
)

// TestSinceErrors: only git's "not a git repository" is reported as such; any other
// rev-parse failure keeps its cause (a cancelled context stays context.Canceled, a missing
// directory says so).
func TestSinceErrors(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is not installed; CI must have it")
		}
		t.Skip("git is not installed")
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", os.TempDir())
	plain := t.TempDir()
	if _, err := gitdiff.Since(t.Context(), plain, "HEAD"); err == nil || !strings.Contains(err.Error(), "is not in a git repository") {
		t.Errorf("plain directory: %v", err)
	}
	missing := filepath.Join(plain, "missing")
	_, err := gitdiff.Since(t.Context(), missing, "HEAD")
	if err == nil || strings.Contains(err.Error(), "is not in a git repository") || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing directory: %v, want git's cause", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := gitdiff.Since(ctx, plain, "HEAD"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}
