# METADATA
# title: Global OAuth settings in source control
# description: |-
#   The External Client App has an ExtlClntAppGlobalOauthSettings (.ecaGlblOauth) file in
#   the scanned tree. Salesforce documents that these settings "include private and sensitive
#   OAuth consumer information that can't be packaged and must not be added to source
#   control": the consumer key and, when retrieved with the right permissions, the consumer
#   secret.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: documentation
# schemas:
#   - input: schema.input
# custom:
#   id: CAL302
#   name: GlobalOAuthSettingsInSource
#   severity: high
#   remediation: |-
#     Remove the .ecaGlblOauth file from the repository (and its history if it ever held a
#     consumerSecret), add it to .gitignore and .forceignore, and manage the global OAuth
#     settings in Setup or through a secured deployment step.
#   example: |-
#     <!-- commit only the header, settings and policies; list the global settings in
#          .forceignore and .gitignore: **/*.ecaGlblOauth-meta.xml -->
#     <ExternalClientApplication xmlns="http://soap.sforce.com/2006/04/metadata">
#         <distributionState>Local</distributionState>
#         <label>Acme Sync</label>
#     </ExternalClientApplication>
package calint.rules.cal302

deny contains {"msg": msg, "node": input.ecaGlblOauth} if {
	input.ecaGlblOauth
	msg := sprintf("global OAuth settings (ExtlClntAppGlobalOauthSettings) of %s are in source; Salesforce says they must not be added to source control", [input.app.name])
}
