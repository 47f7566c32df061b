package calint.rules.cal702_test

import data.calint.rules.cal702

import data.calint.test

settings(fields) := {
	"app": {"name": "OauthOidc", "type": "OauthOidcSettings", "files": []},
	"oauthOidcSettings": object.union({"_ref": 0}, fields),
}

test_absent_fires_on_root if {
	r := cal702.deny with input as settings({})
	count(r) == 1
	some f in r
	f.node == {"_ref": 0}
	contains(f.msg, "absent, default false")
}

test_false_fires_on_element if {
	r := cal702.deny with input as settings({"blockOAuthUsrAgtFlow": {"_ref": 3, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 3
}

test_true_passes if {
	count(cal702.deny) == 0 with input as settings({"blockOAuthUsrAgtFlow": {"_ref": 3, "value": true}})
}

test_invalid_value_fires if {
	r := cal702.deny with input as settings({"blockOAuthUsrAgtFlow": {"_ref": 3, "value": "yes"}})
	count(r) == 1
}

test_other_types_pass if {
	count(cal702.deny) == 0 with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
}

test_whole_violation if {
	r := cal702.deny with input as settings({"blockOAuthUsrAgtFlow": {"_ref": 3, "value": false}})
	test.equals(r, {{
		"msg": "org OAuth settings do not set blockOAuthUsrAgtFlow to true (false): the OAuth user-agent (implicit) flow is allowed, which puts access tokens in redirect URLs",
		"node": {"_ref": 3, "value": false},
	}})
}
