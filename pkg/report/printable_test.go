package report

import "testing"

func TestPrintable(t *testing.T) {
	for _, tc := range []struct {
		in      string
		keepTab bool
		want    string
	}{
		{"plain café", false, "plain café"},
		{"a\nb\r\n::error::x", false, `a\nb\r\n::error::x`},
		{"\x1b[31mred\x07", false, `\x1b[31mred\x07`},
		{"tab\there", false, `tab\there`},
		{"tab\there", true, "tab\there"},
		{"c1\u0085\u009b", false, `c1\x85\x9b`},
		{"ls\u2028ps\u2029bidi\u202e", false, `ls\u2028ps\u2029bidi\u202e`},
		{"bad\xffutf8", false, `bad\xffutf8`},
	} {
		if got := Printable(tc.in, tc.keepTab); got != tc.want {
			t.Errorf("Printable(%q, %v) = %q, want %q", tc.in, tc.keepTab, got, tc.want)
		}
	}
}
