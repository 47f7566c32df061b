package calint.rules.cal305_test

import data.calint.rules.cal305

import data.calint.test

ap(secret) := {
	"app": {"name": "Okta", "type": "AuthProvider", "files": []},
	"authprovider": {"_ref": 0, "consumerSecret": {"_ref": 1, "value": secret}, "providerType": {"_ref": 2, "value": "OpenIdConnect"}},
}

test_secret_fires_critical_without_showing_it if {
	r := cal305.deny with input as ap("s3cr3tValue-abcdef1234")
	test.equals(r, {{
		"msg": "AuthProvider Okta holds a committed consumerSecret (hidden, 22 characters); remove it, rotate it at the identity provider and set it in Setup",
		"node": {"_ref": 1, "value": "s3cr3tValue-abcdef1234"},
	}})
}

test_retrieve_placeholder_is_info if {
	r := cal305.deny with input as ap("Placeholder_Value")
	count(r) == 1
	some f in r
	f.severity == "info"
	f.node._ref == 1
}

test_template_placeholder_is_info if {
	r := cal305.deny with input as ap("${OKTA_SECRET}")
	some f in r
	f.severity == "info"
}

test_empty_or_absent_passes if {
	count(cal305.deny) == 0 with input as ap("  ")
	count(cal305.deny) == 0 with input as {"app": {"name": "X", "type": "AuthProvider", "files": []}, "authprovider": {"_ref": 0}}
}

test_other_types_pass if {
	count(cal305.deny) == 0 with input as {"app": {"name": "X", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
}

# test_whole_violation: a placeholder consumerSecret is an info finding that still names no
# part of the value.
test_whole_violation if {
	r := cal305.deny with input as ap("${OKTA_SECRET}")
	test.equals(r, {{
		"msg": "AuthProvider Okta consumerSecret is a placeholder (hidden, 14 characters), not a secret",
		"node": {"_ref": 1, "value": "${OKTA_SECRET}"},
		"severity": "info",
	}})
}
