package calint.rules.cal104_test

import data.calint.rules.cal104

ca := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [
		{"_ref": 2, "value": "Api"},
		{"_ref": 3, "value": "Web"},
		{"_ref": 4, "value": "RefreshToken"},
	]}},
}

eca := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": {
		"_ref": 1, "value": "Api, Web, Full",
		"items": ["Api", "Web", "Full"],
	}},
}

test_off_without_option if {
	count(cal104.deny) == 0 with input as ca
	count(cal104.deny) == 0 with input as eca
}

test_ca_scope_outside_list_fires if {
	r := cal104.deny with input as ca with data.calint.options as {"allowed-scopes": ["Api", "RefreshToken"]}
	count(r) == 1
	some f in r
	f.node._ref == 3
	f.key == "Web"
	contains(f.msg, "Web")
}

test_ca_all_allowed_passes if {
	r := cal104.deny with input as ca with data.calint.options as {"allowed-scopes": ["Api", "RefreshToken", "Web"]}
	count(r) == 0
}

test_eca_scope_outside_list_fires if {
	r := cal104.deny with input as eca with data.calint.options as {"allowed-scopes": ["Api"]}
	count(r) == 2
	{f.key | some f in r} == {"Web", "Full"}
	every f in r {
		f.node._ref == 1
	}
}

test_eca_all_allowed_passes if {
	r := cal104.deny with input as eca with data.calint.options as {"allowed-scopes": ["Api", "Web", "Full"]}
	count(r) == 0
}

test_per_app_override if {
	r := cal104.deny with input as ca
		with data.calint.options as {"allowed-scopes": ["Api"]}
		with data.calint.apps as {"A": {"allowed-scopes": ["Api", "Web", "RefreshToken"]}}
	count(r) == 0

	r2 := cal104.deny with input as eca
		with data.calint.apps as {"E": {"allowed-scopes": ["Api", "Web"]}}
	count(r2) == 1

	# an override for another app does not apply
	r3 := cal104.deny with input as ca
		with data.calint.apps as {"E": {"allowed-scopes": ["Api"]}}
	count(r3) == 0
}

test_exact_case if {
	r := cal104.deny with input as ca with data.calint.options as {"allowed-scopes": ["api", "web", "refreshtoken"]}
	count(r) == 3
}
