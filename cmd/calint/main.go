// Command calint lints Salesforce Connected App and External Client App metadata.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/calint/calint/internal/cli"
)

// GC settings unless GOGC or GOMEMLIMIT say otherwise. The first startupGC of a run is
// start-up (parsing and compiling the rules, some 40 MB that mostly stay live), during which
// collecting is wasted work, so the collector is off, bounded by the memory limit; then it
// runs half as often as by default, as OPA allocates a lot of short-lived garbage per app
// while little stays live (the findings). The soft memory limit keeps a very large scan's
// heap near 144 MiB until its findings alone outgrow it (see docs/performance.md).
const (
	gcPercent   = 200
	memoryLimit = 144 << 20
	startupGC   = 100 * time.Millisecond
)

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(-1)
		time.AfterFunc(startupGC, func() { debug.SetGCPercent(gcPercent) })
	}
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
