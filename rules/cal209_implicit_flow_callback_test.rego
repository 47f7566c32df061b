package calint.rules.cal209_test

import data.calint.rules.cal209

import data.calint.test

url(ref, v, host) := {"_ref": ref, "value": v, "url": {"parsed": true, "scheme": "https", "host": host, "port": "", "loopback": false, "userinfo": false, "password": false, "query": [], "fragment": false}}

ca(urls) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": "", "urls": urls}}},
}

test_whole_violation if {
	r := cal209.deny with input as ca([url(3, "https://login.salesforce.com/services/oauth2/success", "login.salesforce.com")])
	test.equals(r, {{
		"msg": "callback URL https://login.salesforce.com/services/oauth2/success is the user-agent (implicit) flow's success page, which receives the access token in the URL; use the web server flow with PKCE",
		"node": url(3, "https://login.salesforce.com/services/oauth2/success", "login.salesforce.com"),
		"key": "https://login.salesforce.com/services/oauth2/success",
	}})
}

test_variants if {
	r := cal209.deny with input as ca([
		url(3, "https://test.salesforce.com/services/oauth2/success", "test.salesforce.com"),
		url(4, "https://acme.my.salesforce.com/services/oauth2/success/", "acme.my.salesforce.com"),
		url(5, "https://login.salesforce.com/services/oauth2/callback", "login.salesforce.com"),
		url(6, "https://evil.example/services/oauth2/success", "evil.example"),
		url(7, "https://salesforce.com.evil.example/services/oauth2/success", "salesforce.com.evil.example"),
	])
	{f.node._ref | some f in r} == {3, 4}
}
