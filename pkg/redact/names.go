package redact

import (
	"strings"

	"github.com/calint/calint/pkg/parse"
)

// Names tells which element names hold a secret where the schema cannot place an element
// (an undeclared element, a file that does not parse).
type Names struct {
	// Secret holds the lower-cased names the schema declares secret.
	Secret map[string]bool
	// URL holds the lower-cased names of URL-valued elements, whose credentials are secret.
	URL map[string]bool
}

// secretWords mark an undeclared element name as a secret's (an unknown clientSecret, a
// misspelt password): when in doubt, hide.
var secretWords = []string{"secret", "password", "passwd", "privatekey", "apikey"}

// IsSecret reports whether an element of this local name may hold a secret.
func (n Names) IsSecret(name string) bool {
	l := strings.ToLower(name)
	if n.Secret[l] {
		return true
	}
	for _, w := range secretWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// ParseError returns what a report may show of a file that does not parse: the error's
// source line and message. There is no tree to trust, so the line is hidden ("") when it may
// hold a secret: an element open at the error, or a tag on the line, names a secret element
// (or a URL element and the line has '@', '?' or '#'), or a private key marker is near. The
// message is then replaced too, as the XML decoder quotes the text at the error.
func (n Names) ParseError(pe *parse.Error) (source, msg string) {
	source, msg = pe.Source, pe.Msg
	if pe.Line == 0 || !n.mayHoldSecret(pe) {
		return source, msg
	}
	if strings.HasPrefix(msg, "not well-formed XML") {
		msg = "not well-formed XML next to an element that holds a secret (details and source line hidden)"
	}
	return "", msg
}

func (n Names) mayHoldSecret(pe *parse.Error) bool {
	line := pe.Source
	if pe.KeyMaterial || strings.Contains(line, "PRIVATE KEY") {
		return true
	}
	credential := strings.ContainsAny(line, "@?#")
	risky := func(name string) bool {
		if i := strings.LastIndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		return n.IsSecret(name) || (credential && n.URL[strings.ToLower(name)])
	}
	for _, name := range pe.Open {
		if risky(name) {
			return true
		}
	}
	for _, name := range tags(line) {
		if risky(name) {
			return true
		}
	}
	// a line too long or not text has no Source: nothing to show anyway
	return false
}

// tags returns the names of the start and end tags on a line of XML source, as written
// (with any prefix).
func tags(line string) []string {
	var out []string
	for i := range len(line) {
		if line[i] != '<' {
			continue
		}
		j := i + 1
		if j < len(line) && line[j] == '/' {
			j++
		}
		k := j
		for k < len(line) && isNameByte(line[k]) {
			k++
		}
		if k > j {
			out = append(out, line[j:k])
		}
	}
	return out
}

func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' ||
		b == '_' || b == '-' || b == '.' || b == ':' || b >= 0x80
}
