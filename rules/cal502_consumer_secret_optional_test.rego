package calint.rules.cal502_test

import data.calint.rules.cal502
import data.calint.test as t

test_ca_fires if {
	r := cal502.deny with input as t.ca_oauth({"_ref": 1, "isConsumerSecretOptional": {"_ref": 2, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_passes if {
	r := cal502.deny with input as t.ca_oauth({"_ref": 1, "isConsumerSecretOptional": {"_ref": 2, "value": false}})
	count(r) == 0
}

test_ca_absent_passes if {
	r := cal502.deny with input as t.ca_oauth({"_ref": 1})
	count(r) == 0
}

test_ca_invalid_value_passes if {
	r := cal502.deny with input as t.ca_oauth({"_ref": 1, "isConsumerSecretOptional": {"_ref": 2, "value": "yes"}})
	count(r) == 0
}

test_eca_fires if {
	r := cal502.deny with input as t.eca_glbl({"_ref": 0, "isConsumerSecretOptional": {"_ref": 1, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_passes if {
	r := cal502.deny with input as t.eca_glbl({"_ref": 0, "isConsumerSecretOptional": {"_ref": 1, "value": false}})
	count(r) == 0
}

test_eca_absent_passes if {
	r := cal502.deny with input as t.eca_glbl({"_ref": 0})
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca_oauth({"_ref": 1, "isConsumerSecretOptional": {"_ref": 2, "value": true}})
	t.equals(cal502.deny, {{
		"msg": "isConsumerSecretOptional is true: token requests of the web server flow need no consumer secret",
		"node": app.connectedApp.oauthConfig.isConsumerSecretOptional,
	}}) with input as app
}
