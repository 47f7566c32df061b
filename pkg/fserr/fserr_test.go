package fserr_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/calint/calint/pkg/fserr"
)

func TestCause(t *testing.T) {
	_, err := os.ReadFile(filepath.Join(t.TempDir(), "missing.yaml"))
	got := fserr.Cause(err)
	if !errors.Is(got, fs.ErrNotExist) {
		t.Errorf("Cause(%v) = %v, want the not-exist cause", err, got)
	}
	if _, isPath := errors.AsType[*fs.PathError](got); isPath {
		t.Errorf("Cause(%v) = %v, still a path error (names the path twice)", err, got)
	}
	// under a wrapper too
	if got := fserr.Cause(fmt.Errorf("read: %w", err)); !errors.Is(got, fs.ErrNotExist) || got == err { //nolint:errorlint // identity: Cause must return a different error value
		t.Errorf("Cause(wrapped) = %v", got)
	}
	other := errors.New("bad")
	if got := fserr.Cause(other); got != other { //nolint:errorlint // identity: Cause must return the same value
		t.Errorf("Cause(%v) = %v, want it unchanged", other, got)
	}
}
