package calint.rules.cal506_test

import data.calint.rules.cal506
import data.calint.test as t

test_ca_without_user_fires_on_oauth_config if {
	r := cal506.deny with input as t.ca_oauth({"_ref": 1, "isClientCredentialEnabled": {"_ref": 2, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_ca_blank_user_fires_on_element if {
	r := cal506.deny with input as t.ca_oauth({
		"_ref": 1,
		"isClientCredentialEnabled": {"_ref": 2, "value": true},
		"oauthClientCredentialUser": {"_ref": 3, "value": ""},
	})
	count(r) == 1
	some f in r
	f.node._ref == 3
}

test_ca_with_user_passes if {
	r := cal506.deny with input as t.ca_oauth({
		"_ref": 1,
		"isClientCredentialEnabled": {"_ref": 2, "value": true},
		"oauthClientCredentialUser": {"_ref": 3, "value": "etl@example.com"},
	})
	count(r) == 0
}

test_ca_flow_disabled_passes if {
	r := cal506.deny with input as t.ca_oauth({"_ref": 1, "isClientCredentialEnabled": {"_ref": 2, "value": false}})
	count(r) == 0
}

test_ca_flow_absent_passes if {
	r := cal506.deny with input as t.ca_oauth({"_ref": 1})
	count(r) == 0
}

test_eca_policy_flag_without_user_fires_on_policy if {
	r := cal506.deny with input as {
		"app": t.eca_app,
		"ecaOauthPlcy": {"_ref": 0, "isClientCredentialsFlowEnabled": {"_ref": 1, "value": true}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 0
}

test_eca_glbl_flag_without_user_fires_on_policy if {
	r := cal506.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 5, "isClientCredentialsFlowEnabled": {"_ref": 6, "value": true}},
		"ecaOauthPlcy": {"_ref": 0, "isClientCredentialsFlowEnabled": {"_ref": 1, "value": true}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 0
}

test_eca_with_user_passes if {
	r := cal506.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 5, "isClientCredentialsFlowEnabled": {"_ref": 6, "value": true}},
		"ecaOauthPlcy": {
			"_ref": 0,
			"clientCredentialsFlowUser": {"_ref": 2, "value": "etl@example.com"},
			"isClientCredentialsFlowEnabled": {"_ref": 1, "value": true},
		},
	}
	count(r) == 0
}

test_eca_glbl_flag_without_policy_file_fires_on_flag if {
	r := cal506.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 5, "isClientCredentialsFlowEnabled": {"_ref": 6, "value": true}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 6
}

test_eca_flow_disabled_passes if {
	r := cal506.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 5, "isClientCredentialsFlowEnabled": {"_ref": 6, "value": false}},
		"ecaOauthPlcy": {"_ref": 0},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca_oauth({"_ref": 1, "isClientCredentialEnabled": {"_ref": 2, "value": true}})
	t.equals(cal506.deny, {{
		"msg": "the client credentials flow is enabled (isClientCredentialEnabled) but oauthConfig names no oauthClientCredentialUser",
		"node": app.connectedApp.oauthConfig,
	}}) with input as app
}
