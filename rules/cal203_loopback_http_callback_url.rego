# METADATA
# title: Callback URL uses HTTP to the local machine
# description: |-
#   A callback URL uses `http` to a loopback host (`localhost`, `127.0.0.0/8` or `[::1]`), as
#   the Salesforce CLI and other command-line tools do (`http://localhost:1717/OauthRedirect`).
#   That is acceptable for a developer tool, but a production app with such a callback lets any
#   local process that listens on the port receive the authorization code.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_defining_remote_access_applications.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig/callbackUrl)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL203
#   name: LoopbackHttpCallbackUrl
#   severity: low
#   remediation: |-
#     Remove the loopback callback from production apps; keep it only in a separate app for
#     local development tools, and require PKCE there.
#   example: |-
#     <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
package calint.rules.cal203

import data.calint.lib

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value)} if {
	some u in lib.callback_urls
	u.url.scheme == "http"
	u.url.loopback == true
	msg := sprintf("callback URL %s uses plain http to the local machine; fine for a CLI tool, not for a production app", [lib.safe_url(u.value)])
}
