package parse

import "strings"

// Kind is a recognised metadata file kind.
type Kind struct {
	// Type is the metadata type and root element name, e.g. "ConnectedApp".
	Type string
	// Suffix is the file suffix without "-meta.xml", e.g. "connectedApp".
	Suffix string
	// Source is true for source format (name ends in "-meta.xml"), false for Metadata API format.
	Source bool
}

// Kinds lists every supported metadata type by suffix.
var Kinds = []Kind{
	{Type: "ConnectedApp", Suffix: "connectedApp"},
	{Type: "ExternalClientApplication", Suffix: "eca"},
	{Type: "ExtlClntAppOauthSettings", Suffix: "ecaOauth"},
	{Type: "ExtlClntAppGlobalOauthSettings", Suffix: "ecaGlblOauth"},
	{Type: "ExtlClntAppOauthConfigurablePolicies", Suffix: "ecaOauthPlcy"},
	{Type: "ExtlClntAppConfigurablePolicies", Suffix: "ecaPlcy"},
	{Type: "ExtlClntAppSamlConfigurablePolicies", Suffix: "ecaSamlPlcy"},
	{Type: "ExtlClntAppMobileSettings", Suffix: "ecaMobile"},
	{Type: "ExtlClntAppMobileConfigurablePolicies", Suffix: "ecaMobilePlcy"},
	{Type: "ExtlClntAppNotificationSettings", Suffix: "ecaNotifications"},
	{Type: "ExtlClntAppPushSettings", Suffix: "ecaPush"},
	{Type: "ExtlClntAppPushConfigurablePolicies", Suffix: "ecaPushPlcy"},
	{Type: "ExtlClntAppCanvasSettings", Suffix: "ecaCanvas"},
	{Type: "ExtlClntAppOauthSecuritySettings", Suffix: "ecaOauthSecurity"},
}

var bySuffix = func() map[string]Kind {
	m := make(map[string]Kind, len(Kinds))
	for _, k := range Kinds {
		m[k.Suffix] = k
	}
	return m
}()

// KindOf recognises a file by its name's suffix, in source (`Name.suffix-meta.xml`) or
// Metadata API (`Name.suffix`) form, and returns the kind and the component's full name.
// Suffixes are matched exactly (case-sensitive), as the Salesforce CLI does, except that
// the legacy lower-case `.connectedapp` is accepted too.
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
	if suffix == "connectedapp" {
		suffix = "connectedApp"
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
