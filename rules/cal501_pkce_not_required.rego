# METADATA
# title: PKCE not required
# description: |-
#   The app does not require the PKCE extension (Proof Key for Code Exchange) in the
#   authorization code flow. Without PKCE, an attacker who intercepts an authorization code
#   (a malicious app on the device, a leaked redirect, a log) can redeem it for tokens. For a
#   connected app PKCE is off unless `isPkceRequired` is `true`; for an external client app it
#   is on by default. When the consumer secret is optional too, nothing but the code itself
#   protects the token request, and the finding is high.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_pkce.htm&type=5
#     description: Proof Key for Code Exchange (PKCE) Extension
# schemas:
#   - input: schema.input
# custom:
#   id: CAL501
#   name: PkceNotRequired
#   severity: medium
#   remediation: |-
#     Set `isPkceRequired` to `true` (connected app: in `oauthConfig`; external client app: in
#     the `.ecaGlblOauth` file) and send `code_challenge`/`code_verifier` from the client.
#   example: |-
#     <isPkceRequired>true</isPkceRequired>
package calint.rules.cal501

import data.calint.lib

# finding raises the severity to high when the consumer secret is optional as well.
finding(parent, msg, node) := {
	"msg": concat("", [msg, "; the consumer secret is optional too, so an intercepted authorization code is all an attacker needs"]),
	"node": node,
	"severity": "high",
} if {
	lib.is_true(parent, "isConsumerSecretOptional")
} else := {"msg": msg, "node": node}

deny contains finding(oc, "oauthConfig has no isPkceRequired, so PKCE is not required (the connected app default is false)", oc) if {
	oc := input.connectedApp.oauthConfig
	not oc.isPkceRequired
}

deny contains finding(oc, "isPkceRequired is false: the authorization code flow does not require PKCE", oc.isPkceRequired) if {
	oc := input.connectedApp.oauthConfig
	lib.is_false(oc, "isPkceRequired")
}

deny contains finding(g, "isPkceRequired is false: the authorization code flow does not require PKCE (the external client app default is true)", g.isPkceRequired) if {
	g := input.ecaGlblOauth
	lib.is_false(g, "isPkceRequired")
}
