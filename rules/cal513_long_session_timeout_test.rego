package calint.rules.cal513_test

import data.calint.rules.cal513

import data.calint.test

ca(timeout) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "sessionPolicy": {"_ref": 1, "sessionTimeout": {"_ref": 2, "value": timeout}}},
}

test_whole_violation if {
	r := cal513.deny with input as ca(1440)
	test.equals(r, {{
		"msg": "sessionPolicy/sessionTimeout is 1440 minutes, longer than the maximum of 120 minutes (max-session-timeout-minutes); a stolen session stays usable that long",
		"node": {"_ref": 2, "value": 1440},
	}})
}

test_at_or_under_limit_passes if {
	count(cal513.deny) == 0 with input as ca(120)
	count(cal513.deny) == 0 with input as ca(15)
	count(cal513.deny) == 0 with input as ca("forever")
}

test_option if {
	count(cal513.deny) == 0 with input as ca(720) with data.calint.options as {"max-session-timeout-minutes": 720}
	count(cal513.deny) == 1 with input as ca(60) with data.calint.options as {"max-session-timeout-minutes": 30}
}

test_eca if {
	r := cal513.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"ecaOauthPlcy": {"_ref": 0, "sessionTimeoutInMinutes": {"_ref": 1, "value": 480}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 1
}
