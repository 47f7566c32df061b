package report_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/calint/calint/pkg/report"
)

// TestTextColourIsPerWriter: reports written at the same time, one in colour and one
// plain, do not share colour state (go test -race flagged the shared color.Color values
// this once used); each gets what it asked for.
func TestTextColourIsPerWriter(t *testing.T) {
	rep := func(c bool) *report.Report {
		return &report.Report{Color: c, Findings: []report.Finding{{RuleID: "CAL101", Severity: "high", Message: "m", File: "a.xml", Line: 1, Column: 1}},
			Summary: report.Summary{Findings: 1, BySeverity: map[string]int{"high": 1}}}
	}
	var wg sync.WaitGroup
	out := make([]bytes.Buffer, 8)
	for i := range out {
		wg.Go(func() {
			if err := report.Text(&out[i], rep(i%2 == 0)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := range out {
		if got, want := strings.Contains(out[i].String(), "\x1b["), i%2 == 0; got != want {
			t.Errorf("writer %d (colour %v): escape sequences %v\n%q", i, want, got, out[i].String())
		}
	}
}
