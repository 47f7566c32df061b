package redact_test

import (
	"strings"
	"testing"

	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/redact"
)

func docWith(src string, spans ...parse.Span) *parse.Doc {
	d := &parse.Doc{Src: []byte(src)}
	d.SetSecrets(spans, nil)
	return d
}

func TestLine(t *testing.T) {
	src := "<a>\n  <s>TOPSECRET</s> <s>OTHER</s>\r\n<m>AAA\nBBB</m>\n"
	i := strings.Index(src, "TOPSECRET")
	j := strings.Index(src, "OTHER")
	k := strings.Index(src, "AAA")
	d := docWith(src,
		parse.Span{Start: j, End: j + 5}, // out of order on purpose
		parse.Span{Start: i, End: i + 9},
		parse.Span{Start: k, End: k + 7}, // spans two lines
	)
	for _, tt := range []struct {
		line int
		want string
	}{
		{1, "<a>"},
		{2, "  <s>[hidden]</s> <s>[hidden]</s>"},
		{3, "<m>[hidden]"},
		{4, "[hidden]</m>"},
		{5, ""},
		{0, ""},
	} {
		if got := redact.Line(d, tt.line); got != tt.want {
			t.Errorf("line %d = %q, want %q", tt.line, got, tt.want)
		}
	}
	// a slice that cuts a secret hides what it holds of it
	if got := redact.Slice(d, i+3, i+12); got != "[hidden]</s" {
		t.Errorf("Slice = %q", got)
	}
}

func TestSetSecretsMerges(t *testing.T) {
	d := docWith("0123456789", parse.Span{Start: 5, End: 7}, parse.Span{Start: 1, End: 3}, parse.Span{Start: 2, End: 5}, parse.Span{Start: 8, End: 8}, parse.Span{Start: 9, End: 20})
	want := []parse.Span{{Start: 1, End: 7}, {Start: 9, End: 10}}
	if len(d.Secrets) != len(want) || d.Secrets[0] != want[0] || d.Secrets[1] != want[1] {
		t.Errorf("Secrets = %v, want %v", d.Secrets, want)
	}
	if got := redact.Line(d, 1); got != "0[hidden]78[hidden]" {
		t.Errorf("line = %q", got)
	}
}

// A line of many secrets is masked in one pass: this would take minutes if each secret
// re-scanned the line.
func TestLineManySecrets(t *testing.T) {
	var b strings.Builder
	var spans []parse.Span
	for range 200_000 {
		b.WriteString("<s>")
		spans = append(spans, parse.Span{Start: b.Len(), End: b.Len() + 6})
		b.WriteString("SECRET</s>")
	}
	d := docWith(b.String(), spans...)
	got := redact.Line(d, 1)
	if strings.Contains(got, "SECRET") || strings.Count(got, redact.Hidden) != 200_000 {
		t.Fatalf("masked line holds a secret or misses one")
	}
}

