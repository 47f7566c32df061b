package calint.rules.cal104_test

import data.calint.rules.cal104
import data.calint.test as t

ca_input := t.ca_oauth({"scopes": [t.leaf(2, "Api"), t.leaf(3, "Web"), t.leaf(4, "RefreshToken")]})

eca_input := t.eca({"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": t.csv(1, ["Api", "Web", "Full"])}})

test_off_without_option if {
	count(cal104.deny) == 0 with input as ca_input
	count(cal104.deny) == 0 with input as eca_input
}

test_ca_scope_outside_list_fires if {
	r := cal104.deny with input as ca_input with data.calint.options as {"allowed-scopes": ["Api", "RefreshToken"]}
	count(r) == 1
	some f in r
	f.node._ref == 3
	f.key == "Web"
	contains(f.msg, "Web")
}

test_ca_all_allowed_passes if {
	r := cal104.deny with input as ca_input with data.calint.options as {"allowed-scopes": ["Api", "RefreshToken", "Web"]}
	count(r) == 0
}

test_eca_scope_outside_list_fires if {
	r := cal104.deny with input as eca_input with data.calint.options as {"allowed-scopes": ["Api"]}
	count(r) == 2
	{f.key | some f in r} == {"Web", "Full"}
	every f in r {
		f.node._ref == 1
	}
}

test_eca_all_allowed_passes if {
	r := cal104.deny with input as eca_input with data.calint.options as {"allowed-scopes": ["Api", "Web", "Full"]}
	count(r) == 0
}

test_per_app_override if {
	r := cal104.deny with input as ca_input
		with data.calint.options as {"allowed-scopes": ["Api"]}
		with data.calint.apps as {"A": {"allowed-scopes": ["Api", "Web", "RefreshToken"]}}
	count(r) == 0

	r2 := cal104.deny with input as eca_input
		with data.calint.apps as {"E": {"allowed-scopes": ["Api", "Web"]}}
	count(r2) == 1

	# an override for another app does not apply
	r3 := cal104.deny with input as ca_input
		with data.calint.apps as {"E": {"allowed-scopes": ["Api"]}}
	count(r3) == 0
}

test_exact_case if {
	r := cal104.deny with input as ca_input with data.calint.options as {"allowed-scopes": ["api", "web", "refreshtoken"]}
	count(r) == 3
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_input
	t.equals(cal104.deny, {{
		"key": "Web",
		"msg": "OAuth scope Web is not in allowed-scopes (Api, RefreshToken)",
		"node": app.connectedApp.oauthConfig.scopes[1],
	}}) with input as app with data.calint.options as {"allowed-scopes": ["Api", "RefreshToken"]}
}
