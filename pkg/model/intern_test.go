package model

import (
	"strings"
	"testing"

	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/schema"
	"github.com/calint/calint/rules"
)

// TestUnknownNamesNotInterned: element names the schema declares are interned (shared key
// terms), names taken only from a scanned file are not, so scanning many files with made-up
// element names cannot grow the process-wide key map.
func TestUnknownNamesNotInterned(t *testing.T) {
	s, err := schema.Load(rules.FS, "schema")
	if err != nil {
		t.Fatal(err)
	}
	const path = "force-app/main/default/connectedApps/My_App.connectedApp-meta.xml"
	k, _, ok := parse.KindOf(path)
	if !ok {
		t.Fatalf("%s: unknown kind", path)
	}
	unknown := []string{"calintUnknownTop", "calintUnknownNested", "calintUnknownTwice"}
	src := `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>a@example.com</contactEmail>
    <calintUnknownTop>x</calintUnknownTop>
    <calintUnknownTwice>1</calintUnknownTwice>
    <calintUnknownTwice>2</calintUnknownTwice>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <calintUnknownNested><deeper>y</deeper></calintUnknownNested>
    </oauthConfig>
</ConnectedApp>
`
	d, err := parse.Parse(path, k, []byte(src), parse.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	a := (&Builder{Schemas: s}).ConnectedApp(d)
	// the unknown elements are still in the input, under their own names
	for _, n := range unknown {
		if !strings.Contains(a.Input.String(), `"`+n+`"`) {
			t.Errorf("input lacks unknown element %s", n)
		}
	}
	for _, n := range append(unknown, "deeper") {
		if _, ok := keys.Load(n); ok {
			t.Errorf("undeclared element name %q was interned", n)
		}
	}
	for _, n := range []string{"contactEmail", "oauthConfig", "callbackUrl"} {
		if _, ok := keys.Load(n); !ok {
			t.Errorf("declared element name %q was not interned", n)
		}
	}
}
