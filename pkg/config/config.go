// Package config reads and validates .calint.yaml. Unknown keys, unknown rule ids and
// values of the wrong type are errors that name the file, the key and its line.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/calint/calint/pkg/repo"
	"github.com/calint/calint/pkg/rule"
	"github.com/calint/calint/pkg/sidefile"
)

// FileName is the config file calint looks for.
const FileName = ".calint.yaml"

// FileNames are the config file names calint accepts, in order of preference.
var FileNames = []string{FileName, ".calint.yml"}

// RuleConfig overrides one rule.
type RuleConfig struct {
	Enabled  *bool
	Severity string
	Line     int
}

// Ignore is a config-level suppression.
type Ignore struct {
	Rules   []string
	Paths   []string
	Apps    []string
	Reason  string
	Expires string
	// Line and Column are where the entry starts in the config file.
	Line, Column int
}

// Config is a validated .calint.yaml.
type Config struct {
	// Path is the file read ("" for the defaults).
	Path    string
	FailOn  string
	Rules   map[string]RuleConfig
	Options map[string]any
	Apps    map[string]map[string]any
	Ignore  []Ignore
	Exclude []string
	// Policies are paths, resolved against the config file's directory.
	Policies []string
	// InlineSuppressions is nil when not set.
	InlineSuppressions *bool
	// Timeout bounds each custom rule's evaluation per app; 0 when not set.
	Timeout time.Duration
}

// Never is the fail-on value that makes no finding fail a run.
const Never = "never"

// ParseFailOn reads a fail-on level as a user writes it (flag or config): a severity or
// never, in any case. It returns the canonical lower-case value.
func ParseFailOn(s string) (string, error) {
	if strings.EqualFold(strings.TrimSpace(s), Never) {
		return Never, nil
	}
	if v, err := rule.ParseSeverity(s); err == nil {
		return v, nil
	}
	return "", fmt.Errorf("%q is not one of %s, %s", s, strings.Join(rule.Severities(), ", "), Never)
}

// optionKinds are the known options and their types.
var optionKinds = map[string]string{
	"allowed-scopes":                  "list",
	"callback-hosts":                  "list",
	"certificate-expiry-warning-days": "int",
	"max-refresh-token-lifetime-days": "int",
	"max-refresh-token-idle-days":     "int",
	"max-session-timeout-minutes":     "int",
	"max-trusted-ip-addresses":        "int",
	"privileged-grants":               "list",
	// custom holds the options of custom rules: any mapping (docs/custom-rules.md)
	"custom": "mapping",
}

// Defaults are the option defaults (rules.md).
func Defaults() map[string]any {
	return map[string]any{
		"allowed-scopes":                  []any{},
		"callback-hosts":                  []any{},
		"certificate-expiry-warning-days": 30,
		"max-refresh-token-lifetime-days": 90,
		"max-refresh-token-idle-days":     30,
		"max-session-timeout-minutes":     120,
		"max-trusted-ip-addresses":        256,
		"privileged-grants":               []any{"System Administrator", "Admin", "*system admin*", "*sys admin*", "*systemadmin*", "*sysadmin*", "administrateur syst*me*", "administrador del sistema*", "administrador do sistema*", "amministratore del sistema*", "systeembeheerder*", "システム管理者*"},
	}
}

// OptionNames lists the known options, sorted.
func OptionNames() []string {
	out := make([]string, 0, len(optionKinds))
	for k := range optionKinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Error is a config problem at a line.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("config %s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("config %s: %s", e.Path, e.Msg)
}

// Lookup finds the config of a scan run from cwd over the scanned paths: the nearest
// .calint.yaml (or .calint.yml) from cwd upward, never above the repository root (see
// repo.Root; with no root, cwd only). A config in a directory below the root that lies in
// a scanned directory is skipped: it is part of the input, and the change being gated
// must not set its own gate. Lookup returns "" when there is none, and notes for stderr
// that say what was skipped, naming files with display.
func Lookup(cwd string, scanned []string, display func(string) string) (path string, notes []string) {
	cwd, err := filepath.Abs(cwd)
	if err != nil {
		return "", nil
	}
	root := repo.Root(cwd)
	stop := root
	if stop == "" {
		stop = cwd
	}
	var dirs []string
	for _, p := range scanned {
		if p == "-" {
			continue
		}
		if abs, err := filepath.Abs(p); err == nil {
			if st, err := os.Stat(abs); err == nil && st.IsDir() {
				dirs = append(dirs, abs)
			}
		}
	}
	repo.Up(cwd, stop, func(d string) bool {
		p, other := inDir(d)
		if other != "" {
			notes = append(notes, fmt.Sprintf("ignoring config %s: %s is used", display(other), display(p)))
		}
		if p == "" {
			return false
		}
		if d != stop && slices.ContainsFunc(dirs, func(s string) bool { return repo.Within(d, s) }) {
			notes = append(notes, fmt.Sprintf("ignoring config %s: it lies inside the scanned tree, which cannot set its own gate (pass -c to use it)", display(p)))
			return false
		}
		path = p
		return true
	})
	// a config at the top of a scanned folder is not the run's: say so, it may be meant
	for _, d := range dirs {
		if p, _ := inDir(d); p != "" && p != path && !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, display(p)+":") }) {
			notes = append(notes, fmt.Sprintf("not using config %s: the config is looked up from the working directory, never inside the scanned tree (pass -c to use it)", display(p)))
		}
	}
	return path, notes
}

