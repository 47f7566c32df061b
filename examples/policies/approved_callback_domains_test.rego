package acme.rules.approved_callback_domains_test

import data.acme.rules.approved_callback_domains as rule

url(ref, v, scheme, host, loopback) := {"_ref": ref, "value": v, "url": {
	"parsed": true, "scheme": scheme, "host": host, "port": "", "loopback": loopback,
	"userinfo": false, "password": false, "query": [], "fragment": false,
}}

ca := {
	"app": {"name": "Portal", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {
		"_ref": 2,
		"value": "…",
		"urls": [
			url(3, "https://login.acme.example/cb", "https", "login.acme.example", false),
			url(4, "https://acme.example/cb", "https", "acme.example", false),
			url(5, "https://acme.example.evil.test/cb", "https", "acme.example.evil.test", false),
			url(6, "http://localhost:1717/cb", "http", "localhost", true),
			url(7, "myapp://cb", "myapp", "", false),
		],
	}}},
}

options := {"custom": {"approved-callback-domains": ["ACME.example"]}}

test_off_without_option if {
	count(rule.deny) == 0 with input as ca with data.calint.options as {}
}

test_only_the_unapproved_host_fires if {
	r := rule.deny with input as ca with data.calint.options as options
	[f.node._ref | some f in r] == [5]
	some f in r
	f.msg == "callback host acme.example.evil.test is not in an approved domain (acme.example)"
}

test_app_override_replaces_the_list if {
	r := rule.deny with input as ca
		with data.calint.options as options
		with data.calint.apps as {"Portal": {"custom": {"approved-callback-domains": ["evil.test"]}}}
	{f.node._ref | some f in r} == {3, 4}
}
