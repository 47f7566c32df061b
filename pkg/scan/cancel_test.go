package scan_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/scan"
)

// TestRunCancelled: a scan whose context is cancelled (before it starts or while it runs)
// returns the context's error and no result, never partial findings as a success.
func TestRunCancelled(t *testing.T) {
	dir := t.TempDir()
	for i := range 40 {
		src := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>App%d</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("App%d.connectedApp-meta.xml", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eng, err := engine.New(t.Context(), engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	// cancelled before the scan, and after the n-th file (Progress gets the count done):
	// every call must fail
	for n := range 12 {
		ctx, cancel := context.WithCancel(t.Context())
		if n == 0 {
			cancel()
		}
		res, err := scan.Run(ctx, scan.Options{Paths: []string{dir}, Engine: eng, Jobs: 2, Progress: func(done int) {
			if done >= n {
				cancel()
			}
		}})
		cancel()
		if !errors.Is(err, context.Canceled) || res != nil {
			t.Errorf("cancelled after %d files: result %v, error %v; want no result and context.Canceled", n, res != nil, err)
		}
	}
}
