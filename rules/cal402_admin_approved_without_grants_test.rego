package calint.rules.cal402_test

import data.calint.rules.cal402

ca(root) := {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": object.union({"_ref": 0, "oauthConfig": {"_ref": 1, "isAdminApproved": {"_ref": 2, "value": true}}}, root)}

eca(plcy) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaOauthPlcy": object.union({"_ref": 0, "permittedUsersPolicyType": {"_ref": 1, "value": "AdminApprovedPreAuthorized"}}, plcy),
}

test_ca_no_grants_fires if {
	r := cal402.deny with input as ca({})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_blank_grant_fires if {
	r := cal402.deny with input as ca({"profileName": [{"_ref": 5, "value": ""}]})
	count(r) == 1
}

test_ca_with_permission_set_passes if {
	r := cal402.deny with input as ca({"permissionSetName": [{"_ref": 5, "value": "Sync_Users"}]})
	count(r) == 0
}

test_ca_with_profile_passes if {
	r := cal402.deny with input as ca({"profileName": [{"_ref": 5, "value": "Integration User"}]})
	count(r) == 0
}

test_ca_not_admin_approved_passes if {
	r := cal402.deny with input as {
		"app": {"name": "A", "type": "ConnectedApp", "files": []},
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "isAdminApproved": {"_ref": 2, "value": false}}},
	}
	count(r) == 0
}

test_eca_no_grants_fires if {
	r := cal402.deny with input as eca({"commaSeparatedProfile": {"_ref": 2, "value": "", "items": []}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_with_grants_passes if {
	r := cal402.deny with input as eca({"commaSeparatedPermissionSet": {"_ref": 2, "value": "Sync_Users", "items": ["Sync_Users"]}})
	count(r) == 0
}

test_eca_self_authorized_passes if {
	r := cal402.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"ecaOauthPlcy": {"_ref": 0, "permittedUsersPolicyType": {"_ref": 1, "value": "AllSelfAuthorized"}},
	}
	count(r) == 0
}
