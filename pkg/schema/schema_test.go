package schema_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/calint/calint/pkg/schema"
	"github.com/calint/calint/rules"
)

func embedded(t *testing.T) *schema.Set {
	t.Helper()
	s, err := schema.Load(rules.FS, "schema")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLoadEmbedded(t *testing.T) {
	s := embedded(t)
	want := []string{"authprovider", "connectedApp", "connectedAppSettings", "eca", "ecaCanvas", "ecaGlblOauth", "ecaMobile", "ecaMobilePlcy",
		"ecaNotifications", "ecaOauth", "ecaOauthPlcy", "ecaOauthSecurity", "ecaPlcy", "ecaPush",
		"ecaPushPlcy", "ecaSamlPlcy", "externalClientAppSettings", "externalCredential", "namedCredential", "oauthOidcSettings"}
	if got := s.Keys(); !slices.Equal(got, want) {
		t.Fatalf("suffixes %v, want %v", got, want)
	}
	if s.Type("nope") != nil {
		t.Error("unknown suffix has a type")
	}
	tests := []struct {
		suffix, typ string
		path        []string
		kind        schema.Kind
		repeated    bool
	}{
		{"connectedApp", "ConnectedApp", []string{"label"}, schema.String, false},
		{"connectedApp", "ConnectedApp", []string{"fullName"}, schema.String, false},
		{"connectedApp", "ConnectedApp", []string{"oauthConfig"}, schema.Complex, false},
		{"connectedApp", "ConnectedApp", []string{"oauthConfig", "scopes"}, schema.String, true},
		{"connectedApp", "ConnectedApp", []string{"oauthConfig", "isPkceRequired"}, schema.Boolean, false},
		{"connectedApp", "ConnectedApp", []string{"oauthConfig", "callbackUrl"}, schema.URLList, false},
		{"connectedApp", "ConnectedApp", []string{"oauthConfig", "idTokenConfig", "idTokenValidity"}, schema.Int, false},
		{"connectedApp", "ConnectedApp", []string{"oauthPolicy", "ipRelaxation"}, schema.Enum, false},
		{"connectedApp", "ConnectedApp", []string{"oauthPolicy", "isTokenExchangeFlowEnabled"}, schema.Boolean, false},
		{"connectedApp", "ConnectedApp", []string{"oauthPolicy", "refreshTokenPolicy"}, schema.Pattern, false},
		{"connectedApp", "ConnectedApp", []string{"ipRanges"}, schema.Complex, true},
		{"connectedApp", "ConnectedApp", []string{"ipRanges", "start"}, schema.IP, false},
		{"connectedApp", "ConnectedApp", []string{"profileName"}, schema.String, true},
		{"connectedApp", "ConnectedApp", []string{"permissionSetName"}, schema.String, true},
		{"connectedApp", "ConnectedApp", []string{"canvas"}, schema.Any, false},
		{"connectedApp", "ConnectedApp", []string{"iconUrl"}, schema.URL, false},
		{"connectedApp", "ConnectedApp", []string{"developerName"}, schema.String, false},
		{"connectedApp", "ConnectedApp", []string{"version"}, schema.String, false},
		{"eca", "ExternalClientApplication", []string{"distributionState"}, schema.Enum, false},
		{"ecaOauth", "ExtlClntAppOauthSettings", []string{"commaSeparatedOauthScopes"}, schema.CSV, false},
		{"ecaOauth", "ExtlClntAppOauthSettings", []string{"trustedIpRanges", "endIpAddress"}, schema.IP, false},
		{"ecaGlblOauth", "ExtlClntAppGlobalOauthSettings", []string{"isEnforceRefreshTokenTTL"}, schema.Boolean, false},
		{"ecaGlblOauth", "ExtlClntAppGlobalOauthSettings", []string{"callbackUrl"}, schema.URLList, false},
		{"ecaOauthPlcy", "ExtlClntAppOauthConfigurablePolicies", []string{"permittedUsersPolicyType"}, schema.Enum, false},
		{"ecaOauthPlcy", "ExtlClntAppOauthConfigurablePolicies", []string{"commaSeparatedProfile"}, schema.CSV, false},
		{"ecaNotifications", "ExtlClntAppNotificationSettings", []string{"notificationTypes", "pushByDefault"}, schema.Boolean, false},
		{"ecaPush", "ExtlClntAppPushSettings", []string{"applePushConfig", "signingKey"}, schema.Secret, false},
		{"connectedApp", "ConnectedApp", []string{"oauthConfig", "consumerSecret"}, schema.Secret, false},
		{"ecaGlblOauth", "ExtlClntAppGlobalOauthSettings", []string{"consumerSecret"}, schema.Secret, false},
		{"ecaCanvas", "ExtlClntAppCanvasSettings", []string{"canvasOptions"}, schema.Enum, true},
		{"connectedApp", "ConnectedApp", []string{"oauthConfig", "certificate"}, schema.Certificate, false},
		{"connectedApp", "ConnectedApp", []string{"samlConfig", "certificate"}, schema.Certificate, false},
		{"authprovider", "AuthProvider", []string{"consumerSecret"}, schema.Secret, false},
		{"namedCredential", "NamedCredential", []string{"oauthRefreshToken"}, schema.Secret, false},
		{"externalCredential", "ExternalCredential", []string{"externalCredentialParameters", "parameterValue"}, schema.Secret, false},
		{"oauthOidcSettings", "OauthOidcSettings", []string{"blockOAuthUnPwFlow"}, schema.Boolean, false},
		{"connectedAppSettings", "ConnectedAppSettings", []string{"enableAdminApprovedAppsOnly"}, schema.Boolean, false},
		{"externalClientAppSettings", "ExternalClientAppSettings", []string{"enableClientSecretInRestApiAccess"}, schema.Boolean, false},
	}
	for _, tt := range tests {
		t.Run(tt.suffix+"/"+strings.Join(tt.path, "/"), func(t *testing.T) {
			ty := s.Type(tt.suffix)
			if ty == nil || ty.Name != tt.typ || ty.Key != tt.suffix || ty.Root.Name != tt.typ {
				t.Fatalf("type %+v, want %s", ty, tt.typ)
			}
			e := ty.Root
			for _, p := range tt.path {
				e = e.Child(p)
				if e == nil {
					t.Fatalf("no element %s", p)
				}
			}
			if e.Kind != tt.kind || e.Repeated != tt.repeated {
				t.Errorf("kind %v repeated %v, want %v %v", e.Kind, e.Repeated, tt.kind, tt.repeated)
			}
		})
	}
	// elements Salesforce does not define
	for _, p := range [][]string{
		{"connectedApp", "oauthConfig", "isConsumerKeyOptional"},
		{"connectedApp", "oauthPolicy", "isRefreshTokenRotationEnabled"},
		{"ecaOauth", "commaSeparatedCustomScopes"},
		{"connectedApp", "label", "x"}, // a leaf has no children
	} {
		e := s.Type(p[0]).Root
		for _, n := range p[1 : len(p)-1] {
			e = e.Child(n)
		}
		if c := e.Child(p[len(p)-1]); c != nil {
			t.Errorf("%v is declared", p)
		}
	}
	if r := s.Type("connectedApp").Root.Child("ipRanges").Range; !slices.Equal(r, []string{"start", "end"}) {
		t.Errorf("ipRanges range %v", r)
	}
}

// TestEveryTypeDeclaresCommonElements: every type inherits fullName, and every ECA child
// names its app and has a label.
func TestEveryTypeDeclaresCommonElements(t *testing.T) {
	s := embedded(t)
	for _, suf := range s.Keys() {
		root := s.Type(suf).Root
		if root.Child("fullName") == nil {
			t.Errorf("%s: no fullName", suf)
		}
		if !strings.HasPrefix(suf, "eca") && suf != "connectedApp" {
			continue // credentials and settings: not ECA children
		}
		if root.Child("label") == nil {
			t.Errorf("%s: no label", suf)
		}
		if suf != "eca" && suf != "connectedApp" && root.Child("externalClientApplication") == nil {
			t.Errorf("%s: no externalClientApplication", suf)
		}
	}
}

func TestCheck(t *testing.T) {
	s := embedded(t)
	ca := s.Type("connectedApp").Root
	leaf := func(path ...string) *schema.Elem {
		e := ca
		for _, p := range path {
			e = e.Child(p)
		}
		return e
	}
	boolean := leaf("oauthConfig", "isPkceRequired")
	integer := leaf("sessionPolicy", "sessionTimeout")
	enum := leaf("oauthPolicy", "ipRelaxation")
	pattern := leaf("oauthPolicy", "refreshTokenPolicy")
	str := leaf("label")
	url := leaf("startUrl")
	urllist := leaf("oauthConfig", "callbackUrl")
	ip := leaf("ipRanges", "start")
	anyE := leaf("canvas")
	csv := s.Type("ecaOauth").Root.Child("commaSeparatedOauthScopes")
	tests := []struct {
		name     string
		e        *schema.Elem
		v        string
		ok       bool
		expected string
	}{
		{"boolean true", boolean, "true", true, ""},
		{"boolean false", boolean, "false", true, ""},
		{"boolean True", boolean, "True", false, "true or false (xsd:boolean: also 1 or 0)"},
		{"boolean yes", boolean, "yes", false, "true or false (xsd:boolean: also 1 or 0)"},
		{"boolean 1", boolean, "1", true, ""},
		{"boolean 0", boolean, "0", true, ""},
		{"boolean 01", boolean, "01", false, "true or false (xsd:boolean: also 1 or 0)"},
		{"boolean empty", boolean, "", false, "true or false (xsd:boolean: also 1 or 0)"},
		{"int", integer, "15", true, ""},
		{"int zero", integer, "0", true, ""},
		{"int negative", integer, "-5", true, ""},
		{"int leading zeros", integer, "007", true, ""},
		{"int minus only", integer, "-", false, "an integer"},
		{"int empty", integer, "", false, "an integer"},
		{"int decimal", integer, "1.5", false, "an integer"},
		{"int word", integer, "ten", false, "an integer"},
		{"int inner minus", integer, "1-2", false, "an integer"},
		{"int too long", integer, "1234567890123456", false, "an integer"},
		{"enum", enum, "ENFORCE", true, ""},
		{"enum last", enum, "ENFORCE_RELAXREFRESH", true, ""},
		{"enum case", enum, "enforce", false, "one of ENFORCE, BYPASS_2FACTOR, BYPASS, ENFORCE_RELAXREFRESH"},
		{"enum empty", enum, "", false, "one of ENFORCE, BYPASS_2FACTOR, BYPASS, ENFORCE_RELAXREFRESH"},
		{"pattern infinite", pattern, "infinite", true, ""},
		{"pattern zero", pattern, "zero", true, ""},
		{"pattern lifetime", pattern, "specific_lifetime:90:DAYS", true, ""},
		{"pattern inactivity", pattern, "specific_inactivity:7:HOURS", true, ""},
		{"pattern zero count", pattern, "specific_lifetime:0:DAYS", false, "a value matching " + pattern.Regexp.String()},
		{"pattern bad unit", pattern, "specific_lifetime:1:WEEKS", false, "a value matching " + pattern.Regexp.String()},
		{"pattern not anchored", pattern, "xinfinite", false, "a value matching " + pattern.Regexp.String()},
		{"string", str, "anything at all", true, ""},
		{"string empty", str, "", true, ""},
		{"url unchecked", url, "not a url", true, ""},
		{"urllist unchecked", urllist, "a\nb", true, ""},
		{"csv unchecked", csv, "Api, Full", true, ""},
		{"ip unchecked", ip, "300.1.1.1", true, ""},
		{"any unchecked", anyE, "x", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, expected := tt.e.Check(tt.v)
			if ok != tt.ok {
				t.Fatalf("Check(%q) = %v, want %v", tt.v, ok, tt.ok)
			}
			if !ok && expected != tt.expected {
				t.Errorf("expected %q, want %q", expected, tt.expected)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	good := `{"type": "T", "suffix": "t", "elements": {"a": "string"}}`
	tests := []struct {
		name    string
		files   map[string]string
		wantErr []string // substrings; nil means no error
	}{
		{"valid", map[string]string{"t.json": good}, nil},
		{"other files ignored", map[string]string{"t.json": good, "README.md": "# x"}, nil},
		{"not json", map[string]string{"bad.json": `{"type": `}, []string{"s/bad.json"}},
		{"unknown top-level key", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elemnts": {}}`}, []string{"s/bad.json", "elemnts"}},
		{"no type", map[string]string{"bad.json": `{"suffix": "t", "elements": {}}`}, []string{"s/bad.json", "type and suffix are required"}},
		{"no suffix", map[string]string{"bad.json": `{"type": "T", "elements": {}}`}, []string{"s/bad.json", "type and suffix are required"}},
		{"unknown leaf type", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elements": {"a": "strng"}}`}, []string{"s/bad.json", `unknown type "strng"`}},
		{"nested unknown leaf type", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elements": {"o": {"b": "bool"}}}`}, []string{"s/bad.json", "b:", `"bool"`}},
		{"bad pattern", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elements": {"a": "pattern:(["}}`}, []string{"s/bad.json", "a:"}},
		{"empty enum value", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elements": {"a": "enum:A,,B"}}`}, []string{"s/bad.json", "empty value"}},
		{"type not string or object", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elements": {"a": 1}}`}, []string{"s/bad.json", "T/a"}},
		{"declared twice", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elements": {"a": "string", "a[]": "string"}}`}, []string{"s/bad.json", "declared twice"}},
		{"range of one", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elements": {"r": {"@range": ["s"], "s": "ip"}}}`}, []string{"s/bad.json", "@range"}},
		{"range names a missing child", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elements": {"r": {"@range": ["s", "e"], "s": "ip"}}}`}, []string{"s/bad.json", `"e"`}},
		{"range names a non-ip child", map[string]string{"bad.json": `{"type": "T", "suffix": "t", "elements": {"r": {"@range": ["s", "e"], "s": "ip", "e": "string"}}}`}, []string{"s/bad.json", `"e"`}},
		{"duplicate suffix", map[string]string{"a.json": good, "b.json": good}, []string{"s/b.json", "s/a.json", "key t"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, src := range tt.files {
				fsys["s/"+name] = &fstest.MapFile{Data: []byte(src)}
			}
			s, err := schema.Load(fsys, "s")
			if tt.wantErr == nil {
				if err != nil {
					t.Fatal(err)
				}
				if s.Type("t") == nil || s.Type("t").Root.Child("a").Kind != schema.String {
					t.Fatal("type t not loaded")
				}
				return
			}
			if err == nil {
				t.Fatal("want an error")
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
	if _, err := schema.Load(fstest.MapFS{}, "missing"); err == nil {
		t.Error("a missing directory must be an error")
	}
}

// TestJSONSchema: the generated input schema has every type, typed leaves, arrays for
// repeated elements and the enrichment facts.
func TestJSONSchema(t *testing.T) {
	b, err := embedded(t).JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	get := func(path ...string) map[string]any {
		t.Helper()
		cur := doc
		for _, p := range path {
			next, ok := cur[p].(map[string]any)
			if !ok {
				t.Fatalf("no %s in %v", p, path)
			}
			cur = next
		}
		return cur
	}
	props := get("properties")
	for _, k := range []string{"app", "unknownElements", "invalidValues", "connectedApp", "eca", "ecaOauth", "ecaGlblOauth", "ecaOauthPlcy", "ecaSamlPlcy"} {
		if props[k] == nil {
			t.Errorf("no %s", k)
		}
	}
	oc := get("properties", "connectedApp", "properties", "oauthConfig", "properties")
	if oc["scopes"].(map[string]any)["type"] != "array" {
		t.Error("scopes is not an array")
	}
	pkce := oc["isPkceRequired"].(map[string]any)["properties"].(map[string]any)
	if _, ok := pkce["value"].(map[string]any)["anyOf"]; !ok {
		t.Error("boolean value is not boolean-or-string")
	}
	cb := oc["callbackUrl"].(map[string]any)["properties"].(map[string]any)
	if cb["urls"] == nil {
		t.Error("callbackUrl has no urls")
	}
	ipr := get("properties", "connectedApp", "properties", "ipRanges", "items", "properties")
	if ipr["_range"] == nil {
		t.Error("ipRanges has no _range")
	}
	items := get("properties", "ecaOauth", "properties", "commaSeparatedOauthScopes", "properties")
	if items["items"] == nil {
		t.Error("csv has no items")
	}
}
