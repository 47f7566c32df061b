package calint.rules.cal701_test

import data.calint.rules.cal701

import data.calint.test

settings(fields) := {
	"app": {"name": "OauthOidc", "type": "OauthOidcSettings", "files": []},
	"oauthOidcSettings": object.union({"_ref": 0}, fields),
}

test_absent_fires_on_root if {
	r := cal701.deny with input as settings({})
	count(r) == 1
	some f in r
	f.node == {"_ref": 0}
	contains(f.msg, "absent, default false")
}

test_false_fires_on_element if {
	r := cal701.deny with input as settings({"blockOAuthUnPwFlow": {"_ref": 3, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 3
}

test_true_passes if {
	count(cal701.deny) == 0 with input as settings({"blockOAuthUnPwFlow": {"_ref": 3, "value": true}})
}

test_invalid_value_fires if {
	r := cal701.deny with input as settings({"blockOAuthUnPwFlow": {"_ref": 3, "value": "yes"}})
	count(r) == 1
}

test_other_types_pass if {
	count(cal701.deny) == 0 with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
}

test_whole_violation if {
	r := cal701.deny with input as settings({"blockOAuthUnPwFlow": {"_ref": 3, "value": false}})
	test.equals(r, {{
		"msg": "org OAuth settings do not set blockOAuthUnPwFlow to true (false): the OAuth username-password flow is allowed, so any app can trade a user's password for a token",
		"node": {"_ref": 3, "value": false},
	}})
}
