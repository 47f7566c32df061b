package suppress_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/calint/calint/pkg/suppress"
)

func known(id string) bool { return strings.HasPrefix(id, "CAL") && id != "CAL999" }

func TestParseDirective(t *testing.T) {
	tests := []struct {
		text     string
		rules    []string
		reason   string
		expires  string
		problems []string // substrings, in order
	}{
		{text: `calint:ignore CAL101 reason="legacy integration, owner: team-x" expires=2027-06-30`,
			rules: []string{"CAL101"}, reason: "legacy integration, owner: team-x", expires: "2027-06-30"},
		{text: ` calint:ignore CAL101,CAL202 reason="two" `, rules: []string{"CAL101", "CAL202"}, reason: "two"},
		{text: `calint:ignore CAL101, CAL202,CAL101 reason='single quotes'`, rules: []string{"CAL101", "CAL202"}, reason: "single quotes"},
		{text: `calint:ignore CAL101 reason=word`, rules: []string{"CAL101"}, reason: "word"},
		{text: `calint:ignore CAL101 REASON="say \"why\""`, rules: []string{"CAL101"}, reason: `say "why"`},
		{text: "calint:ignore CAL101\n  reason=\"spans\n lines\"", rules: []string{"CAL101"}, reason: "spans\n lines"},
		{text: `calint:ignore CAL101`, rules: []string{"CAL101"}, problems: []string{"has no reason"}},
		{text: `calint:ignore CAL101 reason=""`, rules: []string{"CAL101"}, problems: []string{"empty reason"}},
		{text: `calint:ignore CAL101 reason="  "`, rules: []string{"CAL101"}, problems: []string{"empty reason"}},
		{text: `calint:ignore reason="no ids"`, reason: "no ids", problems: []string{"names no rule id"}},
		{text: `calint:ignore CAL999 reason="x"`, rules: []string{"CAL999"}, reason: "x", problems: []string{`unknown rule id "CAL999"`}},
		{text: `calint:ignore CAL101,CAL999 reason="x"`, rules: []string{"CAL101", "CAL999"}, reason: "x", problems: []string{`unknown rule id "CAL999"`}},
		{text: `calint:ignore CAL101 reason="x" expires=2027-6-30`, rules: []string{"CAL101"}, reason: "x", expires: "2027-6-30", problems: []string{`expires "2027-6-30" is not a date`}},
		{text: `calint:ignore CAL101 reason="x" expires=2027-02-30`, rules: []string{"CAL101"}, reason: "x", expires: "2027-02-30", problems: []string{"not a date"}},
		{text: `calint:ignore CAL101 reason="x" expires=tomorrow`, rules: []string{"CAL101"}, reason: "x", expires: "tomorrow", problems: []string{"not a date"}},
		{text: `calint:ignore CAL101 reason="x" ticket=ABC-1`, rules: []string{"CAL101"}, reason: "x", problems: []string{`unknown field "ticket"`}},
		{text: `calint:ignore CAL101 reason="x" reason="y"`, rules: []string{"CAL101"}, reason: "x", problems: []string{"reason is given twice"}},
		{text: `calint:ignore CAL101 reason="unterminated`, problems: []string{"unterminated quote"}},
		{text: `calint:disable CAL101 reason="x"`, problems: []string{`unknown directive "calint:disable"`}},
		{text: `calint:ignore`, problems: []string{"names no rule id", "has no reason"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := suppress.ParseDirective(tt.text, known)
			if !reflect.DeepEqual(d.Rules, tt.rules) || d.Reason != tt.reason || d.Expires != tt.expires {
				t.Errorf("got rules %q reason %q expires %q; want %q %q %q", d.Rules, d.Reason, d.Expires, tt.rules, tt.reason, tt.expires)
			}
			if len(d.Problems) != len(tt.problems) {
				t.Fatalf("problems %q, want %d matching %q", d.Problems, len(tt.problems), tt.problems)
			}
			for i, p := range tt.problems {
				if !strings.Contains(d.Problems[i], p) {
					t.Errorf("problem %d = %q, want it to contain %q", i, d.Problems[i], p)
				}
			}
			if d.Valid() != (len(tt.problems) == 0) {
				t.Errorf("Valid() = %v", d.Valid())
			}
		})
	}
}
