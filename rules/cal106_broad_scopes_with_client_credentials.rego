# METADATA
# title: Broad OAuth scopes with the client credentials flow
# description: |-
#   The client credentials flow is enabled (ConnectedApp `oauthConfig/isClientCredentialEnabled`,
#   External Client App `isClientCredentialsFlowEnabled` in `.ecaGlblOauth` or `.ecaOauthPlcy`)
#   and the app also grants `Full`, `Web` or `RefreshToken` (or `OfflineAccess`, which deploys as
#   `RefreshToken`). With this flow anyone who holds the consumer key and secret gets an access
#   token for the run-as user without any user interaction, so these scopes hand a stolen secret
#   full, browser-session or offline access. A server-to-server integration needs `Api` at most;
#   the flow never issues refresh tokens.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.connected_app_client_credentials_setup.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (isClientCredentialEnabled, scopes)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings (isClientCredentialsFlowEnabled)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL106
#   name: BroadScopesWithClientCredentials
#   severity: high
#   remediation: |-
#     Limit an app that uses the client credentials flow to `Api` (plus any product-specific scope
#     it really needs), and give its run-as user only the permissions the integration requires.
#   example: |-
#     <isClientCredentialEnabled>true</isClientCredentialEnabled>
#     <oauthClientCredentialUser>integration@example.com</oauthClientCredentialUser>
#     <scopes>Api</scopes>
package calint.rules.cal106

import data.calint.lib

broad := {"Full", "Web", "RefreshToken", "OfflineAccess"}

# where the client credentials flow is switched on
flag contains "oauthConfig/isClientCredentialEnabled" if {
	input.connectedApp.oauthConfig.isClientCredentialEnabled.value == true
}

flag contains ".ecaGlblOauth isClientCredentialsFlowEnabled" if {
	input.ecaGlblOauth.isClientCredentialsFlowEnabled.value == true
}

flag contains ".ecaOauthPlcy isClientCredentialsFlowEnabled" if {
	input.ecaOauthPlcy.isClientCredentialsFlowEnabled.value == true
}

deny contains {"msg": msg, "node": s.node, "key": s.value} if {
	count(flag) > 0
	some s in lib.scopes
	s.value in broad
	msg := sprintf("OAuth scope %s is granted while the client credentials flow is enabled (%s): anyone with the consumer secret gets this access without a user; limit the app to Api", [s.value, concat(", ", sort(flag))])
}
