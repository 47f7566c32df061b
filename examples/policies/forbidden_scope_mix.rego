# METADATA
# title: Forbidden combination of OAuth scopes
# description: |-
#   The app requests every scope of a combination the organisation forbids. The default
#   combination is `RefreshToken` with `Web`: a token that never needs the user again and
#   can open browser sessions (frontdoor.jsp) as the user. Set your own list of
#   combinations with `forbidden-scope-mixes` under `options.custom` in `.calint.yaml`
#   (a list of lists of scope names; an empty list turns the rule off).
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm&type=5
#     description: OAuth tokens and scopes
#   - ref: https://github.com/calint/calint/blob/main/docs/custom-rules.md
#     description: writing custom rules
# schemas:
#   - input: schema.input
# custom:
#   id: ACME102
#   name: ForbiddenScopeMix
#   severity: medium
#   remediation: |-
#     Split the integration into apps that each need one side of the combination, or drop
#     the scope it does not need.
#   example: |-
#     <scopes>Api</scopes>
#     <scopes>RefreshToken</scopes>
package acme.rules.forbidden_scope_mix

import data.calint.lib

default_mixes := [["RefreshToken", "Web"]]

mixes := lib.custom_option("forbidden-scope-mixes", default_mixes)

deny contains {"msg": msg, "node": node, "key": concat("+", mix)} if {
	some m in mixes
	mix := sort(m)
	count(mix) > 1
	every s in mix {
		s in lib.scope_names
	}

	# point at the first scope of the combination that the app lists
	node := [s.node | some s in lib.scopes; s.value == mix[0]][0]
	msg := sprintf("the app requests the forbidden scope combination %s", [concat(" + ", mix)])
}
