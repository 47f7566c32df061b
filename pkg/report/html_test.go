package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/calint/calint/pkg/rule"
)

// node is a parsed element of the HTML page; the page is written so that it is also
// well-formed XML, which lets encoding/xml check its structure strictly.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
	text     string // of a "#text" node
}

func (n *node) class(c string) bool {
	return strings.Contains(" "+n.attrs["class"]+" ", " "+c+" ")
}

// all returns the descendants (and n itself) that match.
func (n *node) all(match func(*node) bool) []*node {
	var out []*node
	if match(n) {
		out = append(out, n)
	}
	for _, c := range n.children {
		out = append(out, c.all(match)...)
	}
	return out
}

func (n *node) textAll() string {
	var b strings.Builder
	b.WriteString(n.text)
	for _, c := range n.children {
		b.WriteString(c.textAll())
	}
	return b.String()
}

func byName(name string) func(*node) bool { return func(n *node) bool { return n.name == name } }

func byClass(name, class string) func(*node) bool {
	return func(n *node) bool { return n.name == name && n.class(class) }
}

func parsePage(t *testing.T, page []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	var root *node
	var stack []*node
	sawDoctype := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("page is not well-formed: %v", err)
		}
		switch tk := tok.(type) {
		case xml.Directive:
			if strings.EqualFold(string(tk), "DOCTYPE html") {
				sawDoctype = true
			}
		case xml.StartElement:
			n := &node{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					t.Fatal("more than one root element")
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, &node{name: "#text", text: string(tk)})
			} else if strings.TrimSpace(string(tk)) != "" {
				t.Fatalf("text outside the root element: %q", tk)
			}
		}
	}
	if !sawDoctype {
		t.Error("no <!DOCTYPE html>")
	}
	if root == nil || root.name != "html" {
		t.Fatal("root element is not <html>")
	}
	return root
}

