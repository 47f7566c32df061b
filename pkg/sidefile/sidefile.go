// Package sidefile reads the small files around a scan (config, sfdx-project.json,
// .forceignore, baselines, policies) safely: only regular files, and never more than a
// bound, so /dev/zero, a FIFO or a huge file named by mistake (or planted) is an error
// instead of a hang or an out-of-memory crash.
package sidefile

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/calint/calint/pkg/fserr"
)

// MaxBytes bounds a side file: far above any real config, project file or baseline.
const MaxBytes = 16 << 20

// ErrNotRegular is returned for a path that is not a regular file (a device, a FIFO, a
// socket or a directory).
var ErrNotRegular = errors.New("not a regular file")

// Read reads the regular file at path, at most MaxBytes.
func Read(path string) ([]byte, error) { return ReadLimit(path, MaxBytes) }

// ReadLimit reads the regular file at path; a file larger than limit bytes is an error.
// Errors are the bare cause (no path): callers name the file.
func ReadLimit(path string, limit int64) ([]byte, error) {
	if err := Regular(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fserr.Cause(err)
	}
	defer f.Close()
	// the file may have been swapped since the check: check what was opened
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fserr.Cause(err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return b, nil
}

// Regular returns an error unless path is a regular file (following links). It never
// opens the file, so it cannot block on a FIFO.
func Regular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fserr.Cause(err)
	}
	if !st.Mode().IsRegular() {
		if st.IsDir() {
			return errors.New("is a directory")
		}
		return ErrNotRegular
	}
	return nil
}
