# METADATA
# title: Global OAuth settings in source control
# description: |-
#   The External Client App has an ExtlClntAppGlobalOauthSettings (.ecaGlblOauth) file in
#   the scanned tree. Salesforce documents that these settings "include private and sensitive
#   OAuth consumer information that can't be packaged and must not be added to source
#   control": the consumer key and, when retrieved with the right permissions, the consumer
#   secret.
#
#   Severity: high when the file holds a consumer key or a consumer secret (the credentials
#   Salesforce means), low when it holds neither: the file then carries settings only (flows,
#   PKCE, callback URLs) and the finding is about keeping it out of source control, not about
#   an exposed credential. (A consumer secret is also CAL301, critical.)
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

import data.calint.lib

# credentials: the consumer credentials the file holds (non-empty, not a placeholder).
credentials contains name if {
	some name in ["consumerKey", "consumerSecret"]
	v := input.ecaGlblOauth[name].value
	is_string(v)
	trim_space(v) != ""
	not lib.secret_placeholder(v)
}

deny contains {"msg": msg, "node": input.ecaGlblOauth} if {
	count(credentials) > 0
	msg := sprintf("the global OAuth settings (.ecaGlblOauth) of %s are in source control and hold its %s; Salesforce says this file must not be added to source control", [input.app.name, concat(" and ", sort(credentials))])
}

deny contains {"msg": msg, "node": input.ecaGlblOauth, "severity": "low"} if {
	input.ecaGlblOauth
	count(credentials) == 0
	msg := sprintf("the global OAuth settings (.ecaGlblOauth) of %s are in source control; they hold no consumer key or secret here, but Salesforce says this file must not be added to source control", [input.app.name])
}
