# METADATA
# title: Refresh token usable without the consumer secret
# description: |-
#   `isSecretRequiredForRefreshToken` is `false`: a refresh token can be exchanged for new
#   access tokens without the consumer secret. A refresh token that leaks (from a device, a
#   log, a browser) is then enough on its own to keep access for as long as it lives. The
#   default is `true`.
#
#   Reported only where the app can receive a refresh token: its scopes include `RefreshToken`
#   (`refresh_token`, `offline_access`; `OfflineAccess` deploys as `RefreshToken`). Salesforce's
#   scope reference says `full` "does not return a refresh token. You must explicitly request
#   the refresh_token scope to get a refresh token", so an app without that scope has no
#   refresh token to protect and the setting is moot. Likewise a connected app whose
#   `oauthPolicy/refreshTokenPolicy` is `zero` ("Expire refresh token immediately") never holds
#   a usable refresh token.
#
#   Severity: medium: the finding needs a leaked refresh token first. Salesforce's security
#   controls "Require Secret for Refresh Token Flow" (connected apps and External Client Apps)
#   estimate the risk High to Critical, and "Low Risk When" refresh token rotation is on, as a
#   stolen token then dies at its first use: with `isRefreshTokenRotationEnabled` true the
#   finding is low.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_tokens_scopes.htm
#     description: OAuth Tokens and Scopes (full returns no refresh token)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.shr_api_enable_oauth_settings_require_secret_for_refresh_token_flow.htm
#     description: Review Connected Apps control, Require Secret for Refresh Token Flow
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.shr_security_require_secret_for_refresh_token_flow.htm
#     description: Review External Client Apps control, Require Secret for Refresh Token Flow
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

msg := "isSecretRequiredForRefreshToken is false and the app can receive refresh tokens (RefreshToken scope): a leaked refresh token is usable without the consumer secret"

# finding: low when refresh token rotation is on (a stolen token dies at its first use).
finding(parent, node) := {"msg": concat("", [msg, "; refresh token rotation is on, so a stolen token works once"]), "node": node, "severity": "low"} if {
	lib.is_true(parent, "isRefreshTokenRotationEnabled")
} else := {"msg": msg, "node": node}

deny contains finding(oc, oc.isSecretRequiredForRefreshToken) if {
	lib.refresh_scope_granted
	not input.connectedApp.oauthPolicy.refreshTokenPolicy.value == "zero"
	oc := input.connectedApp.oauthConfig
	lib.is_false(oc, "isSecretRequiredForRefreshToken")
}

deny contains finding(g, g.isSecretRequiredForRefreshToken) if {
	lib.refresh_scope_granted
	g := input.ecaGlblOauth
	lib.is_false(g, "isSecretRequiredForRefreshToken")
}
