package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/calint/calint/pkg/engine"
	"github.com/calint/calint/pkg/scan"
)

// TestOneLineFileSnippets: in a file written on one line, every finding shows only its
// element's part of the line (bounded), and its column still points at the element, so a
// report grows with the findings, not with findings times the line (2,500 scopes on one
// line made a 200 MB HTML report).
func TestOneLineFileSnippets(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><contactEmail>a@example.com</contactEmail><label>One</label><oauthConfig><callbackUrl>https://app.acme-corp.com/cb</callbackUrl><consumerKey>KEY</consumerKey><consumerSecret>S3cr3tValueThatMustNeverShow0123456789</consumerSecret>`)
	for range 2500 {
		b.WriteString("<scopes>Full</scopes><scopes>Bogus</scopes>")
	}
	b.WriteString("</oauthConfig></ConnectedApp>")
	if err := os.WriteFile(filepath.Join(dir, "One.connectedApp-meta.xml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := scan.Run(ctx, scan.Options{Paths: []string{dir}, Engine: eng})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) < 2 {
		t.Fatalf("%d findings", len(res.Findings))
	}
	for _, f := range res.Findings {
		if len(f.Snippet) > scan.MaxSnippet+2*len("…") {
			t.Fatalf("%s at column %d: snippet of %d bytes", f.RuleID, f.Column, len(f.Snippet))
		}
		if strings.Contains(f.Snippet, "S3cr3t") {
			t.Fatalf("%s: the secret shows in %q", f.RuleID, f.Snippet)
		}
		col := f.Column - f.SnippetOffset
		if col < 1 || col > utf8.RuneCountInString(f.Snippet) {
			t.Fatalf("%s: column %d (offset %d) is outside the snippet %q", f.RuleID, f.Column, f.SnippetOffset, f.Snippet)
		}
		if r := []rune(f.Snippet)[col-1]; r != '<' {
			t.Fatalf("%s: column %d of the snippet is %q, not the element's '<': %q", f.RuleID, col, r, f.Snippet)
		}
	}
}
