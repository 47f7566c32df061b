# METADATA
# title: Callback URL uses plain HTTP
# description: |-
#   A callback URL (one line of `callbackUrl`, ConnectedApp `oauthConfig` or External Client App
#   `.ecaGlblOauth`) uses `http` to a host that is not the local machine. Salesforce sends the
#   authorization code or, in the user-agent flow, the access token itself to this URL, so
#   anyone on the network path can read it and take over the user's session. Salesforce
#   requires HTTPS or a custom URI scheme, and its AppExchange security review flags HTTP
#   callbacks (UseHttpsCallbackUrl).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_defining_remote_access_applications.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig/callbackUrl)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL202
#   name: InsecureCallbackUrl
#   severity: high
#   remediation: |-
#     Serve the callback over HTTPS (or use a custom URI scheme for a native app) and change the
#     URL to `https://`.
#   example: |-
#     <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
package calint.rules.cal202

import data.calint.lib

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value)} if {
	some u in lib.callback_urls
	u.url.scheme == "http"
	u.url.host != ""
	not u.url.loopback
	msg := sprintf("callback URL %s uses plain http to %s; the authorization code or token can be read on the network; use https", [lib.safe_url(u.value), u.url.host])
}