func TestURLSpans(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://app.example.com/cb", "https://app.example.com/cb"},
		{"https://user:pass@host/cb", "https://[hidden]@host/cb"},
		{"https://user:p@ss@word@host/cb", "https://[hidden]@host/cb"},
		{"https://TOKEN@host", "https://[hidden]@host"},
		{"https://host/cb?client_secret=abc&state=1&flag", "https://host/cb?client_secret=[hidden]&state=1&[hidden]"},
		{"https://host/cb?a=1;token=xyz", "https://host/cb?a=1;token=[hidden]"},
		{"https://host/cb?client_name=SAML2Client&Password=p&X-Api-Key=k&sig=s&code=c&client%5Fsecret=s", "https://host/cb?client_name=SAML2Client&Password=[hidden]&X-Api-Key=[hidden]&sig=[hidden]&code=[hidden]&client%5Fsecret=[hidden]"},
		{"https://host/cb#access_token=abc&x=y", "https://host/cb#access_token=[hidden]&x=y"},
		{"https://host/cb#/app?id_token=abc", "https://host/cb#/app?id_token=[hidden]"},
		{"https://host/index.html#salesforceCallback", "https://host/index.html#[hidden]"},
		{"https://host/cb?=v#", "https://host/cb?=[hidden]#"},
		{"//u:p@host/x", "//[hidden]@host/x"},
		{"u:p@host/x", "[hidden]@host/x"},
		{"myapp://cb", "myapp://cb"},
		{"resttest:CallBack", "resttest:CallBack"},
		{"https://host/a@b", "https://host/a@b"},
	} {
		if got := redact.URL(tt.in); got != tt.want {
			t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValues(t *testing.T) {
	v := redact.NewValues([]string{"S3cr3tValue", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", "short", "ab", "ümlautsecret"})
	for _, tt := range []struct{ in, want string }{
		{"value S3cr3tValue here", "value [hidden] here"},
		{"prefix S3cr3t and tail 3tValue", "prefix [hidden] and tail [hidden]"},
		{"five S3cr3 is not six", "five S3cr3 is not six"},
		{"a short one", "a [hidden] one"},
		{"ab is too brief to tell", "ab is too brief to tell"},
		{"PEM BEGIN RSA PRIVATE KEY marker, body MIIEpAIBAAK", "PEM BEGIN RSA PRIVATE KEY marker, body [hidden]"},
		{"x ümlauts y", "x [hidden] y"},
		{"nothing", "nothing"},
	} {
		if got := v.Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// a bare URL token may be a word: hidden only where it appears whole, and only if long
	w := redact.NewValues(nil, "salesforceCallback", "callback", "Zq9Xw8Vu7Ts6Rp5x")
	for _, tt := range []struct{ in, want string }{
		{"callback URL https://h/index.html#salesforceCallback", "callback URL https://h/index.html#[hidden]"},
		{"a callback is not a secret", "a callback is not a secret"},
		{"token Zq9Xw8Vu7Ts6Rp5x here", "token [hidden] here"},
	} {
		if got := w.Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	var zero *redact.Values
	if got := zero.Mask("S3cr3tValue"); got != "S3cr3tValue" {
		t.Errorf("nil Values masked %q", got)
	}
}

func TestLength(t *testing.T) {
	if got := redact.Length("äbc"); got != "(hidden, 3 characters)" {
		t.Errorf("Length = %q", got)
	}
	if got := redact.Length("x"); got != "(hidden, 1 character)" {
		t.Errorf("Length = %q", got)
	}
}

func TestParseError(t *testing.T) {
	names := redact.Names{Secret: map[string]bool{"consumersecret": true}, URL: map[string]bool{"callbackurl": true}}
	const msg = "not well-formed XML: invalid character entity &S3cr3t;"
	for _, tt := range []struct {
		name string
		pe   parse.Error
		hide bool
	}{
		{"plain line", parse.Error{Line: 3, Source: "<label>x</labe>"}, false},
		{"secret tag on the line", parse.Error{Line: 3, Source: "<consumerSecret>S3cr3t</consumerSecre>"}, true},
		{"prefixed secret tag", parse.Error{Line: 3, Source: "<md:consumerSecret>S3cr3t&bad;"}, true},
		{"closing tag only", parse.Error{Line: 3, Source: "S3cr3t</consumerSecret><x&>"}, true},
		{"inside an open secret", parse.Error{Line: 4, Source: "S3cr3t&bad;", Open: []string{"ConnectedApp", "oauthConfig", "consumerSecret"}}, true},
		{"undeclared secret-like name", parse.Error{Line: 4, Source: "<clientSecret>S3cr3t&bad;"}, true},
		{"key material", parse.Error{Line: 4, Source: "MIIEpAIBAAKCAQEA&bad;", KeyMaterial: true}, true},
		{"private key marker", parse.Error{Line: 4, Source: "-----BEGIN PRIVATE KEY-----&bad;"}, true},
		{"URL with credentials", parse.Error{Line: 4, Source: "<callbackUrl>https://u:S3cr3t@h&bad;"}, true},
		{"URL without", parse.Error{Line: 4, Source: "<callbackUrl>https://h/cb&bad;"}, false},
		{"no line", parse.Error{Msg: "file is empty"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pe := tt.pe
			if pe.Msg == "" {
				pe.Msg = msg
			}
			src, m := names.ParseError(&pe)
			if tt.hide {
				if src != "" || strings.Contains(m, "S3cr3t") || !strings.HasPrefix(m, "not well-formed XML") {
					t.Errorf("shown: %q, %q", src, m)
				}
				return
			}
			if src != pe.Source || m != pe.Msg {
				t.Errorf("hidden: %q, %q", src, m)
			}
		})
	}
}
