# METADATA
# title: Callback host not in the allowed list
# description: |-
#   An `http` or `https` callback URL whose host matches none of the `callback-hosts` patterns
#   in `.calint.yaml`. The rule is off until `callback-hosts` is set. A pattern is a host name
#   glob: `*.example.com` matches any subdomain of example.com (not example.com itself), other
#   `*` match within one DNS label, and a pattern without `*` matches that host exactly (case
#   does not matter). A callback to a host nobody vetted sends authorization codes to whoever
#   controls that host.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_defining_remote_access_applications.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig/callbackUrl)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL205
#   name: CallbackHostNotAllowed
#   severity: medium
#   remediation: |-
#     Point the callback at an approved host, or, if the host was reviewed, add it to
#     `callback-hosts` in `.calint.yaml` (globally, or for this app under `apps:`).
#   example: |-
#     <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
package calint.rules.cal205

import data.calint.lib

patterns := {lower(p) | some p in lib.option("callback-hosts")}

# host_allowed: a leading "*." matches any number of subdomain labels; otherwise glob.match with
# "." as the delimiter, so "*" stays within one label and a pattern without "*" is exact.
host_allowed(host) if {
	some p in patterns
	glob.match(p, ["."], host)
}

host_allowed(host) if {
	some p in patterns
	startswith(p, "*.")
	endswith(host, substring(p, 1, -1))
}

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value)} if {
	count(patterns) > 0
	some u in lib.callback_urls
	u.url.scheme in {"http", "https"}
	u.url.host != ""
	not host_allowed(u.url.host)
	msg := sprintf("callback host %s (in %s) matches none of callback-hosts (%s)", [u.url.host, lib.safe_url(u.value), concat(", ", sort(patterns))])
}
