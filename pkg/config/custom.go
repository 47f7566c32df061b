package config

import (
	"math"

	"gopkg.in/yaml.v3"
)

// maxCustomNodes bounds the values of options.custom, aliases expanded, so a config cannot
// make calint build a huge document (a "billion laughs" of YAML aliases).
const maxCustomNodes = 100_000

// customOptions decodes options.custom (or apps.NAME.custom): a mapping of any JSON-like
// values that custom rules read as data.calint.options.custom. Keys must be strings, numbers
// must be finite; a timestamp or other tagged scalar stays its text.
func (p *parser) customOptions(n *yaml.Node, where string) (any, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return map[string]any{}, true
	}
	if n.Kind != yaml.MappingNode {
		p.add(p.errf(n, "%s must be a mapping of option names to values", where))
		return nil, false
	}
	budget := maxCustomNodes
	before := len(p.errs)
	v := p.customValue(n, where, &budget)
	return v, len(p.errs) == before
}

func (p *parser) customValue(n *yaml.Node, where string, budget *int) any {
	*budget--
	if *budget < 0 {
		if *budget == -1 {
			p.add(p.errf(n, "%s is too large (more than %d values, aliases expanded)", where, maxCustomNodes))
		}
		return nil
	}
	switch n.Kind {
	case yaml.AliasNode:
		return p.customValue(n.Alias, where, budget)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				p.add(p.errf(k, "%s: keys must be plain strings", where))
				continue
			}
			if _, dup := m[k.Value]; dup {
				p.add(p.errf(k, "duplicate key %q in %s", k.Value, where))
				continue
			}
			m[k.Value] = p.customValue(v, where+"."+k.Value, budget)
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			s = append(s, p.customValue(e, where, budget))
		}
		return s
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil
		case "!!bool":
			var b bool
			if n.Decode(&b) == nil {
				return b
			}
		case "!!int":
			var i int64
			if n.Decode(&i) == nil {
				return i
			}
			p.add(p.errf(n, "%s: %s is not a 64-bit integer", where, n.Value))
			return nil
		case "!!float":
			var f float64
			if n.Decode(&f) == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
				return f
			}
			p.add(p.errf(n, "%s: %s is not a finite number", where, n.Value))
			return nil
		}
		return n.Value
	}
	p.add(p.errf(n, "%s: unsupported YAML value", where))
	return nil
}
