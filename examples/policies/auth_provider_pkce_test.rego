package acme.rules.auth_provider_pkce_test

import data.acme.rules.auth_provider_pkce as rule

ap(name, fields) := {
	"app": {"name": name, "type": "AuthProvider", "files": []},
	"authprovider": object.union({"_ref": 0, "providerType": {"_ref": 1, "value": "OpenIdConnect"}}, fields),
}

test_missing_fires_on_root if {
	r := rule.deny with input as ap("Okta", {})
	[f.msg | some f in r] == ["OpenID Connect auth provider Okta does not use PKCE (isPkceEnabled is not true)"]
	[f.node._ref | some f in r] == [0]
}

test_false_fires_on_element if {
	r := rule.deny with input as ap("Okta", {"isPkceEnabled": {"_ref": 2, "value": false}})
	[f.node._ref | some f in r] == [2]
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as ap("Okta", {"isPkceEnabled": {"_ref": 2, "value": true}})
}

test_exempt_and_other_types_pass if {
	count(rule.deny) == 0 with input as ap("Legacy_Idp", {}) with data.calint.options as {"custom": {"pkce-exempt-providers": ["Legacy_Idp"]}}
	count(rule.deny) == 0 with input as ap("G", {"providerType": {"_ref": 1, "value": "Google"}})
	count(rule.deny) == 0 with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
}
