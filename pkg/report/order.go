package report

import (
	"sort"

	"github.com/calint/calint/pkg/rule"
)

// SortWorstFirst orders findings by decreasing severity, then by file, line, column and
// rule id: the order people read a report in.
func SortWorstFirst(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if ra, rb := rule.SeverityRank(a.Severity), rule.SeverityRank(b.Severity); ra != rb {
			return ra > rb
		}
		return lessFinding(a, b)
	})
}

// AppRisk is one app's unsuppressed findings counted by severity.
type AppRisk struct {
	Name, Type string
	// Counts holds the counts by severity, critical first (the order of rule.Severities).
	Counts [5]int
	Total  int
}

// Worst is the app's worst severity, or "none".
func (a AppRisk) Worst() string {
	for i, n := range a.Counts {
		if n > 0 {
			return rule.Severities()[i]
		}
	}
	return "none"
}

// Count returns the number of findings of a severity.
func (a AppRisk) Count(sev string) int {
	for i, s := range rule.Severities() {
		if s == sev {
			return a.Counts[i]
		}
	}
	return 0
}

// riskier orders apps by their counts compared from critical down (one critical outweighs
// any number of highs), then by name and type.
func riskier(a, b AppRisk) bool {
	if a.Counts != b.Counts {
		for i := range a.Counts {
			if a.Counts[i] != b.Counts[i] {
				return a.Counts[i] > b.Counts[i]
			}
		}
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.Type < b.Type
}

// AppRisks counts the unsuppressed findings of every app, riskiest first. apps lists the
// scanned apps, so apps with no finding appear (last); findings of apps not listed are
// counted too.
func AppRisks(apps []AppSummary, findings []Finding) []AppRisk {
	type key struct{ name, typ string }
	idx := map[key]int{}
	var out []AppRisk
	add := func(name, typ string) int {
		k := key{name, typ}
		if i, ok := idx[k]; ok {
			return i
		}
		idx[k] = len(out)
		out = append(out, AppRisk{Name: name, Type: typ})
		return len(out) - 1
	}
	for _, a := range apps {
		add(a.Name, a.Type)
	}
	for _, f := range findings {
		if f.Suppressed || f.App == "" {
			continue
		}
		i, ok := idx[key{f.App, f.AppType}]
		if !ok {
			i = add(f.App, f.AppType)
		}
		if r := rule.SeverityRank(f.Severity); r > 0 {
			out[i].Counts[len(rule.Severities())-r]++
			out[i].Total++
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return riskier(out[i], out[j]) })
	return out
}
