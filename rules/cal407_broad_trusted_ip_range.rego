# METADATA
# title: Broad or invalid trusted IP range
# description: |-
#   A trusted IP range of the app (CA `ipRanges`, ECA `.ecaOauth` `trustedIpRanges`) spans
#   more addresses than `max-trusted-ip-addresses` (default 256, a /24), or is not a valid
#   range. Users connecting from a trusted range skip the app's identity verification, so a
#   range such as 0.0.0.0-255.255.255.255 switches that protection off for the whole internet;
#   an invalid range fails the deploy or does not mean what its author intended.
#
#   Severity by size: high above 65,536 addresses (more than a /16: a provider's or a whole
#   company's network, most of which the app's users never connect from), medium from the
#   limit up to a /16 (an office network is usually a /24 or smaller, so a wider range is worth
#   a look, but it is often a company's own block). An invalid or reversed range is high, as
#   the author's intent is unknown. Salesforce's IP relaxation control rates token use from
#   untrusted networks Medium to High (CVSS 6.0-8.5).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#     description: ExtlClntAppOauthSettings
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.shr_manage_oauth_access_policies_for_a_connected_app_ip_relaxation.htm
#     description: Review Connected Apps control, IP Relaxation (Medium to High)
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

# tier: high above a /16, medium up to it
tier(n) := "high" if n > 65536

tier(n) := "medium" if n <= 65536

deny contains {"msg": msg, "node": r.node, "key": "broad", "severity": tier(r.node._range.addresses)} if {
	some r in ranges
	r.node._range.valid == true
	not r.node._range.reversed == true
	limit := lib.option("max-trusted-ip-addresses")
	r.node._range.addresses > limit
	msg := sprintf("%s entry %v-%v spans %d addresses, more than max-trusted-ip-addresses (%d); users connecting from it skip identity verification", [r.where, r.start, r.end, r.node._range.addresses, limit])
}
