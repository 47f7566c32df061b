# METADATA
# title: PKCE not required org-wide
# description: |-
#   The org's OAuth and OpenID Connect settings (`settings/OauthOidc.settings-meta.xml`) do not
#   require PKCE (`isPkceRequired` is not `true`; the default is `false`). With it, every
#   authorization code flow into the org (web server flow, authorization code and credentials
#   flow and their variants) must send a PKCE code challenge, so an intercepted authorization
#   code is useless; without it, each app decides for itself.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_oauthoidcsettings.htm
#     description: OauthOidcSettings (isPkceRequired, default false)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_disable_username_password_flow_ca.htm
#     description: Block Authorization Flows to Improve Security
# schemas:
#   - input: schema.input
# custom:
#   id: CAL703
#   name: OrgPkceNotRequired
#   severity: low
#   remediation: |-
#     Set `isPkceRequired` to `true` in `settings/OauthOidc.settings-meta.xml` (Setup, OAuth and
#     OpenID Connect Settings) after checking that every app using the web server flow sends a PKCE code challenge.
#   example: |-
#     <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#         <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>
#         <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>
#         <isPkceRequired>true</isPkceRequired>
#     </OauthOidcSettings>
package calint.rules.cal703

import data.calint.lib

deny contains {"msg": msg, "node": lib.child_or_parent(s, "isPkceRequired")} if {
	s := input.oauthOidcSettings
	not lib.is_true(s, "isPkceRequired")
	msg := sprintf("org OAuth settings do not set isPkceRequired to true (%s): PKCE is not required org-wide for the authorization code flows", [lib.value_or(s, "isPkceRequired", "absent, default false")])
}
