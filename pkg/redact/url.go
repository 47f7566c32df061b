package redact

import (
	"net/url"
	"strings"

	"github.com/calint/calint/pkg/parse"
)

// Credential is a range of a URL that holds a credential. Bare is set for a query or
// fragment part without a name (`?TOKEN`, `#TOKEN`): it may be a token, or an ordinary word
// (`#salesforceCallback`), so it is hidden in the source but masked in messages only where
// it appears whole (see NewValues).
type Credential struct {
	parse.Span
	Bare bool
}

// URLCredentials returns the parts of a URL that may carry a credential, by the URL's
// structure: the userinfo (everything before the last '@' of the authority, so a password
// that itself holds '@' is covered whole, and a token given as the user name too), the value
// of every query or fragment parameter named like a credential (CredentialName, as in
// `?client_secret=...` or `#access_token=...`), and every query or fragment part without a
// name. Names of parameters, and values of other parameters (`?client_name=SAML2Client`),
// stay visible.
func URLCredentials(u string) []Credential {
	var out []Credential
	end := len(u)
	frag := -1
	if i := strings.IndexByte(u, '#'); i >= 0 {
		frag, end = i+1, i
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
		out = append(out, Credential{Span: parse.Span{Start: auth, End: auth + at}})
	}
	if q := strings.IndexByte(u[authEnd:end], '?'); q >= 0 {
		out = params(out, u, authEnd+q+1, end)
	}
	if frag >= 0 {
		out = params(out, u, frag, len(u))
	}
	return out
}

// params appends the credentials among the parameters of u[from:to] (a query or a
// fragment, parts separated by '&' or ';').
func params(out []Credential, u string, from, to int) []Credential {
	seg := from
	for i := from; i <= to; i++ {
		if i < to && u[i] != '&' && u[i] != ';' {
			continue
		}
		if eq := strings.IndexByte(u[seg:i], '='); eq >= 0 {
			name := u[seg : seg+eq]
			if j := strings.LastIndexAny(name, "?/"); j >= 0 { // #/path?access_token=...
				name = name[j+1:]
			}
			if seg+eq+1 < i && (name == "" || CredentialName(name)) {
				out = append(out, Credential{Span: parse.Span{Start: seg + eq + 1, End: i}})
			}
		} else if i > seg {
			out = append(out, Credential{Span: parse.Span{Start: seg, End: i}, Bare: true})
		}
		seg = i + 1
	}
	return out
}

// credentialNames are parameter names that carry a credential, and credentialParts words
// that make a name one (client_secret, oauth_token, x-api-key, X-Amz-Signature).
var (
	credentialNames = map[string]bool{
		"code": true, "sig": true, "sid": true, "key": true, "auth": true, "pwd": true,
		"pass": true, "passwd": true, "session": true, "jwt": true, "assertion": true,
		"otp": true, "ticket": true, "hash": true,
	}
	credentialParts = []string{"secret", "password", "passwd", "token", "apikey", "api_key",
		"signature", "credential", "session", "private", "_key", "auth_code", "authcode"}
)

// CredentialName reports whether a query or fragment parameter name is one that carries a
// credential (client_secret, password, token, access_token, code, sig, apikey, ...).
func CredentialName(name string) bool {
	if n, err := url.QueryUnescape(name); err == nil {
		name = n
	}
	name = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "-", "_")
	if credentialNames[name] {
		return true
	}
	for _, p := range credentialParts {
		if strings.Contains(name, p) {
			return true
		}
	}
	return false
}

// URLSpans returns the ranges of a URL's credentials (see URLCredentials).
func URLSpans(u string) []parse.Span {
	var out []parse.Span
	for _, c := range URLCredentials(u) {
		out = append(out, c.Span)
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
