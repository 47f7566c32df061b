# METADATA
# title: OAuth scope not in the allowed list
# description: |-
#   The app requests an OAuth scope that the project's `allowed-scopes` option does not list.
#   The rule is off until `allowed-scopes` is set in `.calint.yaml`, either for every app
#   (`options: {allowed-scopes: [...]}`) or for one app (`apps: {NAME: {allowed-scopes: [...]}}`).
#   An allow-list keeps new integrations from quietly asking for more access than the security
#   team reviewed.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig/scopes)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#     description: ExtlClntAppOauthSettings (commaSeparatedOauthScopes)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL104
#   name: ScopeNotAllowed
#   severity: medium
#   remediation: |-
#     Remove the scope from the app, or, if it was reviewed and approved, add it to
#     `allowed-scopes` (globally, or for this app under `apps:` in `.calint.yaml`).
#   example: |-
#     <scopes>Api</scopes>
package calint.rules.cal104

import data.calint.lib

allowed := {s | some s in lib.option("allowed-scopes")}

deny contains {"msg": msg, "node": s.node, "key": s.value} if {
	count(allowed) > 0
	some s in lib.scopes
	not s.value in allowed
	msg := sprintf("OAuth scope %s is not in allowed-scopes (%s)", [s.value, concat(", ", sort(allowed))])
}
