package config_test

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/calint/calint/pkg/config"
)

// known is the rule registry the tests validate against.
func known(id string) bool { return id == "CAL101" || id == "CAL601" }

// TestParseDecodesEveryKey: each key of a config lands in its field, with the lines that
// reports and suppressions point at.
func TestParseDecodesEveryKey(t *testing.T) {
	src := `fail-on: Medium
rules:
  CAL101:
    severity: LOW
  CAL601:
    enabled: false
options:
  allowed-scopes: [Api, RefreshToken]
  callback-hosts: "*.example.com"
  max-refresh-token-lifetime-days: 30
apps:
  Portal:
    max-trusted-ip-addresses: 256
ignore:
  - rules: [CAL601]
    paths: [legacy/**]
    reason: migrating
    expires: 2027-01-31
  - apps: Portal
exclude: [vendor/**]
policies: [policies, /abs/policies]
inline-suppressions: false
timeout: 2s
`
	path := filepath.Join("repo", ".calint.yaml")
	c, err := config.Parse(path, []byte(src), known)
	if err != nil {
		t.Fatal(err)
	}
	off, no := false, false
	want := &config.Config{
		Path:   path,
		FailOn: "medium",
		Rules: map[string]config.RuleConfig{
			"CAL101": {Severity: "low", Line: 3},
			"CAL601": {Enabled: &off, Line: 5},
		},
		Options: map[string]any{
			"allowed-scopes":                  []any{"Api", "RefreshToken"},
			"callback-hosts":                  []any{"*.example.com"},
			"max-refresh-token-lifetime-days": 30,
		},
		Apps: map[string]map[string]any{"Portal": {"max-trusted-ip-addresses": 256}},
		Ignore: []config.Ignore{
			{Rules: []string{"CAL601"}, Paths: []string{"legacy/**"}, Reason: "migrating", Expires: "2027-01-31", Line: 15, Column: 5},
			{Apps: []string{"Portal"}, Line: 19, Column: 5},
		},
		Exclude:            []string{"vendor/**"},
		Policies:           []string{filepath.Join("repo", "policies"), "/abs/policies"},
		InlineSuppressions: &no,
		Timeout:            2 * time.Second,
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}

	data := c.Data()
	opts := data["options"].(map[string]any)
	wantOpts := config.Defaults()
	wantOpts["custom"] = map[string]any{}
	for k, v := range c.Options {
		wantOpts[k] = v
	}
	if !reflect.DeepEqual(opts, wantOpts) || opts["max-refresh-token-lifetime-days"] != 30 {
		t.Errorf("data.calint.options = %v: want the config's values over the defaults %v", opts, wantOpts)
	}
	if !reflect.DeepEqual(data["apps"], map[string]any{"Portal": map[string]any{"max-trusted-ip-addresses": 256}}) {
		t.Errorf("data.calint.apps = %v", data["apps"])
	}
}

// TestParseEmpty: an empty config (or one with only comments) is the defaults.
func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n"} {
		c, err := config.Parse("c.yaml", []byte(src), known)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if c.FailOn != "" || len(c.Rules)+len(c.Options)+len(c.Apps)+len(c.Ignore) != 0 || c.InlineSuppressions != nil || c.Timeout != 0 {
			t.Errorf("%q: %+v, want the defaults", src, c)
		}
		want := config.Defaults()
		want["custom"] = map[string]any{}
		if got := c.Data()["options"]; !reflect.DeepEqual(got, want) {
			t.Errorf("%q: options %v, want the defaults %v", src, got, want)
		}
	}
}

