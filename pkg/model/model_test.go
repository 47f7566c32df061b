package model_test

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/calint/calint/pkg/model"
	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/schema"
	"github.com/calint/calint/rules"
)

func builder(t *testing.T) *model.Builder {
	t.Helper()
	s, err := schema.Load(rules.FS, "schema")
	if err != nil {
		t.Fatal(err)
	}
	return &model.Builder{Schemas: s}
}

func doc(t *testing.T, path, src string) *parse.Doc {
	t.Helper()
	k, _, ok := parse.KindOf(path)
	if !ok {
		t.Fatalf("%s: unknown kind", path)
	}
	d, err := parse.Parse(path, k, []byte(src), parse.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const ns = ` xmlns="http://soap.sforce.com/2006/04/metadata"`

// ca builds the input of a connected app whose root holds body.
func ca(t *testing.T, body string) (*model.App, map[string]any) {
	t.Helper()
	src := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ConnectedApp" + ns + ">\n" + body + "\n</ConnectedApp>\n"
	a := builder(t).ConnectedApp(doc(t, "force-app/main/default/connectedApps/My_App.connectedApp-meta.xml", src))
	return a, input(t, a)
}

func input(t *testing.T, a *model.App) map[string]any {
	t.Helper()
	return jsonOf(t, a.Input)
}

// variantInput is the i-th variant of the app's input (see model.App.Variants).
func variantInput(t *testing.T, a *model.App, i int) map[string]any {
	t.Helper()
	return jsonOf(t, a.Variants[i])
}

func jsonOf(t *testing.T, in ast.Value) map[string]any {
	t.Helper()
	v, err := ast.JSON(in)
	if err != nil {
		t.Fatal(err)
	}
	// round-trip through encoding/json for plain Go types (numbers as json.Number)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// at follows a path of object keys and array indexes ("0") through v.
func at(t *testing.T, v any, path string) any {
	t.Helper()
	for _, p := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			next, ok := x[p]
			if !ok {
				t.Fatalf("%s: no %q", path, p)
			}
			v = next
		case []any:
			var i int
			if _, err := fmt.Sscan(p, &i); err != nil || i >= len(x) {
				t.Fatalf("%s: bad index %q into %d items", path, p, len(x))
			}
			v = x[i]
		default:
			t.Fatalf("%s: %q into %T", path, p, v)
		}
	}
	return v
}

func has(v any, key string) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, ok = m[key]
	return ok
}

func ref(t *testing.T, v any) int {
	t.Helper()
	n, ok := at(t, v, "_ref").(json.Number)
	if !ok {
		t.Fatalf("_ref of %v is not a number", v)
	}
	i, err := n.Int64()
	if err != nil {
		t.Fatal(err)
	}
	return int(i)
}

