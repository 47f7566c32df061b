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

# the global OAuth settings are not in the scan (as Salesforce recommends): low, unverified
test_eca_policy_flag_without_glbl_is_low if {
	r := cal506.deny with input as {
		"app": t.eca_app,
		"ecaOauthPlcy": {"_ref": 0, "isClientCredentialsFlowEnabled": {"_ref": 1, "value": true}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 0
	f.severity == "low"
	contains(f.msg, "could not be checked")
}

test_eca_both_flags_without_user_fires_on_policy if {
	r := cal506.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 5, "isClientCredentialsFlowEnabled": {"_ref": 6, "value": true}},
		"ecaOauthPlcy": {"_ref": 0, "isClientCredentialsFlowEnabled": {"_ref": 1, "value": true}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 0
	not f.severity
}

# Salesforce Help: both files must enable the flow; the real corpus (testanother236/Test)
# has the global settings on and the policy off: the flow is off, nothing to report
test_eca_policy_off_passes if {
	r := cal506.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 5, "isClientCredentialsFlowEnabled": {"_ref": 6, "value": true}},
		"ecaOauthPlcy": {"_ref": 0, "isClientCredentialsFlowEnabled": {"_ref": 1, "value": false}},
	}
	count(r) == 0
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

test_eca_glbl_flag_without_policy_file_is_low_on_flag if {
	r := cal506.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 5, "isClientCredentialsFlowEnabled": {"_ref": 6, "value": true}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 6
	f.severity == "low"
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
		"msg": "the client credentials flow is on (isClientCredentialEnabled) but oauthConfig names no run-as user in oauthClientCredentialUser",
		"node": app.connectedApp.oauthConfig,
	}}) with input as app
}
