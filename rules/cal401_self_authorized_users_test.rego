package calint.rules.cal401_test

import data.calint.rules.cal401
import data.calint.test as t

eca_parts(parts) := t.eca(object.union({"eca": {"_ref": 0}}, parts))

test_ca_false_fires if {
	r := cal401.deny with input as t.ca({"oauthConfig": {"_ref": 1, "isAdminApproved": {"_ref": 2, "value": false}}})
	count(r) == 1
	some f in r
	f.node._ref == 2
	not f.severity
}

test_ca_absent_fires_on_oauth_config if {
	r := cal401.deny with input as t.ca({"oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": "https://x", "urls": []}}})
	count(r) == 1
	some f in r
	f.node._ref == 1
	contains(f.msg, "default false")
}

test_ca_true_passes if {
	r := cal401.deny with input as t.ca({"oauthConfig": {"_ref": 1, "isAdminApproved": {"_ref": 2, "value": true}}})
	count(r) == 0
}

test_ca_without_oauth_passes if {
	r := cal401.deny with input as t.ca({"label": {"_ref": 1, "value": "SAML only"}})
	count(r) == 0
}

test_eca_self_authorized_fires if {
	r := cal401.deny with input as eca_parts({
		"ecaOauth": {"_ref": 1},
		"ecaOauthPlcy": {"_ref": 2, "permittedUsersPolicyType": {"_ref": 3, "value": "AllSelfAuthorized"}},
	})
	count(r) == 1
	some f in r
	f.node._ref == 3
	not f.severity
}

test_eca_admin_approved_passes if {
	r := cal401.deny with input as eca_parts({
		"ecaOauth": {"_ref": 1},
		"ecaOauthPlcy": {"_ref": 2, "permittedUsersPolicyType": {"_ref": 3, "value": "AdminApprovedPreAuthorized"}},
	})
	count(r) == 0
}

test_eca_oauth_without_policy_is_medium if {
	r := cal401.deny with input as eca_parts({"ecaOauth": {"_ref": 1}, "ecaGlblOauth": {"_ref": 4}})
	count(r) == 1
	some f in r
	f.severity == "medium"
	f.node._ref == 1
	contains(f.msg, "could not be checked")
}

test_eca_glbl_only_without_policy_is_medium if {
	r := cal401.deny with input as eca_parts({"ecaGlblOauth": {"_ref": 4}})
	count(r) == 1
	some f in r
	f.node._ref == 4
	f.severity == "medium"
}

test_eca_without_oauth_passes if {
	r := cal401.deny with input as eca_parts({"ecaPlcy": {"_ref": 1}})
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca({"oauthConfig": {"_ref": 1, "isAdminApproved": {"_ref": 2, "value": false}}})
	t.equals(cal401.deny, {{
		"msg": "oauthConfig/isAdminApproved is false: all users may self-authorize the app; make it admin-approved",
		"node": app.connectedApp.oauthConfig.isAdminApproved,
	}}) with input as app
}
