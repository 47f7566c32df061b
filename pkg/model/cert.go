package model

import (
	"bytes"
	"crypto/dsa" //nolint:staticcheck // only to name the key type of an old certificate
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"math"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// CertFacts describe an X.509 certificate for rules; see docs/input.md. A certificate is
// public, so its facts may be shown.
type CertFacts struct {
	// Parsed is false when the value is not a certificate; Error then says why.
	Parsed bool
	Error  string
	// Placeholder is true for a template placeholder such as {CERTIFICATE} or
	// __CERTIFICATE_PEM__, which stands for a certificate filled in at deploy time.
	Placeholder bool
	// SignatureAlgorithm is crypto/x509's name, e.g. "SHA256-RSA", "SHA1-RSA", "ECDSA-SHA256".
	SignatureAlgorithm string
	// WeakSignature is true for a signature over MD2, MD5 or SHA-1.
	WeakSignature bool
	// KeyType is "RSA", "EC", "Ed25519", "DSA" or "" (unknown); KeyBits its size.
	KeyType string
	KeyBits int
	// NotAfter is the last day of validity, "2006-01-02" (UTC).
	NotAfter string
	// DaysLeft is the number of whole days from the scan date to NotAfter: negative once the
	// certificate has expired, 0 on its last day.
	DaysLeft int
	// Subject is the certificate's subject common name (or the whole subject when it has none).
	Subject string
}

// ParseCertificate parses a certificate as metadata holds it: base64 DER without PEM lines
// (what Salesforce writes), or a PEM CERTIFICATE block; whitespace is ignored. now is the
// scan date DaysLeft is measured from.
func ParseCertificate(v string, now time.Time) CertFacts {
	if certPlaceholder.MatchString(strings.TrimSpace(v)) {
		return CertFacts{Placeholder: true, Error: "a placeholder"}
	}
	der, err := certDER(v)
	if err != nil {
		return CertFacts{Error: err.Error()}
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return CertFacts{Error: strings.TrimPrefix(err.Error(), "x509: ")}
	}
	f := CertFacts{Parsed: true, SignatureAlgorithm: c.SignatureAlgorithm.String()}
	switch c.SignatureAlgorithm {
	case x509.MD2WithRSA, x509.MD5WithRSA, x509.SHA1WithRSA, x509.DSAWithSHA1, x509.ECDSAWithSHA1:
		f.WeakSignature = true
	}
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		f.KeyType, f.KeyBits = "RSA", k.N.BitLen()
	case *ecdsa.PublicKey:
		f.KeyType, f.KeyBits = "EC", k.Curve.Params().BitSize
	case ed25519.PublicKey:
		f.KeyType, f.KeyBits = "Ed25519", 256
	case *dsa.PublicKey:
		f.KeyType, f.KeyBits = "DSA", k.P.BitLen()
	}
	na := c.NotAfter.UTC()
	f.NotAfter = na.Format("2006-01-02")
	f.DaysLeft = int(math.Floor(na.Sub(now).Hours() / 24))
	f.Subject = c.Subject.CommonName
	if f.Subject == "" {
		f.Subject = c.Subject.String()
	}
	if !utf8.ValidString(f.Subject) {
		f.Subject = strings.ToValidUTF8(f.Subject, "?")
	}
	return f
}

// certPlaceholder matches the placeholders templates put where a certificate goes:
// {CERT}, {{cert}}, ${CERT}, <certificate>, __CERTIFICATE_PEM__, %CERT%.
var certPlaceholder = regexp.MustCompile(`^(\$?\{+[^{}]*\}+|<[^<>]*>|__[A-Za-z0-9_]+__|%[A-Za-z0-9_]+%)$`)

type certError string

func (e certError) Error() string { return string(e) }

// certDER returns the DER bytes of a base64 or PEM certificate.
func certDER(v string) ([]byte, error) {
	v = strings.TrimSpace(v)
	if strings.Contains(v, "-----BEGIN") {
		return pemDER([]byte(v))
	}
	clean := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\r', '\n':
			return -1
		}
		return r
	}, v)
	der, err := base64.StdEncoding.DecodeString(clean)
	if err != nil {
		if der, err = base64.RawStdEncoding.DecodeString(clean); err != nil {
			return nil, certError("not base64")
		}
	}
	// base64 of a whole PEM file (as `openssl pkcs12` writes it, "Bag Attributes" first):
	// the real corpus has one
	if bytes.Contains(der, []byte("-----BEGIN CERTIFICATE-----")) {
		return pemDER(der)
	}
	return der, nil
}

// pemDER returns the DER bytes of the first PEM block, which must be a certificate.
func pemDER(b []byte) ([]byte, error) {
	blk, _ := pem.Decode(b)
	if blk == nil {
		return nil, certError("malformed PEM block")
	}
	if blk.Type != "CERTIFICATE" {
		return nil, certError("PEM block is " + blk.Type + ", not CERTIFICATE")
	}
	return blk.Bytes, nil
}

func (f *CertFacts) term() *ast.Term {
	return ast.ObjectTerm(
		item("parsed", ast.InternedTerm(f.Parsed)),
		item("placeholder", ast.InternedTerm(f.Placeholder)),
		item("error", ast.StringTerm(f.Error)),
		item("signatureAlgorithm", ast.StringTerm(f.SignatureAlgorithm)),
		item("weakSignature", ast.InternedTerm(f.WeakSignature)),
		item("keyType", ast.StringTerm(f.KeyType)),
		item("keyBits", ast.InternedTerm(f.KeyBits)),
		item("notAfter", ast.StringTerm(f.NotAfter)),
		item("daysLeft", ast.InternedTerm(f.DaysLeft)),
		item("subject", ast.StringTerm(f.Subject)),
	)
}

// shorten gives a long value's start and length, for messages about values that are
// long but not secret (a certificate that does not parse).
func shorten(v string) string {
	r := []rune(v)
	if len(r) <= 24 {
		return v
	}
	return string(r[:16]) + "… (" + itoa(len(r)) + " characters)"
}
