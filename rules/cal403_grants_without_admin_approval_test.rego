package calint.rules.cal403_test

import data.calint.rules.cal403

grants := {
	"profileName": [{"_ref": 5, "value": "Sales User"}],
	"permissionSetName": [{"_ref": 6, "value": "Sync_Users"}],
}

ca(oauth, extra) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": object.union({"_ref": 0, "oauthConfig": object.union({"_ref": 1}, oauth)}, extra),
}

test_ca_false_with_grants_fires if {
	r := cal403.deny with input as ca({"isAdminApproved": {"_ref": 2, "value": false}}, grants)
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "permissionSetName Sync_Users, profileName Sales User")
}

test_ca_absent_with_grants_fires_on_oauth_config if {
	r := cal403.deny with input as ca({}, {"profileName": [{"_ref": 5, "value": "Sales User"}]})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_ca_invalid_value_with_grants_fires if {
	r := cal403.deny with input as ca({"isAdminApproved": {"_ref": 2, "value": "yes"}}, grants)
	count(r) == 1
}

test_ca_admin_approved_passes if {
	r := cal403.deny with input as ca({"isAdminApproved": {"_ref": 2, "value": true}}, grants)
	count(r) == 0
}

test_ca_no_grants_passes if {
	r := cal403.deny with input as ca({"isAdminApproved": {"_ref": 2, "value": false}}, {})
	count(r) == 0
}

test_ca_without_oauth_config_passes if {
	r := cal403.deny with input as {
		"app": {"name": "A", "type": "ConnectedApp", "files": []},
		"connectedApp": object.union({"_ref": 0}, grants),
	}
	count(r) == 0
}

test_eca_passes if {
	r := cal403.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"ecaOauthPlcy": {
			"_ref": 0,
			"commaSeparatedProfile": {"_ref": 1, "value": "Sales User", "items": ["Sales User"]},
			"permittedUsersPolicyType": {"_ref": 2, "value": "AllSelfAuthorized"},
		},
	}
	count(r) == 0
}
