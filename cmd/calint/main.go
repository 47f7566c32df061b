// Command calint lints Salesforce Connected App and External Client App metadata.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"

	"github.com/mattn/go-isatty"

	"github.com/calint/calint/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Getenv:     os.Getenv,
		IsTerminal: isTerminal,
	})
	stop()
	os.Exit(code)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
