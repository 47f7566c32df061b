# METADATA
# title: Admin-approved app without grants
# description: |-
#   The app is admin-approved (only pre-authorized users may use it) but grants it to no
#   profile and no permission set, so nobody can use it. Often a half-finished setup, or
#   grants that are managed outside source control and will drift.
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

ca_grants contains g.value if {
	some name in ["profileName", "permissionSetName"]
	some g in object.get(input.connectedApp, name, [])
	is_string(g.value)
	trim_space(g.value) != ""
}

deny contains {"msg": "oauthConfig/isAdminApproved is true but no profileName or permissionSetName is granted: nobody can use the app", "node": n} if {
	n := input.connectedApp.oauthConfig.isAdminApproved
	n.value == true
	count(ca_grants) == 0
}

eca_grants contains item if {
	some name in ["commaSeparatedProfile", "commaSeparatedPermissionSet"]
	some item in object.get(input.ecaOauthPlcy, [name, "items"], [])
}

deny contains {"msg": "ecaOauthPlcy/permittedUsersPolicyType is AdminApprovedPreAuthorized but commaSeparatedProfile and commaSeparatedPermissionSet are empty: nobody can use the app", "node": n} if {
	n := input.ecaOauthPlcy.permittedUsersPolicyType
	n.value == "AdminApprovedPreAuthorized"
	count(eca_grants) == 0
}
