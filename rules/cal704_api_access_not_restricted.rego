# METADATA
# title: Any connected app may call the API
# description: |-
#   The org's connected app settings (`settings/ConnectedApp.settings-meta.xml`) do not set
#   `enableAdminApprovedAppsOnly` to `true` (the default is `false`): any connected app,
#   including one a user authorizes for themselves, can call the Salesforce API. With API
#   Access Control on, only apps an admin approved (allowlisted) can, so an app a user was talked
#   into authorizing cannot reach the org's data. Salesforce Customer Support must enable API
#   Access Control before the field can be set.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedappsettings.htm
#     description: ConnectedAppSettings (enableAdminApprovedAppsOnly, default false)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.security_api_access_control_all_users.htm
#     description: Restrict Access to APIs with Connected Apps (API Access Control)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL704
#   name: ApiAccessNotRestricted
#   severity: low
#   remediation: |-
#     Ask Salesforce Customer Support to enable API Access Control, install and approve the
#     connected apps the org uses, then set `enableAdminApprovedAppsOnly` to `true`.
#   example: |-
#     <ConnectedAppSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#         <enableAdminApprovedAppsOnly>true</enableAdminApprovedAppsOnly>
#     </ConnectedAppSettings>
package calint.rules.cal704

import data.calint.lib

deny contains {"msg": msg, "node": lib.child_or_parent(s, "enableAdminApprovedAppsOnly")} if {
	s := input.connectedAppSettings
	not lib.is_true(s, "enableAdminApprovedAppsOnly")
	msg := sprintf("connected app settings do not set enableAdminApprovedAppsOnly to true (%s): any connected app, including one a user authorizes alone, can call the API", [lib.value_or(s, "enableAdminApprovedAppsOnly", "absent, default false")])
}
