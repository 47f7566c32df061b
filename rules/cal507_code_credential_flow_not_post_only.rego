# METADATA
# title: Code and credential flow accepts credentials outside the POST body
# description: |-
#   The Authorization Code and Credentials flow (headless login with a username and password
#   sent by the app) is enabled, but the app does not require those credentials in the POST
#   body. They may then travel in the Authorization header or the URL, where proxies, browser
#   history and server logs record them. Salesforce notes that POST-only "improves security".
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
# schemas:
#   - input: schema.input
# custom:
#   id: CAL507
#   name: CodeCredentialFlowNotPostOnly
#   severity: low
#   remediation: |-
#     Set `isCodeCredentialPostOnly` (connected app) or `isCodeCredPostOnly` (`.ecaGlblOauth`)
#     to `true`, or disable the flow if the app does not use headless login.
#   example: |-
#     <isCodeCredentialPostOnly>true</isCodeCredentialPostOnly>
package calint.rules.cal507

import data.calint.lib

deny contains {
	"msg": "isCodeCredentialEnabled is true but isCodeCredentialPostOnly is not: user credentials may be sent outside the POST body",
	"node": lib.child_or_parent(oc, "isCodeCredentialPostOnly"),
} if {
	oc := input.connectedApp.oauthConfig
	lib.is_true(oc, "isCodeCredentialEnabled")
	not lib.is_true(oc, "isCodeCredentialPostOnly")
}

deny contains {
	"msg": "isCodeCredFlowEnabled is true but isCodeCredPostOnly is not: user credentials may be sent outside the POST body",
	"node": lib.child_or_parent(g, "isCodeCredPostOnly"),
} if {
	g := input.ecaGlblOauth
	lib.is_true(g, "isCodeCredFlowEnabled")
	not lib.is_true(g, "isCodeCredPostOnly")
}
