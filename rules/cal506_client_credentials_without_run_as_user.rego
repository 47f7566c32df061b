# METADATA
# title: Client credentials flow without a run-as user
# description: |-
#   The client credentials flow is enabled but no execution (run-as) user is named: CA
#   `oauthClientCredentialUser`, ECA `.ecaOauthPlcy` `clientCredentialsFlowUser`. Salesforce
#   requires one for the flow to work, so someone will pick it in Setup, outside source control
#   and review, and often an administrator. The run-as user should be a dedicated integration
#   user with the API Only permission and least privilege, and it belongs in the metadata.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies
#   - ref: https://developer.salesforce.com/blogs/2023/03/using-the-client-credentials-flow-for-easier-api-authentication
#     description: Using the client credentials flow
# schemas:
#   - input: schema.input
# custom:
#   id: CAL506
#   name: ClientCredentialsWithoutRunAsUser
#   severity: medium
#   remediation: |-
#     Name a dedicated API-only integration user: `oauthClientCredentialUser` in the connected
#     app's `oauthConfig`, or `clientCredentialsFlowUser` in the `.ecaOauthPlcy` file. Disable the
#     flow if the app does not need it.
#   example: |-
#     <oauthClientCredentialUser>integration@example.com</oauthClientCredentialUser>
package calint.rules.cal506

import data.calint.lib

# named(parent, name): parent's leaf `name` holds a non-blank value. (The parent is passed, not
# the leaf: `not f(x.y)` with x.y undefined is itself undefined in Rego.)
named(parent, name) if trim_space(parent[name].value) != ""

deny contains {
	"msg": "the client credentials flow is enabled (isClientCredentialEnabled) but oauthConfig names no oauthClientCredentialUser",
	"node": lib.child_or_parent(oc, "oauthClientCredentialUser"),
} if {
	oc := input.connectedApp.oauthConfig
	lib.is_true(oc, "isClientCredentialEnabled")
	not named(oc, "oauthClientCredentialUser")
}

deny contains {
	"msg": "the client credentials flow is enabled (isClientCredentialsFlowEnabled) but the OAuth policies name no clientCredentialsFlowUser",
	"node": lib.child_or_parent(p, "clientCredentialsFlowUser"),
} if {
	lib.is_eca
	lib.client_credentials_enabled
	p := input.ecaOauthPlcy
	not named(p, "clientCredentialsFlowUser")
}

deny contains {
	"msg": "the client credentials flow is enabled (isClientCredentialsFlowEnabled) but no .ecaOauthPlcy file is in the scan, so no clientCredentialsFlowUser could be found",
	"node": g.isClientCredentialsFlowEnabled,
} if {
	not input.ecaOauthPlcy
	g := input.ecaGlblOauth
	lib.is_true(g, "isClientCredentialsFlowEnabled")
}
