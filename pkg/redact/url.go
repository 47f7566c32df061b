package redact

import (
	"strings"

	"github.com/calint/calint/pkg/parse"
)

// URLSpans returns the byte ranges of a URL that may carry a credential, by the URL's
// structure: the userinfo (everything before the last '@' of the authority, so a password
// that itself holds '@' is covered whole), every query value (and a query parameter without
// a value, which may be a bare token), and the fragment (`#access_token=...`). Names of query
// parameters stay visible.
func URLSpans(u string) []parse.Span {
	var out []parse.Span
	end := len(u)
	var fragment *parse.Span
	if i := strings.IndexByte(u, '#'); i >= 0 {
		if i+1 < len(u) {
			fragment = &parse.Span{Start: i + 1, End: len(u)}
		}
		end = i
	}
	// authority: after "scheme://" or a leading "//"; without one, the text before the
	// path may still be user:password@host
	auth := 0
	if i := strings.Index(u[:end], "//"); i >= 0 && (i == 0 || isScheme(strings.TrimSuffix(u[:i], ":"))) {
		auth = i + 2
	}
	authEnd := end
	if i := strings.IndexAny(u[auth:end], "/?"); i >= 0 {
		authEnd = auth + i
	}
	if at := strings.LastIndexByte(u[auth:authEnd], '@'); at > 0 {
		out = append(out, parse.Span{Start: auth, End: auth + at})
	}
	if q := strings.IndexByte(u[authEnd:end], '?'); q >= 0 {
		seg := authEnd + q + 1
		for i := seg; i <= end; i++ {
			if i < end && u[i] != '&' && u[i] != ';' {
				continue
			}
			if eq := strings.IndexByte(u[seg:i], '='); eq >= 0 {
				if seg+eq+1 < i {
					out = append(out, parse.Span{Start: seg + eq + 1, End: i})
				}
			} else if i > seg {
				out = append(out, parse.Span{Start: seg, End: i})
			}
			seg = i + 1
		}
	}
	if fragment != nil {
		out = append(out, *fragment)
	}
	return out
}

func isScheme(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

// URL returns a URL with its credentials (see URLSpans) hidden.
func URL(u string) string {
	spans := URLSpans(u)
	if len(spans) == 0 {
		return u
	}
	var b strings.Builder
	at := 0
	for _, s := range spans {
		b.WriteString(u[at:s.Start])
		b.WriteString(Hidden)
		at = s.End
	}
	b.WriteString(u[at:])
	return b.String()
}
