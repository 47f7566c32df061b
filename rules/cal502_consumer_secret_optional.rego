# METADATA
# title: Consumer secret optional
# description: |-
#   `isConsumerSecretOptional` is `true`: the web server flow accepts a token request without
#   the `client_secret`, so the app cannot prove its identity at the token endpoint. Anyone
#   who obtains an authorization code (and, without PKCE, nothing else) can exchange it for
#   tokens. Only public clients that cannot keep a secret should use it, and then only with PKCE.
#
#   Severity: medium when PKCE is not required (the code alone redeems a token; CAL501 is then
#   high). Low when PKCE is required (connected app `isPkceRequired` true; External Client App
#   `isPkceRequired` not false, its default): that is the documented setup of a public client
#   (mobile or single-page app), which calint's own advice leads to, and the finding only asks
#   to confirm the client cannot keep a secret.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.shr_api_enable_oauth_settings_authorization_code_and_credentials_flow_settings.htm
#     description: Review Connected Apps control (public clients use PKCE instead of a secret)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL502
#   name: ConsumerSecretOptional
#   severity: medium
#   remediation: |-
#     Set `isConsumerSecretOptional` to `false` and keep the secret on a server. A public client
#     that cannot hold a secret must require PKCE (`isPkceRequired`) instead.
#   example: |-
#     <isConsumerSecretOptional>false</isConsumerSecretOptional>
package calint.rules.cal502

import data.calint.lib

msg := "isConsumerSecretOptional is true and PKCE is not required: a token request of the web server flow needs neither the consumer secret nor a code verifier"

msg_pkce := "isConsumerSecretOptional is true with PKCE required: the documented setup of a public client (mobile or single-page app); make sure the client really cannot keep a secret"

deny contains {"msg": msg, "node": oc.isConsumerSecretOptional} if {
	oc := input.connectedApp.oauthConfig
	lib.is_true(oc, "isConsumerSecretOptional")
	not lib.is_true(oc, "isPkceRequired")
}

deny contains {"msg": msg_pkce, "node": oc.isConsumerSecretOptional, "severity": "low"} if {
	oc := input.connectedApp.oauthConfig
	lib.is_true(oc, "isConsumerSecretOptional")
	lib.is_true(oc, "isPkceRequired")
}

deny contains {"msg": msg, "node": g.isConsumerSecretOptional} if {
	g := input.ecaGlblOauth
	lib.is_true(g, "isConsumerSecretOptional")
	lib.is_false(g, "isPkceRequired")
}

deny contains {"msg": msg_pkce, "node": g.isConsumerSecretOptional, "severity": "low"} if {
	g := input.ecaGlblOauth
	lib.is_true(g, "isConsumerSecretOptional")
	not lib.is_false(g, "isPkceRequired")
}
