package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/calint/calint/pkg/rule"
)

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"upper":  strings.ToUpper,
	"plural": plural,
}).Parse(htmlSource))

// factOrder is the order of the posture facts on an app card; other facts follow, sorted.
var factOrder = []string{"scopes", "permitted users", "grants", "IP policy", "refresh token policy", "consumer secret"}

// HTML writes one self-contained page for a security review of exported metadata, for a
// reviewer and the manager they hand it to: when and what was scanned (date, paths,
// repository and commit, calint, OPA and rule-set versions), the verdict and totals with
// inline SVG charts, the top risks, the apps sorted by risk with their owner, an
// app-by-rule matrix, one card per app with its posture, then the findings grouped by rule
// with the rule's remediation once and a compact row per finding (secret-masked source
// line), suppressed findings with their reason, and errors. It loads nothing (a
// Content-Security-Policy forbids it), runs no script, prints compactly and is
// deterministic: the same report gives the same bytes.
func HTML(w io.Writer, r *Report) error {
	return htmlTemplate.Execute(w, newHTMLView(r))
}

// HTMLTopRisks is how many rules the top-risks summary names.
const HTMLTopRisks = 5

type htmlView struct {
	Version    string
	Meta       htmlMeta
	Summary    Summary
	Status     string
	Severities []htmlSevCount
	SevChart   htmlChart
	RuleChart  htmlChart
	TopRisks   []htmlRuleGroup
	RiskyApps  []htmlApp
	Apps       []htmlApp
	Matrix     []htmlRuleGroup
	Groups     []htmlRuleGroup
	Suppressed []htmlFinding
	Errors     []FileError
	Rules      int
}

// htmlMeta says when and what was scanned.
type htmlMeta struct {
	Date, Paths, Repository, Commit, OPA, RuleSet string
	Dirty                                         bool
}

type htmlSevCount struct {
	Severity string
	Count    int
}

type htmlChart struct {
	Width, Height int
	Bars          []htmlBar
	Label         string
}

// htmlBar is one bar of a chart and its labels, in SVG user units.
type htmlBar struct {
	Label, Title, Severity, Href string
	Count                        int
	X, Y, W, H                   int
	LabelX, LabelY               int
	CountX, CountY               int
}

type htmlApp struct {
	ID, Name, Type, Owner string
	Files                 []string
	Facts                 []htmlFact
	Callbacks             []string
	Counts                []htmlSevCount
	Worst                 string
	Total                 int
	// Rules are the rules the app breaks, worst first, with their count in this app.
	Rules []htmlAppRule
	// Cells is the app's row of the app-by-rule matrix (one per column of Matrix).
	Cells []int
}

type htmlAppRule struct {
	Anchor, RuleID, Severity string
	Count                    int
}

type htmlFact struct {
	Label  string
	Values []string
}

// htmlRuleGroup is one rule with its findings: the remediation is shown once.
type htmlRuleGroup struct {
	Anchor      string
	Rule        rule.Rule
	RuleID      string
	Severity    string
	Count       int
	Apps        []string
	Remediation []htmlSeg
	Example     string
	Findings    []htmlFinding
}

type htmlFinding struct {
	ID       string
	F        Finding
	Rule     rule.Rule
	Location string
	Before   string
	Mark     string
	After    string
}

// htmlSeg is a piece of rule text: plain, or `code` in backquotes.
type htmlSeg struct {
	Text string
	Code bool
}

// segments splits text at backquotes, so `name` is shown as code.
func segments(s string) []htmlSeg {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // unbalanced: show as is
		return []htmlSeg{{Text: s}}
	}
	var out []htmlSeg
	for i, p := range parts {
		if p != "" {
			out = append(out, htmlSeg{Text: p, Code: i%2 == 1})
		}
	}
	return out
}

