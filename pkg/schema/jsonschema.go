package schema

import (
	"encoding/json"
)

type obj = map[string]any

// JSONSchema returns the JSON schema of the whole input document (see docs/input.md) that
// rules are type-checked against.
func (s *Set) JSONSchema() ([]byte, error) {
	props := obj{
		"app": object(obj{
			"name": typ("string"),
			"type": typ("string"),
			"files": array(object(obj{
				"path":   typ("string"),
				"type":   typ("string"),
				"suffix": typ("string"),
			})),
		}),
		"unknownElements": array(object(obj{
			"_ref": typ("integer"),
			"name": typ("string"),
			"path": typ("string"),
		})),
		"duplicates": array(object(obj{
			"_ref":       typ("integer"),
			"name":       typ("string"),
			"path":       typ("string"),
			"file":       typ("string"),
			"occurrence": typ("integer"),
			"what":       typ("string"),
		})),
		"invalidValues": array(object(obj{
			"_ref":     typ("integer"),
			"name":     typ("string"),
			"path":     typ("string"),
			"value":    typ("string"),
			"expected": typ("string"),
		})),
	}
	for _, suf := range s.Keys() {
		props[suf] = elemSchema(s.types[suf].Root)
	}
	return json.MarshalIndent(obj{
		"$schema":     "http://json-schema.org/draft-07/schema#",
		"title":       "calint rule input",
		"description": "The document every calint rule sees for one app. Generated from rules/schema; see docs/input.md.",
		"type":        "object",
		"properties":  props,
	}, "", "  ")
}

func typ(t string) obj { return obj{"type": t} }

func object(props obj) obj { return obj{"type": "object", "properties": props} }

func array(items obj) obj { return obj{"type": "array", "items": items} }

var urlFacts = object(obj{
	"parsed":   typ("boolean"),
	"scheme":   typ("string"),
	"host":     typ("string"),
	"port":     typ("string"),
	"loopback": typ("boolean"),
	"userinfo": typ("boolean"),
	"password": typ("boolean"),
	"query":    array(typ("string")),
	"fragment": typ("boolean"),
})

// certFacts are the facts of a certificate leaf (model.CertFacts).
var certFacts = object(obj{
	"parsed":             typ("boolean"),
	"placeholder":        typ("boolean"),
	"error":              typ("string"),
	"signatureAlgorithm": typ("string"),
	"weakSignature":      typ("boolean"),
	"keyType":            typ("string"),
	"keyBits":            typ("integer"),
	"notAfter":           typ("string"),
	"daysLeft":           typ("integer"),
	"subject":            typ("string"),
})

func elemSchema(e *Elem) obj {
	var s obj
	switch e.Kind {
	case Complex:
		props := obj{"_ref": typ("integer")}
		for name, c := range e.Children {
			props[name] = elemSchema(c)
		}
		if len(e.Range) == 2 {
			props["_range"] = object(obj{
				"valid":     typ("boolean"),
				"reversed":  typ("boolean"),
				"addresses": typ("number"),
			})
		}
		s = object(props)
	case Any:
		s = obj{}
	default:
		// nil marks an element written xsi:nil="true" (its value is then "")
		props := obj{"_ref": typ("integer"), "nil": typ("boolean")}
		switch e.Kind {
		case Boolean:
			props["value"] = obj{"anyOf": []any{typ("boolean"), typ("string")}}
		case Int:
			props["value"] = obj{"anyOf": []any{typ("integer"), typ("string")}}
		default:
			props["value"] = typ("string")
		}
		switch e.Kind {
		case URL:
			props["url"] = urlFacts
		case URLList:
			props["urls"] = array(object(obj{
				"_ref":  typ("integer"),
				"value": typ("string"),
				"url":   urlFacts,
			}))
		case CSV:
			props["items"] = array(typ("string"))
		case Certificate:
			props["cert"] = certFacts
		}
		s = object(props)
	}
	if e.Repeated {
		return array(s)
	}
	return s
}
