# METADATA
# title: Device flow enabled
# description: |-
#   `isDeviceFlowEnabled` is `true`: users can authorise the app by typing a short code shown
#   on another device. The flow needs no consumer secret and the user cannot see which device
#   asked, which makes it the favourite tool of voice-phishing campaigns: an attacker starts the
#   flow and talks a victim into entering the code, then holds tokens for the victim's data.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: documentation
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_device_flow.htm&type=5
#     description: OAuth 2.0 Device Flow for IoT Integration
# schemas:
#   - input: schema.input
# custom:
#   id: CAL509
#   name: DeviceFlowEnabled
#   severity: medium
#   remediation: |-
#     Set `isDeviceFlowEnabled` to `false` unless the app runs on input-constrained devices
#     (TVs, appliances, command-line tools); prefer the authorization code flow with PKCE.
#   example: |-
#     <isDeviceFlowEnabled>false</isDeviceFlowEnabled>
package calint.rules.cal509

import data.calint.lib

deny contains {
	"msg": "isDeviceFlowEnabled is true: the device flow lets an attacker phish users into authorizing the app with a short code",
	"node": input.ecaGlblOauth.isDeviceFlowEnabled,
} if {
	lib.is_true(input.ecaGlblOauth, "isDeviceFlowEnabled")
}
