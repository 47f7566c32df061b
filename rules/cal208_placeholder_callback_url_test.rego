package calint.rules.cal208_test

import data.calint.rules.cal208

import data.calint.test

url(ref, v, host) := {"_ref": ref, "value": v, "url": {"parsed": true, "scheme": "https", "host": host, "port": "", "loopback": false, "userinfo": false, "password": false, "query": [], "fragment": false}}

ca(urls) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": "", "urls": urls}}},
}

test_whole_violation if {
	r := cal208.deny with input as ca([url(3, "https://www.google.com", "www.google.com")])
	test.equals(r, {{
		"msg": "callback URL https://www.google.com points at www.google.com, a placeholder host the app cannot own: the authorization code goes to whoever controls it",
		"node": url(3, "https://www.google.com", "www.google.com"),
		"key": "https://www.google.com",
	}})
}

test_placeholder_hosts_fire if {
	r := cal208.deny with input as ca([
		url(3, "https://login.salesforce.com/services/oauth2/callback", "login.salesforce.com"),
		url(4, "https://salesforce.com", "salesforce.com"),
		url(5, "https://app.example.com/cb", "app.example.com"),
		url(6, "https://example.org", "example.org"),
		url(7, "https://test.com/cb", "test.com"),
		url(8, "https://myexample.com/cb", "myexample.com"),
		url(9, "https://localhost.com/cb", "localhost.com"),
		url(10, "https://example.com.evil.io/cb", "example.com.evil.io"),
	])
	{f.node._ref | some f in r} == {4, 5, 6, 7, 9}
}

test_eca if {
	r := cal208.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"ecaGlblOauth": {"_ref": 0, "callbackUrl": {"_ref": 1, "value": "", "urls": [url(2, "https://www.salesforce.com", "www.salesforce.com")]}},
	}
	count(r) == 1
}
