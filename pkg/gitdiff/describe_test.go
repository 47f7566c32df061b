package gitdiff

import "testing"

func TestWithoutCredentials(t *testing.T) {
	for in, want := range map[string]string{
		"https://x-access-token:ghs_SECRET@github.com/acme/sf.git": "https://github.com/acme/sf.git",
		"https://user@dev.azure.com/acme/sf/_git/sf?token=SECRET":  "https://dev.azure.com/acme/sf/_git/sf",
		"git@github.com:acme/sf.git":                               "github.com:acme/sf.git",
		"ssh://git@example.com:2222/acme/sf.git":                   "ssh://example.com:2222/acme/sf.git",
		"/srv/git/sf.git":                                          "/srv/git/sf.git",
	} {
		if got := withoutCredentials(in); got != want {
			t.Errorf("withoutCredentials(%q) = %q, want %q", in, got, want)
		}
	}
}
