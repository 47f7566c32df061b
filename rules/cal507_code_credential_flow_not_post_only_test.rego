package calint.rules.cal507_test

import data.calint.rules.cal507
import data.calint.test as t

test_ca_post_only_absent_fires_on_oauth_config if {
	r := cal507.deny with input as t.ca_oauth({"_ref": 1, "isCodeCredentialEnabled": {"_ref": 2, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_ca_post_only_false_fires if {
	r := cal507.deny with input as t.ca_oauth({
		"_ref": 1,
		"isCodeCredentialEnabled": {"_ref": 2, "value": true},
		"isCodeCredentialPostOnly": {"_ref": 3, "value": false},
	})
	count(r) == 1
	some f in r
	f.node._ref == 3
}

test_ca_post_only_true_passes if {
	r := cal507.deny with input as t.ca_oauth({
		"_ref": 1,
		"isCodeCredentialEnabled": {"_ref": 2, "value": true},
		"isCodeCredentialPostOnly": {"_ref": 3, "value": true},
	})
	count(r) == 0
}

test_ca_flow_disabled_passes if {
	r := cal507.deny with input as t.ca_oauth({
		"_ref": 1,
		"isCodeCredentialEnabled": {"_ref": 2, "value": false},
		"isCodeCredentialPostOnly": {"_ref": 3, "value": false},
	})
	count(r) == 0
}

test_eca_post_only_absent_fires_on_root if {
	r := cal507.deny with input as t.eca_glbl({"_ref": 0, "isCodeCredFlowEnabled": {"_ref": 1, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 0
}

test_eca_post_only_false_fires if {
	r := cal507.deny with input as t.eca_glbl({
		"_ref": 0,
		"isCodeCredFlowEnabled": {"_ref": 1, "value": true},
		"isCodeCredPostOnly": {"_ref": 2, "value": false},
	})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_eca_post_only_true_passes if {
	r := cal507.deny with input as t.eca_glbl({
		"_ref": 0,
		"isCodeCredFlowEnabled": {"_ref": 1, "value": true},
		"isCodeCredPostOnly": {"_ref": 2, "value": true},
	})
	count(r) == 0
}

test_eca_flow_absent_passes if {
	r := cal507.deny with input as t.eca_glbl({"_ref": 0})
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca_oauth({"_ref": 1, "isCodeCredentialEnabled": {"_ref": 2, "value": true}})
	t.equals(cal507.deny, {{
		"msg": "isCodeCredentialEnabled is true but isCodeCredentialPostOnly is not: user credentials may be sent outside the POST body",
		"node": app.connectedApp.oauthConfig,
	}}) with input as app
}
