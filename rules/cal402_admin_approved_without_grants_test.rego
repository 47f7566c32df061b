package calint.rules.cal402_test

import data.calint.rules.cal402
import data.calint.test as t

admin_approved_ca(root) := t.ca(object.union({"oauthConfig": {"_ref": 1, "isAdminApproved": t.leaf(2, true)}}, root))

admin_approved_eca(plcy) := t.eca({"ecaOauthPlcy": object.union({"_ref": 0, "permittedUsersPolicyType": t.leaf(1, "AdminApprovedPreAuthorized")}, plcy)})

test_ca_no_grants_fires if {
	r := cal402.deny with input as admin_approved_ca({})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_blank_grant_fires if {
	r := cal402.deny with input as admin_approved_ca({"profileName": [{"_ref": 5, "value": ""}]})
	count(r) == 1
}

test_ca_with_permission_set_passes if {
	r := cal402.deny with input as admin_approved_ca({"permissionSetName": [{"_ref": 5, "value": "Sync_Users"}]})
	count(r) == 0
}

test_ca_with_profile_passes if {
	r := cal402.deny with input as admin_approved_ca({"profileName": [{"_ref": 5, "value": "Integration User"}]})
	count(r) == 0
}

test_ca_not_admin_approved_passes if {
	r := cal402.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "isAdminApproved": {"_ref": 2, "value": false}}},
	}
	count(r) == 0
}

test_eca_no_grants_fires if {
	r := cal402.deny with input as admin_approved_eca({"commaSeparatedProfile": {"_ref": 2, "value": "", "items": []}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_with_grants_passes if {
	r := cal402.deny with input as admin_approved_eca({"commaSeparatedPermissionSet": {"_ref": 2, "value": "Sync_Users", "items": ["Sync_Users"]}})
	count(r) == 0
}

test_eca_self_authorized_passes if {
	r := cal402.deny with input as {
		"app": t.eca_app,
		"ecaOauthPlcy": {"_ref": 0, "permittedUsersPolicyType": {"_ref": 1, "value": "AllSelfAuthorized"}},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
# a client credentials app still works without grants: its run-as user is not subject to
# permitted users, and the message says so instead of "no user can use the app"
test_client_credentials_message if {
	app := t.ca_oauth({
		"isAdminApproved": t.leaf(2, true),
		"isClientCredentialEnabled": t.leaf(3, true),
	})
	t.equals(cal402.deny, {{
		"msg": "oauthConfig/isAdminApproved is true but no profileName or permissionSetName is granted: no user can authorize the app; its client credentials flow still works, as it runs as the run-as user, whom permitted users do not restrict",
		"node": app.connectedApp.oauthConfig.isAdminApproved,
	}}) with input as app
	r := cal402.deny with input as t.eca({
		"ecaGlblOauth": {"_ref": 5, "isClientCredentialsFlowEnabled": t.leaf(6, true)},
		"ecaOauthPlcy": {
			"_ref": 0, "permittedUsersPolicyType": t.leaf(1, "AdminApprovedPreAuthorized"),
			"isClientCredentialsFlowEnabled": t.leaf(2, true),
		},
	})
	count(r) == 1
	some f in r
	endswith(f.msg, "whom permitted users do not restrict")
}

test_whole_violation if {
	app := admin_approved_ca({})
	t.equals(cal402.deny, {{
		"msg": "oauthConfig/isAdminApproved is true but no profileName or permissionSetName is granted: no user can use the app",
		"node": app.connectedApp.oauthConfig.isAdminApproved,
	}}) with input as app
}
