// Package gen lists every file of the repository that is generated from its sources, and
// produces each one's content. `go generate ./...` (or `make generate`) writes them all;
// TestGeneratedFilesAreCurrent fails when a committed one differs from what its sources
// give. To add a generated file, add one entry to Files.
package gen

//go:generate go run ./cmd/generate -root ../..

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/report"
)

// File is one generated file: its path from the module root, slash-separated, and the
// function that produces its content.
type File struct {
	Path     string
	Generate func(ctx context.Context) ([]byte, error)
}

// Files are all the generated files.
var Files = []File{
	{Path: "docs/rules.md", Generate: rulesMarkdown},
	{Path: "docs/input.schema.json", Generate: inputSchema},
}

// WriteAll regenerates every file of Files under the module root root.
func WriteAll(ctx context.Context, root string) error {
	for _, f := range Files {
		b, err := f.Generate(ctx)
		if err != nil {
			return fmt.Errorf("generate %s: %w", f.Path, err)
		}
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, b) {
			continue
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return fmt.Errorf("generate %s: %w", f.Path, err)
		}
	}
	return nil
}

// rulesMarkdown is docs/rules.md: `calint rules --format markdown`.
func rulesMarkdown(ctx context.Context) ([]byte, error) {
	eng, err := engine.New(ctx, engine.Config{Data: map[string]any{}})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := report.RulesMarkdown(&b, eng.Rules()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// inputSchema is docs/input.schema.json: the JSON schema of the rule input document,
// from rules/schema.
func inputSchema(context.Context) ([]byte, error) {
	s, err := engine.Schemas()
	if err != nil {
		return nil, err
	}
	b, err := s.JSONSchema()
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
