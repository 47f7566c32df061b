package baseline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/baseline"
	"github.com/calint/calint/pkg/report"
)

func finding(rule, app, file, fp string) report.Finding {
	return report.Finding{RuleID: rule, App: app, File: file, Message: rule + " in " + app, Fingerprint: fp, Line: 3}
}

func write(t *testing.T, path string, fs []report.Finding) []byte {
	t.Helper()
	if err := baseline.New(path, fs).Write(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWriteIsSortedStableAndReadable(t *testing.T) {
	t.Chdir(t.TempDir())
	fs := []report.Finding{
		finding("CAL401", "B", "force-app/B.connectedApp-meta.xml", "fb"),
		finding("CAL101", "A", "force-app/A.connectedApp-meta.xml", "fa"),
		finding("CAL101", "A", "force-app/A.connectedApp-meta.xml", "fa"), // a duplicate: two entries
		{RuleID: "CAL601", App: "I", File: "force-app/I.connectedApp-meta.xml", Fingerprint: "fi", Suppressed: true,
			Suppression: &report.Suppression{Kind: "inline", Reason: "has its own"}},
		{RuleID: "CAL301", App: "S", File: "force-app/S.connectedApp-meta.xml", Fingerprint: "fs",
			Message: "secret in <consumerSecret>[hidden]</consumerSecret>"},
	}
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	a := write(t, "sub/baseline.json", fs)
	// reversed input, same bytes
	rev := []report.Finding{fs[4], fs[3], fs[2], fs[1], fs[0]}
	if b := write(t, "sub/baseline.json", rev); !bytes.Equal(a, b) {
		t.Errorf("not stable:\n%s\n%s", a, b)
	}
	want := `{
  "version": 1,
  "tool": "calint",
  "findings": [
    {
      "ruleId": "CAL101",
      "app": "A",
      "file": "../force-app/A.connectedApp-meta.xml",
      "message": "CAL101 in A",
      "fingerprint": "fa"
    },
    {
      "ruleId": "CAL101",
      "app": "A",
      "file": "../force-app/A.connectedApp-meta.xml",
      "message": "CAL101 in A",
      "fingerprint": "fa"
    },
    {
      "ruleId": "CAL401",
      "app": "B",
      "file": "../force-app/B.connectedApp-meta.xml",
      "message": "CAL401 in B",
      "fingerprint": "fb"
    },
    {
      "ruleId": "CAL301",
      "app": "S",
      "file": "../force-app/S.connectedApp-meta.xml",
      "message": "secret in <consumerSecret>[hidden]</consumerSecret>",
      "fingerprint": "fs"
    }
  ]
}
`
	if string(a) != want {
		t.Errorf("baseline file:\n%s\nwant:\n%s", a, want)
	}
	if m, _ := filepath.Glob("sub/.calint-*"); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

func TestApply(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"A.connectedApp-meta.xml", "B.connectedApp-meta.xml", "C.connectedApp-meta.xml"} {
		if err := os.WriteFile(f, []byte("<x/>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := []report.Finding{
		finding("CAL101", "A", "A.connectedApp-meta.xml", "fa"),
		finding("CAL401", "B", "B.connectedApp-meta.xml", "fb"), // fixed below
		finding("CAL401", "C", "C.connectedApp-meta.xml", "fc"), // not scanned below
		finding("CAL401", "D", "D.connectedApp-meta.xml", "fd"), // file deleted: fixed
		finding("CAL501", "A", "A.connectedApp-meta.xml", "fi"), // suppressed inline since
	}
	write(t, "baseline.json", old)
	b, err := baseline.Load("baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	now := []report.Finding{
		finding("CAL101", "A", "moved/A.connectedApp-meta.xml", "fa"), // moved and reformatted: same fingerprint
		finding("CAL101", "A", "moved/A.connectedApp-meta.xml", "fa"), // a second one is new
		finding("CAL101", "E", "E.connectedApp-meta.xml", "fe"),       // a new app
		{RuleID: "CAL501", File: "A.connectedApp-meta.xml", Fingerprint: "fi", Suppressed: true,
			Suppression: &report.Suppression{Kind: "inline", Reason: "accepted"}},
	}
	fixed := b.Apply(now, []string{"moved/A.connectedApp-meta.xml", "A.connectedApp-meta.xml", "B.connectedApp-meta.xml", "E.connectedApp-meta.xml"})
	if fixed != 2 {
		t.Errorf("fixed = %d, want 2 (B and the deleted D)", fixed)
	}
	var states []string
	for _, f := range now {
		s := f.App + ":active"
		if f.Suppressed {
			s = f.App + ":" + f.Suppression.Kind
		}
		states = append(states, s)
	}
	if got := strings.Join(states, " "); got != "A:baseline A:active E:active :inline" {
		t.Errorf("states %s", got)
	}
	if r := now[0].Suppression.Reason; r != "recorded in baseline baseline.json" {
		t.Errorf("reason %q", r)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"missing":    "",
		"garbage":    "not json",
		"version":    `{"version": 2, "findings": []}`,
		"nofp":       `{"version": 1, "findings": [{"ruleId": "CAL101"}]}`,
		"report.txt": `{"version": 1, "tool": "calint", "findings": "x"}`,
	} {
		p := filepath.Join(dir, name)
		if name != "missing" {
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, err := baseline.Load(p)
		if err == nil || !strings.HasPrefix(err.Error(), "baseline "+p+": ") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

func TestNewSince(t *testing.T) {
	f := func(fp string, suppressed bool) report.Finding {
		return report.Finding{RuleID: "CAL101", Fingerprint: fp, Suppressed: suppressed}
	}
	now := []report.Finding{f("a", false), f("a", false), f("b", false), f("c", true), f("d", false)}
	before := []report.Finding{f("a", false), f("b", false), f("c", false), f("e", false), f("x", true)}
	kept, pre, fixed := baseline.NewSince(now, before)
	var fps []string
	for _, k := range kept {
		fps = append(fps, k.Fingerprint)
	}
	// one "a" was there, the second is new; "c" is suppressed now, not fixed; "e" is fixed;
	// "x" was suppressed before, so it was not a finding there
	if strings.Join(fps, ",") != "a,c,d" || pre != 2 || fixed != 1 {
		t.Errorf("kept %v, preexisting %d, fixed %d; want a,c,d, 2, 1", fps, pre, fixed)
	}
}
