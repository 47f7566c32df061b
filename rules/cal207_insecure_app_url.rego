# METADATA
# title: App URL uses plain HTTP
# description: |-
#   A URL-valued element other than the callback URL uses `http` to a host that is not the
#   local machine: the Connected App `startUrl`, `mobileStartUrl`, `infoUrl`, `logoUrl`,
#   `iconUrl`, `mobileAppConfig/applicationInstallUrl`, `canvasConfig/canvasUrl`,
#   `samlConfig/acsUrl`, `samlConfig/samlSloUrl`, `oauthConfig/singleLogoutUrl`,
#   `oauthPolicy/singleLogoutUrl`; the External Client App equivalents (`.eca` `infoUrl`,
#   `logoUrl`, `iconUrl`; `.ecaSamlPlcy` `acsUrl`, `singleLogoutUrl`, `startUrl`; `.ecaOauth` and
#   `.ecaOauthPlcy` `singleLogoutUrl`, `.ecaOauthPlcy` `startUrl`; `.ecaCanvas` `canvasUrl`); an
#   AuthProvider's endpoints; a NamedCredential's `endpoint`. Anyone on the network path can
#   read or change what travels there. The finding is high where assertions, sessions or
#   credentials travel: the SAML ACS URL receives the signed assertion, a canvas app receives a
#   signed request with the user's session, single logout URLs receive logout requests that
#   carry the user's identity, an AuthProvider's token and user-info endpoints receive the
#   consumer secret and tokens, and a named credential's endpoint receives the callout's
#   credentials.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (startUrl, infoUrl, canvasConfig/canvasUrl, samlConfig/acsUrl, singleLogoutUrl "must be absolute https")
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappsamlconfigurablepolicies.htm
#     description: ExtlClntAppSamlConfigurablePolicies (acsUrl, singleLogoutUrl)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_authproviders.htm
#     description: AuthProvider (authorizeUrl, tokenUrl, userInfoUrl)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
#     description: NamedCredential (endpoint)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL207
#   name: InsecureAppUrl
#   severity: medium
#   remediation: |-
#     Serve the page or endpoint over HTTPS and change the URL to `https://`.
#   example: |-
#     <samlConfig>
#         <acsUrl>https://sso.example.com/saml/acs</acsUrl>
#         <entityUrl>https://sso.example.com</entityUrl>
#         <samlSubjectType>Username</samlSubjectType>
#     </samlConfig>
package calint.rules.cal207

import data.calint.lib

# url_paths: every URL element the rule reads, by input path; high where assertions,
# sessions or credentials travel.
url_paths := [
	{"path": ["connectedApp", "startUrl"], "high": false},
	{"path": ["connectedApp", "mobileStartUrl"], "high": false},
	{"path": ["connectedApp", "infoUrl"], "high": false},
	{"path": ["connectedApp", "logoUrl"], "high": false},
	{"path": ["connectedApp", "iconUrl"], "high": false},
	{"path": ["connectedApp", "mobileAppConfig", "applicationInstallUrl"], "high": false},
	{"path": ["connectedApp", "canvasConfig", "canvasUrl"], "high": true},
	{"path": ["connectedApp", "samlConfig", "acsUrl"], "high": true},
	{"path": ["connectedApp", "samlConfig", "samlSloUrl"], "high": true},
	{"path": ["connectedApp", "oauthConfig", "singleLogoutUrl"], "high": true},
	{"path": ["connectedApp", "oauthPolicy", "singleLogoutUrl"], "high": true},
	{"path": ["eca", "infoUrl"], "high": false},
	{"path": ["eca", "logoUrl"], "high": false},
	{"path": ["eca", "iconUrl"], "high": false},
	{"path": ["ecaSamlPlcy", "acsUrl"], "high": true},
	{"path": ["ecaSamlPlcy", "singleLogoutUrl"], "high": true},
	{"path": ["ecaSamlPlcy", "startUrl"], "high": false},
	{"path": ["ecaOauth", "singleLogoutUrl"], "high": true},
	{"path": ["ecaOauthPlcy", "singleLogoutUrl"], "high": true},
	{"path": ["ecaOauthPlcy", "startUrl"], "high": false},
	{"path": ["ecaCanvas", "canvasUrl"], "high": true},
	{"path": ["authprovider", "authorizeUrl"], "high": false},
	{"path": ["authprovider", "tokenUrl"], "high": true},
	{"path": ["authprovider", "userInfoUrl"], "high": true},
	{"path": ["authprovider", "logoutUrl"], "high": false},
	{"path": ["authprovider", "errorUrl"], "high": false},
	{"path": ["authprovider", "iconUrl"], "high": false},
	{"path": ["namedCredential", "endpoint"], "high": true},
	{"path": ["namedCredential", "authTokenEndpointUrl"], "high": true},
]

insecure contains {"where": concat("/", p.path), "node": n, "high": p.high} if {
	some p in url_paths
	input[p.path[0]]
	n := object.get(input, p.path, null)
	n.url.scheme == "http"
	n.url.host != ""
	not n.url.loopback
}

deny contains {"msg": msg, "node": u.node, "key": u.where} if {
	some u in insecure
	not u.high
	msg := sprintf("%s %s uses plain http to %s; use https", [u.where, lib.safe_url(u.node.value), u.node.url.host])
}

deny contains {"msg": msg, "node": u.node, "key": u.where, "severity": "high"} if {
	some u in insecure
	u.high
	msg := sprintf("%s %s uses plain http to %s, and assertions, sessions or credentials travel there; use https", [u.where, lib.safe_url(u.node.value), u.node.url.host])
}
