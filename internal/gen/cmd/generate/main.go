// Command generate writes every generated file of the repository (internal/gen.Files)
// under the module root given by -root (default: the working directory). `go generate
// ./...` runs it from internal/gen.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/calint/calint/internal/gen"
)

func main() {
	root := flag.String("root", ".", "the module root")
	flag.Parse()
	if err := gen.WriteAll(context.Background(), *root); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}
