package calint.rules.cal515_test

import data.calint.rules.cal515

import data.calint.test

attr(ref, key, formula) := {"_ref": ref, "key": {"_ref": ref + 1, "value": key}, "formula": {"_ref": ref + 2, "value": formula}}

ca(attrs) := {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0, "attributes": attrs}}

test_whole_violation if {
	r := cal515.deny with input as ca([attr(1, "sid", "$Api.Session_ID")])
	test.equals(r, {{
		"msg": "attributes attribute \"sid\" sends the user's session ID to the service ($Api.Session_ID); remove it",
		"node": {"_ref": 3, "value": "$Api.Session_ID"},
		"key": "sid",
	}})
}

test_variants if {
	r := cal515.deny with input as ca([
		attr(10, "a", "GETSESSIONID()"),
		attr(20, "b", "\"x\" & $API.session_id"),
		attr(30, "c", "getSessionId ( )"),
		attr(40, "d", "$User.Email"),
		attr(50, "e", "$Api.Partner_Server_URL_260"),
	])
	{f.node._ref | some f in r} == {12, 22, 32}
}

test_eca if {
	r := cal515.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"ecaOauth": {"_ref": 0, "customAttributes": [attr(1, "s", "GETSESSIONID()")]},
		"ecaSamlPlcy": {"_ref": 5, "customAttributes": [attr(6, "t", "$Api.Session_ID")]},
	}
	{f.node._ref | some f in r} == {3, 8}
}
