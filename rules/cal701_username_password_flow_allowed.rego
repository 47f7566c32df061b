# METADATA
# title: Username-password OAuth flow not blocked
# description: |-
#   The org's OAuth and OpenID Connect settings (`settings/OauthOidc.settings-meta.xml`) do not
#   block the OAuth 2.0 username-password flow (`blockOAuthUnPwFlow` is not `true`; the default is
#   `false`). In that flow an app sends the user's password (and security token) to Salesforce
#   and gets an access token back, with no MFA and no consent screen: a leaked password is a
#   token. Salesforce calls the flow insecure, recommends blocking it, and blocks it by default
#   in orgs created in Summer '23 or later.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_oauthoidcsettings.htm
#     description: OauthOidcSettings (blockOAuthUnPwFlow, default false)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_disable_username_password_flow_ca.htm
#     description: Block Authorization Flows to Improve Security
# schemas:
#   - input: schema.input
# custom:
#   id: CAL701
#   name: UsernamePasswordFlowAllowed
#   severity: high
#   remediation: |-
#     Set `blockOAuthUnPwFlow` to `true` in `settings/OauthOidc.settings-meta.xml` (Setup, OAuth and
#     OpenID Connect Settings) after moving any integration that still uses it to the JWT bearer or client credentials flow.
#   example: |-
#     <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#         <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>
#         <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>
#         <isPkceRequired>true</isPkceRequired>
#     </OauthOidcSettings>
package calint.rules.cal701

import data.calint.lib

deny contains {"msg": msg, "node": lib.child_or_parent(s, "blockOAuthUnPwFlow")} if {
	s := input.oauthOidcSettings
	not lib.is_true(s, "blockOAuthUnPwFlow")
	msg := sprintf("org OAuth settings do not set blockOAuthUnPwFlow to true (%s): the OAuth username-password flow is allowed, so any app can trade a user's password for a token", [lib.value_or(s, "blockOAuthUnPwFlow", "absent, default false")])
}