// inDir returns the config file of dir, if any (.calint.yaml before .calint.yml), and
// the other one when both exist.
func inDir(dir string) (path, other string) {
	for _, name := range FileNames {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			continue
		}
		if path != "" {
			return path, p
		}
		path = p
	}
	return path, ""
}

// Load reads and validates a config file. knownRule reports whether a rule id exists.
func Load(path string, knownRule func(string) bool) (*Config, error) {
	b, err := sidefile.Read(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return Parse(path, b, knownRule)
}

// Parse validates config content read from path.
func Parse(path string, b []byte, knownRule func(string) bool) (*Config, error) {
	c := &Config{Path: path, Rules: map[string]RuleConfig{}, Options: map[string]any{}, Apps: map[string]map[string]any{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, &Error{Path: path, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return c, nil // empty file
	}
	p := &parser{path: path, knownRule: knownRule}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, p.errf(root, "the config must be a mapping of keys")
	}
	p.mapping(root, func(k, v *yaml.Node) {
		switch k.Value {
		case "fail-on":
			c.FailOn = p.parsed(v, "fail-on", ParseFailOn)
		case "rules":
			p.mapping(v, func(id, rv *yaml.Node) {
				if knownRule != nil && !knownRule(id.Value) {
					p.add(p.errf(id, "unknown rule id %q in rules", id.Value))
					return
				}
				rc := RuleConfig{Line: id.Line}
				p.mapping(rv, func(rk, val *yaml.Node) {
					switch rk.Value {
					case "enabled":
						b := p.boolean(val, "rules."+id.Value+".enabled")
						rc.Enabled = &b
					case "severity":
						rc.Severity = p.parsed(val, "rules."+id.Value+".severity", rule.ParseSeverity)
					default:
						p.add(p.errf(rk, "unknown key %q in rules.%s (want enabled or severity)", rk.Value, id.Value))
					}
				})
				c.Rules[id.Value] = rc
			})
		case "options":
			p.mapping(v, func(ok, ov *yaml.Node) {
				if val, good := p.option(ok, ov, "options"); good {
					c.Options[ok.Value] = val
				}
			})
		case "apps":
			p.mapping(v, func(name, av *yaml.Node) {
				m := map[string]any{}
				p.mapping(av, func(ok, ov *yaml.Node) {
					if val, good := p.option(ok, ov, "apps."+name.Value); good {
						m[ok.Value] = val
					}
				})
				c.Apps[name.Value] = m
			})
		case "ignore":
			if v.Kind != yaml.SequenceNode {
				p.add(p.errf(v, "ignore must be a list"))
				return
			}
			for _, e := range v.Content {
				ig := Ignore{Line: e.Line, Column: e.Column}
				p.mapping(e, func(ik, iv *yaml.Node) {
					switch ik.Value {
					case "rules":
						ig.Rules = p.strings(iv, "ignore.rules")
						for i, id := range ig.Rules {
							if knownRule != nil && !knownRule(id) {
								p.add(p.errf(iv.Content[min(i, len(iv.Content)-1)], "unknown rule id %q in ignore", id))
							}
						}
					case "paths":
						ig.Paths = p.strings(iv, "ignore.paths")
					case "apps":
						ig.Apps = p.strings(iv, "ignore.apps")
					case "reason":
						ig.Reason = p.str(iv, "ignore.reason")
					case "expires":
						// a missing reason or a malformed date is a CAL002 finding
						// (pkg/suppress), like an inline suppression's
						ig.Expires = p.str(iv, "ignore.expires")
					default:
						p.add(p.errf(ik, "unknown key %q in ignore (want rules, paths, apps, reason, expires)", ik.Value))
					}
				})
				if len(ig.Rules) == 0 && len(ig.Paths) == 0 && len(ig.Apps) == 0 {
					p.add(p.errf(e, "an ignore entry needs rules, paths or apps"))
				}
				c.Ignore = append(c.Ignore, ig)
			}
		case "exclude":
			c.Exclude = p.strings(v, "exclude")
		case "policies":
			for _, s := range p.strings(v, "policies") {
				if !filepath.IsAbs(s) {
					s = filepath.Join(filepath.Dir(path), s)
				}
				c.Policies = append(c.Policies, s)
			}
		case "inline-suppressions":
			b := p.boolean(v, "inline-suppressions")
			c.InlineSuppressions = &b
		case "timeout":
			d, err := time.ParseDuration(v.Value)
			if err != nil || d <= 0 {
				p.add(p.errf(v, "timeout %q is not a duration such as 5s", v.Value))
			}
			c.Timeout = d
		default:
			p.add(p.errf(k, "unknown key %q (want fail-on, rules, options, apps, ignore, exclude, policies, inline-suppressions, timeout)", k.Value))
		}
	})
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return c, nil
}

type parser struct {
	path      string
	knownRule func(string) bool
	errs      []error
}

func (p *parser) add(err error) { p.errs = append(p.errs, err) }

func (p *parser) errf(n *yaml.Node, format string, args ...any) error {
	return &Error{Path: p.path, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) mapping(n *yaml.Node, fn func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		if n.Tag == "!!null" {
			return
		}
		p.add(p.errf(n, "expected a mapping"))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			p.add(p.errf(k, "duplicate key %q", k.Value))
			continue
		}
		seen[k.Value] = true
		fn(k, v)
	}
}

func (p *parser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode {
		p.add(p.errf(n, "%s must be a string", what))
		return ""
	}
	return n.Value
}

// parsed reads a scalar with parse (which names the accepted values in its error).
func (p *parser) parsed(n *yaml.Node, what string, parse func(string) (string, error)) string {
	s := p.str(n, what)
	if s == "" {
		return ""
	}
	v, err := parse(s)
	if err != nil {
		p.add(p.errf(n, "%s %s", what, err))
	}
	return v
}

func (p *parser) boolean(n *yaml.Node, what string) bool {
	var b bool
	if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
		p.add(p.errf(n, "%s must be true or false", what))
	}
	return b
}

