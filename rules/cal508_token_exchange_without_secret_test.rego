package calint.rules.cal508_test

import data.calint.rules.cal508
import data.calint.test as t

test_ca_secret_absent_fires_on_oauth_config if {
	r := cal508.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {
		"_ref": 1,
		"isTokenExchangeEnabled": {"_ref": 2, "value": true},
	}}}
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_ca_secret_false_fires if {
	r := cal508.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {
		"_ref": 1,
		"isSecretRequiredForTokenExchange": {"_ref": 3, "value": false},
		"isTokenExchangeEnabled": {"_ref": 2, "value": true},
	}}}
	count(r) == 1
	some f in r
	f.node._ref == 3
}

test_ca_policy_flag_fires if {
	r := cal508.deny with input as {"app": t.ca_app, "connectedApp": {
		"_ref": 0,
		"oauthConfig": {"_ref": 1},
		"oauthPolicy": {"_ref": 4, "isTokenExchangeFlowEnabled": {"_ref": 5, "value": true}},
	}}
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_ca_policy_flag_without_oauth_config_fires_on_root if {
	r := cal508.deny with input as {"app": t.ca_app, "connectedApp": {
		"_ref": 0,
		"oauthPolicy": {"_ref": 4, "isTokenExchangeFlowEnabled": {"_ref": 5, "value": true}},
	}}
	count(r) == 1
	some f in r
	f.node._ref == 0
}

test_ca_secret_true_passes if {
	r := cal508.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {
		"_ref": 1,
		"isSecretRequiredForTokenExchange": {"_ref": 3, "value": true},
		"isTokenExchangeEnabled": {"_ref": 2, "value": true},
	}}}
	count(r) == 0
}

test_ca_exchange_disabled_passes if {
	r := cal508.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {
		"_ref": 1,
		"isTokenExchangeEnabled": {"_ref": 2, "value": false},
	}}}
	count(r) == 0
}

test_eca_glbl_flag_fires_on_root if {
	r := cal508.deny with input as {"app": t.eca_app, "ecaGlblOauth": {"_ref": 0, "isTokenExchangeEnabled": {"_ref": 1, "value": true}}}
	count(r) == 1
	some f in r
	f.node._ref == 0
}

test_eca_policy_flag_fires_on_secret_flag if {
	r := cal508.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 0, "isSecretRequiredForTokenExchange": {"_ref": 1, "value": false}},
		"ecaOauthPlcy": {"_ref": 2, "isTokenExchangeFlowEnabled": {"_ref": 3, "value": true}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_secret_true_passes if {
	r := cal508.deny with input as {"app": t.eca_app, "ecaGlblOauth": {
		"_ref": 0,
		"isSecretRequiredForTokenExchange": {"_ref": 2, "value": true},
		"isTokenExchangeEnabled": {"_ref": 1, "value": true},
	}}
	count(r) == 0
}

test_eca_without_glbl_file_not_checked if {
	r := cal508.deny with input as {"app": t.eca_app, "ecaOauthPlcy": {"_ref": 2, "isTokenExchangeFlowEnabled": {"_ref": 3, "value": true}}}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {
		"_ref": 1,
		"isTokenExchangeEnabled": {"_ref": 2, "value": true},
	}}}
	t.equals(cal508.deny, {{
		"msg": "the token exchange flow is enabled but isSecretRequiredForTokenExchange is not true: tokens can be exchanged without the consumer secret",
		"node": app.connectedApp.oauthConfig,
	}}) with input as app
}
