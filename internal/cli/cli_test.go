package cli_test

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/calint/calint/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"calint": func() {
			os.Exit(cli.Run(context.Background(), os.Args[1:], cli.Env{
				Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
				Getenv:     os.Getenv,
				IsTerminal: func(_ io.Writer) bool { return os.Getenv("CALINT_TEST_TTY") == "1" },
			}))
		},
	})
}

// TestScripts runs the command-line scripts in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "")
			wd, _ := os.Getwd()
			e.Setenv("REPO", wd+"/../..")
			return nil
		},
	})
}
