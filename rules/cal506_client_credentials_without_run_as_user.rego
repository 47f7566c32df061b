# METADATA
# title: Client credentials flow without a run-as user
# description: |-
#   The client credentials flow is enabled but no execution (run-as) user is named: CA
#   `oauthClientCredentialUser`, ECA `.ecaOauthPlcy` `clientCredentialsFlowUser`. Salesforce
#   requires one for the flow to work, so someone will pick it in Setup, outside source control
#   and review, and often an administrator. The run-as user should be a dedicated integration
#   user with the API Only permission and least privilege, and it belongs in the metadata.
#
#   An External Client App has the flow on only when both its global OAuth settings
#   (`.ecaGlblOauth`) and its OAuth policies (`.ecaOauthPlcy`) enable it (Salesforce Help); when
#   one of them says `false` nothing is reported. When only one of the two files is in the scan
#   and enables the flow, the finding is low and says what could not be checked.
#
#   Severity: medium. A missing run-as user is not an exposure by itself, but the user someone
#   picks later decides what a leaked consumer secret can do; Salesforce requires "an
#   integration user to run the integration" with the API Only permission.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies
#   - ref: https://developer.salesforce.com/blogs/2023/03/using-the-client-credentials-flow-for-easier-api-authentication
#     description: Using the client credentials flow
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.meta_configure_client_credentials_flow_for_external_client_apps.htm
#     description: Configure an External Client App for the Client Credentials Flow (both files, run-as user)
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
	"msg": "the client credentials flow is on (isClientCredentialEnabled) but oauthConfig names no run-as user in oauthClientCredentialUser",
	"node": lib.child_or_parent(oc, "oauthClientCredentialUser"),
} if {
	oc := input.connectedApp.oauthConfig
	lib.is_true(oc, "isClientCredentialEnabled")
	not named(oc, "oauthClientCredentialUser")
}

deny contains {
	"msg": "the client credentials flow is on (isClientCredentialsFlowEnabled in .ecaGlblOauth and .ecaOauthPlcy) but the OAuth policies name no run-as user in clientCredentialsFlowUser",
	"node": lib.child_or_parent(p, "clientCredentialsFlowUser"),
} if {
	lib.is_eca
	lib.client_credentials_state == "on"
	p := input.ecaOauthPlcy
	not named(p, "clientCredentialsFlowUser")
}

deny contains {
	"msg": "the OAuth policies enable the client credentials flow but name no run-as user in clientCredentialsFlowUser (the global OAuth settings are not in the scan, so whether they enable the flow too could not be checked)",
	"node": lib.child_or_parent(p, "clientCredentialsFlowUser"),
	"severity": "low",
} if {
	lib.client_credentials_state == "unverified"
	p := input.ecaOauthPlcy
	not named(p, "clientCredentialsFlowUser")
}

deny contains {
	"msg": "the global OAuth settings enable the client credentials flow, but no .ecaOauthPlcy file is in the scan: whether the policies enable it too, and which run-as user they name, could not be checked",
	"node": g.isClientCredentialsFlowEnabled,
	"severity": "low",
} if {
	lib.client_credentials_state == "unverified"
	not input.ecaOauthPlcy
	g := input.ecaGlblOauth
}
