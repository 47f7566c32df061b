package model_test

import (
	"strings"
	"testing"

	"github.com/calint/calint/pkg/redact"
)

// Every syntactic form of a secret element's content is hidden whole in every source line,
// and its decoded value is known, so a message quoting it can be masked.
func TestMarkSecrets(t *testing.T) {
	const secret = "Zq9Xw8Vu7Ts6Rp5"
	for _, tt := range []struct{ name, body string }{
		{"plain", "<oauthConfig><consumerSecret>" + secret + "</consumerSecret></oauthConfig>"},
		{"cdata", "<oauthConfig><consumerSecret><![CDATA[" + secret + "]]></consumerSecret></oauthConfig>"},
		{"prefix", "<oauthConfig><md:consumerSecret xmlns:md=\"urn:x\">" + secret + "</md:consumerSecret></oauthConfig>"},
		{"comment", "<oauthConfig><consumerSecret>" + secret[:7] + "<!-- c -->" + secret[7:] + "</consumerSecret></oauthConfig>"},
		{"char refs", "<oauthConfig><consumerSecret>&#90;q9Xw8V&#x75;7Ts6Rp5</consumerSecret></oauthConfig>"},
		{"multi-line", "<oauthConfig><consumerSecret>\n  " + secret[:7] + "\n  " + secret[7:] + "\n</consumerSecret></oauthConfig>"},
		{"duplicate", "<oauthConfig><consumerSecret>x</consumerSecret>\n<consumerSecret>" + secret + "</consumerSecret></oauthConfig>"},
		{"duplicate block", "<oauthConfig><scopes>Api</scopes></oauthConfig>\n<oauthConfig><consumerSecret>" + secret + "</consumerSecret></oauthConfig>"},
		{"undeclared", "<oauthConfig><clientSecret>" + secret + "</clientSecret></oauthConfig>"},
		{"children", "<oauthConfig><consumerSecret><x>" + secret + "</x></consumerSecret></oauthConfig>"},
		{"pem elsewhere", "<description>-----BEGIN PRIVATE KEY-----\n" + secret + "\n-----END PRIVATE KEY-----</description>"},
		{"url userinfo", "<oauthConfig><callbackUrl>https://u:" + secret + "@h.example/cb</callbackUrl></oauthConfig>"},
		{"url userinfo with @", "<oauthConfig><callbackUrl>https://u:" + secret[:5] + "@" + secret[5:] + "@h.example/cb</callbackUrl></oauthConfig>"},
		{"url query", "<oauthConfig><callbackUrl>https://h.example/cb\nhttps://h.example/cb?a=1&amp;client_secret=" + secret + "</callbackUrl></oauthConfig>"},
		{"url query escaped", "<startUrl>https://h.example/cb?token&#61;" + secret + "</startUrl>"},
		{"url fragment", "<infoUrl>https://h.example/#access_token=" + secret + "</infoUrl>"},
		{"url cdata", "<oauthConfig><callbackUrl><![CDATA[https://h.example/cb?x=1&pwd=" + secret + "]]></callbackUrl></oauthConfig>"},
		{"url bare query", "<startUrl>https://h.example/cb?" + secret + "</startUrl>"},
		{"url bare fragment", "<infoUrl>https://h.example/#" + secret + "</infoUrl>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := ca(t, tt.body)
			d := a.Docs[0]
			n := strings.Count(string(d.Src), "\n") + 1
			for i := 1; i <= n; i++ {
				if l := redact.Line(d, i); leaks(l, secret) {
					t.Errorf("line %d shows the secret: %q", i, l)
				}
			}
			if m := a.Secrets.Mask("msg " + secret + " end"); strings.Contains(m, secret[:6]) {
				t.Errorf("message not masked: %q (values %q)", m, d.SecretValues)
			}
		})
	}
}

// leaks reports whether s holds 6 or more consecutive characters of secret.
func leaks(s, secret string) bool {
	for i := 0; i+6 <= len(secret); i++ {
		if strings.Contains(s, secret[i:i+6]) {
			return true
		}
	}
	return false
}

// Elements that hold no secret are shown as they are.
func TestMarkSecretsLeavesTheRest(t *testing.T) {
	a, _ := ca(t, "<label>My App</label>\n<oauthConfig><callbackUrl>https://h.example/cb?client_name=SAML2Client</callbackUrl><consumerKey>3MVG9_KEY</consumerKey><isConsumerSecretOptional>false</isConsumerSecretOptional></oauthConfig>")
	d := a.Docs[0]
	if len(d.Secrets) != 0 {
		t.Errorf("secrets %v in a file without any", d.Secrets)
	}
	if l := redact.Line(d, 4); !strings.Contains(l, "3MVG9_KEY") || !strings.Contains(l, "https://h.example/cb?client_name=SAML2Client") {
		t.Errorf("line 4 = %q", l)
	}
	if m := a.Secrets.Mask("migrate to an External Client App"); m != "migrate to an External Client App" {
		t.Errorf("message masked: %q", m)
	}
}
