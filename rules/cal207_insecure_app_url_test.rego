package calint.rules.cal207_test

import data.calint.rules.cal207

import data.calint.test

u(ref, v, scheme, host, loopback) := {"_ref": ref, "value": v, "url": {"parsed": true, "scheme": scheme, "host": host, "port": "", "loopback": loopback, "userinfo": false, "password": false, "query": [], "fragment": false}}

ca(fields) := {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": object.union({"_ref": 0}, fields)}

test_info_url_medium_whole_violation if {
	r := cal207.deny with input as ca({"infoUrl": u(1, "http://acme.example/about", "http", "acme.example", false)})
	test.equals(r, {{
		"msg": "connectedApp/infoUrl http://acme.example/about uses plain http to acme.example; use https",
		"node": u(1, "http://acme.example/about", "http", "acme.example", false),
		"key": "connectedApp/infoUrl",
	}})
}

test_acs_url_high if {
	r := cal207.deny with input as ca({"samlConfig": {"_ref": 1, "acsUrl": u(2, "http://sso.acme.example/acs", "http", "sso.acme.example", false)}})
	count(r) == 1
	some f in r
	f.severity == "high"
	f.node._ref == 2
}

test_https_loopback_and_custom_pass if {
	count(cal207.deny) == 0 with input as ca({
		"startUrl": u(1, "https://acme.example", "https", "acme.example", false),
		"infoUrl": u(2, "http://localhost:8080", "http", "localhost", true),
		"mobileStartUrl": u(3, "myapp://start", "myapp", "start", false),
	})
}

test_eca_and_credentials if {
	r := cal207.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"ecaSamlPlcy": {"_ref": 0, "singleLogoutUrl": u(1, "http://idp.acme.example/slo", "http", "idp.acme.example", false)},
		"ecaCanvas": {"_ref": 2, "canvasUrl": u(3, "https://canvas.acme.example", "https", "canvas.acme.example", false)},
	}
	{f.node._ref | some f in r} == {1}
	r2 := cal207.deny with input as {
		"app": {"name": "Okta", "type": "AuthProvider", "files": []},
		"authprovider": {"_ref": 0, "tokenUrl": u(1, "http://idp.acme.example/token?client_secret=abc", "http", "idp.acme.example", false)},
	}
	some f in r2
	f.severity == "high"
	not contains(f.msg, "abc")
}

# test_whole_violation: a URL that carries assertions or credentials (SAML ACS) over http is a
# high finding keyed by its path; the query is masked in the message.
test_whole_violation if {
	acs := u(2, "http://sso.acme.example/acs?token=abc", "http", "sso.acme.example", false)
	r := cal207.deny with input as ca({"samlConfig": {"_ref": 1, "acsUrl": acs}})
	test.equals(r, {{
		"msg": "connectedApp/samlConfig/acsUrl http://sso.acme.example/acs?… uses plain http to sso.acme.example, and assertions, sessions or credentials travel there; use https",
		"node": acs,
		"key": "connectedApp/samlConfig/acsUrl",
		"severity": "high",
	}})
}
