package calint.rules.cal101_test

import data.calint.rules.cal101
import data.calint.test as t

test_ca_full_scope_fires if {
	r := cal101.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [
			{"_ref": 2, "value": "Api"},
			{"_ref": 3, "value": "Full"},
		]}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 3
}

test_ca_without_full_passes if {
	r := cal101.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [{"_ref": 2, "value": "Api"}]}},
	}
	count(r) == 0
}

test_eca_full_scope_fires if {
	r := cal101.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": {"_ref": 1, "value": "Api, Full", "items": ["Api", "Full"]}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 1
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [
			{"_ref": 2, "value": "Api"},
			{"_ref": 3, "value": "Full"},
		]}},
	}
	t.equals(cal101.deny, {{
		"key": "Full",
		"msg": "OAuth scope Full grants access to all of the user's data; request narrower scopes",
		"node": app.connectedApp.oauthConfig.scopes[1],
	}}) with input as app
}
