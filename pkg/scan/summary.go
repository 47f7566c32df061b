package scan

import (
	"sort"
	"strings"

	"github.com/calint/calint/pkg/model"
	"github.com/calint/calint/pkg/parse"
	"github.com/calint/calint/pkg/redact"
	"github.com/calint/calint/pkg/report"
	"github.com/calint/calint/pkg/schema"
)

// Summarize describes an app's posture for reports: scopes, permitted users, grants, IP
// policy, refresh policy, callback URLs, the owner (contactEmail) and whether a secret is present (never its value).
func Summarize(app *model.App) report.AppSummary {
	s := report.AppSummary{Name: app.Name, Type: app.Type, Facts: map[string]string{}}
	for _, d := range app.Docs {
		s.Files = append(s.Files, d.Path)
	}
	get := func(suffix string, path ...string) []*parse.Node {
		var out []*parse.Node
		for _, d := range app.Docs {
			if d.Kind.Key != suffix {
				continue
			}
			nodes := []*parse.Node{d.Root}
			for _, p := range path {
				var next []*parse.Node
				for _, n := range nodes {
					for _, c := range n.Children {
						if c.Name == p {
							next = append(next, c)
						}
					}
				}
				nodes = next
			}
			out = append(out, nodes...)
			break
		}
		return out
	}
	text := func(ns []*parse.Node) []string {
		var out []string
		for _, n := range ns {
			if v := strings.TrimSpace(n.Text); v != "" {
				out = append(out, v)
			}
		}
		return out
	}
	first := func(ns []*parse.Node, def string) string {
		if t := text(ns); len(t) > 0 {
			return t[0]
		}
		return def
	}
	csv := func(ns []*parse.Node) []string {
		var out []string
		for _, v := range text(ns) {
			for p := range strings.SplitSeq(v, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		}
		return out
	}
	var callbacks []*parse.Node
	var secret bool
	switch app.Type {
	case model.ConnectedApp:
		s.Owner = first(get("connectedApp", "contactEmail"), "")
		s.Facts["scopes"] = strings.Join(text(get("connectedApp", "oauthConfig", "scopes")), ", ")
		if approved, _ := schema.ParseBool(first(get("connectedApp", "oauthConfig", "isAdminApproved"), "false")); approved {
			s.Facts["permitted users"] = "admin approved"
		} else if len(get("connectedApp", "oauthConfig")) > 0 {
			s.Facts["permitted users"] = "all users may self-authorize"
		}
		grants := append(text(get("connectedApp", "profileName")), text(get("connectedApp", "permissionSetName"))...)
		s.Facts["grants"] = strings.Join(grants, ", ")
		s.Facts["IP policy"] = first(get("connectedApp", "oauthPolicy", "ipRelaxation"), "ENFORCE (default)")
		s.Facts["refresh token policy"] = first(get("connectedApp", "oauthPolicy", "refreshTokenPolicy"), "infinite (default)")
		callbacks = get("connectedApp", "oauthConfig", "callbackUrl")
		secret = len(text(get("connectedApp", "oauthConfig", "consumerSecret"))) > 0
	case model.ECA:
		s.Owner = first(get("eca", "contactEmail"), "")
		s.Facts["scopes"] = strings.Join(csv(get("ecaOauth", "commaSeparatedOauthScopes")), ", ")
		s.Facts["permitted users"] = first(get("ecaOauthPlcy", "permittedUsersPolicyType"), "")
		grants := append(csv(get("ecaOauthPlcy", "commaSeparatedProfile")), csv(get("ecaOauthPlcy", "commaSeparatedPermissionSet"))...)
		s.Facts["grants"] = strings.Join(grants, ", ")
		s.Facts["IP policy"] = first(get("ecaOauthPlcy", "ipRelaxationPolicyType"), "")
		rp := first(get("ecaOauthPlcy", "refreshTokenPolicyType"), "")
		if p := first(get("ecaOauthPlcy", "refreshTokenValidityPeriod"), ""); p != "" && rp != "" && rp != "Infinite" && rp != "Zero" {
			rp += " " + p + " " + first(get("ecaOauthPlcy", "refreshTokenValidityUnit"), "")
		}
		s.Facts["refresh token policy"] = rp
		callbacks = get("ecaGlblOauth", "callbackUrl")
		secret = len(text(get("ecaGlblOauth", "consumerSecret"))) > 0
	case "AuthProvider":
		s.Facts["provider type"] = first(get("authprovider", "providerType"), "")
		secret = len(text(get("authprovider", "consumerSecret"))) > 0
	case "NamedCredential":
		s.Facts["endpoint"] = redact.URL(first(get("namedCredential", "endpoint"), ""))
	}
	for _, c := range callbacks {
		for _, l := range strings.Split(strings.ReplaceAll(c.Text, "\r", "\n"), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				s.Callbacks = append(s.Callbacks, app.Secrets.Mask(redact.URL(l)))
			}
		}
	}
	if secret {
		s.Facts["consumer secret"] = "present (hidden)"
	}
	for k, v := range s.Facts {
		if v == "" {
			delete(s.Facts, k)
		} else {
			s.Facts[k] = app.Secrets.Mask(v)
		}
	}
	return s
}

func sortApps(apps []report.AppSummary) {
	sort.SliceStable(apps, func(i, j int) bool {
		if apps[i].Name != apps[j].Name {
			return apps[i].Name < apps[j].Name
		}
		return apps[i].Type < apps[j].Type
	})
}

func sortDirectives(ds []Directive) {
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].File != ds[j].File {
			return ds[i].File < ds[j].File
		}
		return ds[i].Line < ds[j].Line
	})
}