func sampleReport() *Report {
	rules := []rule.Rule{
		{ID: "CAL101", Name: "FullAccessScope", Title: "Full access OAuth scope", Severity: "high", Builtin: true,
			Remediation: "Remove `Full` and request `Api` <b>only</b>.", Example: "<scopes>Api</scopes>",
			HelpURI: "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm"},
		{ID: "CAL301", Name: "CommittedConsumerSecret", Title: "Committed consumer secret", Severity: "critical", Builtin: true,
			Remediation: "Delete it & rotate.", HelpURI: "javascript:alert(1)"},
		{ID: "CAL601", Name: "LegacyConnectedApp", Title: "Legacy connected app", Severity: "info"},
	}
	return &Report{
		Version: "v1.2.3",
		Rules:   rules,
		Findings: []Finding{
			{RuleID: "CAL601", Name: "LegacyConnectedApp", Severity: "info", Message: "legacy", File: "a/Evil.connectedApp-meta.xml",
				Line: 2, Column: 1, EndLine: 20, EndColumn: 16, App: `Evil<script>alert(1)</script>`, AppType: "ConnectedApp",
				Snippet: `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">`},
			{RuleID: "CAL101", Name: "FullAccessScope", Severity: "high", Message: `OAuth scope "Full" <grants> all & more`,
				File: "a/Evil.connectedApp-meta.xml", Line: 8, Column: 9, EndLine: 8, EndColumn: 30,
				App: `Evil<script>alert(1)</script>`, AppType: "ConnectedApp", Path: "oauthConfig/scopes[1]",
				Snippet: "        <scopes>Full</scopes>"},
			{RuleID: "CAL101", Name: "FullAccessScope", Severity: "high", Message: "second scope",
				File: "a/Evil.connectedApp-meta.xml", Line: 9, Column: 9, EndLine: 9, EndColumn: 30,
				App: `Evil<script>alert(1)</script>`, AppType: "ConnectedApp", Path: "oauthConfig/scopes[2]",
				Snippet: "        <scopes>Full</scopes>"},
			{RuleID: "CAL301", Name: "CommittedConsumerSecret", Severity: "critical", Message: "secret (9F3C… (32 characters))",
				File: "b/Sync.ecaGlblOauth-meta.xml", Line: 5, Column: 5, EndLine: 5, EndColumn: 60, App: "Sync", AppType: "ExternalClientApplication",
				Snippet: "    <consumerSecret>[hidden]</consumerSecret> <!-- ä -->"},
			{RuleID: "CAL101", Name: "FullAccessScope", Severity: "high", Message: "suppressed one", File: "c/Old.connectedApp",
				Line: 3, Column: 3, EndLine: 3, EndColumn: 20, App: "Old", AppType: "ConnectedApp", Snippet: "  <scopes>Full</scopes>",
				Suppressed: true, Suppression: &Suppression{Kind: "inline", Reason: "legacy, owner: team-x", Expires: "2027-06-30"}},
		},
		Errors: []FileError{{File: "d/Bad.eca-meta.xml", Line: 1, Column: 1, Message: "XML syntax error"}},
		Apps: []AppSummary{
			{Name: `Evil<script>alert(1)</script>`, Type: "ConnectedApp", Owner: "ops@example.com", Files: []string{"a/Evil.connectedApp-meta.xml"},
				Facts:     map[string]string{"scopes": "Api, Full", "permitted users": "all users may self-authorize", "IP policy": "BYPASS", "zeta": "z"},
				Callbacks: []string{"https://example.com/cb?a=1&b=<2>", "http://localhost:1717/OauthRedirect"}},
			{Name: "Sync", Type: "ExternalClientApplication", Files: []string{"b/Sync.eca-meta.xml", "b/Sync.ecaGlblOauth-meta.xml"},
				Facts: map[string]string{"consumer secret": "present (hidden)", "grants": "Admins, Integration"}},
			{Name: "Quiet", Type: "ExternalClientApplication", Files: []string{"q/Quiet.eca-meta.xml"}},
		},
		Meta: Meta{Time: time.Date(2026, 11, 26, 10, 30, 0, 0, time.FixedZone("CET", 3600)), Paths: []string{"force-app", "extra"},
			Repository: "https://github.com/acme/sf.git", Commit: "0123456789abcdef0123456789abcdef01234567", Dirty: true, OPA: "1.9.0"},
		Summary: Summary{Files: 5, Apps: 3, Findings: 4, BySeverity: map[string]int{"critical": 1, "high": 2, "info": 1},
			Suppressed: 1, Errors: 1, FailOn: "high", Failed: true},
	}
}

