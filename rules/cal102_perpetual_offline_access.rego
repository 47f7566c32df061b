# METADATA
# title: Offline access with refresh tokens that never expire
# description: |-
#   The app grants offline access (the `RefreshToken` or `OfflineAccess` scope) and its refresh
#   tokens never expire: the ConnectedApp `oauthPolicy/refreshTokenPolicy` is `infinite` (also the
#   default when it is absent), or the External Client App `refreshTokenPolicyType` is `Infinite`.
#   A refresh token of such an app keeps minting access tokens until someone revokes it, so a
#   token leaked from a laptop or a log stays usable for years. Salesforce recommends that refresh
#   tokens expire after 90 days or fewer. For an External Client App whose `.ecaOauthPlcy` file
#   is not in the scan the policy cannot be checked; that case is reported as medium.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies (refreshTokenPolicyType)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_default_conn_app.htm
#     description: Use the Default Connected App Securely (refresh tokens should expire after 90 days or fewer)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL102
#   name: PerpetualOfflineAccess
#   severity: high
#   remediation: |-
#     Make refresh tokens expire: on a Connected App set `oauthPolicy/refreshTokenPolicy` to
#     `specific_lifetime:90:DAYS` (or `specific_inactivity:30:DAYS`); on an External Client App set
#     `refreshTokenPolicyType` to `SpecificLifetime` or `SpecificInactivity` with
#     `refreshTokenValidityPeriod` and `refreshTokenValidityUnit`. Drop the `RefreshToken` scope if
#     the integration does not need to work offline.
#   example: |-
#     <oauthPolicy>
#         <ipRelaxation>ENFORCE</ipRelaxation>
#         <refreshTokenPolicy>specific_lifetime:90:DAYS</refreshTokenPolicy>
#     </oauthPolicy>
package calint.rules.cal102

import data.calint.lib

# the offline-access scopes the app grants (OfflineAccess deploys as RefreshToken)
refresh_scopes contains s.value if {
	some s in lib.scopes
	s.value in {"RefreshToken", "OfflineAccess"}
}

granted := concat(" and ", sort(refresh_scopes))

# CA: refreshTokenPolicy is infinite
deny contains {"msg": msg, "node": p} if {
	lib.is_ca
	count(refresh_scopes) > 0
	p := input.connectedApp.oauthPolicy.refreshTokenPolicy
	p.value == "infinite"
	msg := sprintf("the app grants %s and oauthPolicy/refreshTokenPolicy is infinite: refresh tokens never expire; set specific_lifetime or specific_inactivity", [granted])
}

# CA: refreshTokenPolicy present but empty (the default, infinite, applies)
deny contains {"msg": msg, "node": p} if {
	lib.is_ca
	count(refresh_scopes) > 0
	p := input.connectedApp.oauthPolicy.refreshTokenPolicy
	p.value == ""
	msg := sprintf("the app grants %s and oauthPolicy/refreshTokenPolicy is empty (default infinite): refresh tokens never expire; set specific_lifetime or specific_inactivity", [granted])
}

# CA: oauthPolicy without refreshTokenPolicy (default infinite)
deny contains {"msg": msg, "node": op} if {
	lib.is_ca
	count(refresh_scopes) > 0
	op := input.connectedApp.oauthPolicy
	not "refreshTokenPolicy" in object.keys(op)
	msg := sprintf("the app grants %s and oauthPolicy has no refreshTokenPolicy (default infinite): refresh tokens never expire; set specific_lifetime or specific_inactivity", [granted])
}

# CA: no oauthPolicy at all (default infinite)
deny contains {"msg": msg, "node": input.connectedApp} if {
	lib.is_ca
	count(refresh_scopes) > 0
	not input.connectedApp.oauthPolicy
	msg := sprintf("the app grants %s and has no oauthPolicy/refreshTokenPolicy (default infinite): refresh tokens never expire; add an oauthPolicy with specific_lifetime or specific_inactivity", [granted])
}

# ECA: refreshTokenPolicyType is Infinite
deny contains {"msg": msg, "node": p} if {
	lib.is_eca
	count(refresh_scopes) > 0
	p := input.ecaOauthPlcy.refreshTokenPolicyType
	p.value == "Infinite"
	msg := sprintf("the app grants %s and refreshTokenPolicyType is Infinite: refresh tokens never expire; use SpecificLifetime or SpecificInactivity", [granted])
}

# ECA: OAuth settings but no .ecaOauthPlcy in the scan
deny contains {"msg": msg, "node": input.ecaOauth, "severity": "medium"} if {
	lib.is_eca
	count(refresh_scopes) > 0
	not input.ecaOauthPlcy
	msg := sprintf("the app grants %s but no .ecaOauthPlcy is in the scan, so the refresh token policy (and its default) could not be checked; commit the OAuth policies with a SpecificLifetime or SpecificInactivity refreshTokenPolicyType", [granted])
}
