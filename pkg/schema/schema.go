// Package schema holds the element schema of every supported metadata type, read from the
// JSON files under rules/schema, and answers what an element is: its value type, whether it
// repeats, and which children it may have.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Kind is the value type of an element.
type Kind int

// The element kinds.
const (
	Complex Kind = iota
	String
	Boolean
	Int
	URL
	URLList
	CSV
	IP
	Enum
	Pattern
	Any
	// Secret is a string whose value is a secret: every view of the source hides it.
	Secret
	// Certificate is an X.509 certificate, base64 DER (with or without PEM armour); the
	// input adds its parsed facts (signature algorithm, key, validity).
	Certificate
)

// Elem describes one element.
type Elem struct {
	Name     string
	Kind     Kind
	Repeated bool
	// Children of a Complex element.
	Children map[string]*Elem
	// Values of an Enum.
	Values []string
	// Regexp of a Pattern.
	Regexp *regexp.Regexp
	// Range names the start and end children of an IP range object, when set.
	Range []string
	// Spec is the type as written in the schema file.
	Spec string
}

// Type is a metadata type.
type Type struct {
	Name   string
	Suffix string
	// Key is the type's input key: its suffix, or for a settings type (whose suffix,
	// "settings", is shared) the key its schema file names.
	Key  string
	Root *Elem
}

// Set is every loaded type, by key.
type Set struct {
	types map[string]*Type
}

type file struct {
	Type     string         `json:"type"`
	Suffix   string         `json:"suffix"`
	Key      string         `json:"key"`
	Elements map[string]any `json:"elements"`
}

// Load reads every *.json file in dir of fsys.
func Load(fsys fs.FS, dir string) (*Set, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read schemas: %w", err)
	}
	s := &Set{types: map[string]*Type{}}
	files := map[string]string{} // key -> schema file
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		p := path.Join(dir, e.Name())
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("read schema: %w", err)
		}
		var f file
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			return nil, fmt.Errorf("schema %s: %w", p, err)
		}
		if f.Type == "" || f.Suffix == "" {
			return nil, fmt.Errorf("schema %s: type and suffix are required", p)
		}
		if f.Key == "" {
			f.Key = f.Suffix
		}
		if prev, dup := files[f.Key]; dup {
			return nil, fmt.Errorf("schema %s: key %s is already defined by %s", p, f.Key, prev)
		}
		files[f.Key] = p
		root, err := complexElem(f.Type, f.Elements)
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", p, err)
		}
		s.types[f.Key] = &Type{Name: f.Type, Suffix: f.Suffix, Key: f.Key, Root: root}
	}
	return s, nil
}

func complexElem(name string, children map[string]any) (*Elem, error) {
	e := &Elem{Name: name, Kind: Complex, Children: map[string]*Elem{}}
	for key, v := range children {
		if key == "@range" {
			arr, ok := v.([]any)
			if !ok || len(arr) != 2 {
				return nil, fmt.Errorf("%s: @range must name two children", name)
			}
			for _, a := range arr {
				s, _ := a.(string)
				e.Range = append(e.Range, s)
			}
			continue
		}
		childName, repeated := strings.CutSuffix(key, "[]")
		if _, dup := e.Children[childName]; dup || childName == "" {
			return nil, fmt.Errorf("%s: child %q is declared twice or has no name", name, key)
		}
		var c *Elem
		var err error
		switch t := v.(type) {
		case string:
			c, err = leafElem(childName, t)
		case map[string]any:
			c, err = complexElem(childName, t)
		default:
			err = fmt.Errorf("%s/%s: type must be a string or an object", name, childName)
		}
		if err != nil {
			return nil, err
		}
		c.Repeated = repeated
		e.Children[childName] = c
	}
	for _, r := range e.Range {
		if c := e.Children[r]; c == nil || c.Kind != IP || c.Repeated {
			return nil, fmt.Errorf("%s: @range names %q, which is not a single ip child", name, r)
		}
	}
	return e, nil
}

func leafElem(name, spec string) (*Elem, error) {
	e := &Elem{Name: name, Spec: spec}
	switch {
	case spec == "string":
		e.Kind = String
	case spec == "secret":
		e.Kind = Secret
	case spec == "boolean":
		e.Kind = Boolean
	case spec == "int":
		e.Kind = Int
	case spec == "url":
		e.Kind = URL
	case spec == "urllist":
		e.Kind = URLList
	case spec == "csv":
		e.Kind = CSV
	case spec == "ip":
		e.Kind = IP
	case spec == "any":
		e.Kind = Any
	case spec == "certificate":
		e.Kind = Certificate
	case strings.HasPrefix(spec, "enum:"):
		e.Kind = Enum
		for v := range strings.SplitSeq(strings.TrimPrefix(spec, "enum:"), ",") {
			if v = strings.TrimSpace(v); v == "" {
				return nil, fmt.Errorf("%s: enum %q has an empty value", name, spec)
			}
			e.Values = append(e.Values, v)
		}
	case strings.HasPrefix(spec, "pattern:"):
		re, err := regexp.Compile(strings.TrimPrefix(spec, "pattern:"))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		e.Kind, e.Regexp = Pattern, re
	default:
		return nil, fmt.Errorf("%s: unknown type %q", name, spec)
	}
	return e, nil
}

// ParseBool reads an xsd:boolean: "true" or "1", "false" or "0".
func ParseBool(v string) (value, ok bool) {
	switch v {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

// NamesOf returns the names of the elements of the given kinds in any type, lower-cased
// (e.g. every element declared secret: views of a file that the schema cannot place, such as
// an undeclared element or a file that does not parse, hide the content of any so named).
func (s *Set) NamesOf(kinds ...Kind) map[string]bool {
	out := map[string]bool{}
	var walk func(e *Elem)
	walk = func(e *Elem) {
		for _, c := range e.Children {
			if slices.Contains(kinds, c.Kind) {
				out[strings.ToLower(c.Name)] = true
			}
			walk(c)
		}
	}
	for _, t := range s.types {
		walk(t.Root)
	}
	return out
}

// Type returns the type of an input key (a suffix, or a settings type's key), or nil.
func (s *Set) Type(key string) *Type { return s.types[key] }

// Keys returns the input keys of every loaded type, sorted.
func (s *Set) Keys() []string {
	out := make([]string, 0, len(s.types))
	for k := range s.types {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Child returns the declared child of e, or nil.
func (e *Elem) Child(name string) *Elem {
	if e == nil || e.Kind != Complex {
		return nil
	}
	return e.Children[name]
}

// Check reports whether a trimmed leaf value fits the element's type, and describes what
// was expected when it does not.
func (e *Elem) Check(v string) (ok bool, expected string) {
	switch e.Kind {
	case Boolean:
		_, ok := ParseBool(v)
		return ok, "true or false (xsd:boolean: also 1 or 0)"
	case Int:
		digits := strings.TrimPrefix(v, "-")
		if digits == "" || len(digits) > 15 {
			return false, "an integer"
		}
		for _, r := range digits {
			if r < '0' || r > '9' {
				return false, "an integer"
			}
		}
		return true, "an integer"
	case Enum:
		return slices.Contains(e.Values, v), "one of " + strings.Join(e.Values, ", ")
	case Pattern:
		return e.Regexp.MatchString(v), "a value matching " + e.Regexp.String()
	}
	return true, ""
}
