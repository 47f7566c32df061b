# METADATA
# title: Callback URL points at a placeholder host
# description: |-
#   A callback URL (CA `oauthConfig/callbackUrl`, ECA `.ecaGlblOauth` `callbackUrl`) points at a
#   host the app cannot own: `www.google.com`, `google.com`, `www.salesforce.com`,
#   `salesforce.com`, the reserved example domains (`example.com`, `example.org`, `example.net`
#   and their subdomains, RFC 2606), `test.com` or `localhost.com`. These are values typed to get
#   past a required field. Salesforce sends the authorization code (or, in the user-agent flow,
#   the token) to whatever the callback names, so it goes to whoever controls that host; and a
#   callback the app does not use only widens what an attacker can ask for.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig/callbackUrl)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings (callbackUrl, the OAuth redirect_uri)
#   - ref: https://www.rfc-editor.org/rfc/rfc2606
#     description: RFC 2606, reserved example domains
# schemas:
#   - input: schema.input
# custom:
#   id: CAL208
#   name: PlaceholderCallbackUrl
#   severity: medium
#   remediation: |-
#     Replace the placeholder with the app's real redirect URI, or delete the line when the app
#     does not use a flow that redirects (JWT bearer, client credentials).
#   example: |-
#     <callbackUrl>https://app.acme-corp.com/oauth/callback</callbackUrl>
package calint.rules.cal208

import data.calint.lib

placeholder_hosts := {"www.google.com", "google.com", "www.salesforce.com", "salesforce.com", "test.com", "www.test.com", "localhost.com"}

placeholder_host(h) if h in placeholder_hosts

placeholder_host(h) if regex.match(`(^|\.)example\.(com|org|net)$`, h)

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value)} if {
	some u in lib.callback_urls
	placeholder_host(trim_suffix(u.url.host, "."))
	msg := sprintf("callback URL %s points at %s, a placeholder host the app cannot own: the authorization code goes to whoever controls it", [lib.safe_url(u.value), u.url.host])
}
