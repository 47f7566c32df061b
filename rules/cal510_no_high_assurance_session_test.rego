package calint.rules.cal510_test

import data.calint.rules.cal510
import data.calint.test as t

full_oauth := {"_ref": 1, "scopes": [{"_ref": 2, "value": "Full"}]}

full_scopes := {"_ref": 11, "value": "Full", "items": ["Full"]}

test_ca_no_session_policy_fires_on_root if {
	r := cal510.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": full_oauth}}
	count(r) == 1
	some f in r
	f.node._ref == 0
}

test_ca_session_policy_without_level_fires_on_policy if {
	r := cal510.deny with input as {"app": t.ca_app, "connectedApp": {
		"_ref": 0,
		"oauthConfig": full_oauth,
		"sessionPolicy": {"_ref": 3, "policyAction": {"_ref": 4, "value": "Block"}},
	}}
	count(r) == 1
	some f in r
	f.node._ref == 3
}

test_ca_standard_level_fires_on_level if {
	r := cal510.deny with input as {"app": t.ca_app, "connectedApp": {
		"_ref": 0,
		"oauthConfig": full_oauth,
		"sessionPolicy": {"_ref": 3, "sessionLevel": {"_ref": 4, "value": "STANDARD"}},
	}}
	count(r) == 1
	some f in r
	f.node._ref == 4
}

test_ca_high_assurance_passes if {
	r := cal510.deny with input as {"app": t.ca_app, "connectedApp": {
		"_ref": 0,
		"oauthConfig": full_oauth,
		"sessionPolicy": {"_ref": 3, "sessionLevel": {"_ref": 4, "value": "HIGH_ASSURANCE"}},
	}}
	count(r) == 0
}

test_ca_without_full_passes if {
	r := cal510.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [{"_ref": 2, "value": "Api"}]}}}
	count(r) == 0
}

test_eca_no_level_fires_on_policy if {
	r := cal510.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 10, "commaSeparatedOauthScopes": full_scopes},
		"ecaOauthPlcy": {"_ref": 20},
	}
	count(r) == 1
	some f in r
	f.node._ref == 20
}

test_eca_standard_level_fires_on_level if {
	r := cal510.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 10, "commaSeparatedOauthScopes": full_scopes},
		"ecaOauthPlcy": {"_ref": 20, "requiredSessionLevel": {"_ref": 21, "value": "STANDARD"}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 21
}

test_eca_without_policy_file_fires_on_scopes if {
	r := cal510.deny with input as {"app": t.eca_app, "ecaOauth": {"_ref": 10, "commaSeparatedOauthScopes": full_scopes}}
	count(r) == 1
	some f in r
	f.node._ref == 11
}

test_eca_high_assurance_passes if {
	r := cal510.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 10, "commaSeparatedOauthScopes": full_scopes},
		"ecaOauthPlcy": {"_ref": 20, "requiredSessionLevel": {"_ref": 21, "value": "HIGH_ASSURANCE"}},
	}
	count(r) == 0
}

test_eca_without_full_passes if {
	r := cal510.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 10, "commaSeparatedOauthScopes": {"_ref": 11, "value": "Api", "items": ["Api"]}},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": full_oauth}}
	t.equals(cal510.deny, {{
		"msg": "the Full scope is granted without requiring a HIGH_ASSURANCE session level",
		"node": app.connectedApp,
	}}) with input as app
}
