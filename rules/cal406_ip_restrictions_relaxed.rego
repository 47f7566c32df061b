# METADATA
# title: IP restrictions relaxed
# description: |-
#   The app's IP relaxation policy weakens IP restrictions: "Relax IP restrictions with
#   second factor" lets users outside the allowed ranges in after a second factor, and
#   "Enforce IP restrictions, but relax for refresh tokens" lets a stolen refresh token be
#   used from any address.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies
# schemas:
#   - input: schema.input
# custom:
#   id: CAL406
#   name: IpRestrictionsRelaxed
#   severity: medium
#   remediation: |-
#     Enforce IP restrictions (CA `ENFORCE`, ECA `Enforce`) unless the relaxation is required
#     and documented.
#   example: |-
#     <ipRelaxation>ENFORCE</ipRelaxation>
#     <!-- ECA .ecaOauthPlcy -->
#     <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>
package calint.rules.cal406

ca_relaxed := {
	"BYPASS_2FACTOR": "IP restrictions are relaxed for users who pass a second factor",
	"ENFORCE_RELAXREFRESH": "IP restrictions are not enforced for refresh tokens",
}

eca_relaxed := {
	"Bypass_2factor": "IP restrictions are relaxed for users who pass a second factor",
	"Enforce_RelaxRefresh": "IP restrictions are not enforced for refresh tokens",
}

deny contains {"msg": msg, "node": n} if {
	n := input.connectedApp.oauthPolicy.ipRelaxation
	why := ca_relaxed[n.value]
	msg := sprintf("oauthPolicy/ipRelaxation is %s: %s; use ENFORCE", [n.value, why])
}

deny contains {"msg": msg, "node": n} if {
	n := input.ecaOauthPlcy.ipRelaxationPolicyType
	why := eca_relaxed[n.value]
	msg := sprintf("ecaOauthPlcy/ipRelaxationPolicyType is %s: %s; use Enforce", [n.value, why])
}
