# METADATA
# title: Consumer credential rotated on every deploy
# description: |-
#   `shouldRotateConsumerKey` or `shouldRotateConsumerSecret` is `true` in `.ecaGlblOauth`:
#   each deploy of the file generates a new consumer key or secret, which breaks every client
#   still configured with the old one. Rotation should be a deliberate, one-off action, not a
#   setting left in source control.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: documentation
# schemas:
#   - input: schema.input
# custom:
#   id: CAL512
#   name: CredentialRotatedOnEveryDeploy
#   severity: info
#   remediation: |-
#     Set the flag back to `false` (or remove it) after the rotation it was meant for, and roll
#     out the new credential to the clients.
#   example: |-
#     <shouldRotateConsumerSecret>false</shouldRotateConsumerSecret>
package calint.rules.cal512

import data.calint.lib

deny contains {
	"msg": sprintf("%s is true: every deploy of this file generates a new consumer %s and breaks the clients that use the old one", [name, what]),
	"node": input.ecaGlblOauth[name],
	"key": name,
} if {
	some name, what in {"shouldRotateConsumerKey": "key", "shouldRotateConsumerSecret": "secret"}
	lib.is_true(input.ecaGlblOauth, name)
}
