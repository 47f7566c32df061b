# METADATA
# title: Broad or invalid trusted IP range
# description: |-
#   A trusted IP range of the app (CA `ipRanges`, ECA `.ecaOauth` `trustedIpRanges`) spans
#   more addresses than `max-trusted-ip-addresses` (default 65536), or is not a valid range.
#   Users connecting from a trusted range skip the app's identity verification, so a range
#   such as 0.0.0.0-255.255.255.255 switches that protection off for the whole internet; an
#   invalid range fails the deploy or does not mean what its author intended.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#     description: ExtlClntAppOauthSettings
# schemas:
#   - input: schema.input
# custom:
#   id: CAL407
#   name: BroadTrustedIpRange
#   severity: high
#   remediation: |-
#     Trust only the egress addresses of the integration or office network, as narrow ranges
#     whose start is not after their end.
#   example: |-
#     <ipRanges>
#         <description>ETL egress</description>
#         <end>203.0.113.20</end>
#         <start>203.0.113.10</start>
#     </ipRanges>
package calint.rules.cal407

import data.calint.lib

ranges contains {"where": "ipRanges", "node": r, "start": object.get(r, ["start", "value"], ""), "end": object.get(r, ["end", "value"], "")} if {
	some r in input.connectedApp.ipRanges
}

ranges contains {"where": "ecaOauth/trustedIpRanges", "node": r, "start": object.get(r, ["startIpAddress", "value"], ""), "end": object.get(r, ["endIpAddress", "value"], "")} if {
	some r in input.ecaOauth.trustedIpRanges
}

deny contains {"msg": msg, "node": r.node, "key": "invalid"} if {
	some r in ranges
	r.node._range.valid == false
	msg := sprintf("%s entry %v-%v is not a valid range: start and end must be IP addresses of the same family", [r.where, r.start, r.end])
}

deny contains {"msg": msg, "node": r.node, "key": "reversed"} if {
	some r in ranges
	r.node._range.valid == true
	r.node._range.reversed == true
	msg := sprintf("%s entry %v-%v starts after its end", [r.where, r.start, r.end])
}

deny contains {"msg": msg, "node": r.node, "key": "broad"} if {
	some r in ranges
	r.node._range.valid == true
	not r.node._range.reversed == true
	limit := lib.option("max-trusted-ip-addresses")
	r.node._range.addresses > limit
	msg := sprintf("%s entry %v-%v spans %d addresses, more than max-trusted-ip-addresses (%d); users from it skip identity verification", [r.where, r.start, r.end, r.node._range.addresses, limit])
}
