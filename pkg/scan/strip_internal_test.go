package scan

import (
	"regexp"
	"testing"
)

// TestStripIndexes: the hand-written stripIndexes drops exactly what `\[\d+\]` matches, so
// fingerprints are what they were with the regular expression.
func TestStripIndexes(t *testing.T) {
	re := regexp.MustCompile(`\[\d+\]`)
	for _, p := range []string{"", "a", "a[0]", "a[12]/b[3]/c", "a[]/b[x]/c[1", "[1]]", "a[[2]]", "x[0][1]", "é[7]ü"} {
		if got, want := stripIndexes(p), re.ReplaceAllString(p, ""); got != want {
			t.Errorf("stripIndexes(%q) = %q, want %q", p, got, want)
		}
	}
}
