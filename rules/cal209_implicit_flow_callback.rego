# METADATA
# title: Callback URL is the user-agent flow's success page
# description: |-
#   A callback URL is `https://login.salesforce.com/services/oauth2/success` (or the same path on
#   another `salesforce.com` host, such as `test.salesforce.com` or a My Domain). That page is
#   where the OAuth 2.0 user-agent (implicit) flow lands when the client has no page of its own:
#   the access token comes back in the URL fragment, where browser history, extensions and
#   referrers can read it. Salesforce calls the user-agent flow insecure and recommends the web
#   server flow with PKCE instead.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_user_agent_flow.htm
#     description: OAuth 2.0 User-Agent Flow for Desktop or Mobile App Integration
#   - ref: https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.remoteaccess_disable_username_password_flow_ca.htm
#     description: Block Authorization Flows to Improve Security
# schemas:
#   - input: schema.input
# custom:
#   id: CAL209
#   name: ImplicitFlowCallback
#   severity: low
#   remediation: |-
#     Move the client to the web server flow with PKCE and a redirect URI it owns (a custom
#     scheme or loopback for a native app), then remove the success page from the callback list.
#   example: |-
#     <callbackUrl>myapp://oauth/callback</callbackUrl>
#     <isPkceRequired>true</isPkceRequired>
package calint.rules.cal209

import data.calint.lib

success_page := `(?i)^https?://([a-z0-9-]+\.)*salesforce\.com(:[0-9]+)?/services/oauth2/success/?([?#].*)?$`

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value)} if {
	some u in lib.callback_urls
	regex.match(success_page, u.value)
	msg := sprintf("callback URL %s is the user-agent (implicit) flow's success page, which receives the access token in the URL; use the web server flow with PKCE", [lib.safe_url(u.value)])
}