func render(t *testing.T, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestHTMLStructure(t *testing.T) {
	r := sampleReport()
	page := render(t, r)
	root := parsePage(t, page)

	// self-contained: nothing is loaded, nothing runs
	for _, bad := range []string{"<script", "<link", "<iframe", "<object", "<embed", "<img", "@import", "url(", "src="} {
		if bytes.Contains(bytes.ToLower(page), []byte(bad)) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, n := range root.all(func(*node) bool { return true }) {
		for k, v := range n.attrs {
			if strings.HasPrefix(k, "on") || k == "src" || k == "srcset" || k == "style" {
				t.Errorf("<%s> has attribute %s=%q", n.name, k, v)
			}
			if k == "href" && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "https://") {
				t.Errorf("<%s> links to %q", n.name, v)
			}
		}
	}
	csp := root.all(func(n *node) bool { return n.name == "meta" && n.attrs["http-equiv"] == "Content-Security-Policy" })
	if len(csp) != 1 || !strings.Contains(csp[0].attrs["content"], "default-src 'none'") {
		t.Errorf("no restrictive Content-Security-Policy: %v", csp)
	}
	if len(root.all(byName("title"))) < 1 || len(root.all(byName("style"))) != 1 {
		t.Error("want a title and one inline style element")
	}
	style := root.all(byName("style"))[0].textAll()
	if !strings.Contains(style, "@media print") {
		t.Error("no print CSS")
	}

	// charts: by severity (a bar per severity) and by rule (a bar per rule with findings)
	sev := root.all(func(n *node) bool { return n.attrs["id"] == "chart-severity" })
	if len(sev) != 1 || len(sev[0].all(byName("svg"))) != 1 || len(sev[0].all(byName("rect"))) != 5 {
		t.Errorf("severity chart: want one svg with 5 bars")
	}
	rules := root.all(func(n *node) bool { return n.attrs["id"] == "chart-rules" })
	if len(rules) != 1 || len(rules[0].all(byName("rect"))) != 3 {
		t.Errorf("rule chart: want 3 bars")
	}
	for _, rect := range root.all(byName("rect")) {
		if rect.attrs["height"] == "" || rect.attrs["width"] == "" || strings.HasPrefix(rect.attrs["height"], "-") {
			t.Errorf("bad bar %v", rect.attrs)
		}
	}

	// one card per app, riskiest first, with its posture and owner
	cards := root.all(byClass("article", "card"))
	if len(cards) != len(r.Apps) {
		t.Fatalf("%d app cards, want %d", len(cards), len(r.Apps))
	}
	if !cards[0].class("worst-critical") || !cards[1].class("worst-high") || !cards[2].class("worst-none") {
		t.Error("cards are not sorted by risk and marked with their worst severity")
	}
	evil := cards[1].textAll()
	for _, want := range []string{"Evil<script>alert(1)</script>", "scopes", "Full", "permitted users", "all users may self-authorize",
		"IP policy", "BYPASS", "https://example.com/cb?a=1&b=<2>", "http://localhost:1717/OauthRedirect", "zeta", "owner", "ops@example.com", "CAL101"} {
		if !strings.Contains(evil, want) {
			t.Errorf("app card lacks %q:\n%s", want, evil)
		}
	}
	if chips := cards[1].all(byClass("span", "chip")); len(chips) != 2 {
		t.Errorf("want a chip per scope, got %d", len(chips))
	}
	if !strings.Contains(cards[0].textAll(), "present (hidden)") {
		t.Error("secret presence not shown")
	}
	if !strings.Contains(cards[2].textAll(), "no findings") {
		t.Error("a clean app does not say so")
	}

	// when and what was scanned
	meta := root.all(func(n *node) bool { return n.attrs["id"] == "scan-meta" })
	if len(meta) != 1 {
		t.Fatal("no scan metadata")
	}
	for _, want := range []string{"2026-11-26 09:30 UTC", "force-app, extra", "https://github.com/acme/sf.git",
		"0123456789abcdef0123456789abcdef01234567 (with uncommitted changes)", "v1.2.3 (OPA 1.9.0)", "2 built-in, 1 custom (rule set "} {
		if !strings.Contains(meta[0].textAll(), want) {
			t.Errorf("scan metadata lacks %q: %s", want, meta[0].textAll())
		}
	}

	// top risks: worst rules first, info left out when there is anything worse
	top := root.all(func(n *node) bool { return n.attrs["id"] == "top-risks" })[0].all(byName("li"))
	if len(top) != 2 || !strings.Contains(top[0].textAll(), "CAL301") || !strings.Contains(top[1].textAll(), "CAL101") {
		t.Errorf("top risks: %d items", len(top))
	}
	if risky := root.all(func(n *node) bool { return n.attrs["id"] == "risky-apps" })[0].all(byName("li")); len(risky) != 2 ||
		!strings.Contains(risky[0].textAll(), "Sync") {
		t.Errorf("apps most at risk: %d", len(risky))
	}

	// the app-by-rule matrix: a column per rule, a row per app with findings
	matrix := root.all(byClass("table", "matrix"))
	if len(matrix) != 1 {
		t.Fatal("no app-by-rule matrix")
	}
	if th := matrix[0].all(byName("th")); len(th) != 2+3 {
		t.Errorf("matrix has %d header cells, want app, owner and 3 rules", len(th))
	}
	rows := matrix[0].all(byName("tr"))
	if len(rows) != 3 || !strings.Contains(rows[1].textAll(), "Sync") {
		t.Errorf("matrix rows: %d", len(rows))
	}
	if hits := rows[2].all(byClass("td", "hit")); len(hits) != 2 || !hits[0].class("bg-high") || !hits[1].class("bg-info") {
		t.Errorf("Evil's matrix row: %d hits", len(hits))
	}

	// findings grouped by rule, most severe first, the remediation once per rule
	groups := root.all(func(n *node) bool { return n.name == "section" && n.attrs["id"] == "findings" })[0].all(byClass("article", "rule"))
	if len(groups) != 3 || groups[0].attrs["id"] != "rule-CAL301" || groups[1].attrs["id"] != "rule-CAL101" || groups[2].attrs["id"] != "rule-CAL601" {
		t.Fatalf("%d rule groups, want CAL301, CAL101, CAL601", len(groups))
	}
	if n := strings.Count(string(page), "How to fix"); n != 2 {
		t.Errorf("%d remediations, want one per rule that has one (2)", n)
	}
	full := groups[1]
	if rows := full.all(byClass("tr", "finding")); len(rows) != 2 {
		t.Errorf("CAL101: %d finding rows, want 2", len(rows))
	}
	pre := full.all(byClass("pre", "snippet"))
	if len(pre) != 2 || !strings.Contains(pre[0].textAll(), "<scopes>Full</scopes>") {
		t.Fatalf("finding lacks its source excerpt")
	}
	if m := pre[0].all(byName("mark")); len(m) != 1 || m[0].textAll() != "<scopes>Full</scopes>" {
		t.Errorf("marked range: %v", m)
	}
	fix := full.all(byClass("div", "fix"))
	if len(fix) != 1 || !strings.Contains(fix[0].textAll(), "Remove Full and request Api <b>only</b>.") ||
		len(fix[0].all(byName("code"))) != 2 || len(fix[0].all(byName("b"))) != 1 {
		t.Errorf("remediation not shown as text with code")
	}
	if !strings.Contains(full.textAll(), `OAuth scope "Full" <grants> all & more`) {
		t.Error("message not shown verbatim")
	}
	if m := groups[0].all(byName("mark")); len(m) != 1 || !strings.HasSuffix(m[0].textAll(), "ä -->") {
		t.Errorf("multi-byte excerpt cut wrongly: %v", m)
	}
	// a javascript: help link is neutralised
	for _, a := range groups[0].all(byName("a")) {
		if strings.Contains(a.attrs["href"], "javascript") {
			t.Error("javascript: link kept")
		}
	}

	// suppressed findings with their reason, and errors
	supp := root.all(func(n *node) bool { return n.name == "section" && n.attrs["id"] == "suppressed" })
	if len(supp) != 1 || !strings.Contains(supp[0].textAll(), "legacy, owner: team-x") || !strings.Contains(supp[0].textAll(), "2027-06-30") {
		t.Error("suppressed findings not listed with reason and expiry")
	}
	errs := root.all(func(n *node) bool { return n.name == "section" && n.attrs["id"] == "errors" })
	if len(errs) != 1 || !strings.Contains(errs[0].textAll(), "XML syntax error") {
		t.Error("errors not listed")
	}

	// deterministic
	if !bytes.Equal(page, render(t, sampleReport())) {
		t.Error("two renderings of one report differ")
	}
}

func TestHTMLEmpty(t *testing.T) {
	page := render(t, &Report{Version: "0.0.0-dev", Summary: Summary{FailOn: "high", BySeverity: map[string]int{}}})
	root := parsePage(t, page)
	text := root.textAll()
	for _, want := range []string{"PASS", "No findings.", "No apps were found."} {
		if !strings.Contains(text, want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
	if n := len(root.all(byName("svg"))); n != 2 {
		t.Errorf("%d charts, want 2", n)
	}
}

func TestSplitColumns(t *testing.T) {
	for _, c := range []struct {
		s        string
		from, to int
		want     [3]string
	}{
		{"abcdef", 2, 4, [3]string{"a", "bc", "def"}},
		{"äöü", 2, 3, [3]string{"ä", "ö", "ü"}},
		{"abc", 0, 99, [3]string{"", "abc", ""}},
		{"abc", 5, 2, [3]string{"abc", "", ""}},
		{"", 1, 1, [3]string{"", "", ""}},
	} {
		b, m, a := splitColumns(c.s, c.from, c.to)
		if [3]string{b, m, a} != c.want {
			t.Errorf("splitColumns(%q, %d, %d) = %q %q %q, want %q", c.s, c.from, c.to, b, m, a, c.want)
		}
	}
}
