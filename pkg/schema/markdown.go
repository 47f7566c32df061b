package schema

import (
	"fmt"
	"sort"
	"strings"
)

// Markdown renders one table per metadata type: every element by path, with its input
// type. docs/input.md embeds it (a test keeps the copy current).
func (s *Set) Markdown() string {
	var b strings.Builder
	for i, suf := range s.Keys() {
		t := s.types[suf]
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "#### `%s`: %s\n\n", suf, t.Name)
		b.WriteString("| element | type |\n|---|---|\n")
		writeRows(&b, t.Root, "")
	}
	return b.String()
}

func writeRows(b *strings.Builder, e *Elem, prefix string) {
	names := make([]string, 0, len(e.Children))
	for n := range e.Children {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := e.Children[n]
		p := prefix + n
		if c.Repeated {
			p += "[]"
		}
		fmt.Fprintf(b, "| `%s` | %s |\n", p, describe(c))
		if c.Kind == Complex {
			writeRows(b, c, p+"/")
		}
	}
}

func describe(e *Elem) string {
	var d string
	switch e.Kind {
	case Complex:
		d = "element"
		if len(e.Range) == 2 {
			d = fmt.Sprintf("element, IP range `%s`..`%s` with `_range`", e.Range[0], e.Range[1])
		}
	case String:
		d = "string"
	case Secret:
		d = "secret (string, hidden in every view)"
	case Boolean:
		d = "boolean"
	case Int:
		d = "integer"
	case URL:
		d = "url, with `url`"
	case URLList:
		d = "urllist, with `urls`"
	case CSV:
		d = "csv, with `items`"
	case IP:
		d = "ip (string)"
	case Enum:
		d = "enum: `" + strings.Join(e.Values, "`, `") + "`"
	case Pattern:
		d = "string matching `" + strings.ReplaceAll(e.Regexp.String(), "|", `\|`) + "`"
	case Any:
		d = "any content, not checked"
	case Certificate:
		d = "certificate (string), with `cert`"
	}
	if e.Repeated {
		d = "list of " + d
	}
	return d
}
