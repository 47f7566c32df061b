# METADATA
# title: Token exchange without the consumer secret
# description: |-
#   The OAuth token exchange flow is enabled but `isSecretRequiredForTokenExchange` is not
#   `true`: any holder of the consumer key and an accepted external token can obtain Salesforce
#   tokens, without proving that the request comes from the app's own backend. Public clients
#   cannot keep a secret, but a private client should require it.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
# schemas:
#   - input: schema.input
# custom:
#   id: CAL508
#   name: TokenExchangeWithoutSecret
#   severity: low
#   remediation: |-
#     Set `isSecretRequiredForTokenExchange` to `true` (connected app `oauthConfig`, external
#     client app `.ecaGlblOauth`) when the token exchange runs on a server that can hold the secret.
#   example: |-
#     <isSecretRequiredForTokenExchange>true</isSecretRequiredForTokenExchange>
package calint.rules.cal508

import data.calint.lib

msg := "the token exchange flow is enabled but isSecretRequiredForTokenExchange is not true: tokens can be exchanged without the consumer secret"

# CA: the flag lives in oauthConfig; without oauthConfig the finding points at the root.
deny contains {"msg": msg, "node": node} if {
	lib.is_ca
	lib.token_exchange_enabled
	not ca_secret_required
	node := ca_node
}

ca_secret_required if input.connectedApp.oauthConfig.isSecretRequiredForTokenExchange.value == true

ca_node := lib.child_or_parent(input.connectedApp.oauthConfig, "isSecretRequiredForTokenExchange")

ca_node := input.connectedApp if not input.connectedApp.oauthConfig

# ECA: the flag lives in .ecaGlblOauth; an app without that file in the scan is not checked.
deny contains {"msg": msg, "node": lib.child_or_parent(g, "isSecretRequiredForTokenExchange")} if {
	lib.is_eca
	lib.token_exchange_enabled
	g := input.ecaGlblOauth
	not lib.is_true(g, "isSecretRequiredForTokenExchange")
}
