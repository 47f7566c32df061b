package cli

import "testing"

func TestPseudoVersionRevision(t *testing.T) {
	for v, want := range map[string]string{
		"v0.0.0-20261125105500-0123456789ab":       "0123456789ab",
		"v1.2.4-0.20191109021931-daa7c04131f5":     "daa7c04131f5",
		"v1.2.3-pre.0.20191109021931-daa7c04131f5": "daa7c04131f5",
		"v0.0.0-20191109021931-daa7c04131f5+dirty": "daa7c04131f5",
		"v1.2.3":                   "",
		"v1.2.3-rc.1":              "",
		"(devel)":                  "",
		"v0.0.0-2019-daa7c04131f5": "",
	} {
		got := ""
		if m := pseudoRevRe.FindStringSubmatch(v); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("%s: revision %q, want %q", v, got, want)
		}
	}
}
