package config_test

import (
	"strings"
	"testing"

	"github.com/calint/calint/pkg/config"
)

// TestSeveritiesAreCaseInsensitive: fail-on and rule severities are read in any case and
// stored lower-case; anything else names the accepted values and the line.
func TestSeveritiesAreCaseInsensitive(t *testing.T) {
	c, err := config.Parse(".calint.yaml", []byte("fail-on: HIGH\nrules:\n  CAL101:\n    severity: Medium\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != "high" || c.Rules["CAL101"].Severity != "medium" {
		t.Errorf("fail-on %q, CAL101 severity %q; want high, medium", c.FailOn, c.Rules["CAL101"].Severity)
	}
	if c, err = config.Parse(".calint.yaml", []byte("fail-on: Never\n"), nil); err != nil || c.FailOn != "never" {
		t.Errorf("fail-on Never: %q, %v", c.FailOn, err)
	}
	for src, want := range map[string]string{
		"fail-on: severe\n":                        `config .calint.yaml:1: fail-on "severe" is not one of critical, high, medium, low, info, never`,
		"rules:\n  CAL101:\n    severity: never\n": `config .calint.yaml:3: rules.CAL101.severity "never" is not one of critical, high, medium, low, info`,
	} {
		_, err := config.Parse(".calint.yaml", []byte(src), nil)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %s", src, err, want)
		}
	}
}

func TestParseFailOn(t *testing.T) {
	for in, want := range map[string]string{"HIGH": "high", "never": "never", "NEVER": "never", " low": "low"} {
		if got, err := config.ParseFailOn(in); err != nil || got != want {
			t.Errorf("ParseFailOn(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := config.ParseFailOn(""); err == nil {
		t.Error(`ParseFailOn("") succeeded`)
	}
}
