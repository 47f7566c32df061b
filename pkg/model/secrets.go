package model

import (
	"strings"

	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/redact"
	"github.com/calint/calint/pkg/schema"
)

// Names returns the element names that mark secrets where the schema cannot place an
// element (see redact.Names).
func (b *Builder) Names() redact.Names {
	b.namesOnce.Do(func() {
		b.names = redact.Names{Secret: b.Schemas.NamesOf(schema.Secret), URL: b.Schemas.NamesOf(schema.URL, schema.URLList)}
	})
	return b.names
}

// MarkSecrets records on doc which byte ranges hold secrets (doc.SetSecrets), from the
// schema: the whole content of every element declared `secret`, of an undeclared element
// named like one (redact.Names), and of any element whose text holds a private key marker,
// whatever form the content takes (CDATA, references, comments); and the credentials of
// every URL-valued element (redact.URLCredentials). Every view of the source hides these ranges.
// It is done once per document; building an app does it too.
func (b *Builder) MarkSecrets(doc *parse.Doc) {
	if doc.Root == nil || doc.SecretsMarked {
		return
	}
	doc.SecretsMarked = true
	var root *schema.Elem
	if t := b.Schemas.Type(doc.Kind.Key); t != nil {
		root = t.Root
	}
	names := b.Names()
	var spans []parse.Span
	var values, tokens []string
	var walk func(n *parse.Node, e *schema.Elem)
	walk = func(n *parse.Node, e *schema.Elem) {
		secret := e != nil && e.Kind == schema.Secret ||
			e == nil && n.Parent != nil && names.IsSecret(n.Name) ||
			strings.Contains(n.Text, "PRIVATE KEY")
		if secret {
			spans = append(spans, parse.Span{Start: n.ContentStart, End: n.ContentEnd})
			text, _ := doc.Content(n)
			values = append(values, strings.TrimSpace(text))
			return
		}
		if e != nil && (e.Kind == schema.URL || e.Kind == schema.URLList) && len(n.Children) == 0 {
			text, from := doc.Content(n)
			for _, line := range lines(text) {
				for _, c := range redact.URLCredentials(text[line.Start:line.End]) {
					a, z := line.Start+c.Start, line.Start+c.End
					spans = append(spans, parse.Span{Start: from[a].Start, End: from[z-1].End})
					if c.Bare {
						tokens = append(tokens, text[a:z])
					} else {
						values = append(values, text[a:z])
					}
				}
			}
			return
		}
		for _, c := range n.Children {
			walk(c, e.Child(c.Name))
		}
	}
	walk(doc.Root, root)
	doc.SetSecrets(spans, values)
	doc.SecretTokens = tokens
}

// lines splits s on line breaks (\r\n, \n, \r) into the ranges of its lines, trimmed of
// spaces and tabs, leaving out blank ones.
func lines(s string) []parse.Span {
	var out []parse.Span
	start := 0
	emit := func(end int) {
		a, z := start, end
		for a < z && (s[a] == ' ' || s[a] == '\t') {
			a++
		}
		for z > a && (s[z-1] == ' ' || s[z-1] == '\t') {
			z--
		}
		if z > a {
			out = append(out, parse.Span{Start: a, End: z})
		}
	}
	for i := range len(s) {
		if s[i] == '\n' || s[i] == '\r' {
			emit(i)
			start = i + 1
		}
	}
	emit(len(s))
	return out
}
