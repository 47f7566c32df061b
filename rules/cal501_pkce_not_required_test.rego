package calint.rules.cal501_test

import data.calint.rules.cal501
import data.calint.test as t

test_ca_absent_fires_on_oauth_config if {
	r := cal501.deny with input as t.ca_oauth({"_ref": 1, "callbackUrl": {"_ref": 2, "value": "https://a.example.com/cb"}})
	count(r) == 1
	some f in r
	f.node._ref == 1
	not f.severity
}

test_ca_false_fires if {
	r := cal501.deny with input as t.ca_oauth({"_ref": 1, "isPkceRequired": {"_ref": 2, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_false_with_optional_secret_is_high if {
	r := cal501.deny with input as t.ca_oauth({
		"_ref": 1,
		"isConsumerSecretOptional": {"_ref": 2, "value": true},
		"isPkceRequired": {"_ref": 3, "value": false},
	})
	count(r) == 1
	some f in r
	f.node._ref == 3
	f.severity == "high"
}

test_ca_absent_with_optional_secret_is_high if {
	r := cal501.deny with input as t.ca_oauth({"_ref": 1, "isConsumerSecretOptional": {"_ref": 2, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 1
	f.severity == "high"
}

test_ca_true_passes if {
	r := cal501.deny with input as t.ca_oauth({"_ref": 1, "isPkceRequired": {"_ref": 2, "value": true}})
	count(r) == 0
}

test_ca_without_oauth_passes if {
	r := cal501.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0}}
	count(r) == 0
}

test_eca_false_fires if {
	r := cal501.deny with input as t.eca_glbl({"_ref": 0, "isPkceRequired": {"_ref": 1, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 1
	not f.severity
}

test_eca_false_with_optional_secret_is_high if {
	r := cal501.deny with input as t.eca_glbl({
		"_ref": 0,
		"isConsumerSecretOptional": {"_ref": 1, "value": true},
		"isPkceRequired": {"_ref": 2, "value": false},
	})
	count(r) == 1
	some f in r
	f.node._ref == 2
	f.severity == "high"
}

test_eca_absent_passes_default_true if {
	r := cal501.deny with input as t.eca_glbl({"_ref": 0, "isConsumerSecretOptional": {"_ref": 1, "value": true}})
	count(r) == 0
}

test_eca_true_passes if {
	r := cal501.deny with input as t.eca_glbl({"_ref": 0, "isPkceRequired": {"_ref": 1, "value": true}})
	count(r) == 0
}

# the whole violation, as the engine receives it
# a server-to-server integration (JWT certificate or client credentials on; 75 of 366 real
# findings) is low, still reported: its callback URL accepts the code flow
test_server_to_server_is_low if {
	r1 := cal501.deny with input as t.ca_oauth({"certificate": t.leaf(2, "MIIC..."), "callbackUrl": t.leaf(3, "http://localhost:1717/OauthRedirect")})
	count(r1) == 1
	some f1 in r1
	f1.severity == "low"
	f1.msg == "oauthConfig has no isPkceRequired, so the authorization code flow does not require PKCE (the connected app default is false); the app is set up as a server-to-server integration (a JWT bearer certificate) whose server sends the consumer secret, but its callback URL still accepts the authorization code flow"
	r2 := cal501.deny with input as t.ca_oauth({"isClientCredentialEnabled": t.leaf(2, true), "isPkceRequired": t.leaf(3, false)})
	{f.severity | some f in r2} == {"low"}
	r3 := cal501.deny with input as t.eca_glbl({"_ref": 0, "isPkceRequired": t.leaf(1, false), "certificate": t.leaf(2, "MIIC...")})
	{f.severity | some f in r3} == {"low"}
}

# an optional secret keeps high even on a server-to-server app
test_optional_secret_stays_high if {
	r := cal501.deny with input as t.ca_oauth({"certificate": t.leaf(2, "MIIC..."), "isConsumerSecretOptional": t.leaf(3, true)})
	{f.severity | some f in r} == {"high"}
}

test_whole_violation if {
	app := t.ca_oauth({"_ref": 1, "callbackUrl": {"_ref": 2, "value": "https://a.example.com/cb"}})
	t.equals(cal501.deny, {{
		"msg": "oauthConfig has no isPkceRequired, so the authorization code flow does not require PKCE (the connected app default is false)",
		"node": app.connectedApp.oauthConfig,
	}}) with input as app
}
