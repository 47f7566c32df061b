package cli_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A secret embedded in any syntactic form (CDATA, a namespace prefix, split by a comment,
// character references, a duplicate, a multi-line value, a file that does not parse, a URL's
// userinfo, query or fragment, a push credential, a PEM block, an undeclared element, a custom
// rule that quotes it) never shows in any report format, on standard error or in a written
// baseline: not whole, and no run of 6 or more of its characters. The seeded cases run with
// go test; FuzzSecretNeverShown explores further seeds (go test -fuzz).
func TestSecretNeverShown(t *testing.T) {
	for seed := range uint64(2) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { checkSecretNeverShown(t, seed) })
	}
}

func FuzzSecretNeverShown(f *testing.F) {
	f.Add(uint64(7))
	f.Fuzz(func(t *testing.T, seed uint64) { checkSecretNeverShown(t, seed) })
}

const secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// secretCase writes a project whose files hide secret in every form, chosen and laid out
// at random from seed, and returns the secret.
func secretCase(t *testing.T, dir string, seed uint64) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed^0x5eC2e7))
	var sb strings.Builder
	for range 24 + r.IntN(24) {
		sb.WriteByte(secretAlphabet[r.IntN(len(secretAlphabet))])
	}
	s := sb.String()
	cut := 6 + r.IntN(len(s)-12) // a place to split the secret
	// nl is a line break, or none (one-line files)
	nl := func() string {
		if r.IntN(3) == 0 {
			return ""
		}
		return "\n    "
	}
	charRefs := func(v string) string {
		var b strings.Builder
		for i := range len(v) {
			switch r.IntN(4) {
			case 0:
				fmt.Fprintf(&b, "&#%d;", v[i])
			case 1:
				fmt.Fprintf(&b, "&#x%X;", v[i])
			default:
				b.WriteByte(v[i])
			}
		}
		return b.String()
	}
	ca := func(name, body string) {
		src := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:md="http://soap.sforce.com/2006/04/metadata">` + nl() +
			"<contactEmail>a@example.com</contactEmail>" + nl() + "<label>" + name + "</label>" + nl() + body + nl() + "</ConnectedApp>\n"
		writeFile(t, filepath.Join(dir, "force-app", "connectedApps", name+".connectedApp-meta.xml"), src)
	}
	oauth := func(inner string) string {
		return "<oauthConfig>" + nl() + "<callbackUrl>https://app.example.com/cb</callbackUrl>" + nl() + inner + nl() + "<scopes>Full</scopes>" + nl() + "</oauthConfig>"
	}
	secretElem := func(content string) string { return "<consumerSecret>" + content + "</consumerSecret>" }

	ca("Plain", oauth(secretElem(s)))
	ca("Cdata", oauth(secretElem("<![CDATA["+s+"]]>")))
	ca("Prefixed", oauth("<md:consumerSecret>"+s+"</md:consumerSecret>"))
	ca("Split", oauth(secretElem(s[:cut]+"<!-- calint:ignore CAL301 reason=\"x\" -->"+s[cut:])))
	ca("CharRefs", oauth(secretElem(charRefs(s))))
	ca("MultiLine", oauth(secretElem("\n        "+s[:cut]+"\n        "+s[cut:]+"\n    ")))
	ca("Duplicate", oauth(secretElem("{SECRET}")+nl()+secretElem(s)))
	ca("DuplicateBlock", oauth("<isAdminApproved>true</isAdminApproved>")+nl()+oauth(secretElem(charRefs(s))+"<isAdminApproved>0</isAdminApproved>"))
	ca("Undeclared", oauth("<clientSecret>"+s+"</clientSecret>"))
	ca("Pem", "<description>-----BEGIN RSA PRIVATE KEY-----\n"+s+"\n-----END RSA PRIVATE KEY-----</description>")
	pw := s[:cut] + "@" + s[cut:]
	ca("UrlUserinfo", "<oauthConfig><callbackUrl>http://bob:"+pw+"@app.example.com/cb\nhttps://"+s+"@app.example.com/x</callbackUrl></oauthConfig>")
	ca("UrlQuery", "<oauthConfig><callbackUrl>http://app.example.com/cb?state=1&amp;client_secret="+s+"\nhttps://app.example.com/cb?token&#61;"+charRefs(s)+"</callbackUrl></oauthConfig><startUrl>https://app.example.com/?"+s+"</startUrl>")
	ca("UrlFragment", "<oauthConfig><callbackUrl>http://app.example.com/cb#access_token="+s+"</callbackUrl></oauthConfig><infoUrl>https://app.example.com/#"+s+"</infoUrl>")
	// files that do not parse, the secret before or after the error, on its line or not
	ca("BrokenClose", oauth("<consumerSecret>"+s+"</consumerSecre>"))
	ca("BrokenAfter", oauth(secretElem(s)+"<scopes>Api</scope>"))
	ca("BrokenEntity", oauth("<consumerSecret>"+s[:cut]+"&"+s[cut:]+";</consumerSecret>"))
	ca("BrokenName", oauth("<consumerSecret><"+s+"></consumerSecret>"))
	ca("BrokenCdata", oauth("<consumerSecret><![CDATA["+s[:cut]+"\n"+s[cut:]))
	ca("BrokenPem", "<description>-----BEGIN PRIVATE KEY-----\n"+s+"\n&bad;")
	ca("BrokenPrefix", oauth("<md:consumerSecret>"+s+"</md:consumerSecret")+"</x>")

	eca := func(file, root, body string) {
		writeFile(t, filepath.Join(dir, "force-app", "eca", file), `<?xml version="1.0" encoding="UTF-8"?>`+"\n<"+root+` xmlns="http://soap.sforce.com/2006/04/metadata">`+nl()+body+nl()+"</"+root+">\n")
	}
	eca("Ext.eca-meta.xml", "ExternalClientApplication", "<contactEmail>a@example.com</contactEmail><label>Ext</label>")
	eca("Ext.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "<callbackUrl>http://app.example.com/cb#"+s+"</callbackUrl>"+nl()+"<consumerSecret><![CDATA["+s[:cut]+"]]>"+s[cut:]+"</consumerSecret>"+nl()+"<externalClientApplication>Ext</externalClientApplication><label>g</label>")
	eca("Ext2.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "<consumerSecret>"+charRefs(s)+"</consumerSecret>"+nl()+"<externalClientApplication>Ext</externalClientApplication><label>g2</label>")
	eca("Ext.ecaPush-meta.xml", "ExtlClntAppPushSettings", "<applePushConfig><password>"+s+"</password><signingKey>"+charRefs(s)+"</signingKey><certificate><![CDATA["+s+"]]></certificate></applePushConfig><androidPushConfig><serviceAccount>{\"private_key\": \""+s+"\"}</serviceAccount></androidPushConfig><externalClientApplication>Ext</externalClientApplication><label>p</label>")

	// a custom rule that quotes every secret value it can reach
	writeFile(t, filepath.Join(dir, "policy", "leak.rego"), `# METADATA
# title: Leak
# description: quotes secrets
# related_resources:
#   - ref: https://example.com/leak
# custom:
#   id: LEAK001
#   name: Leak
#   severity: high
package leak

deny contains {"msg": sprintf("leaks %s and %s", [input.connectedApp.oauthConfig.consumerSecret.value, substring(input.connectedApp.oauthConfig.consumerSecret.value, 2, 10)]), "node": input.connectedApp}

deny contains {"msg": sprintf("leaks %s", [u.value]), "node": u} if {
	some u in input.connectedApp.oauthConfig.callbackUrl.urls
}

deny contains {"msg": sprintf("leaks %v", [input.ecaPush]), "node": input.ecaPush}

deny contains {"msg": sprintf("leaks %v", [input.invalidValues]), "node": input.connectedApp} if count(input.invalidValues) > 0
`)
	writeFile(t, filepath.Join(dir, "sfdx-project.json"), `{"packageDirectories": [{"path": "force-app", "default": true}]}`)
	return s
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func checkSecretNeverShown(t *testing.T, seed uint64) {
	dir := t.TempDir()
	s := secretCase(t, dir, seed)
	out := filepath.Join(dir, "out")
	files := []string{"r.txt", "r.json", "r.sarif", "r.xml", "r.md", "r.html"}
	args := []string{"scan", "--fail-on", "never", "--policy", "policy"}
	for _, f := range files {
		args = append(args, "-o", filepath.Join(out, f))
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	shown := map[string]string{}
	code, stdout, stderr := runCLI(t, dir, append(args, ".")...)
	shown["stdout"], shown["stderr"] = stdout, stderr
	if code != 2 { // files that do not parse
		t.Fatalf("exit %d, want 2: %s", code, stderr)
	}
	code, stdout, stderr = runCLI(t, dir, "scan", "--fail-on", "never", "--policy", "policy", "-f", "github", ".")
	shown["github"], shown["github stderr"] = stdout, stderr
	if code != 2 {
		t.Fatalf("github: exit %d: %s", code, stderr)
	}
	code, stdout, stderr = runCLI(t, dir, "scan", "--fail-on", "never", "--policy", "policy", "-o", os.DevNull, "--write-baseline", filepath.Join(out, "baseline.json"), ".")
	shown["baseline stdout"], shown["baseline stderr"] = stdout, stderr
	if code != 2 {
		t.Fatalf("baseline: exit %d: %s", code, stderr)
	}
	for _, f := range append(files, "baseline.json") {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		shown[f] = string(b)
	}
	if !strings.Contains(shown["r.txt"], "CAL301") || !strings.Contains(shown["r.txt"], "LEAK001") || !strings.Contains(shown["r.txt"], "CAL001") {
		t.Fatalf("the scan did not report the secrets (CAL301, LEAK001, CAL001 expected):\n%s", shown["r.txt"])
	}
	for where, text := range shown {
		for i := 0; i+6 <= len(s); i++ {
			if j := strings.Index(text, s[i:i+6]); j >= 0 {
				lo, hi := max(0, j-80), min(len(text), j+80)
				t.Errorf("%s shows %q of the secret %q: ...%s...", where, s[i:i+6], s, text[lo:hi])
				break
			}
		}
	}
}