// ruleSetDigest identifies the rules a scan ran (ids, severities and titles, custom ones
// included): two reports with the same digest applied the same rules.
func ruleSetDigest(rules []rule.Rule) string {
	h := sha256.New()
	for _, r := range rules {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\n", r.ID, r.Severity, r.Title, r.Package)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func newHTMLMeta(r *Report) htmlMeta {
	m := htmlMeta{Paths: strings.Join(r.Meta.Paths, ", "), Repository: r.Meta.Repository, Commit: r.Meta.Commit, Dirty: r.Meta.Dirty, OPA: r.Meta.OPA}
	if !r.Meta.Time.IsZero() {
		m.Date = r.Meta.Time.UTC().Format("2006-01-02 15:04 UTC")
	}
	builtin, custom := 0, 0
	for _, x := range r.Rules {
		if x.Builtin || x.Native {
			builtin++
		} else {
			custom++
		}
	}
	m.RuleSet = fmt.Sprintf("%d built-in", builtin)
	if custom > 0 {
		m.RuleSet += fmt.Sprintf(", %d custom", custom)
	}
	m.RuleSet += fmt.Sprintf(" (rule set %s)", ruleSetDigest(r.Rules))
	return m
}

func newHTMLView(r *Report) htmlView {
	v := htmlView{Version: r.Version, Meta: newHTMLMeta(r), Summary: r.Summary, Errors: r.Errors, Rules: len(r.Rules)}
	switch {
	case r.Summary.Errors > 0:
		v.Status = "error"
	case r.Summary.Failed:
		v.Status = "fail"
	default:
		v.Status = "pass"
	}

	var active, suppressed []Finding
	for _, f := range r.Findings {
		if f.Suppressed {
			suppressed = append(suppressed, f)
		} else {
			active = append(active, f)
		}
	}
	SortWorstFirst(active)
	for i, f := range suppressed {
		v.Suppressed = append(v.Suppressed, newHTMLFinding(r, f, fmt.Sprintf("s%d", i+1)))
	}

	// findings grouped by rule: worst rule first, then the most frequent
	groups := map[string]*htmlRuleGroup{}
	var order []*htmlRuleGroup
	for i, f := range active {
		g := groups[f.RuleID]
		if g == nil {
			g = &htmlRuleGroup{Anchor: "rule-" + f.RuleID, RuleID: f.RuleID, Severity: f.Severity}
			if rule, ok := r.RuleByID(f.RuleID); ok {
				g.Rule = rule
				g.Remediation = segments(strings.TrimSpace(rule.Remediation))
				g.Example = strings.TrimRight(rule.Example, "\n")
			}
			if g.Rule.Name == "" {
				g.Rule.Name = f.Name
			}
			groups[f.RuleID] = g
			order = append(order, g)
		}
		if rule.SeverityRank(f.Severity) > rule.SeverityRank(g.Severity) {
			g.Severity = f.Severity
		}
		g.Count++
		if f.App != "" && !slices.Contains(g.Apps, f.App) {
			g.Apps = append(g.Apps, f.App)
		}
		g.Findings = append(g.Findings, newHTMLFinding(r, f, fmt.Sprintf("f%d", i+1)))
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if ra, rb := rule.SeverityRank(a.Severity), rule.SeverityRank(b.Severity); ra != rb {
			return ra > rb
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.RuleID < b.RuleID
	})
	for _, g := range order {
		sort.Strings(g.Apps)
		v.Groups = append(v.Groups, *g)
	}
	v.Matrix = v.Groups
	for _, g := range v.Groups {
		if len(v.TopRisks) == HTMLTopRisks || (g.Severity == "info" && len(v.TopRisks) > 0) {
			break
		}
		v.TopRisks = append(v.TopRisks, g)
	}

	// totals by severity
	bySev := map[string]int{}
	for _, f := range active {
		bySev[f.Severity]++
	}
	for _, s := range rule.Severities() {
		v.Severities = append(v.Severities, htmlSevCount{s, bySev[s]})
	}
	v.SevChart = severityChart(v.Severities)
	v.RuleChart = ruleChart(r, active)

	// apps, riskiest first
	summaries := map[[2]string]AppSummary{}
	for _, a := range r.Apps {
		summaries[[2]string{a.Name, a.Type}] = a
	}
	for i, risk := range AppRisks(r.Apps, active) {
		a := summaries[[2]string{risk.Name, risk.Type}]
		app := htmlApp{ID: fmt.Sprintf("app%d", i+1), Name: risk.Name, Type: risk.Type, Owner: a.Owner, Files: a.Files, Callbacks: a.Callbacks,
			Total: risk.Total, Worst: risk.Worst()}
		app.Facts = appFacts(a.Facts)
		for j, n := range risk.Counts {
			if n > 0 {
				app.Counts = append(app.Counts, htmlSevCount{rule.Severities()[j], n})
			}
		}
		app.Cells = make([]int, len(v.Matrix))
		for j, g := range v.Matrix {
			for _, f := range g.Findings {
				if f.F.App == risk.Name && (f.F.AppType == "" || risk.Type == "" || f.F.AppType == risk.Type) {
					app.Cells[j]++
				}
			}
			if app.Cells[j] > 0 {
				app.Rules = append(app.Rules, htmlAppRule{Anchor: g.Anchor, RuleID: g.RuleID, Severity: g.Severity, Count: app.Cells[j]})
			}
		}
		v.Apps = append(v.Apps, app)
		if app.Total > 0 && len(v.RiskyApps) < HTMLTopRisks {
			v.RiskyApps = append(v.RiskyApps, app)
		}
	}
	return v
}

// appFacts orders an app's posture facts: the usual ones first, the others sorted.
func appFacts(facts map[string]string) []htmlFact {
	var out []htmlFact
	seen := map[string]bool{}
	add := func(k string) {
		if val, ok := facts[k]; ok && !seen[k] {
			seen[k] = true
			fact := htmlFact{Label: k}
			if k == "scopes" || k == "grants" {
				fact.Values = strings.Split(val, ", ")
			} else {
				fact.Values = []string{val}
			}
			out = append(out, fact)
		}
	}
	for _, k := range factOrder {
		add(k)
	}
	rest := make([]string, 0, len(facts))
	for k := range facts {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		add(k)
	}
	return out
}

func newHTMLFinding(r *Report, f Finding, id string) htmlFinding {
	hf := htmlFinding{ID: id, F: f, Location: f.File}
	if f.Line > 0 {
		hf.Location = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
	}
	if rule, ok := r.RuleByID(f.RuleID); ok {
		hf.Rule = rule
	}
	if f.Snippet != "" {
		end := len([]rune(f.Snippet)) + 1
		if f.EndLine == f.Line && f.EndColumn > f.Column {
			end = f.EndColumn - f.SnippetOffset
		}
		hf.Before, hf.Mark, hf.After = splitColumns(strings.TrimRight(f.Snippet, "\r\n"), f.Column-f.SnippetOffset, end)
	}
	return hf
}

// splitColumns splits a line at 1-based code-point columns [from, to).
func splitColumns(s string, from, to int) (before, mark, after string) {
	n := utf8.RuneCountInString(s)
	from = min(max(from, 1), n+1)
	to = min(max(to, from), n+1)
	r := []rune(s)
	return string(r[:from-1]), string(r[from-1 : to-1]), string(r[to-1:])
}

// severityChart is a column chart of the active findings by severity.
func severityChart(counts []htmlSevCount) htmlChart {
	const colW, gap, left, top, plotH = 56, 24, 16, 24, 120
	c := htmlChart{Width: left*2 + len(counts)*colW + (len(counts)-1)*gap, Height: top + plotH + 28, Label: "Findings by severity"}
	most := 0
	for _, s := range counts {
		most = max(most, s.Count)
	}
	for i, s := range counts {
		h := 0
		if most > 0 {
			h = s.Count * plotH / most
		}
		if s.Count > 0 && h < 2 {
			h = 2
		}
		x := left + i*(colW+gap)
		c.Bars = append(c.Bars, htmlBar{
			Label: s.Severity, Title: fmt.Sprintf("%d %s", s.Count, s.Severity), Severity: s.Severity, Count: s.Count,
			X: x, Y: top + plotH - h, W: colW, H: h,
			LabelX: x + colW/2, LabelY: top + plotH + 18,
			CountX: x + colW/2, CountY: top + plotH - h - 6,
		})
	}
	return c
}

// ruleChart is a bar chart of the active findings by rule, worst first, then most frequent.
func ruleChart(r *Report, active []Finding) htmlChart {
	type row struct {
		id, name, sev string
		n             int
	}
	rows := map[string]*row{}
	for _, f := range active {
		x := rows[f.RuleID]
		if x == nil {
			x = &row{id: f.RuleID, name: f.Name, sev: f.Severity}
			rows[f.RuleID] = x
		}
		x.n++
		if rule.SeverityRank(f.Severity) > rule.SeverityRank(x.sev) {
			x.sev = f.Severity
		}
	}
	list := make([]*row, 0, len(rows))
	for _, x := range rows {
		list = append(list, x)
	}
	sort.Slice(list, func(i, j int) bool {
		if ri, rj := rule.SeverityRank(list[i].sev), rule.SeverityRank(list[j].sev); ri != rj {
			return ri > rj
		}
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].id < list[j].id
	})
	const rowH, labelW, plotW, top = 22, 280, 240, 8
	c := htmlChart{Width: labelW + plotW + 48, Height: top*2 + max(len(list), 1)*rowH, Label: "Findings by rule"}
	most := 0
	for _, x := range list {
		most = max(most, x.n)
	}
	for i, x := range list {
		w := max(x.n*plotW/most, 2)
		y := top + i*rowH
		title := x.id
		if rule, ok := r.RuleByID(x.id); ok && rule.Title != "" {
			title += ": " + rule.Title
		}
		c.Bars = append(c.Bars, htmlBar{
			Label: strings.TrimSpace(x.id + " " + x.name), Title: fmt.Sprintf("%s (%d)", title, x.n), Severity: x.sev, Count: x.n,
			Href: "#rule-" + x.id,
			X:    labelW, Y: y + 3, W: w, H: rowH - 6,
			LabelX: labelW - 8, LabelY: y + rowH/2 + 4,
			CountX: labelW + w + 6, CountY: y + rowH/2 + 4,
		})
	}
	return c
}
