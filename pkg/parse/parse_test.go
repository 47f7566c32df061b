package parse_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calint/calint/internal/testshared"
	"github.com/calint/calint/pkg/parse"
)

var caKind, _, _ = parse.KindOf("A.connectedApp-meta.xml")

func TestKindOf(t *testing.T) {
	for name, want := range map[string]string{
		"force-app/x/Postman.connectedApp-meta.xml":     "ConnectedApp/Postman/source",
		"unpackaged/connectedApps/Postman.connectedApp": "ConnectedApp/Postman/mdapi",
		"Legacy.connectedapp":                           "ConnectedApp/Legacy/mdapi",
		"ns__App.eca-meta.xml":                          "ExternalClientApplication/ns__App/source",
		"A_glbl.ecaGlblOauth-meta.xml":                  "ExtlClntAppGlobalOauthSettings/A_glbl/source",
		"A.v1.ecaOauth":                                 "ExtlClntAppOauthSettings/A.v1/mdapi",
		"README.md":                                     "",
		"x.ecaoauth-meta.xml":                           "",
		".connectedApp-meta.xml":                        "",
		"authproviders/Okta.authprovider-meta.xml":      "AuthProvider/Okta/source",
		"namedCredentials/Billing.namedCredential":      "NamedCredential/Billing/mdapi",
		"x/Partner.externalCredential-meta.xml":         "ExternalCredential/Partner/source",
		"settings/OauthOidc.settings-meta.xml":          "OauthOidcSettings/OauthOidc/source",
		"settings/ConnectedApp.settings":                "ConnectedAppSettings/ConnectedApp/mdapi",
		"ExternalClientApp.settings-meta.xml":           "ExternalClientAppSettings/ExternalClientApp/source",
		"settings/Security.settings-meta.xml":           "",
		"settings/oauthoidc.settings":                   "",
		"x/My.OauthOidc.settings":                       "",
	} {
		k, full, ok := parse.KindOf(name)
		got := ""
		if ok {
			form := "mdapi"
			if k.Source {
				form = "source"
			}
			got = k.Type + "/" + full + "/" + form
		}
		if got != want {
			t.Errorf("KindOf(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestPositions(t *testing.T) {
	src := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<ConnectedApp xmlns=\"http://soap.sforce.com/2006/04/metadata\">\r\n" +
		"    <label>Ünïcode</label><oauthConfig>\n" +
		"        <callbackUrl>https://a.example.com/cb\n" +
		"\thttp://b.example.com/x?a=1&amp;b=2\r\n" +
		"</callbackUrl>\n" +
		"    </oauthConfig>\n</ConnectedApp>"
	d, err := parse.Parse("f.connectedApp-meta.xml", caKind, []byte(src), parse.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	label := d.Root.Children[0]
	oc := d.Root.Children[1]
	cb := oc.Children[0]
	check := func(name string, got parse.Pos, line, col int) {
		t.Helper()
		if got.Line != line || got.Col != col {
			t.Errorf("%s at %d:%d, want %d:%d", name, got.Line, got.Col, line, col)
		}
	}
	check("root", d.Root.Start, 2, 1)
	check("label", label.Start, 3, 5)
	check("label end", label.End, 3, 27)
	check("oauthConfig (after non-ASCII text, in code points)", oc.Start, 3, 27)
	check("callbackUrl", cb.Start, 4, 9)
	lines := d.TextLines(cb)
	if len(lines) != 2 {
		t.Fatalf("TextLines = %d lines, want 2", len(lines))
	}
	check("url 1", lines[0].Start, 4, 22)
	check("url 2", lines[1].Start, 5, 2)
	if lines[1].Value != "http://b.example.com/x?a=1&b=2" {
		t.Errorf("url 2 = %q", lines[1].Value)
	}
	if got := cb.Path(); got != "oauthConfig/callbackUrl" {
		t.Errorf("path = %q", got)
	}
	if d.Line(3) != "    <label>Ünïcode</label><oauthConfig>" {
		t.Errorf("Line(3) = %q", d.Line(3))
	}
}

// TestHostile feeds inputs that must be refused with a one-line error naming the file.
func TestHostile(t *testing.T) {
	deep := strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100)
	cases := map[string]struct {
		src  string
		want string
		line int
	}{
		"billion laughs":   {`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><ConnectedApp>&lol2;</ConnectedApp>`, "DOCTYPE", 1},
		"external entity":  {"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<ConnectedApp>&xxe;</ConnectedApp>", "DOCTYPE", 2},
		"undefined entity": {"<ConnectedApp>\n<label>&xxe;</label></ConnectedApp>", "not well-formed", 2},
		"deep nesting":     {"<ConnectedApp>" + deep + "</ConnectedApp>", "nested deeper", 1},
		"empty":            {"", "empty", 0},
		"whitespace":       {"  \n\t\n", "empty", 0},
		"binary":           {"\x00\x01\x02<ConnectedApp/>", "NUL", 1},
		"latin1":           {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<ConnectedApp><label>caf\xe9</label></ConnectedApp>", "UTF-8", 2},
		"declared latin1":  {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<ConnectedApp/>", "not supported", 1},
		"utf16 bom":        {"\xff\xfe<\x00C\x00", "UTF-8", 1},
		"truncated":        {"<ConnectedApp>\n  <label>x</label>\n  <oauthConfig>", "not closed", 3},
		"mismatched":       {"<ConnectedApp>\n<label>x</labl></ConnectedApp>", "closed by", 2},
		"wrong root":       {"<Profile><label>x</label></Profile>", "does not match", 1},
		"trailing text":    {"<ConnectedApp/>\n// Arun\n", "outside the root", 2},
		"two roots":        {"<ConnectedApp/>\n<ConnectedApp/>", "content after the root", 2},
		"no root":          {"<?xml version=\"1.0\"?>\n<!-- nothing -->", "no root", 0},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := parse.Parse("bad.connectedApp-meta.xml", caKind, []byte(c.src), parse.DefaultLimits)
			var pe *parse.Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *parse.Error", err)
			}
			if !strings.Contains(pe.Msg, c.want) {
				t.Errorf("message %q does not mention %q", pe.Msg, c.want)
			}
			if pe.Line != c.line {
				t.Errorf("line = %d, want %d (%s)", pe.Line, c.line, pe.Msg)
			}
			if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "bad.connectedApp-meta.xml") {
				t.Errorf("error %q is not one line naming the file", err)
			}
		})
	}
}

func TestSizeLimit(t *testing.T) {
	big := "<ConnectedApp><description>" + strings.Repeat("x", 2000) + "</description></ConnectedApp>"
	_, err := parse.Read("big.connectedApp", caKind, strings.NewReader(big), parse.Limits{MaxBytes: 1000, MaxDepth: 10, MaxElements: 10})
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("err = %v", err)
	}
	many := "<ConnectedApp>" + strings.Repeat("<label/>", 50) + "</ConnectedApp>"
	_, err = parse.Parse("many.connectedApp", caKind, []byte(many), parse.Limits{MaxBytes: 1 << 20, MaxDepth: 10, MaxElements: 20})
	if err == nil || !strings.Contains(err.Error(), "more than 20 elements") {
		t.Fatalf("err = %v", err)
	}
}

