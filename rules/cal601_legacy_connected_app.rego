# METADATA
# title: Legacy connected app
# description: |-
#   Connected apps are the legacy way to integrate with Salesforce: since Spring '26 new
#   connected apps cannot be created (Salesforce Support must enable it), and External Client
#   Apps are the successor. They separate the developer's settings from the admin's policies,
#   keep consumer secrets out of packages, and default to safer settings (PKCE on, no
#   self-authorisation by default in packaged apps). Existing connected apps keep working.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientapplication.htm
#     description: ExternalClientApplication
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.packagingGuide.meta/packagingGuide/secure_code_ac_eca.htm
#     description: Secure Your Connected Apps and External Client Apps
# schemas:
#   - input: schema.input
# custom:
#   id: CAL601
#   name: LegacyConnectedApp
#   severity: info
#   remediation: |-
#     Plan the migration to an External Client App (Setup offers a migration for eligible
#     connected apps) and retire the connected app once its clients have moved.
#   example: |-
#     <ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">
#         <contactEmail>admin@example.com</contactEmail>
#         <distributionState>Local</distributionState>
#         <label>My App</label>
#     </ExternalClientApplication>
package calint.rules.cal601

import data.calint.lib

deny contains {
	"msg": "connected apps are legacy: new ones cannot be created since Spring '26; migrate to an External Client App",
	"node": input.connectedApp,
} if {
	lib.is_ca
	input.connectedApp
}
