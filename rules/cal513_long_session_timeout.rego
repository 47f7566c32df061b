# METADATA
# title: App session timeout too long
# description: |-
#   The app's session timeout is longer than `max-session-timeout-minutes` (default 120): the
#   Connected App `sessionPolicy/sessionTimeout` or the External Client App `.ecaOauthPlcy`
#   `sessionTimeoutInMinutes`. It sets how long a session (and, for opaque tokens, an access
#   token) issued to the app lives, so a stolen one stays usable that long. The value is in
#   minutes (the reference gives no unit for the Connected App field; the values seen in real
#   files, 15 to 1440, are the profile session timeouts in minutes, and the External Client App
#   field is named in minutes). Salesforce's security controls recommend a one-hour timeout,
#   and 15 minutes for the Salesforce CLI's connected app.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (ConnectedAppSessionPolicy sessionTimeout)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies (sessionTimeoutInMinutes)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_default_conn_app.htm
#     description: Use the Default Connected App Securely (set the session timeout to 15 minutes)
#   - ref: https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.shr_manage_session_policies_for_a_connected_app_session_timeout.htm
#     description: "Manage Session Policies for a Connected App: Session Timeout Control (recommended: 1 hour)"
# schemas:
#   - input: schema.input
# custom:
#   id: CAL513
#   name: LongSessionTimeout
#   severity: low
#   remediation: |-
#     Lower the timeout to what the app needs (at most `max-session-timeout-minutes`, default
#     120), e.g. 15 minutes for a developer tool.
#   example: |-
#     <sessionPolicy>
#         <sessionTimeout>15</sessionTimeout>
#     </sessionPolicy>
package calint.rules.cal513

import data.calint.lib

timeouts contains {"where": "sessionPolicy/sessionTimeout", "node": n} if {
	n := input.connectedApp.sessionPolicy.sessionTimeout
}

timeouts contains {"where": "ecaOauthPlcy/sessionTimeoutInMinutes", "node": n} if {
	n := input.ecaOauthPlcy.sessionTimeoutInMinutes
}

deny contains {"msg": msg, "node": t.node} if {
	some t in timeouts
	is_number(t.node.value)
	limit := lib.option("max-session-timeout-minutes")
	t.node.value > limit
	msg := sprintf("%s is %v minutes, longer than the maximum of %v minutes (max-session-timeout-minutes); a stolen session stays usable that long", [t.where, t.node.value, limit])
}
