package suppress

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Directive is a parsed inline calint comment, e.g.
//
//	calint:ignore CAL101,CAL202 reason="legacy integration, owner: team-x" expires=2027-06-30
type Directive struct {
	// Rules are the rule ids it suppresses, in the order given, without duplicates.
	Rules []string
	// Reason is the required justification.
	Reason string
	// Expires is the optional last day (YYYY-MM-DD) the suppression works.
	Expires string
	// Problems say why the directive is invalid; an invalid directive suppresses nothing.
	Problems []string
}

// Valid reports whether the directive has no problem.
func (d Directive) Valid() bool { return len(d.Problems) == 0 }

// ParseDirective parses the text of a calint comment (without "<!--" and "-->"). known
// reports whether a rule id exists; nil accepts every id.
//
// The grammar is `calint:ignore IDS key=value...`: IDS are rule ids separated by commas
// (spaces after the commas are fine); the keys are reason (required; double- or
// single-quoted, with backslash escapes, or a single word) and expires (YYYY-MM-DD).
func ParseDirective(text string, known func(string) bool) Directive {
	var d Directive
	problem := func(format string, args ...any) { d.Problems = append(d.Problems, fmt.Sprintf(format, args...)) }
	rest := strings.TrimSpace(text)
	rest, ok := strings.CutPrefix(rest, "calint:")
	if !ok {
		problem("not a calint directive")
		return d
	}
	verb := rest
	if i := strings.IndexFunc(rest, unicode.IsSpace); i >= 0 {
		verb, rest = rest[:i], rest[i:]
	} else {
		rest = ""
	}
	if verb != "ignore" {
		problem("unknown directive %q (want calint:ignore)", "calint:"+verb)
		return d
	}
	toks, err := tokenize(rest)
	if err != nil {
		problem("%s", err)
		return d
	}
	seenKey := map[string]bool{}
	seenID := map[string]bool{}
	hasReason := false
	for _, t := range toks {
		if !t.isPair {
			for id := range strings.SplitSeq(t.value, ",") {
				id = strings.TrimSpace(id)
				if id == "" || seenID[id] {
					continue
				}
				seenID[id] = true
				d.Rules = append(d.Rules, id)
			}
			continue
		}
		if seenKey[t.key] {
			problem("%s is given twice", t.key)
			continue
		}
		seenKey[t.key] = true
		switch t.key {
		case "reason":
			d.Reason = strings.TrimSpace(t.value)
			hasReason = true
		case "expires":
			d.Expires = t.value
			if _, err := time.Parse(time.DateOnly, t.value); err != nil {
				problem("expires %q is not a date (YYYY-MM-DD)", t.value)
			}
		default:
			problem("unknown field %q (want reason, expires)", t.key)
		}
	}
	if len(d.Rules) == 0 {
		problem("names no rule id (calint:ignore CAL101 reason=\"...\")")
	}
	for _, id := range d.Rules {
		if known != nil && !known(id) {
			problem("unknown rule id %q", id)
		}
	}
	switch {
	case !hasReason:
		problem(`has no reason (add reason="why this is accepted")`)
	case d.Reason == "":
		problem("has an empty reason")
	}
	return d
}

type token struct {
	isPair     bool
	key, value string
}

// tokenize splits the directive's arguments into rule-id words and key=value pairs.
func tokenize(s string) ([]token, error) {
	var out []token
	r := []rune(s)
	i := 0
	for {
		for i < len(r) && unicode.IsSpace(r[i]) {
			i++
		}
		if i >= len(r) {
			return out, nil
		}
		start := i
		for i < len(r) && !unicode.IsSpace(r[i]) && r[i] != '=' {
			i++
		}
		word := string(r[start:i])
		if i >= len(r) || r[i] != '=' {
			out = append(out, token{value: word})
			continue
		}
		key := strings.ToLower(word)
		i++ // '='
		if key == "" {
			return nil, fmt.Errorf("'=' without a field name")
		}
		if i < len(r) && (r[i] == '"' || r[i] == '\'') {
			q := r[i]
			i++
			var b strings.Builder
			closed := false
			for i < len(r) {
				c := r[i]
				if c == '\\' && i+1 < len(r) {
					b.WriteRune(r[i+1])
					i += 2
					continue
				}
				i++
				if c == q {
					closed = true
					break
				}
				b.WriteRune(c)
			}
			if !closed {
				return nil, fmt.Errorf("%s has an unterminated quote", key)
			}
			out = append(out, token{isPair: true, key: key, value: b.String()})
			continue
		}
		start = i
		for i < len(r) && !unicode.IsSpace(r[i]) {
			i++
		}
		out = append(out, token{isPair: true, key: key, value: string(r[start:i])})
	}
}
