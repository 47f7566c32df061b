# METADATA
# title: Refresh token usable without the consumer secret
# description: |-
#   `isSecretRequiredForRefreshToken` is `false`: a refresh token can be exchanged for new
#   access tokens without the consumer secret. A refresh token that leaks (from a device, a
#   log, a browser) is then enough on its own to keep access for as long as it lives. The
#   default is `true`.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
# schemas:
#   - input: schema.input
# custom:
#   id: CAL503
#   name: RefreshWithoutSecret
#   severity: medium
#   remediation: |-
#     Set `isSecretRequiredForRefreshToken` to `true` (or remove it: the default is `true`), and
#     send the consumer secret with refresh requests.
#   example: |-
#     <isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>
package calint.rules.cal503

import data.calint.lib

msg := "isSecretRequiredForRefreshToken is false: a leaked refresh token is usable without the consumer secret"

deny contains {"msg": msg, "node": input.connectedApp.oauthConfig.isSecretRequiredForRefreshToken} if {
	lib.is_false(input.connectedApp.oauthConfig, "isSecretRequiredForRefreshToken")
}

deny contains {"msg": msg, "node": input.ecaGlblOauth.isSecretRequiredForRefreshToken} if {
	lib.is_false(input.ecaGlblOauth, "isSecretRequiredForRefreshToken")
}
