package calint.rules.cal505_test

import data.calint.rules.cal505
import data.calint.test as t

test_ca_fires if {
	r := cal505.deny with input as t.ca_oauth({"_ref": 1, "isIntrospectAllTokens": {"_ref": 2, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_passes if {
	r := cal505.deny with input as t.ca_oauth({"_ref": 1, "isIntrospectAllTokens": {"_ref": 2, "value": false}})
	count(r) == 0
}

test_ca_absent_passes if {
	r := cal505.deny with input as t.ca_oauth({"_ref": 1})
	count(r) == 0
}

test_ca_invalid_value_passes if {
	r := cal505.deny with input as t.ca_oauth({"_ref": 1, "isIntrospectAllTokens": {"_ref": 2, "value": "yes"}})
	count(r) == 0
}

test_eca_fires if {
	r := cal505.deny with input as t.eca_glbl({"_ref": 0, "isIntrospectAllTokens": {"_ref": 1, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_passes if {
	r := cal505.deny with input as t.eca_glbl({"_ref": 0, "isIntrospectAllTokens": {"_ref": 1, "value": false}})
	count(r) == 0
}

test_eca_absent_passes if {
	r := cal505.deny with input as t.eca_glbl({"_ref": 0})
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca_oauth({"_ref": 1, "isIntrospectAllTokens": {"_ref": 2, "value": true}})
	t.equals(cal505.deny, {{
		"msg": "isIntrospectAllTokens is true: the app may introspect every OAuth token in the org",
		"node": app.connectedApp.oauthConfig.isIntrospectAllTokens,
	}}) with input as app
}
