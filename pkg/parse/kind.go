package parse

import "strings"

// Kind is a recognised metadata file kind.
type Kind struct {
	// Type is the metadata type and root element name, e.g. "ConnectedApp".
	Type string
	// Suffix is the file suffix without "-meta.xml", e.g. "connectedApp".
	Suffix string
	// Name, when set, is the only component name the kind has: settings files share the
	// suffix "settings" and are told apart by name (settings/OauthOidc.settings).
	Name string
	// Key is the kind's input key and schema name: Suffix, except for settings kinds,
	// whose suffix is shared (e.g. "oauthOidcSettings").
	Key string
	// Group says how files form apps: GroupApp (one file is one app: a Connected App, a
	// credential, a settings file) or GroupECA (External Client App files joined by their
	// externalClientApplication element).
	Group Group
	// Source is true for source format (name ends in "-meta.xml"), false for Metadata API format.
	Source bool
}

// Group says how files of a kind form apps.
type Group int

// The groups.
const (
	// GroupApp: each file is an app of its own.
	GroupApp Group = iota
	// GroupECA: External Client App files, joined into apps.
	GroupECA
)

// Kinds lists every supported metadata type by suffix.
var Kinds = []Kind{
	{Type: "ConnectedApp", Suffix: "connectedApp"},
	{Type: "ExternalClientApplication", Suffix: "eca", Group: GroupECA},
	{Type: "ExtlClntAppOauthSettings", Suffix: "ecaOauth", Group: GroupECA},
	{Type: "ExtlClntAppGlobalOauthSettings", Suffix: "ecaGlblOauth", Group: GroupECA},
	{Type: "ExtlClntAppOauthConfigurablePolicies", Suffix: "ecaOauthPlcy", Group: GroupECA},
	{Type: "ExtlClntAppConfigurablePolicies", Suffix: "ecaPlcy", Group: GroupECA},
	{Type: "ExtlClntAppSamlConfigurablePolicies", Suffix: "ecaSamlPlcy", Group: GroupECA},
	{Type: "ExtlClntAppMobileSettings", Suffix: "ecaMobile", Group: GroupECA},
	{Type: "ExtlClntAppMobileConfigurablePolicies", Suffix: "ecaMobilePlcy", Group: GroupECA},
	{Type: "ExtlClntAppNotificationSettings", Suffix: "ecaNotifications", Group: GroupECA},
	{Type: "ExtlClntAppPushSettings", Suffix: "ecaPush", Group: GroupECA},
	{Type: "ExtlClntAppPushConfigurablePolicies", Suffix: "ecaPushPlcy", Group: GroupECA},
	{Type: "ExtlClntAppCanvasSettings", Suffix: "ecaCanvas", Group: GroupECA},
	{Type: "ExtlClntAppOauthSecuritySettings", Suffix: "ecaOauthSecurity", Group: GroupECA},
	{Type: "AuthProvider", Suffix: "authprovider"},
	{Type: "NamedCredential", Suffix: "namedCredential"},
	{Type: "ExternalCredential", Suffix: "externalCredential"},
	{Type: "OauthOidcSettings", Suffix: "settings", Name: "OauthOidc", Key: "oauthOidcSettings"},
	{Type: "ConnectedAppSettings", Suffix: "settings", Name: "ConnectedApp", Key: "connectedAppSettings"},
	{Type: "ExternalClientAppSettings", Suffix: "settings", Name: "ExternalClientApp", Key: "externalClientAppSettings"},
}

// bySuffix maps a suffix (for settings kinds, "Name.settings") to its kind.
var bySuffix = func() map[string]Kind {
	m := make(map[string]Kind, len(Kinds))
	for i := range Kinds {
		k := &Kinds[i]
		if k.Key == "" {
			k.Key = k.Suffix
		}
		if k.Name != "" {
			m[k.Name+"."+k.Suffix] = *k
			continue
		}
		m[k.Suffix] = *k
	}
	return m
}()

// KindOf recognises a file by its name's suffix, in source (`Name.suffix-meta.xml`) or
// Metadata API (`Name.suffix`) form, and returns the kind and the component's full name.
// Suffixes are matched exactly (case-sensitive), as the Salesforce CLI does, except that
// the legacy lower-case `.connectedapp` is accepted too. A settings file is recognised
// only for the settings calint reads (OauthOidc, ConnectedApp, ExternalClientApp).
func KindOf(name string) (Kind, string, bool) {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	source := false
	base := name
	if b, ok := strings.CutSuffix(name, "-meta.xml"); ok {
		base, source = b, true
	}
	dot := strings.LastIndexByte(base, '.')
	if dot <= 0 {
		return Kind{}, "", false
	}
	suffix := base[dot+1:]
	switch suffix {
	case "connectedapp":
		suffix = "connectedApp"
	case "settings":
		suffix = base
	}
	k, ok := bySuffix[suffix]
	if !ok {
		return Kind{}, "", false
	}
	k.Source = source
	return k, base[:dot], true
}

// FullName returns the component name of a recognised file (the name before the suffix).
func FullName(name string) string {
	_, full, _ := KindOf(name)
	return full
}
