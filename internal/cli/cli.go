// Package cli implements calint's command line: it parses arguments, wires config, engine,
// scan and report together, and returns the process exit code. It never exits itself.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/lint"
	"github.com/calint/calint/pkg/report"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitError    = 2
	// ExitInterrupted is the exit code after SIGINT (128 + 2, as shells report it).
	ExitInterrupted = 130
)

// Env is the process environment the CLI runs in.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads an environment variable.
	Getenv func(string) string
	// IsTerminal reports whether a writer is an interactive terminal.
	IsTerminal func(io.Writer) bool
}

// usageError is a command-line mistake: exit 2 with a hint.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// Run runs calint with args (without the program name) and returns the exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.IsTerminal == nil {
		env.IsTerminal = func(io.Writer) bool { return false }
	}
	if env.Stdin == nil {
		env.Stdin = strings.NewReader("")
	}
	cmd := "scan"
	if len(args) > 0 {
		switch args[0] {
		case "scan", "rules", "explain", "verify", "version", "help":
			cmd, args = args[0], args[1:]
		case "-h", "--help", "-help":
			cmd, args = "help", nil
		case "-v", "--version":
			cmd, args = "version", nil
		}
	}
	var code int
	var err error
	switch cmd {
	case "scan":
		code, err = runScan(ctx, args, env)
	case "rules":
		code, err = runRules(ctx, args, env)
	case "explain":
		code, err = runExplain(ctx, args, env)
	case "verify":
		code, err = runVerify(ctx, args, env)
	case "version":
		code, err = runVersion(args, env)
	case "help":
		fmt.Fprint(env.Stdout, usage)
		return ExitOK
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		fmt.Fprintf(env.Stderr, "calint: %s\n", oneLine(err.Error()))
		_, isUsage := errors.AsType[*usageError](err)
		_, lintUsage := errors.AsType[*lint.UsageError](err)
		if isUsage || lintUsage {
			fmt.Fprintln(env.Stderr, "Run 'calint help' for usage.")
		}
		if code == 0 {
			code = ExitError
		}
	}
	return code
}

// oneLine indents continuation lines so a multi-error stays readable, and escapes control
// characters (a file name may hold any): no line of it can start a CI workflow command.
func oneLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = report.Printable(strings.TrimSuffix(l, "\r"), false)
	}
	return strings.Join(lines, "\n  ")
}

const usage = `calint lints Salesforce Connected App and External Client App metadata.

Usage:
  calint [scan] [flags] [PATH...]   lint metadata files, directories, retrieve zips, or - (stdin)
  calint rules [--format text|json|markdown] [--policy PATH]
                                    list every rule (with custom ones from --policy)
  calint explain RULE [--policy PATH]
                                    describe a rule: why, how to fix, example, links
  calint verify [-v] [DIR...]       run custom policies' Rego tests and XML fixtures
  calint version                    print version, commit and OPA version

Run 'calint scan -h' for the scan flags.

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, config, policy or parse error.
`

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// parseInterspersed parses flags that may come after positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func newFlagSet(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return usagef("%s", err)
}

// loadEngine compiles the rules with default config; used by rules and explain.
func loadEngine(ctx context.Context, policies []string) (*engine.Engine, error) {
	mods, err := lint.LoadPolicies(policies)
	if err != nil {
		return nil, err
	}
	return engine.New(ctx, engine.Config{Data: map[string]any{}, Policies: mods})
}

// printFlags lists a flag set GNU-style: "-f, --format FORMAT", one-letter shorthands
// merged into their long flag, defaults shown when they are not zero.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	short := map[string]string{}
	fs.VisitAll(func(f *flag.Flag) {
		if long, ok := strings.CutPrefix(f.Usage, "shorthand for --"); ok && len(f.Name) == 1 {
			short[long] = f.Name
		}
	})
	fs.VisitAll(func(f *flag.Flag) {
		if len(f.Name) == 1 && short[strings.TrimPrefix(f.Usage, "shorthand for --")] == f.Name {
			return
		}
		name, usage := flag.UnquoteUsage(f)
		head := "      --" + f.Name
		if s := short[f.Name]; s != "" {
			head = "  -" + s + ", --" + f.Name
		}
		if name != "" {
			head += " " + name
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && !strings.Contains(usage, "default") {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n        %s\n", head, usage)
	})
}
