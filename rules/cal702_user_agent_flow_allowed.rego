# METADATA
# title: User-agent OAuth flow not blocked
# description: |-
#   The org's OAuth and OpenID Connect settings (`settings/OauthOidc.settings-meta.xml`) do not
#   block the OAuth 2.0 user-agent flow (`blockOAuthUsrAgtFlow` is not `true`; the default is
#   `false`). That flow returns the access token in the redirect URL's fragment, where browser
#   history, extensions and referrers can read it; Salesforce calls it insecure and recommends
#   blocking it in favour of the web server flow with PKCE.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_oauthoidcsettings.htm
#     description: OauthOidcSettings (blockOAuthUsrAgtFlow, default false)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_disable_username_password_flow_ca.htm
#     description: Block Authorization Flows to Improve Security
# schemas:
#   - input: schema.input
# custom:
#   id: CAL702
#   name: UserAgentFlowAllowed
#   severity: medium
#   remediation: |-
#     Set `blockOAuthUsrAgtFlow` to `true` in `settings/OauthOidc.settings-meta.xml` (Setup, OAuth and
#     OpenID Connect Settings) after moving browser and mobile apps to the web server flow with PKCE.
#   example: |-
#     <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#         <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>
#         <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>
#         <isPkceRequired>true</isPkceRequired>
#     </OauthOidcSettings>
package calint.rules.cal702

import data.calint.lib

deny contains {"msg": msg, "node": lib.child_or_parent(s, "blockOAuthUsrAgtFlow")} if {
	s := input.oauthOidcSettings
	not lib.is_true(s, "blockOAuthUsrAgtFlow")
	msg := sprintf("org OAuth settings do not set blockOAuthUsrAgtFlow to true (%s): the OAuth user-agent (implicit) flow is allowed, which puts access tokens in redirect URLs", [lib.value_or(s, "blockOAuthUsrAgtFlow", "absent, default false")])
}
