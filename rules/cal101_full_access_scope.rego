# METADATA
# title: Full access OAuth scope
# description: |-
#   The app requests the `Full` OAuth scope, which grants access to all data the
#   authorising user can reach, through every API, for as long as the token lives. A leaked
#   token of such an app is as good as the user's password. Salesforce's own AppExchange
#   security review flags it (LimitConnectedAppScope).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm
#     description: OAuth tokens and scopes
# schemas:
#   - input: schema.input
# custom:
#   id: CAL101
#   name: FullAccessScope
#   severity: high
#   remediation: |-
#     Replace `Full` with the narrowest scopes the integration needs, usually `Api` (and
#     `RefreshToken` only if it must work offline).
#   example: |-
#     <scopes>Api</scopes>
package calint.rules.cal101

import data.calint.lib

deny contains {"msg": "OAuth scope Full grants access to all of the user's data; request narrower scopes", "node": s.node, "key": "Full"} if {
	some s in lib.scopes
	s.value == "Full"
}