func (p *parser) strings(n *yaml.Node, what string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		if n.Tag != "!!null" {
			p.add(p.errf(n, "%s must be a list of strings", what))
		}
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, e := range n.Content {
		if e.Kind != yaml.ScalarNode {
			p.add(p.errf(e, "%s must be a list of strings", what))
			continue
		}
		out = append(out, e.Value)
	}
	return out
}

func (p *parser) option(k, v *yaml.Node, where string) (any, bool) {
	kind, ok := optionKinds[k.Value]
	if !ok {
		p.add(p.errf(k, "unknown option %q in %s (known: %s)", k.Value, where, strings.Join(OptionNames(), ", ")))
		return nil, false
	}
	switch kind {
	case "list":
		ss := p.strings(v, where+"."+k.Value)
		out := make([]any, len(ss))
		for i, s := range ss {
			out[i] = s
		}
		return out, true
	case "int":
		var i int
		if v.Kind != yaml.ScalarNode || v.Decode(&i) != nil || i < 0 {
			p.add(p.errf(v, "%s.%s must be a non-negative integer", where, k.Value))
			return nil, false
		}
		return i, true
	case "mapping":
		return p.customOptions(v, where+"."+k.Value)
	}
	return nil, false
}

// Disabled returns the ids of the rules the config disables (enabled: false).
func (c *Config) Disabled() map[string]bool {
	out := map[string]bool{}
	for id, rc := range c.Rules {
		if rc.Enabled != nil && !*rc.Enabled {
			out[id] = true
		}
	}
	return out
}

// Data returns what rules see as data.calint: options (defaults filled in) and per-app
// overrides.
func (c *Config) Data() map[string]any {
	opts := Defaults()
	opts["custom"] = map[string]any{}
	for k, v := range c.Options {
		opts[k] = v
	}
	apps := map[string]any{}
	for name, m := range c.Apps {
		apps[name] = m
	}
	return map[string]any{"options": opts, "apps": apps}
}
