# METADATA
# title: Admin-approved app without grants
# description: |-
#   The app is admin-approved (only pre-authorized users may use it) but grants it to no
#   profile and no permission set, so no user can authorize it. Often a half-finished setup,
#   or grants that are managed outside source control and will drift.
#
#   An app with the client credentials flow on still works without grants: that flow runs as
#   its run-as user, whom the permitted-users policy does not restrict, and the message says so
#   (the grants then matter only for the app's user flows).
#
#   Severity: info: nothing is exposed; it is a configuration to finish or explain.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies
# schemas:
#   - input: schema.input
# custom:
#   id: CAL402
#   name: AdminApprovedWithoutGrants
#   severity: info
#   remediation: |-
#     Grant the app to the permission sets (preferably) or profiles of its users: CA
#     `permissionSetName`/`profileName`; ECA `commaSeparatedPermissionSet`/`commaSeparatedProfile`.
#   example: |-
#     <permissionSetName>Acme_Sync_Users</permissionSetName>
#     <!-- ECA .ecaOauthPlcy -->
#     <commaSeparatedPermissionSet>Acme_Sync_Users</commaSeparatedPermissionSet>
package calint.rules.cal402

import data.calint.lib

ca_grants contains g.value if {
	some name in ["profileName", "permissionSetName"]
	some g in object.get(input.connectedApp, name, [])
	is_string(g.value)
	trim_space(g.value) != ""
}

eca_grants contains item if {
	some name in ["commaSeparatedProfile", "commaSeparatedPermissionSet"]
	some item in object.get(input.ecaOauthPlcy, [name, "items"], [])
}

# consequence: what the missing grants mean for this app.
consequence := "no user can authorize the app; its client credentials flow still works, as it runs as the run-as user, whom permitted users do not restrict" if {
	lib.client_credentials_state == "on"
} else := "no user can use the app"

deny contains {"msg": msg, "node": n} if {
	n := input.connectedApp.oauthConfig.isAdminApproved
	n.value == true
	count(ca_grants) == 0
	msg := sprintf("oauthConfig/isAdminApproved is true but no profileName or permissionSetName is granted: %s", [consequence])
}

deny contains {"msg": msg, "node": n} if {
	n := input.ecaOauthPlcy.permittedUsersPolicyType
	n.value == "AdminApprovedPreAuthorized"
	count(eca_grants) == 0
	msg := sprintf("permittedUsersPolicyType is AdminApprovedPreAuthorized but commaSeparatedProfile and commaSeparatedPermissionSet are empty: %s", [consequence])
}
