package calint.rules.cal403_test

import data.calint.rules.cal403
import data.calint.test as t

grants := {
	"profileName": [{"_ref": 5, "value": "Sales User"}],
	"permissionSetName": [{"_ref": 6, "value": "Sync_Users"}],
}

ca_grants(oauth, extra) := t.ca(object.union({"oauthConfig": object.union({"_ref": 1}, oauth)}, extra))

test_ca_false_with_grants_fires if {
	r := cal403.deny with input as ca_grants({"isAdminApproved": {"_ref": 2, "value": false}}, grants)
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "permissionSetName Sync_Users, profileName Sales User")
}

test_ca_absent_with_grants_fires_on_oauth_config if {
	r := cal403.deny with input as ca_grants({}, {"profileName": [{"_ref": 5, "value": "Sales User"}]})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_ca_invalid_value_with_grants_fires if {
	r := cal403.deny with input as ca_grants({"isAdminApproved": {"_ref": 2, "value": "yes"}}, grants)
	count(r) == 1
}

test_ca_admin_approved_passes if {
	r := cal403.deny with input as ca_grants({"isAdminApproved": {"_ref": 2, "value": true}}, grants)
	count(r) == 0
}

test_ca_no_grants_passes if {
	r := cal403.deny with input as ca_grants({"isAdminApproved": {"_ref": 2, "value": false}}, {})
	count(r) == 0
}

test_ca_without_oauth_config_passes if {
	r := cal403.deny with input as {
		"app": t.ca_app,
		"connectedApp": object.union({"_ref": 0}, grants),
	}
	count(r) == 0
}

test_eca_passes if {
	r := cal403.deny with input as {
		"app": t.eca_app,
		"ecaOauthPlcy": {
			"_ref": 0,
			"commaSeparatedProfile": {"_ref": 1, "value": "Sales User", "items": ["Sales User"]},
			"permittedUsersPolicyType": {"_ref": 2, "value": "AllSelfAuthorized"},
		},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_grants({"isAdminApproved": {"_ref": 2, "value": false}}, grants)
	t.equals(cal403.deny, {{
		"msg": "the grants (permissionSetName Sync_Users, profileName Sales User) restrict nothing for OAuth because oauthConfig/isAdminApproved is not true: every user may still self-authorize; set isAdminApproved to true",
		"node": app.connectedApp.oauthConfig.isAdminApproved,
	}}) with input as app
}
