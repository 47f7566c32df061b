package gen_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calint/calint/internal/gen"
	"github.com/calint/calint/internal/testshared"
)

// TestGeneratedFilesAreCurrent regenerates every generated file in memory and compares
// it with the committed one.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root, err := testshared.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range gen.Files {
		t.Run(f.Path, func(t *testing.T) {
			want, err := f.Generate(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
			if err != nil {
				t.Fatalf("%v: run go generate ./... (make generate) and commit", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is stale (%s): run go generate ./... (make generate) and commit", f.Path, firstDifference(got, want))
			}
		})
	}
}

// TestWriteAll writes the generated files into an empty tree: each one lands at its path
// with the content its generator gives.
func TestWriteAll(t *testing.T) {
	root := t.TempDir()
	for _, f := range gen.Files {
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(filepath.FromSlash(f.Path))), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := gen.WriteAll(t.Context(), root); err != nil {
		t.Fatal(err)
	}
	for _, f := range gen.Files {
		want, err := f.Generate(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil || !bytes.Equal(got, want) || len(got) == 0 {
			t.Errorf("%s: %d bytes written (%v), want %d", f.Path, len(got), err, len(want))
		}
	}
}

// firstDifference names the first line where the committed file differs from the
// generated one.
func firstDifference(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		switch {
		case i >= len(g):
			return fmt.Sprintf("line %d: committed file ends, generated %.80q", i+1, w[i])
		case i >= len(w):
			return fmt.Sprintf("line %d: generated file ends, committed %.80q", i+1, g[i])
		case g[i] != w[i]:
			return fmt.Sprintf("line %d: committed %.80q, generated %.80q", i+1, g[i], w[i])
		}
	}
	return "same lines"
}
