package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
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

// HTML writes one self-contained page for a security review of exported metadata: totals
// by severity and by rule as inline SVG charts, one card per app with its posture, every
// finding with its (secret-masked) source line and remediation, suppressed findings with
// their reason, and errors. It loads nothing (a Content-Security-Policy forbids it), runs
// no script, prints well and is deterministic: the same report gives the same bytes.
func HTML(w io.Writer, r *Report) error {
	return htmlTemplate.Execute(w, newHTMLView(r))
}

type htmlView struct {
	Version    string
	Summary    Summary
	Status     string
	Severities []htmlSevCount
	SevChart   htmlChart
	RuleChart  htmlChart
	Apps       []htmlApp
	Findings   []htmlFinding
	Suppressed []htmlFinding
	Errors     []FileError
	Rules      int
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
	ID, Name, Type string
	Files          []string
	Facts          []htmlFact
	Callbacks      []string
	Counts         []htmlSevCount
	Worst          string
	Total          int
	Findings       []htmlFindingRef
}

type htmlFact struct {
	Label  string
	Values []string
}

type htmlFindingRef struct {
	ID, RuleID, Severity, Message string
}

type htmlFinding struct {
	ID          string
	F           Finding
	Rule        rule.Rule
	Location    string
	Before      string
	Mark        string
	After       string
	Remediation []htmlSeg
	Example     string
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

func newHTMLView(r *Report) htmlView {
	v := htmlView{Version: r.Version, Summary: r.Summary, Errors: r.Errors, Rules: len(r.Rules)}
	switch {
	case r.Summary.Errors > 0:
		v.Status = "error"
	case r.Summary.Failed:
		v.Status = "fail"
	default:
		v.Status = "pass"
	}

	// findings: active ones by decreasing severity (report order within a severity)
	var active, suppressed []Finding
	for _, f := range r.Findings {
		if f.Suppressed {
			suppressed = append(suppressed, f)
		} else {
			active = append(active, f)
		}
	}
	sort.SliceStable(active, func(i, j int) bool {
		return rule.SeverityRank(active[i].Severity) > rule.SeverityRank(active[j].Severity)
	})
	ids := map[*Finding]string{}
	for i := range active {
		hf := newHTMLFinding(r, active[i], fmt.Sprintf("f%d", i+1))
		v.Findings = append(v.Findings, hf)
		ids[&active[i]] = hf.ID
	}
	for i, f := range suppressed {
		v.Suppressed = append(v.Suppressed, newHTMLFinding(r, f, fmt.Sprintf("s%d", i+1)))
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
	first := map[string]string{}
	for _, f := range v.Findings {
		if first[f.F.RuleID] == "" {
			first[f.F.RuleID] = f.ID
		}
	}
	v.RuleChart = ruleChart(r, active, first)

	// app cards
	for i, a := range r.Apps {
		app := htmlApp{ID: fmt.Sprintf("app%d", i+1), Name: a.Name, Type: a.Type, Files: a.Files, Callbacks: a.Callbacks}
		seen := map[string]bool{}
		addFact := func(k string) {
			if val, ok := a.Facts[k]; ok && !seen[k] {
				seen[k] = true
				fact := htmlFact{Label: k}
				if k == "scopes" || k == "grants" {
					fact.Values = strings.Split(val, ", ")
				} else {
					fact.Values = []string{val}
				}
				app.Facts = append(app.Facts, fact)
			}
		}
		for _, k := range factOrder {
			addFact(k)
		}
		rest := make([]string, 0, len(a.Facts))
		for k := range a.Facts {
			rest = append(rest, k)
		}
		sort.Strings(rest)
		for _, k := range rest {
			addFact(k)
		}
		counts := map[string]int{}
		for j := range active {
			f := &active[j]
			if f.App != a.Name || (f.AppType != "" && f.AppType != a.Type) {
				continue
			}
			counts[f.Severity]++
			app.Total++
			if app.Worst == "" || rule.SeverityRank(f.Severity) > rule.SeverityRank(app.Worst) {
				app.Worst = f.Severity
			}
			app.Findings = append(app.Findings, htmlFindingRef{ID: ids[f], RuleID: f.RuleID, Severity: f.Severity, Message: f.Message})
		}
		for _, s := range rule.Severities() {
			if counts[s] > 0 {
				app.Counts = append(app.Counts, htmlSevCount{s, counts[s]})
			}
		}
		if app.Worst == "" {
			app.Worst = "none"
		}
		v.Apps = append(v.Apps, app)
	}
	return v
}

func newHTMLFinding(r *Report, f Finding, id string) htmlFinding {
	hf := htmlFinding{ID: id, F: f, Location: f.File}
	if f.Line > 0 {
		hf.Location = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
	}
	if rule, ok := r.RuleByID(f.RuleID); ok {
		hf.Rule = rule
		hf.Remediation = segments(strings.TrimSpace(rule.Remediation))
		hf.Example = strings.TrimRight(rule.Example, "\n")
	}
	if f.Snippet != "" {
		end := len([]rune(f.Snippet)) + 1
		if f.EndLine == f.Line && f.EndColumn > f.Column {
			end = f.EndColumn
		}
		hf.Before, hf.Mark, hf.After = splitColumns(strings.TrimRight(f.Snippet, "\r\n"), f.Column, end)
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

// ruleChart is a bar chart of the active findings by rule, most frequent first.
func ruleChart(r *Report, active []Finding, first map[string]string) htmlChart {
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
			Href: "#" + first[x.id],
			X:    labelW, Y: y + 3, W: w, H: rowH - 6,
			LabelX: labelW - 8, LabelY: y + rowH/2 + 4,
			CountX: labelW + w + 6, CountY: y + rowH/2 + 4,
		})
	}
	return c
}
