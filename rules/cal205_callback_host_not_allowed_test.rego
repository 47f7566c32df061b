package calint.rules.cal205_test

import data.calint.rules.cal205

url(ref, v, scheme, host, loopback) := {"_ref": ref, "value": v, "url": {"parsed": true, "scheme": scheme, "host": host, "port": "", "loopback": loopback, "userinfo": false, "password": false, "query": [], "fragment": false}}

ca(urls) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": concat("\n", [u.value | some u in urls]), "urls": urls}}},
}

eca(urls) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaGlblOauth": {"_ref": 0, "callbackUrl": {"_ref": 1, "value": concat("\n", [u.value | some u in urls]), "urls": urls}},
}

urls := [
	url(3, "https://app.example.com/cb", "https", "app.example.com", false),
	url(4, "https://a.b.example.com/cb", "https", "a.b.example.com", false),
	url(5, "https://example.com/cb", "https", "example.com", false),
	url(6, "https://evil.example.org/cb", "https", "evil.example.org", false),
	url(7, "https://oauth.pstmn.io/v1/callback", "https", "oauth.pstmn.io", false),
	url(8, "http://localhost:1717/OauthRedirect", "http", "localhost", true),
	url(9, "myapp://cb", "myapp", "cb", false),
	url(10, "https://notexample.com/cb", "https", "notexample.com", false),
]

test_off_without_option if {
	count(cal205.deny) == 0 with input as ca(urls)
}

test_ca_glob if {
	r := cal205.deny with input as ca(urls) with data.calint.options as {"callback-hosts": ["*.example.com", "OAuth.Pstmn.io"]}
	{f.node._ref | some f in r} == {5, 6, 8, 10}
	count(r) == 4
}

test_bare_host_exact if {
	r := cal205.deny with input as ca(urls) with data.calint.options as {"callback-hosts": ["example.com", "localhost", "app-*.example.com"]}
	{f.node._ref | some f in r} == {3, 4, 6, 7, 10}
}

test_label_glob if {
	r := cal205.deny with input as ca([url(3, "https://app-eu.example.com/cb", "https", "app-eu.example.com", false)])
		with data.calint.options as {"callback-hosts": ["app-*.example.com"]}
	count(r) == 0
}

test_per_app_override if {
	r := cal205.deny with input as ca(urls)
		with data.calint.options as {"callback-hosts": ["*.example.com"]}
		with data.calint.apps as {"A": {"callback-hosts": ["*.example.com", "example.com", "*.example.org", "oauth.pstmn.io", "localhost", "notexample.com"]}}
	count(r) == 0
}

test_eca if {
	r := cal205.deny with input as eca([
		url(2, "https://sync.acme.example/cb", "https", "sync.acme.example", false),
		url(3, "https://other.example.net/cb", "https", "other.example.net", false),
	])
		with data.calint.options as {"callback-hosts": ["*.acme.example"]}
	count(r) == 1
	some f in r
	f.node._ref == 3
}
