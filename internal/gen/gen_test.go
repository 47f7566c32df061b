package gen_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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
			got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
			if err != nil {
				t.Fatalf("%v: run go generate ./... (make generate) and commit", err)
			}
			want, err := f.Generate(t.Context(), got)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is stale (%s): run go generate ./... (make generate) and commit", f.Path, firstDifference(got, want))
			}
		})
	}
}

// TestWriteAll regenerates into a copy of the generated files whose generated content is
// replaced: each file gets back the content its generator gives, the hand-written part of
// a partly generated file is kept, and a file already current is left alone.
func TestWriteAll(t *testing.T) {
	root, err := testshared.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, f := range gen.Files {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if f.Path == "docs/input.md" {
			b = regexp.MustCompile(`(?s)(<!-- BEGIN GENERATED: element tables -->\n).*(<!-- END GENERATED)`).ReplaceAll(b, []byte("${1}stale\n${2}"))
		} else {
			b = []byte("stale\n")
		}
		p := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := gen.WriteAll(t.Context(), tmp); err != nil {
		t.Fatal(err)
	}
	for _, f := range gen.Files {
		got, err := os.ReadFile(filepath.Join(tmp, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if want, err := f.Generate(t.Context(), got); err != nil || !bytes.Equal(got, want) || bytes.Contains(got, []byte("stale\n")) {
			t.Errorf("%s: not regenerated (%v)", f.Path, err)
		}
		if f.Path == "docs/input.md" && !bytes.HasPrefix(got, []byte("# ")) {
			t.Errorf("docs/input.md lost its hand-written head: %.80q", got)
		}
	}
	entries, err := os.ReadDir(filepath.Join(tmp, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: docs/%s", e.Name())
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
