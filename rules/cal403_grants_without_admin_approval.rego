# METADATA
# title: Grants without admin approval
# description: |-
#   The Connected App lists profiles or permission sets, but `isAdminApproved` is not true.
#   For OAuth the list then restricts nothing: every user may still self-authorize, while the
#   file suggests that access is limited to the listed grants.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
# schemas:
#   - input: schema.input
# custom:
#   id: CAL403
#   name: GrantsWithoutAdminApproval
#   severity: medium
#   remediation: |-
#     Set `isAdminApproved` to true so that only the listed profiles and permission sets may
#     use the app, or remove the grants if the app is meant for everyone.
#   example: |-
#     <oauthConfig>
#         <isAdminApproved>true</isAdminApproved>
#     </oauthConfig>
#     <permissionSetName>Acme_Sync_Users</permissionSetName>
package calint.rules.cal403

grants contains sprintf("%s %s", [name, g.value]) if {
	some name in ["profileName", "permissionSetName"]
	some g in object.get(input.connectedApp, name, [])
	is_string(g.value)
	trim_space(g.value) != ""
}

# the element the finding points at: isAdminApproved when present, else oauthConfig.
target := input.connectedApp.oauthConfig.isAdminApproved

target := input.connectedApp.oauthConfig if not input.connectedApp.oauthConfig.isAdminApproved

deny contains {"msg": msg, "node": target} if {
	input.connectedApp.oauthConfig
	count(grants) > 0
	not input.connectedApp.oauthConfig.isAdminApproved.value == true
	msg := sprintf("the grants (%s) restrict nothing for OAuth because oauthConfig/isAdminApproved is not true: every user may still self-authorize; set isAdminApproved to true", [concat(", ", sort(grants))])
}
