# METADATA
# title: Callback URL outside the approved domains
# description: |-
#   An `http` or `https` callback URL whose host is not one of the organisation's approved
#   domains or a subdomain of one (`approved-callback-domains` under `options.custom` in
#   `.calint.yaml`; an app can have its own list under `apps.NAME.custom`). Salesforce sends
#   authorization codes and tokens to the callback, so every callback host must be one the
#   organisation controls. The rule is off until the list is set. Loopback callbacks
#   (`localhost`) and custom schemes (`myapp://`) of mobile and desktop apps are not checked.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_create_api_integration.htm&type=5
#     description: Enable OAuth settings for API integration
#   - ref: https://github.com/calint/calint/blob/main/docs/custom-rules.md
#     description: writing custom rules
# schemas:
#   - input: schema.input
# custom:
#   id: ACME101
#   name: UnapprovedCallbackDomain
#   severity: high
#   remediation: |-
#     Move the callback to an approved domain, or add the domain to
#     `options.custom.approved-callback-domains` once security has reviewed it.
#   example: |-
#     <callbackUrl>https://login.acme.example/oauth/callback</callbackUrl>
package acme.rules.approved_callback_domains

import data.calint.lib

domains := {lower(d) | some d in lib.custom_option("approved-callback-domains", [])}

approved(host) if host in domains

approved(host) if {
	some d in domains
	endswith(host, concat("", [".", d]))
}

deny contains {"msg": msg, "node": u, "key": u.url.host} if {
	count(domains) > 0
	some u in lib.callback_urls
	u.url.scheme in {"http", "https"}
	not u.url.loopback
	not approved(u.url.host)
	msg := sprintf("callback host %s is not in an approved domain (%s)", [u.url.host, concat(", ", sort(domains))])
}