func TestTyping(t *testing.T) {
	_, in := ca(t, `    <contactEmail>  a@example.com  </contactEmail>
    <label>My App</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <isPkceRequired>false</isPkceRequired>
        <isClientCredentialEnabled>1</isClientCredentialEnabled>
        <isCodeCredentialEnabled> 0 </isCodeCredentialEnabled>
        <isConsumerSecretOptional>yes</isConsumerSecretOptional>
        <scopes>Api</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <refreshTokenPolicy>specific_lifetime:90:DAYS</refreshTokenPolicy>
    </oauthPolicy>
    <sessionPolicy>
        <sessionTimeout>015</sessionTimeout>
    </sessionPolicy>
    <profileName>Admin</profileName>`)
	tests := []struct {
		path string
		want any
	}{
		{"connectedApp.contactEmail.value", "a@example.com"},
		{"connectedApp.label.value", "My App"},
		{"connectedApp.oauthConfig.isAdminApproved.value", true},
		{"connectedApp.oauthConfig.isPkceRequired.value", false},
		{"connectedApp.oauthConfig.isClientCredentialEnabled.value", true}, // xsd:boolean
		{"connectedApp.oauthConfig.isCodeCredentialEnabled.value", false},
		{"connectedApp.oauthConfig.isConsumerSecretOptional.value", "yes"},
		{"connectedApp.oauthPolicy.ipRelaxation.value", "ENFORCE"},
		{"connectedApp.oauthPolicy.refreshTokenPolicy.value", "specific_lifetime:90:DAYS"},
		{"connectedApp.sessionPolicy.sessionTimeout.value", json.Number("15")},
		{"connectedApp.oauthConfig.scopes.0.value", "Api"},
		{"connectedApp.profileName.0.value", "Admin"},
		{"app.name", "My_App"},
		{"app.type", "ConnectedApp"},
		{"app.files.0.path", "force-app/main/default/connectedApps/My_App.connectedApp-meta.xml"},
		{"app.files.0.type", "ConnectedApp"},
		{"app.files.0.suffix", "connectedApp"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := at(t, in, tt.path); got != tt.want {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
	// one scope and one profile are still lists
	for _, p := range []string{"connectedApp.oauthConfig.scopes", "connectedApp.profileName"} {
		if l, ok := at(t, in, p).([]any); !ok || len(l) != 1 {
			t.Errorf("%s is %#v, want a list of one", p, at(t, in, p))
		}
	}
	inv := at(t, in, "invalidValues").([]any)
	if len(inv) != 1 || at(t, inv[0], "name") != "isConsumerSecretOptional" || at(t, inv[0], "value") != "yes" ||
		at(t, inv[0], "path") != "oauthConfig/isConsumerSecretOptional" || at(t, inv[0], "expected") != "true or false (xsd:boolean: also 1 or 0)" {
		t.Errorf("invalidValues %v", inv)
	}
	if ref(t, inv[0]) != ref(t, at(t, in, "connectedApp.oauthConfig.isConsumerSecretOptional")) {
		t.Error("invalid value _ref is not the element's")
	}
	if l := at(t, in, "unknownElements").([]any); len(l) != 0 {
		t.Errorf("unknownElements %v", l)
	}
}

func TestUnknownElements(t *testing.T) {
	a, in := ca(t, `    <label>X</label>
    <oauthConfig>
        <callbackUrl>https://example.com/cb</callbackUrl>
        <isConsumerKeyOptional>false</isConsumerKeyOptional>
        <scopes>Api</scopes>
        <scopez>Full</scopez>
        <scopez>Web</scopez>
    </oauthConfig>
    <canvas><anything><goes>here</goes></anything></canvas>
    <bogus>
        <nested>not reported</nested>
    </bogus>
    <oauthPolicy>
        <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>
    </oauthPolicy>`)
	un := at(t, in, "unknownElements").([]any)
	type entry struct {
		name, path string
		line       int
	}
	want := []entry{
		{"isConsumerKeyOptional", "oauthConfig/isConsumerKeyOptional", 6},
		{"scopez", "oauthConfig/scopez[0]", 8},
		{"scopez", "oauthConfig/scopez[1]", 9},
		{"bogus", "bogus", 12},
		{"isRefreshTokenRotationEnabled", "oauthPolicy/isRefreshTokenRotationEnabled", 16},
	}
	var got []entry
	for _, u := range un {
		loc := a.Locs[ref(t, u)]
		if loc.Path != at(t, u, "path") {
			t.Errorf("%v: _ref points at %s", u, loc.Path)
		}
		got = append(got, entry{at(t, u, "name").(string), at(t, u, "path").(string), loc.Start.Line})
	}
	if !slices.Equal(got, want) {
		t.Errorf("unknownElements\n got %v\nwant %v", got, want)
	}
	// an undeclared element is a list only when repeated, and keeps its string value
	if l, ok := at(t, in, "connectedApp.oauthConfig.scopez").([]any); !ok || len(l) != 2 || at(t, l[1], "value") != "Web" {
		t.Errorf("scopez %v", at(t, in, "connectedApp.oauthConfig.scopez"))
	}
	if v := at(t, in, "connectedApp.oauthConfig.isConsumerKeyOptional.value"); v != "false" {
		t.Errorf("undeclared leaf value %#v, want the string", v)
	}
	if v := at(t, in, "connectedApp.bogus.nested.value"); v != "not reported" {
		t.Errorf("nested %v", v)
	}
	if v := at(t, in, "connectedApp.canvas.anything.goes.value"); v != "here" {
		t.Errorf("canvas %v", v)
	}
}

func TestInvalidValues(t *testing.T) {
	a, in := ca(t, `    <label>X</label>
    <oauthConfig>true</oauthConfig>
    <oauthPolicy>
        <ipRelaxation>RELAX</ipRelaxation>
        <refreshTokenPolicy>specific_lifetime:90:WEEKS</refreshTokenPolicy>
    </oauthPolicy>
    <sessionPolicy>
        <sessionTimeout>ten</sessionTimeout>
    </sessionPolicy>
    <contactEmail><b>x</b></contactEmail>
    <description>one</description>
    <description>two</description>
    <bogus><isPkceRequired>maybe</isPkceRequired></bogus>`)
	type entry struct {
		name, path, value string
		line              int
	}
	want := []entry{
		{"oauthConfig", "oauthConfig", "true", 4},
		{"ipRelaxation", "oauthPolicy/ipRelaxation", "RELAX", 6},
		{"refreshTokenPolicy", "oauthPolicy/refreshTokenPolicy", "specific_lifetime:90:WEEKS", 7},
		{"sessionTimeout", "sessionPolicy/sessionTimeout", "ten", 10},
		{"contactEmail", "contactEmail", "", 12},
	}
	var got []entry
	for _, v := range at(t, in, "invalidValues").([]any) {
		loc := a.Locs[ref(t, v)]
		if loc.Path != at(t, v, "path") {
			t.Errorf("%v: _ref points at %s", v, loc.Path)
		}
		if at(t, v, "expected") == "" {
			t.Errorf("%v: no expected", v)
		}
		got = append(got, entry{at(t, v, "name").(string), at(t, v, "path").(string), at(t, v, "value").(string), loc.Start.Line})
	}
	if !slices.Equal(got, want) {
		t.Errorf("invalidValues\n got %v\nwant %v", got, want)
	}
	// an invalid value stays the original string, never a boolean or number
	if v := at(t, in, "connectedApp.sessionPolicy.sessionTimeout.value"); v != "ten" {
		t.Errorf("sessionTimeout %#v", v)
	}
	// a single element written twice keeps the schema's shape: the input shows the first,
	// lists the second as a duplicate, and a variant shows the second
	if v := at(t, in, "connectedApp.description.value"); v != "one" {
		t.Errorf("description %#v", at(t, in, "connectedApp.description"))
	}
	dups := at(t, in, "duplicates").([]any)
	if len(dups) != 1 || at(t, dups[0], "path") != "description[1]" || at(t, dups[0], "occurrence") != json.Number("2") ||
		a.Locs[ref(t, dups[0])].Start.Line != 14 {
		t.Errorf("duplicates %v", dups)
	}
	if len(a.Variants) != 1 {
		t.Fatalf("%d variants, want 1", len(a.Variants))
	}
	v := variantInput(t, a, 0)
	if got := at(t, v, "connectedApp.description.value"); got != "two" {
		t.Errorf("variant description %#v", got)
	}
	if ref(t, at(t, v, "connectedApp.description")) != ref(t, dups[0]) {
		t.Error("the variant's description has another ref than the duplicate")
	}
	if fmt.Sprint(at(t, v, "invalidValues")) != fmt.Sprint(at(t, in, "invalidValues")) {
		t.Error("the variant lists other invalid values")
	}
}

func TestURLList(t *testing.T) {
	// lines: 3 <oauthConfig>, 4 <callbackUrl>first, 5 blank, 6 indented second (CRLF),
	// 7 third with an escaped &, 8 fourth after a lone CR.
	body := "    <oauthConfig>\n        <callbackUrl>https://a.example.com/cb\n\n" +
		"      http://localhost:1717/OauthRedirect\r\n" +
		"myapp://cb?code=1&amp;state=2#frag\rhttps://user:pw@b.example.com:8443/x</callbackUrl>\n" +
		"        <scopes>Api</scopes>\n    </oauthConfig>"
	a, in := ca(t, body)
	urls := at(t, in, "connectedApp.oauthConfig.callbackUrl.urls").([]any)
	type line struct {
		value     string
		line, col int
	}
	want := []line{
		{"https://a.example.com/cb", 4, 22},
		{"http://localhost:1717/OauthRedirect", 6, 7},
		{"myapp://cb?code=1&state=2#frag", 7, 1},
		{"https://user:pw@b.example.com:8443/x", 8, 1}, // a lone CR ends a line too
	}
	if len(urls) != len(want) {
		t.Fatalf("%d urls, want %d: %v", len(urls), len(want), urls)
	}
	leafRef := ref(t, at(t, in, "connectedApp.oauthConfig.callbackUrl"))
	for i, w := range want {
		u := urls[i]
		r := ref(t, u)
		if r == leafRef {
			t.Errorf("line %d shares the leaf's _ref", i)
		}
		loc := a.Locs[r]
		if at(t, u, "value") != w.value || loc.Value != w.value || loc.Start.Line != w.line || loc.Start.Col != w.col ||
			loc.Path != "oauthConfig/callbackUrl" || !loc.Repeated {
			t.Errorf("line %d: value %v loc %+v, want %+v", i, at(t, u, "value"), loc, w)
		}
		// End is just after the line's last character
		if loc.End.Line != w.line || loc.End.Col != w.col+len([]rune(strings.ReplaceAll(w.value, "&", "&amp;"))) {
			t.Errorf("line %d: end %+v", i, loc.End)
		}
	}
	facts := []struct {
		i    int
		path string
		want any
	}{
		{0, "url.scheme", "https"}, {0, "url.host", "a.example.com"}, {0, "url.loopback", false},
		{1, "url.scheme", "http"}, {1, "url.host", "localhost"}, {1, "url.port", "1717"}, {1, "url.loopback", true},
		{2, "url.scheme", "myapp"}, {2, "url.fragment", true}, {2, "url.query.0", "code"}, {2, "url.query.1", "state"},
		{3, "url.userinfo", true}, {3, "url.password", true}, {3, "url.port", "8443"}, {3, "url.parsed", true},
	}
	for _, f := range facts {
		if got := at(t, urls[f.i], f.path); got != f.want {
			t.Errorf("urls[%d].%s = %#v, want %#v", f.i, f.path, got, f.want)
		}
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		in   string
		want model.URLFacts
	}{
		{"https://Example.COM/cb", model.URLFacts{Parsed: true, Scheme: "https", Host: "example.com"}},
		{"HTTP://127.0.0.5:80/x", model.URLFacts{Parsed: true, Scheme: "http", Host: "127.0.0.5", Port: "80", Loopback: true}},
		{"http://[::1]:8080/x", model.URLFacts{Parsed: true, Scheme: "http", Host: "::1", Port: "8080", Loopback: true}},
		{"http://localhost/", model.URLFacts{Parsed: true, Scheme: "http", Host: "localhost", Loopback: true}},
		{"http://localhost.evil.com/", model.URLFacts{Parsed: true, Scheme: "http", Host: "localhost.evil.com"}},
		{"https://u@h.com", model.URLFacts{Parsed: true, Scheme: "https", Host: "h.com", Userinfo: true}},
		{"https://h.com/?Token=1&b", model.URLFacts{Parsed: true, Scheme: "https", Host: "h.com", Query: []string{"b", "token"}}},
		{"resttest:CallBack", model.URLFacts{Parsed: true, Scheme: "resttest"}},
		{"localhost:8080", model.URLFacts{Scheme: "localhost"}},
		{"http://bad host/", model.URLFacts{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := model.ParseURL(tt.in)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthSettings` + ns + `>
    <commaSeparatedOauthScopes> Api, RefreshToken,,  Full ,</commaSeparatedOauthScopes>
    <externalClientApplication>E</externalClientApplication>
</ExtlClntAppOauthSettings>`
	apps := builder(t).ECAs([]*parse.Doc{doc(t, "e/E_oauth.ecaOauth-meta.xml", src)})
	in := input(t, apps[0])
	items := at(t, in, "ecaOauth.commaSeparatedOauthScopes.items").([]any)
	if fmt.Sprint(items) != "[Api RefreshToken Full]" {
		t.Errorf("items %v", items)
	}
	if v := at(t, in, "ecaOauth.commaSeparatedOauthScopes.value"); v != "Api, RefreshToken,,  Full ," {
		t.Errorf("value %q", v)
	}
}

func TestRange(t *testing.T) {
	tests := []struct {
		name, body          string
		valid, reversed     bool
		addresses           string
		startName, endName  string
		eca                 bool
		wantInvalidElements int
	}{
		{name: "ipv4", body: "<start>10.0.0.0</start><end>10.0.0.255</end>", valid: true, addresses: "256"},
		{name: "single address", body: "<start>1.2.3.4</start><end>1.2.3.4</end>", valid: true, addresses: "1"},
		{name: "everything ipv4", body: "<end>255.255.255.255</end><start>0.0.0.0</start>", valid: true, addresses: "4294967296"},
		{name: "ipv6", body: "<start>2001:db8::</start><end>2001:db8::ffff</end>", valid: true, addresses: "65536"},
		{name: "ipv6 capped", body: "<start>::</start><end>ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff</end>", valid: true, addresses: "9223372036854775808"},
		{name: "mapped ipv4", body: "<start>::ffff:10.0.0.1</start><end>10.0.0.2</end>", valid: true, addresses: "2"},
		{name: "reversed", body: "<start>10.0.0.9</start><end>10.0.0.1</end>", valid: true, reversed: true, addresses: "0"},
		{name: "invalid", body: "<start>10.0.0.300</start><end>10.0.1.1</end>", addresses: "0"},
		{name: "mixed families", body: "<start>10.0.0.1</start><end>::1</end>", addresses: "0"},
		{name: "missing end", body: "<start>10.0.0.1</start>", addresses: "0"},
		{name: "eca", body: "<startIpAddress> 10.0.0.0 </startIpAddress><endIpAddress>10.0.0.3</endIpAddress>", valid: true, addresses: "4", eca: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r any
			if tt.eca {
				src := `<ExtlClntAppOauthSettings` + ns + `><externalClientApplication>E</externalClientApplication><trustedIpRanges>` +
					tt.body + `</trustedIpRanges></ExtlClntAppOauthSettings>`
				in := input(t, builder(t).ECAs([]*parse.Doc{doc(t, "E.ecaOauth", src)})[0])
				r = at(t, in, "ecaOauth.trustedIpRanges.0._range")
			} else {
				_, in := ca(t, "<ipRanges>"+tt.body+"</ipRanges>")
				r = at(t, in, "connectedApp.ipRanges.0._range")
			}
			if at(t, r, "valid") != tt.valid || at(t, r, "reversed") != tt.reversed || at(t, r, "addresses") != json.Number(tt.addresses) {
				t.Errorf("_range %v, want valid %v reversed %v addresses %s", r, tt.valid, tt.reversed, tt.addresses)
			}
		})
	}
}

func ecaDoc(t *testing.T, path, root, body string) *parse.Doc {
	return doc(t, path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"+root+ns+">\n"+body+"\n</"+root+">\n")
}

func TestECAJoin(t *testing.T) {
	docs := []*parse.Doc{
		ecaDoc(t, "p/extlClntAppOauthPolicies/Acme_oauthPlcy.ecaOauthPlcy-meta.xml", "ExtlClntAppOauthConfigurablePolicies",
			"<externalClientApplication>Acme</externalClientApplication>\n<permittedUsersPolicyType>AllSelfAuthorized</permittedUsersPolicyType>"),
		ecaDoc(t, "p/externalClientApps/Acme.eca-meta.xml", "ExternalClientApplication", "<label>Acme</label>"),
		ecaDoc(t, "p/extlClntAppOauthSettings/Acme_oauth.ecaOauth-meta.xml", "ExtlClntAppOauthSettings",
			"<commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n<externalClientApplication> Acme </externalClientApplication>"),
		// a second file of the same kind: rules see the first by path, its problems are still reported
		ecaDoc(t, "q/extlClntAppOauthSettings/Acme_oauth.ecaOauth-meta.xml", "ExtlClntAppOauthSettings",
			"<externalClientApplication>Acme</externalClientApplication>\n<typo>1</typo>\n<isFirstPartyAppEnabled>no</isFirstPartyAppEnabled>"),
		// a child whose header is not in the scan
		ecaDoc(t, "p/extlClntAppGlobalOauthSets/Ghost_glbl.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings",
			"<externalClientApplication>Ghost</externalClientApplication>\n<isPkceRequired>false</isPkceRequired>"),
		// a child without externalClientApplication
		ecaDoc(t, "p/extlClntAppPolicies/Orphan_plcy.ecaPlcy-meta.xml", "ExtlClntAppConfigurablePolicies", "<isEnabled>true</isEnabled>"),
		// a blank externalClientApplication is no reference either
		ecaDoc(t, "p/extlClntAppPolicies/Blank_plcy.ecaPlcy-meta.xml", "ExtlClntAppConfigurablePolicies",
			"<externalClientApplication> </externalClientApplication>"),
	}
	apps := builder(t).ECAs(docs)
	var names []string
	for _, a := range apps {
		names = append(names, a.Name)
		if a.Type != model.ECA {
			t.Errorf("%s: type %s", a.Name, a.Type)
		}
	}
	want := []string{"Acme", "Ghost", "p/extlClntAppPolicies/Blank_plcy.ecaPlcy-meta.xml", "p/extlClntAppPolicies/Orphan_plcy.ecaPlcy-meta.xml"}
	if !slices.Equal(names, want) {
		t.Fatalf("apps %v, want %v", names, want)
	}

	acme := apps[0]
	in := input(t, acme)
	var paths []string
	for _, f := range at(t, in, "app.files").([]any) {
		paths = append(paths, at(t, f, "path").(string)+":"+at(t, f, "suffix").(string))
	}
	wantFiles := []string{
		"p/externalClientApps/Acme.eca-meta.xml:eca",
		"p/extlClntAppOauthPolicies/Acme_oauthPlcy.ecaOauthPlcy-meta.xml:ecaOauthPlcy",
		"p/extlClntAppOauthSettings/Acme_oauth.ecaOauth-meta.xml:ecaOauth",
		"q/extlClntAppOauthSettings/Acme_oauth.ecaOauth-meta.xml:ecaOauth",
	}
	if !slices.Equal(paths, wantFiles) {
		t.Errorf("files %v, want %v (header first, then by path)", paths, wantFiles)
	}
	if at(t, in, "eca.label.value") != "Acme" || at(t, in, "ecaOauthPlcy.permittedUsersPolicyType.value") != "AllSelfAuthorized" {
		t.Error("header or policy missing")
	}
	if at(t, in, "ecaOauth.commaSeparatedOauthScopes.items.0") != "Api" {
		t.Error("rules must see the first ecaOauth by path")
	}
	if acme.Locs[acme.Root].Path != "ExternalClientApplication" || acme.Docs[acme.Locs[acme.Root].Doc].Kind.Suffix != "eca" {
		t.Errorf("root %+v", acme.Locs[acme.Root])
	}
	un := at(t, in, "unknownElements").([]any)
	inv := at(t, in, "invalidValues").([]any)
	if len(un) != 1 || len(inv) != 1 {
		t.Fatalf("the second ecaOauth's problems: unknown %v invalid %v", un, inv)
	}
	for _, e := range []any{un[0], inv[0]} {
		loc := acme.Locs[ref(t, e)]
		if acme.Docs[loc.Doc].Path != "q/extlClntAppOauthSettings/Acme_oauth.ecaOauth-meta.xml" || loc.Path != at(t, e, "path") {
			t.Errorf("%v points at %s %s", e, acme.Docs[loc.Doc].Path, loc.Path)
		}
	}

	ghost := input(t, apps[1])
	if has(ghost, "eca") || at(t, ghost, "ecaGlblOauth.isPkceRequired.value") != false {
		t.Errorf("Ghost: %v", ghost)
	}
	if apps[1].Locs[apps[1].Root].Path != "ExtlClntAppGlobalOauthSettings" {
		t.Errorf("Ghost root %+v", apps[1].Locs[apps[1].Root])
	}
	orphan := input(t, apps[3])
	if has(orphan, "eca") || at(t, orphan, "ecaPlcy.isEnabled.value") != true || has(at(t, orphan, "ecaPlcy"), "externalClientApplication") {
		t.Errorf("Orphan: %v", orphan)
	}
}

// TestECAJoinNamespaced: a packaged External Client App's child files name their parent
// ns__App while its header is App.eca-meta.xml (real corpus: testanother236/Test): they join
// the header, so the app is one app with the header's checks. A namespaced reference with
// no header in the scan (an installed package's app, real corpus: Linear__Linear) stays an
// app of its own under the namespaced name; an exact header name wins over the stripped one.
func TestECAJoinNamespaced(t *testing.T) {
	docs := []*parse.Doc{
		ecaDoc(t, "p/externalClientApps/Target1ExClApp.eca-meta.xml", "ExternalClientApplication",
			"<distributionState>Packaged</distributionState>\n<label>Target1ExClApp</label>"),
		ecaDoc(t, "p/extlClntAppOauthSettings/Target1ExClApp_oauth.ecaOauth-meta.xml", "ExtlClntAppOauthSettings",
			"<commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n<externalClientApplication>Target1Test__Target1ExClApp</externalClientApplication>"),
		ecaDoc(t, "p/extlClntAppOauthPolicies/Target1ExClApp_oauthPlcy.ecaOauthPlcy-meta.xml", "ExtlClntAppOauthConfigurablePolicies",
			"<externalClientApplication>Target1ExClApp</externalClientApplication>"),
		ecaDoc(t, "p/extlClntAppOauthPolicies/Linear_oauth_defaultPolicy.ecaOauthPlcy-meta.xml", "ExtlClntAppOauthConfigurablePolicies",
			"<externalClientApplication>Linear__Linear</externalClientApplication>"),
		// both ns__Both and Both have headers: the exact name wins
		ecaDoc(t, "p/externalClientApps/Both.eca-meta.xml", "ExternalClientApplication", "<label>Both</label>"),
		ecaDoc(t, "p/externalClientApps/ns__Both.eca-meta.xml", "ExternalClientApplication", "<label>ns Both</label>"),
		ecaDoc(t, "p/extlClntAppPolicies/Both_plcy.ecaPlcy-meta.xml", "ExtlClntAppConfigurablePolicies",
			"<externalClientApplication>ns__Both</externalClientApplication>"),
	}
	apps := builder(t).ECAs(docs)
	got := map[string][]string{}
	var names []string
	for _, a := range apps {
		names = append(names, a.Name)
		for _, d := range a.Docs {
			got[a.Name] = append(got[a.Name], d.Kind.Suffix)
		}
	}
	if want := []string{"Both", "Linear__Linear", "Target1ExClApp", "ns__Both"}; !slices.Equal(names, want) {
		t.Fatalf("apps %v, want %v", names, want)
	}
	for name, want := range map[string][]string{
		"Target1ExClApp": {"eca", "ecaOauthPlcy", "ecaOauth"},
		"Linear__Linear": {"ecaOauthPlcy"},
		"Both":           {"eca"},
		"ns__Both":       {"eca", "ecaPlcy"},
	} {
		if !slices.Equal(got[name], want) {
			t.Errorf("%s: files %v, want %v", name, got[name], want)
		}
	}
	in := input(t, apps[2])
	if at(t, in, "eca.distributionState.value") != "Packaged" || at(t, in, "ecaOauth.commaSeparatedOauthScopes.items.0") != "Api" {
		t.Errorf("Target1ExClApp is not one app: %v", in)
	}
}

// TestRefs: every _ref in the input maps to the Loc of its own element: the path, the
// value of a leaf and the line of its start tag in the source.
func TestRefs(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp` + ns + `>
    <contactEmail>a@example.com</contactEmail>
    <ipRanges>
        <end>10.0.0.9</end>
        <start>10.0.0.1</start>
    </ipRanges>
    <ipRanges>
        <end>10.0.1.9</end>
        <start>10.0.1.1</start>
    </ipRanges>
    <label>L</label>
    <oauthConfig>
        <callbackUrl>https://a.example.com/cb
https://b.example.com/cb</callbackUrl>
        <idTokenConfig>
            <idTokenValidity>2</idTokenValidity>
        </idTokenConfig>
        <scopes>Api</scopes>
        <scopes>Full</scopes>
    </oauthConfig>
</ConnectedApp>
`
	d := doc(t, "A.connectedApp", src)
	a := builder(t).ConnectedApp(d)
	in := input(t, a)
	lines := strings.Split(src, "\n")
	seen := map[int]bool{}
	var walk func(v any, path []string)
	walk = func(v any, path []string) {
		switch x := v.(type) {
		case []any:
			for i, c := range x {
				p := slices.Clone(path)
				if n := len(p); n > 0 && len(x) > 1 {
					p[n-1] = fmt.Sprintf("%s[%d]", p[n-1], i)
				}
				walk(c, p)
			}
		case map[string]any:
			if _, ok := x["_ref"]; ok {
				r := ref(t, x)
				if seen[r] {
					t.Errorf("_ref %d used twice", r)
				}
				seen[r] = true
				loc := a.Locs[r]
				wantPath := strings.Join(path, "/")
				if len(path) == 0 {
					wantPath = "ConnectedApp"
				}
				if loc.Path != wantPath {
					t.Errorf("_ref %d: path %q, want %q", r, loc.Path, wantPath)
				}
				if val, ok := x["value"].(string); ok && loc.Value != val {
					t.Errorf("_ref %d: value %q, want %q", r, loc.Value, val)
				}
				line := lines[loc.Start.Line-1]
				name := path
				if len(name) == 0 {
					name = []string{"ConnectedApp"}
				}
				tag := "<" + strings.Split(name[len(name)-1], "[")[0]
				if _, isLine := x["url"]; isLine {
					tag = x["value"].(string) // a callback line points at its text
				}
				if loc.Start.Col < 1 || !strings.HasPrefix(string([]rune(line)[loc.Start.Col-1:]), tag) {
					t.Errorf("_ref %d (%s): line %d col %d is %q, want %q", r, wantPath, loc.Start.Line, loc.Start.Col, line, tag)
				}
			}
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				switch k {
				case "_ref", "value", "url", "_range", "items":
					continue
				case "urls":
					for _, u := range x[k].([]any) {
						walk(u, path) // every line has the leaf's path
					}
					continue
				}
				walk(x[k], append(slices.Clone(path), k))
			}
		}
	}
	walk(at(t, in, "connectedApp"), nil)
	if len(seen) != len(a.Locs) {
		t.Errorf("%d refs in the input, %d locations", len(seen), len(a.Locs))
	}
	if a.Root != ref(t, at(t, in, "connectedApp")) {
		t.Errorf("root %d", a.Root)
	}
	// the end of an element is just after its end tag
	end := a.Locs[ref(t, at(t, in, "connectedApp.label"))].End
	if end.Line != 12 || end.Col != len("    <label>L</label>")+1 {
		t.Errorf("label end %+v", end)
	}
}

// TestInputDocExample: the example in docs/input.md is what the model builds.
func TestInputDocExample(t *testing.T) {
	b, err := os.ReadFile("../../docs/input.md")
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	block := func(lang string) string {
		t.Helper()
		i := strings.Index(md, "## Example")
		j := strings.Index(md[i:], "```"+lang+"\n")
		if i < 0 || j < 0 {
			t.Fatalf("no %s block in the example", lang)
		}
		body := md[i+j+len(lang)+4:]
		return body[:strings.Index(body, "```")]
	}
	xml, want := block("xml"), block("json")
	var wantDoc map[string]any
	dec := json.NewDecoder(strings.NewReader(want))
	dec.UseNumber()
	if err := dec.Decode(&wantDoc); err != nil {
		t.Fatalf("the example JSON does not parse: %v", err)
	}
	path := at(t, wantDoc, "app.files.0.path").(string)
	got := input(t, builder(t).ConnectedApp(doc(t, path, xml)))
	gb, _ := json.MarshalIndent(got, "", "  ")
	wb, _ := json.MarshalIndent(wantDoc, "", "  ")
	if string(gb) != string(wb) {
		t.Errorf("docs/input.md example differs from the built input:\n%s", gb)
	}
}

// TestNil: an empty element marked xsi:nil="true" (Salesforce writes <contactEmail
// xsi:nil="true"/> on retrieve) is a leaf with "nil": true and is never an invalid value,
// whatever its type; an element with text keeps its value.
func TestNil(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <contactEmail xsi:nil="true"/>
    <label>Zimmer Zsi iPad</label>
    <oauthConfig>
        <isAdminApproved xsi:nil="1"></isAdminApproved>
        <isConsumerSecretOptional xsi:nil="false"/>
    </oauthConfig>
</ConnectedApp>
`
	in := input(t, builder(t).ConnectedApp(doc(t, "Zimmer_Zsi_iPad.connectedApp-meta.xml", src)))
	if at(t, in, "connectedApp.contactEmail.nil") != true || at(t, in, "connectedApp.contactEmail.value") != "" {
		t.Errorf("contactEmail: %v", at(t, in, "connectedApp.contactEmail"))
	}
	if at(t, in, "connectedApp.oauthConfig.isAdminApproved.nil") != true {
		t.Errorf("isAdminApproved: %v", at(t, in, "connectedApp.oauthConfig.isAdminApproved"))
	}
	if has(at(t, in, "connectedApp.label"), "nil") || has(at(t, in, "connectedApp.oauthConfig.isConsumerSecretOptional"), "nil") {
		t.Error("only xsi:nil=\"true\" marks a nil")
	}
	inv := at(t, in, "invalidValues").([]any)
	if len(inv) != 1 || at(t, inv[0], "name") != "isConsumerSecretOptional" {
		t.Errorf("invalid values %v: want only the empty boolean that is not nil", inv)
	}
}
