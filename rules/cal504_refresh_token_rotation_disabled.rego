# METADATA
# title: Refresh token rotation disabled
# description: |-
#   The app grants refresh tokens (`RefreshToken` or `OfflineAccess` scope) but
#   `isRefreshTokenRotationEnabled` is not `true`. With rotation, every refresh returns a new
#   refresh token and reusing an old one revokes the chain, so a stolen refresh token is
#   detected and stops working; without it, a stolen token works silently until it expires.
#   For an external client app the setting lives in `.ecaGlblOauth`; an app without that file
#   in the scan is not checked (the file should not be in source control).
#
#   Not reported on a connected app whose `oauthPolicy/refreshTokenPolicy` is `zero` ("Expire
#   refresh token immediately"): no refresh token lives long enough to be stolen and reused.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
# schemas:
#   - input: schema.input
# custom:
#   id: CAL504
#   name: RefreshTokenRotationDisabled
#   severity: low
#   remediation: |-
#     Set `isRefreshTokenRotationEnabled` to `true` (API 60.0 or later) and make the client store
#     the new refresh token returned by each refresh.
#   example: |-
#     <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>
package calint.rules.cal504

import data.calint.lib

deny contains {
	"msg": "refresh tokens are granted but isRefreshTokenRotationEnabled is not true: a stolen refresh token keeps working unnoticed",
	"node": lib.child_or_parent(parent, "isRefreshTokenRotationEnabled"),
} if {
	lib.refresh_scope_granted
	not input.connectedApp.oauthPolicy.refreshTokenPolicy.value == "zero" # refresh tokens expire at once
	some parent in settings
	not lib.is_true(parent, "isRefreshTokenRotationEnabled")
}

# settings: the element that holds isRefreshTokenRotationEnabled.
settings contains input.connectedApp.oauthConfig

settings contains input.ecaGlblOauth