// TestParseErrors: every mistake is reported with the file and the line of the offending
// key or value, all mistakes of a file at once.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"not a mapping", "- a\n- b\n", []string{"c.yaml:1: the config must be a mapping of keys"}},
		{"bad yaml", "rules: [\n", []string{"config c.yaml: line 1: did not find expected node content"}},
		{"unknown key", "fail-on: high\nfailon: low\n", []string{`c.yaml:2: unknown key "failon" (want fail-on, rules, options, apps, ignore, exclude, policies, inline-suppressions, timeout)`}},
		{"duplicate key", "fail-on: high\nfail-on: low\n", []string{`c.yaml:2: duplicate key "fail-on"`}},
		{"fail-on", "fail-on: urgent\n", []string{`c.yaml:1: fail-on "urgent" is not one of`}},
		{"unknown rule", "rules:\n  CAL999:\n    enabled: false\n", []string{`c.yaml:2: unknown rule id "CAL999" in rules`}},
		{"rule key", "rules:\n  CAL101:\n    level: low\n", []string{`c.yaml:3: unknown key "level" in rules.CAL101 (want enabled or severity)`}},
		{"enabled", "rules:\n  CAL101:\n    enabled: maybe\n", []string{"c.yaml:3: rules.CAL101.enabled must be true or false"}},
		{"severity", "rules:\n  CAL101:\n    severity: urgent\n", []string{`c.yaml:3: rules.CAL101.severity "urgent" is not`}},
		{"rules not a mapping", "rules: [CAL101]\n", []string{"c.yaml:1: expected a mapping"}},
		{"unknown option", "options:\n  max-days: 3\n", []string{`c.yaml:2: unknown option "max-days" in options (known: allowed-scopes,`}},
		{"negative int", "options:\n  max-trusted-ip-addresses: -1\n", []string{"c.yaml:2: options.max-trusted-ip-addresses must be a non-negative integer"}},
		{"int as text", "apps:\n  Portal:\n    max-refresh-token-idle-days: ten\n", []string{"c.yaml:3: apps.Portal.max-refresh-token-idle-days must be a non-negative integer"}},
		{"list of mappings", "options:\n  allowed-scopes:\n    - {a: b}\n", []string{"c.yaml:3: options.allowed-scopes must be a list of strings"}},
		{"ignore not a list", "ignore: CAL101\n", []string{"c.yaml:1: ignore must be a list"}},
		{"empty ignore", "ignore:\n  - reason: why\n", []string{"c.yaml:2: an ignore entry needs rules, paths or apps"}},
		{"ignore key", "ignore:\n  - rules: [CAL101]\n    until: 2027-01-01\n", []string{`c.yaml:3: unknown key "until" in ignore (want rules, paths, apps, reason, expires)`}},
		{"ignore rule", "ignore:\n  - rules:\n      - CAL101\n      - CAL998\n", []string{`c.yaml:4: unknown rule id "CAL998" in ignore`}},
		{"ignore reason", "ignore:\n  - rules: [CAL101]\n    reason: [a, b]\n", []string{"c.yaml:3: ignore.reason must be a string"}},
		{"inline-suppressions", "inline-suppressions: sometimes\n", []string{"c.yaml:1: inline-suppressions must be true or false"}},
		{"timeout", "timeout: 5\n", []string{`c.yaml:1: timeout "5" is not a duration such as 5s`}},
		{"zero timeout", "timeout: 0s\n", []string{`c.yaml:1: timeout "0s" is not a duration such as 5s`}},
		{"several", "failon: x\nrules:\n  CAL999: {}\ntimeout: soon\n", []string{
			`c.yaml:1: unknown key "failon"`, `c.yaml:3: unknown rule id "CAL999"`, `c.yaml:4: timeout "soon"`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := config.Parse("c.yaml", []byte(c.src), known)
			if err == nil {
				t.Fatalf("no error, config %+v", cfg)
			}
			msg := err.Error()
			lines := strings.Split(msg, "\n")
			if len(lines) != len(c.want) {
				t.Errorf("%d errors, want %d:\n%s", len(lines), len(c.want), msg)
			}
			for i, w := range c.want {
				if i < len(lines) && !strings.Contains(lines[i], w) {
					t.Errorf("error %d = %q, want it to contain %q", i+1, lines[i], w)
				}
				if i < len(lines) && !strings.HasPrefix(lines[i], "config c.yaml") {
					t.Errorf("error %d = %q does not name the file", i+1, lines[i])
				}
			}
			var ce *config.Error
			if !errors.As(err, &ce) || ce.Path != "c.yaml" {
				t.Errorf("error %v is not a *config.Error of c.yaml", err)
			}
		})
	}
}

// TestParseWithoutRegistry: with no rule registry (nil), any rule id is accepted.
func TestParseWithoutRegistry(t *testing.T) {
	c, err := config.Parse("c.yaml", []byte("rules:\n  ACME001:\n    severity: high\nignore:\n  - rules: [ACME002]\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules["ACME001"].Severity != "high" || c.Ignore[0].Rules[0] != "ACME002" {
		t.Errorf("%+v", c)
	}
}

// TestErrorWithoutLine: a problem of the whole file names the file only.
func TestErrorWithoutLine(t *testing.T) {
	if got := (&config.Error{Path: "c.yaml", Msg: "unreadable"}).Error(); got != "config c.yaml: unreadable" {
		t.Errorf("%q", got)
	}
	if got := (&config.Error{Path: "c.yaml", Line: 4, Msg: "bad"}).Error(); got != "config c.yaml:4: bad" {
		t.Errorf("%q", got)
	}
}

// TestOptionNamesMatchDefaults: every option with a default is a known option, and every
// known option but custom has a default.
func TestOptionNamesMatchDefaults(t *testing.T) {
	d := config.Defaults()
	for _, n := range config.OptionNames() {
		if _, ok := d[n]; !ok && n != "custom" {
			t.Errorf("option %s has no default", n)
		}
	}
	for n := range d {
		found := false
		for _, k := range config.OptionNames() {
			found = found || k == n
		}
		if !found {
			t.Errorf("default %s is not a known option", n)
		}
	}
}
