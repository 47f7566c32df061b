// Command plan writes rules/rules.plan, the built-in rules compiled to an OPA IR plan in
// pkg/planeval's encoding (go generate ./rules).
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/calint/calint/pkg/planeval/plangen"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen plan:", err)
		os.Exit(1)
	}
}

func run() error {
	out := "rules.plan"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	b, err := plangen.Generate(context.Background())
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".rules.plan-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), out)
}
