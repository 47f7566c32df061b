# METADATA
# title: Unknown element
# description: |-
#   The file holds an element that its metadata type does not define, such as
#   `isConsumerKeyOptional` in a connected app. It is most likely a typo or an element placed
#   under the wrong parent; the Metadata API rejects the file on deploy, and the setting the
#   author meant to make does not take effect.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientapplication.htm
#     description: ExternalClientApplication
# schemas:
#   - input: schema.input
# custom:
#   id: CAL602
#   name: UnknownElement
#   severity: low
#   remediation: |-
#     Fix the element's spelling or position (names are case-sensitive), or remove it. Compare
#     with the Metadata API reference of the type.
#   example: |-
#     <isConsumerSecretOptional>false</isConsumerSecretOptional>
package calint.rules.cal602

deny contains {"msg": message(e), "node": e} if {
	some e in input.unknownElements
}

# message names the element, and its path when it is not directly under the root.
message(e) := sprintf("unknown element %s at %s: its metadata type does not define it; likely a typo, and the deploy fails", [e.name, e.path]) if {
	e.path != e.name
} else := sprintf("unknown element %s: its metadata type does not define it; likely a typo, and the deploy fails", [e.name])
