# Helpers for the rules on credentials, org settings, URLs, sessions and certificates
# (CAL207-209, CAL305-306, CAL513-517, CAL701-705).
package calint.lib

# value_or(parent, name, fallback): the value of parent's leaf `name` as a string, or
# fallback when the leaf is absent.
value_or(parent, name, _) := sprintf("%v", [parent[name].value])

value_or(parent, name, fallback) := fallback if not parent[name]

# certificates: every certificate leaf of the app that has parsed facts, as
# {"where": path, "node": leaf, "cert": facts}: CA oauthConfig/certificate and
# samlConfig/certificate, ECA .ecaGlblOauth and .ecaSamlPlcy certificate.
certificates contains {"where": "oauthConfig/certificate", "node": c, "cert": c.cert} if {
	c := input.connectedApp.oauthConfig.certificate
	c.cert.parsed
}

certificates contains {"where": "samlConfig/certificate", "node": c, "cert": c.cert} if {
	c := input.connectedApp.samlConfig.certificate
	c.cert.parsed
}

certificates contains {"where": "ecaGlblOauth/certificate", "node": c, "cert": c.cert} if {
	c := input.ecaGlblOauth.certificate
	c.cert.parsed
}

certificates contains {"where": "ecaSamlPlcy/certificate", "node": c, "cert": c.cert} if {
	c := input.ecaSamlPlcy.certificate
	c.cert.parsed
}
