# METADATA
# title: PKCE not required
# description: |-
#   The app does not require the PKCE extension (Proof Key for Code Exchange) in the
#   authorization code flow. Without PKCE, an attacker who intercepts an authorization code
#   (a malicious app on the device, a leaked redirect, a log) can redeem it for tokens. For a
#   connected app PKCE is off unless `isPkceRequired` is `true`; for an external client app it
#   is on by default. When the consumer secret is optional too, nothing but the code itself
#   protects the token request, and the finding is high.
#
#   Severity by what the app can do. PKCE protects the authorization code flow, which every
#   OAuth app with a callback URL accepts. An app that carries a JWT certificate
#   (`oauthConfig/certificate`, `.ecaGlblOauth` `certificate`) or has the client credentials
#   flow on is built as a server-to-server integration: its client is a confidential server
#   that sends the consumer secret when it redeems a code, the case Salesforce's PKCE control
#   calls lower risk ("Confidential Clients (server-to-server integrations) that can securely
#   store and use a Client Secret"). Such an app gets low, not nothing: the code flow stays
#   open to it through its callback URL. Any other app gets medium (the PKCE control rates an
#   intercepted code Critical for public clients, which `isConsumerSecretOptional` marks: high
#   here).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_pkce.htm&type=5
#     description: Proof Key for Code Exchange (PKCE) Extension
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.shr_api_enable_oauth_settings_require_proof_key_for_code_exchange_pkce.htm
#     description: Review Connected Apps control, Require PKCE (lower risk for confidential server-to-server clients)
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

# server_to_server: the app is built for a server-to-server flow (a JWT certificate, or the
# client credentials flow on), so its client is a confidential server.
server_to_server := "a JWT bearer certificate" if {
	trim_space(input.connectedApp.oauthConfig.certificate.value) != ""
} else := "a JWT bearer certificate" if {
	trim_space(input.ecaGlblOauth.certificate.value) != ""
} else := "the client credentials flow" if {
	lib.client_credentials_state == "on"
}

# finding raises the severity to high when the consumer secret is optional as well, and
# lowers it to low for a server-to-server integration.
finding(parent, msg, node) := {
	"msg": concat("", [msg, "; the consumer secret is optional too, so an intercepted authorization code is all an attacker needs"]),
	"node": node,
	"severity": "high",
} if {
	lib.is_true(parent, "isConsumerSecretOptional")
} else := {
	"msg": sprintf("%s; the app is set up as a server-to-server integration (%s) whose server sends the consumer secret, but its callback URL still accepts the authorization code flow", [msg, server_to_server]),
	"node": node,
	"severity": "low",
} if {
	server_to_server
} else := {"msg": msg, "node": node}

deny contains finding(oc, "oauthConfig has no isPkceRequired, so the authorization code flow does not require PKCE (the connected app default is false)", oc) if {
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
