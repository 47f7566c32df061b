# METADATA
# title: Consumer secrets readable through an API
# description: |-
#   The org's External Client App settings (`settings/ExternalClientApp.settings-meta.xml`) let
#   OAuth consumer secrets be read through an API: `enableClientSecretInRestApiAccess` (the
#   credentials REST API) or the deprecated `enableConsumerSecretApiAccess` (the Metadata API)
#   is `true`. Every user with the matching permission, and every tool or pipeline that runs as
#   one, can then pull the client secrets of the org's apps; a retrieve may even write them into
#   the repository (`.ecaGlblOauth`). Salesforce now points to the app's OAuth settings page
#   for reading a consumer secret.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientappsettings.htm
#     description: ExternalClientAppSettings (enableClientSecretInRestApiAccess; enableConsumerSecretApiAccess deprecated)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings (consumer secrets must not be added to source control)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL705
#   name: ConsumerSecretApiAccess
#   severity: medium
#   remediation: |-
#     Set the field to `false` (or remove it) and read a consumer secret, when you must, on the
#     external client app's OAuth settings page.
#   example: |-
#     <ExternalClientAppSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#         <enableClientSecretInRestApiAccess>false</enableClientSecretInRestApiAccess>
#         <enableConsumerSecretApiAccess>false</enableConsumerSecretApiAccess>
#     </ExternalClientAppSettings>
package calint.rules.cal705

import data.calint.lib

apis := {"enableClientSecretInRestApiAccess": "the credentials REST API", "enableConsumerSecretApiAccess": "the Metadata API"}

deny contains {"msg": msg, "node": input.externalClientAppSettings[field], "key": field} if {
	some field, api in apis
	lib.is_true(input.externalClientAppSettings, field)
	msg := sprintf("external client app settings set %s to true: OAuth consumer secrets can be read through %s", [field, api])
}
