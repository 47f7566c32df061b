package config_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/config"
)

// TestCustomOptions: options.custom and apps.NAME.custom hold any mapping; rules see them
// as data.calint.options.custom and data.calint.apps[NAME].custom.
func TestCustomOptions(t *testing.T) {
	src := `options:
  callback-hosts: [a.example]
  custom:
    domains: [acme.example, Partner.example]
    strict: false
    limit: 3
    ratio: 0.5
    since: 2024-01-01
    nothing: null
    nested: {pairs: [[Api, Web]], shared: &s [x]}
    again: *s
apps:
  Portal:
    custom:
      domains: [portal.example]
`
	c, err := config.Parse(".calint.yaml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	d := c.Data()
	opts := d["options"].(map[string]any)
	want := map[string]any{
		"domains": []any{"acme.example", "Partner.example"},
		"strict":  false,
		"limit":   int64(3),
		"ratio":   0.5,
		"since":   "2024-01-01",
		"nothing": nil,
		"nested":  map[string]any{"pairs": []any{[]any{"Api", "Web"}}, "shared": []any{"x"}},
		"again":   []any{"x"},
	}
	if got := opts["custom"]; !reflect.DeepEqual(got, want) {
		t.Errorf("options.custom = %#v\nwant %#v", got, want)
	}
	if got := opts["callback-hosts"]; !reflect.DeepEqual(got, []any{"a.example"}) {
		t.Errorf("callback-hosts = %#v", got)
	}
	app := d["apps"].(map[string]any)["Portal"].(map[string]any)
	if got := app["custom"]; !reflect.DeepEqual(got, map[string]any{"domains": []any{"portal.example"}}) {
		t.Errorf("apps.Portal.custom = %#v", got)
	}
}

// TestCustomOptionsDefault: without options.custom, rules still see an empty mapping.
func TestCustomOptionsDefault(t *testing.T) {
	c, err := config.Parse(".calint.yaml", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Data()["options"].(map[string]any)["custom"]; !reflect.DeepEqual(got, map[string]any{}) {
		t.Errorf("options.custom = %#v, want an empty mapping", got)
	}
}

// TestCustomOptionErrors: mistakes in custom options name the file, the line and the key;
// all are reported at once.
func TestCustomOptionErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"not a mapping", "options:\n  custom: [a, b]\n",
			"config .calint.yaml:2: options.custom must be a mapping of option names to values"},
		{"app custom not a mapping", "apps:\n  Portal:\n    custom: yes\n",
			"config .calint.yaml:3: apps.Portal.custom must be a mapping of option names to values"},
		{"infinite number", "options:\n  custom:\n    limit: .inf\n",
			"config .calint.yaml:3: options.custom.limit: .inf is not a finite number"},
		{"non-string key", "options:\n  custom:\n    [a]: 1\n",
			"config .calint.yaml:3: options.custom: keys must be plain strings"},
		{"duplicate key", "options:\n  custom:\n    a: 1\n    a: 2\n",
			`config .calint.yaml:4: duplicate key "a" in options.custom`},
		{"misspelt built-in option still an error", "options:\n  custom: {}\n  callback-host: [a]\n",
			`config .calint.yaml:3: unknown option "callback-host" in options (known: allowed-scopes, callback-hosts, certificate-expiry-warning-days, custom,`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Parse(".calint.yaml", []byte(tt.src), nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v\nwant %q", err, tt.want)
			}
		})
	}
}

// TestCustomOptionsAliasBomb: aliases are expanded within a budget, so a "billion laughs"
// config is an error, not a huge document.
func TestCustomOptionsAliasBomb(t *testing.T) {
	src := "options:\n  custom:\n    a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g"} {
		src += "    " + n + ": &" + n + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = n
	}
	_, err := config.Parse(".calint.yaml", []byte(src), nil)
	if err == nil || !strings.Contains(err.Error(), "is too large (more than 100000 values, aliases expanded)") {
		t.Fatalf("got %v", err)
	}
}
