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
# with PKCE required, the documented public-client setup: low (CA isPkceRequired true; ECA
# isPkceRequired not false, its default)
test_pkce_required_is_low if {
	r1 := cal502.deny with input as t.ca_oauth({"isConsumerSecretOptional": t.leaf(2, true), "isPkceRequired": t.leaf(3, true)})
	{f.severity | some f in r1} == {"low"}
	r2 := cal502.deny with input as t.eca_glbl({"_ref": 0, "isConsumerSecretOptional": t.leaf(1, true)})
	{f.severity | some f in r2} == {"low"}
	r3 := cal502.deny with input as t.eca_glbl({"_ref": 0, "isConsumerSecretOptional": t.leaf(1, true), "isPkceRequired": t.leaf(2, false)})
	count(r3) == 1
	{object.get(f, "severity", "medium") | some f in r3} == {"medium"}
	some f in r1
	f.msg == "isConsumerSecretOptional is true with PKCE required: the documented setup of a public client (mobile or single-page app); make sure the client really cannot keep a secret"
}

test_whole_violation if {
	app := t.ca_oauth({"_ref": 1, "isConsumerSecretOptional": {"_ref": 2, "value": true}})
	t.equals(cal502.deny, {{
		"msg": "isConsumerSecretOptional is true and PKCE is not required: a token request of the web server flow needs neither the consumer secret nor a code verifier",
		"node": app.connectedApp.oauthConfig.isConsumerSecretOptional,
	}}) with input as app
}
