package rule_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayersDoNotDependOnOPA: the rule vocabulary, reports, baselines and config are used
// by every layer; OPA (80-odd packages) belongs to pkg/engine alone.
func TestLayersDoNotDependOnOPA(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go test puts the go command on PATH, but: %v", err)
	}
	for _, pkg := range []string{"rule", "report", "baseline", "config"} {
		out, err := exec.Command(gobin, "list", "-deps", "github.com/calint/calint/pkg/"+pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps pkg/%s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.Contains(dep, "open-policy-agent") || dep == "github.com/calint/calint/pkg/engine" {
				t.Errorf("pkg/%s depends on %s", pkg, dep)
			}
		}
	}
}
