package calint.rules.cal603_test

import data.calint.rules.cal603
import data.calint.test as t

test_ca_invalid_values_fire if {
	r := cal603.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0},
		"unknownElements": [],
		"invalidValues": [
			{"_ref": 3, "name": "isAdminApproved", "path": "ConnectedApp/oauthConfig/isAdminApproved", "value": "yes", "expected": "boolean"},
			{"_ref": 5, "name": "ipRelaxation", "path": "ConnectedApp/oauthPolicy/ipRelaxation", "value": "OPEN", "expected": "one of ENFORCE, BYPASS_2FACTOR, BYPASS, ENFORCE_RELAXREFRESH"},
		],
	}
	count(r) == 2
	{f.node._ref | some f in r} == {3, 5}
	some f in r
	f.node._ref == 5
	contains(f.msg, "\"OPEN\"")
	contains(f.msg, "ENFORCE_RELAXREFRESH")
}

test_eca_invalid_value_fires if {
	r := cal603.deny with input as {
		"app": t.eca_app,
		"ecaOauthPlcy": {"_ref": 0},
		"unknownElements": [],
		"invalidValues": [{"_ref": 2, "name": "permittedUsersPolicyType", "path": "ExtlClntAppOauthConfigurablePolicies/permittedUsersPolicyType", "value": "AdminApprovedUsers", "expected": "one of AdminApprovedPreAuthorized, AllSelfAuthorized"}],
	}
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "AdminApprovedUsers")
}

test_none_passes if {
	r := cal603.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0},
		"unknownElements": [],
		"invalidValues": [],
	}
	count(r) == 0
}

test_message_names_path_only_when_nested if {
	r := cal603.deny with input as {
		"app": t.ca_app,
		"invalidValues": [
			{"_ref": 1, "name": "label", "path": "label", "value": "x", "expected": "y"},
			{"_ref": 2, "name": "ipRelaxation", "path": "oauthPolicy/ipRelaxation", "value": "OPEN", "expected": "z"},
		],
	}
	msgs := {f.msg | some f in r}
	msgs == {
		`value "x" of label is not valid: expected y`,
		`value "OPEN" of ipRelaxation (oauthPolicy/ipRelaxation) is not valid: expected z`,
	}
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {
		"app": t.eca_app,
		"ecaOauthPlcy": {"_ref": 0},
		"unknownElements": [],
		"invalidValues": [{"_ref": 2, "name": "permittedUsersPolicyType", "path": "ExtlClntAppOauthConfigurablePolicies/permittedUsersPolicyType", "value": "AdminApprovedUsers", "expected": "one of AdminApprovedPreAuthorized, AllSelfAuthorized"}],
	}
	t.equals(cal603.deny, {{
		"msg": "value \"AdminApprovedUsers\" of permittedUsersPolicyType (ExtlClntAppOauthConfigurablePolicies/permittedUsersPolicyType) is not valid: expected one of AdminApprovedPreAuthorized, AllSelfAuthorized",
		"node": app.invalidValues[0],
	}}) with input as app
}
