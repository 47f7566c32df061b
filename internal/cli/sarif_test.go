package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calint/calint/internal/cli"
	"github.com/calint/calint/internal/testshared"
)

// multitool finds Microsoft's SARIF Multitool, installed by .ci/run into tools/sarif.
func multitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SARIF_MULTITOOL"); p != "" {
		return p
	}
	p, _ := filepath.Abs(filepath.Join("..", "..", "tools", "sarif", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool"))
	if st, err := os.Stat(p); err == nil && st.Mode()&0o100 != 0 {
		return p
	}
	testshared.Missing(t, "SARIF Multitool not installed at %s (make tools, or npm ci --prefix tools/sarif)", p)
	return ""
}

func runCLI(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	wd, _ := os.Getwd()
	if dir != "" {
		t.Chdir(dir)
	}
	code := cli.Run(context.Background(), args, cli.Env{Stdout: &out, Stderr: &errb})
	if dir != "" {
		t.Chdir(wd)
	}
	return code, out.String(), errb.String()
}

// TestSARIFValidatesOnRealCorpus scans the whole real corpus and checks the SARIF with
// the Microsoft SARIF Multitool's GitHub and SARIF rules: no error, no warning.
func TestSARIFValidatesOnRealCorpus(t *testing.T) {
	mt := multitool(t)
	corpus := testshared.Path(t, "corpus", "real")
	out := filepath.Join(t.TempDir(), "corpus.sarif")
	// a second run carries suppressed results (config and baseline) with SARIF suppressions
	cfg := filepath.Join(t.TempDir(), "calint.yaml")
	err := os.WriteFile(cfg, []byte("ignore:\n  - rules: [CAL601]\n    reason: \"migration to External Client Apps is planned\"\n    expires: 2999-12-31\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, stderr := runCLI(t, corpus, "scan", "-c", cfg, "-f", "json", "-o", os.DevNull, "--disable", "CAL101", "--write-baseline", base, "."); code != 2 {
		t.Fatalf("writing the baseline: exit %d, %s", code, stderr)
	}
	for _, extra := range [][]string{nil, {"--include-suppressed", "-c", cfg, "--baseline", base}} {
		args := append([]string{"scan", "-f", "sarif", "-o", out, "."}, extra...)
		code, _, stderr := runCLI(t, corpus, args...)
		if code != 2 || !strings.Contains(stderr, "Dev_CICD") {
			t.Fatalf("exit %d, stderr %q: want 2 and the one malformed file", code, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Results []json.RawMessage `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(b, &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) < 1000 {
			t.Fatalf("SARIF does not look like a corpus scan: %v", err)
		}
		suppressed := bytes.Count(b, []byte(`"kind": "external"`))
		if extra == nil && suppressed > 0 || extra != nil && (suppressed < 100 || !bytes.Contains(b, []byte(`"justification": "migration to External Client Apps is planned"`))) {
			t.Errorf("%d suppressed results with %q", suppressed, extra)
		}
		if bytes.Contains(b, []byte("13323244227443687000000D8d000003UGoxEAG")) {
			t.Error("SARIF contains a secret from the corpus")
		}
		validateSARIF(t, mt, out)
	}
}

// validateSARIF runs the SARIF Multitool's GitHub and SARIF rules on a log and fails the
// test on any error or warning.
func validateSARIF(t *testing.T, mt, path string) {
	t.Helper()
	valOut := filepath.Join(t.TempDir(), "validation.sarif")
	msg, err := exec.Command(mt, "validate", "--rule-kind", "Gh;Sarif", "-o", valOut, path).CombinedOutput()
	if err != nil {
		t.Fatalf("multitool: %v\n%s", err, msg)
	}
	for _, line := range strings.Split(string(msg), "\n") {
		if strings.Contains(line, ": error ") || strings.Contains(line, ": warning ") {
			t.Errorf("validator: %s", line)
		}
	}
}
