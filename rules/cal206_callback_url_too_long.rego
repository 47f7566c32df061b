# METADATA
# title: Callback URL field too long
# description: |-
#   The whole `callbackUrl` text (all URLs and the line breaks between them) is longer than
#   2000 characters. Salesforce limits the callback URL field to 2000 characters cumulatively,
#   so the deploy fails or the list is cut short.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_defining_remote_access_applications.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig/callbackUrl)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL206
#   name: CallbackUrlTooLong
#   severity: medium
#   remediation: |-
#     Remove callback URLs that are no longer used, shorten them, or split the integrations
#     across several apps.
#   example: |-
#     <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
package calint.rules.cal206

import data.calint.lib

limit := 2000

callbacks contains {"node": input.connectedApp.oauthConfig.callbackUrl, "name": "oauthConfig/callbackUrl"} if lib.is_ca

callbacks contains {"node": input.ecaGlblOauth.callbackUrl, "name": ".ecaGlblOauth callbackUrl"} if lib.is_eca

url_count(cb) := "1 URL" if count(object.get(cb, "urls", [])) == 1

url_count(cb) := sprintf("%d URLs", [n]) if {
	n := count(object.get(cb, "urls", []))
	n != 1
}

deny contains {"msg": msg, "node": cb.node} if {
	some cb in callbacks
	n := count(cb.node.value)
	n > limit
	msg := sprintf("%s is %d characters long (%s); Salesforce accepts at most %d", [cb.name, n, url_count(cb.node), limit])
}
