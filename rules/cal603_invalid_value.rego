# METADATA
# title: Invalid value
# description: |-
#   An element's value does not fit its declared type: a boolean that is not `true`/`false`,
#   a number that is not an integer, or an enumerated setting (`ipRelaxation`,
#   `refreshTokenPolicy`, `permittedUsersPolicyType`, ...) outside its allowed values. The deploy
#   fails, or the setting silently falls back to a default that may be less secure than intended.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies
# schemas:
#   - input: schema.input
# custom:
#   id: CAL603
#   name: InvalidValue
#   severity: medium
#   remediation: |-
#     Use one of the values the Metadata API reference lists for the element (values are
#     case-sensitive).
#   example: |-
#     <ipRelaxation>ENFORCE</ipRelaxation>
package calint.rules.cal603

deny contains {
	"msg": sprintf("value \"%v\" of %s is not valid: expected %v", [v.value, where(v), v.expected]),
	"node": v,
} if {
	some v in input.invalidValues
}

# where names the element, with its path when it is not directly under the root.
where(v) := v.name if v.path == v.name

else := sprintf("%s (%s)", [v.name, v.path])
