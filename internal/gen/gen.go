// Package gen lists every file of the repository that is generated from its sources, and
// produces each one's content. `go generate ./...` (or `make generate`) writes them all;
// TestGeneratedFilesAreCurrent fails when a committed one differs from what its sources
// give. To add a generated file, add one entry to Files.
package gen

//go:generate go run ./cmd/generate -root ../..

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/planeval/plangen"
	"github.com/calint/calint/pkg/report"
)

// File is one generated file: its path from the module root, slash-separated, and the
// function that produces its content from the sources and, for a file only partly
// generated, from its current content (nil when the file does not exist).
type File struct {
	Path     string
	Generate func(ctx context.Context, current []byte) ([]byte, error)
}

// Files are all the generated files.
var Files = []File{
	{Path: "docs/rules.md", Generate: rulesMarkdown},
	{Path: "docs/input.schema.json", Generate: inputSchema},
	{Path: "docs/input.md", Generate: inputTables},
	{Path: "rules/rules.plan", Generate: rulesPlan},
}

// WriteAll regenerates every file of Files under the module root root. A file is replaced
// atomically, and only when its content changes.
func WriteAll(ctx context.Context, root string) error {
	for _, f := range Files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		old, err := os.ReadFile(p)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("generate %s: %w", f.Path, err)
		}
		b, err := f.Generate(ctx, old)
		if err != nil {
			return fmt.Errorf("generate %s: %w", f.Path, err)
		}
		if old != nil && bytes.Equal(old, b) {
			continue
		}
		if err := writeAtomic(p, b); err != nil {
			return fmt.Errorf("generate %s: %w", f.Path, err)
		}
	}
	return nil
}

// writeAtomic writes b to path through a temporary file in the same directory, so a
// failed run never leaves a half-written file (rules.plan is embedded in the binary).
func writeAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// rulesMarkdown is docs/rules.md: `calint rules --format markdown`.
func rulesMarkdown(ctx context.Context, _ []byte) ([]byte, error) {
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
func inputSchema(context.Context, []byte) ([]byte, error) {
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

// Markers of the generated element tables in docs/input.md.
const (
	tablesBegin = "<!-- BEGIN GENERATED: element tables -->\n"
	tablesEnd   = "<!-- END GENERATED: element tables -->"
)

// inputTables is docs/input.md with the element tables between its markers generated
// from rules/schema; the rest of the file is written by hand.
func inputTables(_ context.Context, current []byte) ([]byte, error) {
	doc := string(current)
	i, j := strings.Index(doc, tablesBegin), strings.Index(doc, tablesEnd)
	if i < 0 || j < i {
		return nil, fmt.Errorf("no %q ... %q section", strings.TrimSpace(tablesBegin), tablesEnd)
	}
	s, err := engine.Schemas()
	if err != nil {
		return nil, err
	}
	return []byte(doc[:i+len(tablesBegin)] + "\n" + s.Markdown() + "\n" + doc[j:]), nil
}

// rulesPlan is rules/rules.plan: the built-in rules compiled to an OPA IR plan, embedded in
// the binary (a go install runs no generator, so it is checked in).
func rulesPlan(ctx context.Context, _ []byte) ([]byte, error) {
	return plangen.Generate(ctx)
}
