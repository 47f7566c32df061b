package report

import "testing"

func TestFileURI(t *testing.T) {
	for in, want := range map[string]string{
		"force-app/main/default/connectedApps/A.connectedApp-meta.xml": "force-app/main/default/connectedApps/A.connectedApp-meta.xml",
		"my project/A b.connectedApp":                                  "my%20project/A%20b.connectedApp",
		"retrieve.zip!unpackaged/connectedApps/Z.connectedApp":         "retrieve.zip!unpackaged/connectedApps/Z.connectedApp",
		"odd/100%.connectedApp":                                        "odd/100%25.connectedApp",
	} {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}
