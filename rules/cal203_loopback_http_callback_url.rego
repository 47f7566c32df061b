# METADATA
# title: Callback URL uses HTTP to the local machine
# description: |-
#   A callback URL uses `http` to a loopback host (`localhost`, `127.0.0.0/8` or `[::1]`), as
#   the Salesforce CLI and other command-line tools do (`http://localhost:1717/OauthRedirect`).
#   That is acceptable for a developer tool, but a production app with such a callback lets any
#   local process that listens on the port receive the authorization code.
#
#   The Salesforce CLI's own login redirect, exactly `http://localhost:1717/OauthRedirect`,
#   is info: the Salesforce DX guide tells users to enter it in the connected app the CLI logs
#   in with, so on a CLI or CI app it is expected (49 of 80 such findings on real projects were
#   this URL, all on CLI/CI apps). The note stays so that it is not forgotten on an app that
#   also serves users.
#
#   Severity: low, as Code Analyzer's AppExchange rule `UseHttpsCallbackUrl` (Moderate) would
#   be for any http callback, lowered because the code never leaves the machine.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_defining_remote_access_applications.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig/callbackUrl)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_connected_app.htm
#     description: Salesforce DX, Create a Connected App (callback http://localhost:1717/OauthRedirect)
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

# sf_cli_redirect: the Salesforce CLI's own login redirect (sf org login web), which the CLI
# serves on the user's machine.
sf_cli_redirect(v) if regex.match(`^(?i)http://localhost:1717/OauthRedirect/?$`, trim_space(v))

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value)} if {
	some u in lib.callback_urls
	u.url.scheme == "http"
	u.url.loopback == true
	not sf_cli_redirect(u.value)
	msg := sprintf("callback URL %s uses plain http to the local machine: fine for a command-line tool, not for a production app", [lib.safe_url(u.value)])
}

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value), "severity": "info"} if {
	some u in lib.callback_urls
	u.url.scheme == "http"
	sf_cli_redirect(u.value)
	msg := sprintf("callback URL %s is the Salesforce CLI's own login redirect (plain http to the local machine): expected on an app the CLI or a CI job logs in with; remove it from an app that serves users", [lib.safe_url(u.value)])
}
