# METADATA
# title: Missing callback URL
# description: |-
#   The app has OAuth settings but no callback URL: a ConnectedApp `oauthConfig` without
#   `callbackUrl` (or with only whitespace in it), or an External Client App `.ecaGlblOauth`
#   likewise. `callbackUrl` is a required element of the OAuth configuration; without it the
#   deploy fails, or whoever fixes it in the org afterwards chooses a redirect target that no
#   review has seen.
#
#   Severity: low. A missing callback URL exposes nothing: it is a deploy error that the first
#   deploy reports. The finding is here so the redirect target is chosen in review, not in
#   the org.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings (callbackUrl)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL201
#   name: MissingCallbackUrl
#   severity: low
#   remediation: |-
#     Add a `callbackUrl` with the HTTPS (or custom-scheme) redirect URL of the integration, one
#     URL per line.
#   example: |-
#     <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
package calint.rules.cal201

import data.calint.lib

# the element that must hold a callbackUrl, with a name for messages
holder := {"node": input.connectedApp.oauthConfig, "name": "oauthConfig"} if lib.is_ca

holder := {"node": input.ecaGlblOauth, "name": ".ecaGlblOauth"} if lib.is_eca

deny contains {"msg": msg, "node": holder.node} if {
	not "callbackUrl" in object.keys(holder.node)
	msg := sprintf("%s has no callbackUrl, which Salesforce requires for OAuth, so the deploy fails; add the HTTPS redirect URL of the integration", [holder.name])
}

deny contains {"msg": msg, "node": cb} if {
	cb := holder.node.callbackUrl
	trim_space(cb.value) == ""
	msg := sprintf("the callbackUrl of %s is empty, which Salesforce rejects for OAuth, so the deploy fails; add the HTTPS redirect URL of the integration", [holder.name])
}
