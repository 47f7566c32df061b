// Package redact masks secrets in source lines before any report shows them.
package redact

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	// elements whose text is a secret
	secretElem = regexp.MustCompile(`(?i)(<(consumerSecret|password|signingKey|serviceAccount|privateKey|clientSecret|oauthToken|oauthRefreshToken|awsAccessSecret|parameterValue)\b[^>]*>)([^<]*)`)
	// user:password@ in URLs
	userinfo = regexp.MustCompile(`(://[^/@:\s<>]*:)([^@/\s<>]+)(@)`)
	// secret-looking query parameters
	query = regexp.MustCompile(`(?i)([?&;](?:amp;)?(?:client_secret|password|passwd|pwd|token|access_token|refresh_token|sig|signature|apikey|api_key|secret)=)([^&\s<"']+)`)
	// PEM bodies and markers
	pemLine = regexp.MustCompile(`^[\sA-Za-z0-9+/=]{16,}$`)
)

// Secret shows at most the first 4 characters of a secret, then "…" and its length.
func Secret(s string) string {
	r := []rune(s)
	if len(r) <= 8 {
		return fmt.Sprintf("… (%d characters)", len(r))
	}
	return fmt.Sprintf("%s… (%d characters)", string(r[:4]), len(r))
}

// Line masks everything in one source line that may be a secret: the text of secret
// elements, URL passwords, secret query parameters and lines of PEM or base64 key
// material.
func Line(s string) string {
	if strings.Contains(s, "PRIVATE KEY") {
		return "[private key material hidden]"
	}
	s = secretElem.ReplaceAllStringFunc(s, func(m string) string {
		sub := secretElem.FindStringSubmatch(m)
		if strings.TrimSpace(sub[3]) == "" {
			return m
		}
		return sub[1] + "[hidden]"
	})
	s = userinfo.ReplaceAllString(s, "${1}[hidden]${3}")
	s = query.ReplaceAllString(s, "${1}[hidden]")
	if pemLine.MatchString(s) && len(strings.TrimSpace(s)) >= 40 {
		return "[key material hidden]"
	}
	return s
}
