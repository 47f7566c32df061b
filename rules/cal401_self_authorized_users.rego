# METADATA
# title: Self-authorized users
# description: |-
#   Every user of the org may authorize the app themselves ("All users may self-authorize",
#   the Salesforce default). Any user, or an attacker who phished one, can grant the app
#   access to their data; the admin cannot restrict the app to the profiles or permission
#   sets that need it.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.connected_app_manage_oauth.htm&type=5
#     description: Manage OAuth access policies for a connected app
# schemas:
#   - input: schema.input
# custom:
#   id: CAL401
#   name: SelfAuthorizedUsers
#   severity: high
#   remediation: |-
#     Make the app admin-approved and pre-authorize only the profiles or permission sets that
#     need it: CA `isAdminApproved` true plus `profileName`/`permissionSetName`; ECA
#     `permittedUsersPolicyType` AdminApprovedPreAuthorized plus `commaSeparatedPermissionSet`.
#   example: |-
#     <isAdminApproved>true</isAdminApproved>
#     <!-- ECA .ecaOauthPlcy -->
#     <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>
package calint.rules.cal401

import data.calint.lib

deny contains {"msg": "oauthConfig/isAdminApproved is false: all users may self-authorize the app; make it admin-approved", "node": n} if {
	n := input.connectedApp.oauthConfig.isAdminApproved
	n.value == false
}

deny contains {"msg": "oauthConfig has no isAdminApproved (default false): all users may self-authorize the app; make it admin-approved", "node": oc} if {
	oc := input.connectedApp.oauthConfig
	not "isAdminApproved" in object.keys(oc)
}

deny contains {"msg": "ecaOauthPlcy/permittedUsersPolicyType is AllSelfAuthorized: all users may self-authorize the app; use AdminApprovedPreAuthorized", "node": n} if {
	n := input.ecaOauthPlcy.permittedUsersPolicyType
	n.value == "AllSelfAuthorized"
}

# the OAuth settings of an ECA, preferring .ecaOauth over .ecaGlblOauth.
oauth_settings := input.ecaOauth

oauth_settings := input.ecaGlblOauth if not input.ecaOauth

deny contains {"msg": msg, "node": oauth_settings, "severity": "medium"} if {
	lib.is_eca
	not input.ecaOauthPlcy
	msg := "the app has OAuth settings but no .ecaOauthPlcy in the scan, so its permitted users could not be checked; Salesforce creates the policies with AllSelfAuthorized by default"
}