func TestBOMAndComments(t *testing.T) {
	src := "\xEF\xBB\xBF<!-- calint:ignore CAL601 reason=\"x\" -->\n<ConnectedApp>\n  <!-- c1 -->\n  <label>x</label> <!-- trailing -->\n  <contactEmail>y</contactEmail>\n</ConnectedApp>\n"
	d, err := parse.Parse("c.connectedApp", caKind, []byte(src), parse.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Root.Comments) != 1 || !strings.Contains(d.Root.Comments[0].Text, "CAL601") {
		t.Errorf("root comments = %+v", d.Root.Comments)
	}
	label, email := d.Root.Children[0], d.Root.Children[1]
	if len(label.Comments) != 1 || len(label.Trailing) != 1 || len(email.Comments) != 0 {
		t.Errorf("label comments %+v trailing %+v, email comments %+v", label.Comments, label.Trailing, email.Comments)
	}
}

// TestRealCorpus parses every real file: exactly one is not well-formed.
func TestRealCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testshared.Path(t, "corpus", "real", "files"), "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 500 {
		t.Fatalf("corpus incomplete (%d files)", len(files))
	}
	var bad []string
	for _, f := range files {
		k, _, ok := parse.KindOf(f)
		if !ok {
			t.Errorf("%s: suffix not recognised", f)
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := parse.Parse(filepath.Base(f), k, b, parse.DefaultLimits)
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		if d.Root.End.Line < d.Root.Start.Line || !bytes.Contains(b, []byte(d.Root.Name)) {
			t.Errorf("%s: bad root positions", f)
		}
	}
	if len(bad) != 1 || !strings.Contains(bad[0], "Dev_CICD") || !strings.Contains(bad[0], "outside the root") {
		t.Errorf("not well-formed files = %q, want only Dev_CICD", bad)
	}
}

// FuzzParse checks that no input panics, and that positions stay inside the file.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "*", "*"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<ConnectedApp><oauthConfig><callbackUrl>a\r\nb\rc</callbackUrl></oauthConfig></ConnectedApp>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := parse.Parse("f.connectedApp", parse.Kind{}, b, parse.Limits{MaxBytes: 1 << 16, MaxDepth: 16, MaxElements: 1000})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		var walk func(n *parse.Node)
		walk = func(n *parse.Node) {
			if n.Start.Off < 0 || n.End.Off > len(d.Src) || n.Start.Off > n.End.Off || n.Start.Line < 1 {
				t.Fatalf("bad positions %+v..%+v in %d bytes", n.Start, n.End, len(d.Src))
			}
			for _, l := range d.TextLines(n) {
				if l.Start.Off < n.Start.Off || l.End.Off > n.End.Off {
					t.Fatalf("line %+v outside its element", l)
				}
			}
			for _, c := range n.Children {
				walk(c)
			}
		}
		walk(d.Root)
	})
}

// A syntax error points at the bad token, not at the end of the text the decoder read
// before reporting it.
func TestErrorColumn(t *testing.T) {
	for name, c := range map[string]struct {
		src       string
		line, col int
	}{
		"illegal character":   {"<ConnectedApp>\n<label>hello\x01world and more</label></ConnectedApp>", 2, 13},
		"illegal reference":   {"<ConnectedApp>\n<label>ab &#0; tail text</label></ConnectedApp>", 2, 11},
		"illegal hex ref":     {"<ConnectedApp><label>ab &#x1; tail text</label></ConnectedApp>", 1, 25},
		"illegal after utf8":  {"<ConnectedApp><label>ää\x02 tail text</label></ConnectedApp>", 1, 24},
		"undefined entity":    {"<ConnectedApp><label>x &bad; tail</label></ConnectedApp>", 1, 24},
		"unescaped cdata end": {"<ConnectedApp><label>x]]>y tail</label></ConnectedApp>", 1, 23},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := parse.Parse("bad.connectedApp-meta.xml", caKind, []byte(c.src), parse.DefaultLimits)
			var pe *parse.Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *parse.Error", err)
			}
			if pe.Line != c.line || pe.Col != c.col {
				t.Errorf("%s at %d:%d, want %d:%d", pe.Msg, pe.Line, pe.Col, c.line, c.col)
			}
		})
	}
}
