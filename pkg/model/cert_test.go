package model_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/calint/calint/pkg/model"
	"github.com/calint/calint/pkg/parse"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// certB64 creates a self-signed certificate with the given key, signature and validity
// end, as base64 DER (what Salesforce writes).
func certB64(t *testing.T, key any, alg x509.SignatureAlgorithm, notAfter time.Time) string {
	t.Helper()
	var pub any
	switch k := key.(type) {
	case *rsa.PrivateKey:
		pub = &k.PublicKey
	case *ecdsa.PrivateKey:
		pub = &k.PublicKey
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "jwt.example.com"},
		NotBefore: day(2015, 1, 1), NotAfter: notAfter, SignatureAlgorithm: alg,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, pub, key)
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(der)
}

func TestParseCertificate(t *testing.T) {
	rsa2048, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ec256, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := day(2026, 6, 1)
	good := certB64(t, rsa2048, x509.SHA256WithRSA, day(2030, 6, 1))
	pemText := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: mustB64(t, good)}))
	// base64 of a whole PEM file with openssl's "Bag Attributes" header (seen in the corpus)
	bagged := base64.StdEncoding.EncodeToString([]byte("Bag Attributes\r\n    localKeyID: 01 02\r\n" + pemText))
	// wrapped at 64 columns, as some editors do
	var wrapped strings.Builder
	for i := 0; i < len(good); i += 64 {
		wrapped.WriteString(good[i:min(i+64, len(good))] + "\n")
	}
	tests := []struct {
		name, value string
		want        model.CertFacts
	}{
		{"rsa sha256", good, model.CertFacts{Parsed: true, SignatureAlgorithm: "SHA256-RSA", KeyType: "RSA", KeyBits: 2048, NotAfter: "2030-06-01", DaysLeft: 1461, Subject: "jwt.example.com"}},
		{"pem", pemText, model.CertFacts{Parsed: true, SignatureAlgorithm: "SHA256-RSA", KeyType: "RSA", KeyBits: 2048, NotAfter: "2030-06-01", DaysLeft: 1461, Subject: "jwt.example.com"}},
		{"base64 of a pem file", bagged, model.CertFacts{Parsed: true, SignatureAlgorithm: "SHA256-RSA", KeyType: "RSA", KeyBits: 2048, NotAfter: "2030-06-01", DaysLeft: 1461, Subject: "jwt.example.com"}},
		{"wrapped", wrapped.String(), model.CertFacts{Parsed: true, SignatureAlgorithm: "SHA256-RSA", KeyType: "RSA", KeyBits: 2048, NotAfter: "2030-06-01", DaysLeft: 1461, Subject: "jwt.example.com"}},
		{"sha1 expired", certB64(t, rsa2048, x509.SHA1WithRSA, day(2026, 5, 31)), model.CertFacts{Parsed: true, SignatureAlgorithm: "SHA1-RSA", WeakSignature: true, KeyType: "RSA", KeyBits: 2048, NotAfter: "2026-05-31", DaysLeft: -1, Subject: "jwt.example.com"}},
		{"last day", certB64(t, ec256, x509.ECDSAWithSHA256, day(2026, 6, 1).Add(23*time.Hour)), model.CertFacts{Parsed: true, SignatureAlgorithm: "ECDSA-SHA256", KeyType: "EC", KeyBits: 256, NotAfter: "2026-06-01", DaysLeft: 0, Subject: "jwt.example.com"}},
		{"placeholder", "{CERTIFICATE}", model.CertFacts{Placeholder: true, Error: "a placeholder"}},
		{"pem placeholder", "__CERTIFICATE_PEM__", model.CertFacts{Placeholder: true, Error: "a placeholder"}},
		{"not base64", "MIIB...copy and paste", model.CertFacts{Error: "not base64"}},
		{"not a certificate", base64.StdEncoding.EncodeToString([]byte("hello world")), model.CertFacts{Error: "malformed certificate"}},
		{"private key pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", model.CertFacts{Error: "PEM block is PRIVATE KEY, not CERTIFICATE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := model.ParseCertificate(tt.value, now)
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func mustB64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCertificateInput: a certificate leaf carries its facts, measured from Builder.Now; a
// value that is not a certificate is an invalid value (CAL603) that shows only its start.
func TestCertificateInput(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	b := builder(t)
	b.Now = day(2026, 1, 1)
	src := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ConnectedApp" + ns + ">\n    <oauthConfig>\n        <certificate>" +
		certB64(t, key, x509.SHA256WithRSA, day(2025, 12, 1)) + "</certificate>\n    </oauthConfig>\n" +
		"    <samlConfig>\n        <certificate>not a certificate at all, really</certificate>\n    </samlConfig>\n</ConnectedApp>\n"
	a := b.Single(doc(t, "connectedApps/Jwt.connectedApp-meta.xml", src))
	in := input(t, a)
	c := at(t, in, "connectedApp.oauthConfig.certificate.cert")
	if at(t, c, "parsed") != true || at(t, c, "notAfter") != "2025-12-01" || at(t, c, "daysLeft").(interface{ String() string }).String() != "-31" {
		t.Errorf("cert facts %v", c)
	}
	inv := at(t, in, "invalidValues").([]any)
	if len(inv) != 1 || at(t, inv[0], "path") != "samlConfig/certificate" ||
		at(t, inv[0], "value") != "not a certificat… (32 characters)" ||
		!strings.Contains(at(t, inv[0], "expected").(string), "X.509 certificate") {
		t.Errorf("invalid values %v", inv)
	}
}

// TestNewTypesAreApps: credentials and settings files are apps of their own, named by the
// component and typed by the metadata type, under their input key.
func TestNewTypesAreApps(t *testing.T) {
	b := builder(t)
	for _, tt := range []struct{ path, root, key, name string }{
		{"authproviders/Okta.authprovider-meta.xml", "AuthProvider", "authprovider", "Okta"},
		{"namedCredentials/Billing.namedCredential", "NamedCredential", "namedCredential", "Billing"},
		{"externalCredentials/Partner.externalCredential-meta.xml", "ExternalCredential", "externalCredential", "Partner"},
		{"settings/OauthOidc.settings-meta.xml", "OauthOidcSettings", "oauthOidcSettings", "OauthOidc"},
		{"settings/ConnectedApp.settings", "ConnectedAppSettings", "connectedAppSettings", "ConnectedApp"},
		{"settings/ExternalClientApp.settings-meta.xml", "ExternalClientAppSettings", "externalClientAppSettings", "ExternalClientApp"},
	} {
		d := doc(t, tt.path, "<?xml version=\"1.0\"?>\n<"+tt.root+ns+">\n    <fullName>x</fullName>\n</"+tt.root+">\n")
		if d.Kind.Group != parse.GroupApp {
			t.Errorf("%s: group %v", tt.path, d.Kind.Group)
		}
		a := b.Single(d)
		in := input(t, a)
		if a.Name != tt.name || a.Type != tt.root || at(t, in, "app.type") != tt.root || !has(in, tt.key) {
			t.Errorf("%s: app %s %s, input keys %v", tt.path, a.Name, a.Type, in)
		}
		if len(at(t, in, "unknownElements").([]any)) != 0 {
			t.Errorf("%s: unknown elements %v", tt.path, at(t, in, "unknownElements"))
		}
	}
}
