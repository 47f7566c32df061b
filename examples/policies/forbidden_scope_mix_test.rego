package acme.rules.forbidden_scope_mix_test

import data.acme.rules.forbidden_scope_mix as rule

ca(scopes) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [
	{"_ref": i + 2, "value": s} |
		some i, s in scopes
	]}},
}

eca(csv) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": {"_ref": 1, "value": concat(", ", csv), "items": csv}},
}

test_default_mix_fires_on_the_first_scope if {
	r := rule.deny with input as ca(["Api", "Web", "RefreshToken"])
	count(r) == 1
	some f in r
	f.node._ref == 4
	f.key == "RefreshToken+Web"
	f.msg == "the app requests the forbidden scope combination RefreshToken + Web"
}

test_part_of_a_mix_passes if {
	count(rule.deny) == 0 with input as ca(["Api", "RefreshToken"])
}

test_eca_points_at_the_scope_list if {
	r := rule.deny with input as eca(["Web", "RefreshToken"])
	[f.node._ref | some f in r] == [1]
}

test_configured_mixes_replace_the_default if {
	opts := {"custom": {"forbidden-scope-mixes": [["Api", "Chatter"]]}}
	count(rule.deny) == 0 with input as ca(["Web", "RefreshToken"]) with data.calint.options as opts
	count(rule.deny) == 1 with input as ca(["Chatter", "Api"]) with data.calint.options as opts
}

test_empty_list_turns_the_rule_off if {
	opts := {"custom": {"forbidden-scope-mixes": []}}
	count(rule.deny) == 0 with input as ca(["Web", "RefreshToken"]) with data.calint.options as opts
}
