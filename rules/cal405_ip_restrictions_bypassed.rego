# METADATA
# title: IP restrictions bypassed
# description: |-
#   The app's IP relaxation policy is "Relax IP restrictions": tokens of the app work from
#   any IP address, ignoring the login IP ranges of the users' profiles and the org's trusted
#   IP ranges. A stolen token can then be used from anywhere.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies
# schemas:
#   - input: schema.input
# custom:
#   id: CAL405
#   name: IpRestrictionsBypassed
#   severity: high
#   remediation: |-
#     Enforce IP restrictions (CA `ENFORCE`, ECA `Enforce`) and add the integration's egress
#     addresses to the profile's login IP ranges or the org's trusted ranges.
#   example: |-
#     <ipRelaxation>ENFORCE</ipRelaxation>
#     <!-- ECA .ecaOauthPlcy -->
#     <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>
package calint.rules.cal405

deny contains {"msg": "oauthPolicy/ipRelaxation is BYPASS: the app's tokens ignore IP restrictions; use ENFORCE", "node": n} if {
	n := input.connectedApp.oauthPolicy.ipRelaxation
	n.value == "BYPASS"
}

deny contains {"msg": "ecaOauthPlcy/ipRelaxationPolicyType is Bypass: the app's tokens ignore IP restrictions; use Enforce", "node": n} if {
	n := input.ecaOauthPlcy.ipRelaxationPolicyType
	n.value == "Bypass"
}
