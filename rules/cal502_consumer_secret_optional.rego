# METADATA
# title: Consumer secret optional
# description: |-
#   `isConsumerSecretOptional` is `true`: the web server flow accepts a token request without
#   the `client_secret`, so the app cannot prove its identity at the token endpoint. Anyone
#   who obtains an authorization code (and, without PKCE, nothing else) can exchange it for
#   tokens. Only public clients that cannot keep a secret should use it, and then only with PKCE.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
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

msg := "isConsumerSecretOptional is true: token requests of the web server flow need no consumer secret"

deny contains {"msg": msg, "node": input.connectedApp.oauthConfig.isConsumerSecretOptional} if {
	lib.is_true(input.connectedApp.oauthConfig, "isConsumerSecretOptional")
}

deny contains {"msg": msg, "node": input.ecaGlblOauth.isConsumerSecretOptional} if {
	lib.is_true(input.ecaGlblOauth, "isConsumerSecretOptional")
}
