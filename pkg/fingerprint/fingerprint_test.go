package fingerprint_test

import (
	"regexp"
	"testing"

	"github.com/calint/calint/pkg/fingerprint"
)

// TestElementPath: exactly what `\[\d+\]` matches is dropped. (pkg/suppress once had a
// second version that dropped any bracketed text, nested brackets included, so a
// suppression and the finding it covers could disagree about the same path.)
func TestElementPath(t *testing.T) {
	re := regexp.MustCompile(`\[\d+\]`)
	for _, p := range []string{"", "a", "a[0]", "a[12]/b[3]/c", "a[]/b[x]/c[1", "[1]]", "a[[2]]", "x[0][1]", "é[7]ü", "a[x[1]]"} {
		if got, want := fingerprint.ElementPath(p), re.ReplaceAllString(p, ""); got != want {
			t.Errorf("ElementPath(%q) = %q, want %q", p, got, want)
		}
	}
	if got, want := fingerprint.ElementPath("ConnectedApp/oauthConfig/scopes[2]"), "ConnectedApp/oauthConfig/scopes"; got != want {
		t.Errorf("ElementPath = %q, want %q", got, want)
	}
}

// TestOfIsStable pins the hash: baselines written by earlier versions store these values.
func TestOfIsStable(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{nil, "e3b0c44298fc1c149afbf4c8996fb924"},
		{[]string{"CAL101", "ConnectedApp", "App", "connectedApp", "ConnectedApp/oauthConfig/scopes", "\x00"}, "4bcdb2b07274a6fd5ffa707232797d20"},
	} {
		got := fingerprint.Of(c.parts...)
		if got != c.want {
			t.Errorf("Of(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
	if fingerprint.Of("ab", "c") == fingerprint.Of("a", "bc") {
		t.Error("parts are not separated: (ab, c) and (a, bc) hash alike")
	}
}
