# METADATA
# title: Full access without a high-assurance session
# description: |-
#   The app requests the `Full` scope but does not require a high-assurance session
#   (CA `sessionPolicy/sessionLevel`, ECA `.ecaOauthPlcy` `requiredSessionLevel`). Users then
#   grant access to all their data after a standard login, without multi-factor step-up.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies
# schemas:
#   - input: schema.input
# custom:
#   id: CAL510
#   name: NoHighAssuranceSession
#   severity: low
#   remediation: |-
#     Require a high-assurance session: `sessionPolicy/sessionLevel` `HIGH_ASSURANCE` (connected
#     app, with `policyAction` `RaiseSessionLevel`) or `requiredSessionLevel` `HIGH_ASSURANCE`
#     in `.ecaOauthPlcy`. Better still, drop the `Full` scope.
#   example: |-
#     <sessionPolicy>
#         <policyAction>RaiseSessionLevel</policyAction>
#         <sessionLevel>HIGH_ASSURANCE</sessionLevel>
#     </sessionPolicy>
package calint.rules.cal510

import data.calint.lib

msg := "the Full scope is granted without requiring a HIGH_ASSURANCE session level"

full_granted if "Full" in lib.scope_names

ca_high_assurance if input.connectedApp.sessionPolicy.sessionLevel.value == "HIGH_ASSURANCE"

eca_high_assurance if input.ecaOauthPlcy.requiredSessionLevel.value == "HIGH_ASSURANCE"

deny contains {"msg": msg, "node": ca_node} if {
	lib.is_ca
	full_granted
	not ca_high_assurance
}

ca_node := lib.child_or_parent(input.connectedApp.sessionPolicy, "sessionLevel")

ca_node := input.connectedApp if not input.connectedApp.sessionPolicy

deny contains {"msg": msg, "node": lib.child_or_parent(p, "requiredSessionLevel")} if {
	lib.is_eca
	full_granted
	p := input.ecaOauthPlcy
	not eca_high_assurance
}

deny contains {
	"msg": concat("", [msg, ": no .ecaOauthPlcy file is in the scan, so requiredSessionLevel could not be checked"]),
	"node": input.ecaOauth.commaSeparatedOauthScopes,
} if {
	lib.is_eca
	full_granted
	not input.ecaOauthPlcy
}
