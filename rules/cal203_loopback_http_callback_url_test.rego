package calint.rules.cal203_test

import data.calint.rules.cal203

url(ref, v, scheme, host, loopback) := {"_ref": ref, "value": v, "url": {"parsed": true, "scheme": scheme, "host": host, "port": "", "loopback": loopback, "userinfo": false, "password": false, "query": [], "fragment": false}}

ca(urls) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": concat("\n", [u.value | some u in urls]), "urls": urls}}},
}

eca(urls) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaGlblOauth": {"_ref": 0, "callbackUrl": {"_ref": 1, "value": concat("\n", [u.value | some u in urls]), "urls": urls}},
}

test_ca_loopback_http_fires if {
	r := cal203.deny with input as ca([
		url(3, "https://app.example.com/cb", "https", "app.example.com", false),
		url(4, "http://localhost:1717/OauthRedirect", "http", "localhost", true),
		url(5, "http://127.0.0.1/cb", "http", "127.0.0.1", true),
	])
	count(r) == 2
	{f.node._ref | some f in r} == {4, 5}
}

test_ca_other_urls_pass if {
	r := cal203.deny with input as ca([
		url(3, "https://localhost/cb", "https", "localhost", true),
		url(4, "http://app.example.com/cb", "http", "app.example.com", false),
	])
	count(r) == 0
}

test_eca_loopback_http_fires if {
	r := cal203.deny with input as eca([url(2, "http://[::1]:8080/cb", "http", "::1", true)])
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_eca_https_passes if {
	r := cal203.deny with input as eca([url(2, "https://sync.acme.example/cb", "https", "sync.acme.example", false)])
	count(r) == 0
}
