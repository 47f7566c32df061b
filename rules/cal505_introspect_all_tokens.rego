# METADATA
# title: App may introspect all tokens
# description: |-
#   `isIntrospectAllTokens` is `true`: the app may call the token introspection endpoint for
#   every access and refresh token in the org, not just its own. Whoever holds the app's
#   credentials can learn which tokens are valid, for which users and scopes.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
# schemas:
#   - input: schema.input
# custom:
#   id: CAL505
#   name: IntrospectAllTokens
#   severity: medium
#   remediation: |-
#     Set `isIntrospectAllTokens` to `false` unless the app is a resource server that must
#     validate tokens issued to other apps.
#   example: |-
#     <isIntrospectAllTokens>false</isIntrospectAllTokens>
package calint.rules.cal505

import data.calint.lib

msg := "isIntrospectAllTokens is true: the app may introspect every OAuth token in the org"

deny contains {"msg": msg, "node": input.connectedApp.oauthConfig.isIntrospectAllTokens} if {
	lib.is_true(input.connectedApp.oauthConfig, "isIntrospectAllTokens")
}

deny contains {"msg": msg, "node": input.ecaGlblOauth.isIntrospectAllTokens} if {
	lib.is_true(input.ecaGlblOauth, "isIntrospectAllTokens")
}
