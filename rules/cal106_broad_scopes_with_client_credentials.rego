# METADATA
# title: Broad OAuth scopes with the client credentials flow
# description: |-
#   The client credentials flow is on and the app also grants `Full` or `Web`. With this flow
#   anyone who holds the consumer key and secret gets an access token for the run-as user
#   without any user interaction, so these scopes hand a stolen secret full or browser-session
#   access. A server-to-server integration needs `Api` at most. `RefreshToken` is not
#   reported: the flow never issues refresh tokens (RFC 6749 section 4.4.3).
#
#   A connected app turns the flow on with `oauthConfig/isClientCredentialEnabled`. An
#   External Client App needs it on in both files, as Salesforce Help describes the setup:
#   `isClientCredentialsFlowEnabled` in the global OAuth settings (`.ecaGlblOauth`) and in the
#   OAuth policies (`.ecaOauthPlcy`, with the run-as user). When one of the two files says
#   `false` the flow is off. When only one of them is in the scan (the global settings should
#   not be in source control) and it says `true`, the finding is medium and says that the
#   other half could not be checked.
#
#   One finding per scope element: a connected app lists each scope in its own element, an
#   External Client App all of them in `commaSeparatedOauthScopes`.
#
#   Severity: high, as Salesforce's own warning when the flow is enabled ("any person or app
#   that has access to your consumer key and consumer secret can get an access token") and its
#   "Review connected apps" security control on the client credentials flow; Code Analyzer's
#   AppExchange rules rate over-broad connected app scopes (`LimitConnectedAppScope`) Moderate,
#   without the flow.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.connected_app_client_credentials_setup.htm
#     description: documentation
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.meta_configure_client_credentials_flow_for_external_client_apps.htm
#     description: Configure an External Client App for the Client Credentials Flow (both files)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (isClientCredentialEnabled, scopes)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings (isClientCredentialsFlowEnabled)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies (isClientCredentialsFlowEnabled, clientCredentialsFlowUser)
#   - ref: https://datatracker.ietf.org/doc/html/rfc6749#section-4.4.3
#     description: RFC 6749 4.4.3 (no refresh token in the client credentials flow)
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

broad := {"Full", "Web"}

# the broad scopes of each scope element, by _ref
broad_by_node[s.node._ref] contains s.value if {
	some s in lib.scopes
	s.value in broad
}

node_of(ref) := s.node if {
	some s in lib.scopes
	s.node._ref == ref
}

# where the flow is switched on, for the message
where := concat(" and ", sort([w |
	some f in lib.client_credentials_flags
	w := flag_name[f._ref]
]))

flag_name[input.connectedApp.oauthConfig.isClientCredentialEnabled._ref] := "oauthConfig/isClientCredentialEnabled"

flag_name[input.ecaGlblOauth.isClientCredentialsFlowEnabled._ref] := ".ecaGlblOauth isClientCredentialsFlowEnabled"

flag_name[input.ecaOauthPlcy.isClientCredentialsFlowEnabled._ref] := ".ecaOauthPlcy isClientCredentialsFlowEnabled"

scope_list(names) := sprintf("OAuth scope %s is", [concat("", sort(names))]) if count(names) == 1

scope_list(names) := sprintf("OAuth scopes %s are", [concat(" and ", sort(names))]) if count(names) > 1

deny contains {"msg": msg, "node": node_of(ref), "key": concat(",", sort(names))} if {
	lib.client_credentials_state == "on"
	some ref, names in broad_by_node
	msg := sprintf("%s granted while the client credentials flow is on (%s): anyone with the consumer key and secret gets this access without a user; limit the app to Api", [scope_list(names), where])
}

deny contains {"msg": msg, "node": node_of(ref), "key": concat(",", sort(names)), "severity": "medium"} if {
	lib.client_credentials_state == "unverified"
	some ref, names in broad_by_node
	msg := sprintf("%s granted and %s enables the client credentials flow; the app's other OAuth file is not in the scan, so whether the flow is on could not be checked. If it is, anyone with the consumer key and secret gets this access without a user; limit the app to Api", [scope_list(names), where])
}
