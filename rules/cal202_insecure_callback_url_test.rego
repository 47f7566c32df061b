package calint.rules.cal202_test

import data.calint.rules.cal202

url(ref, v, scheme, host, loopback) := {"_ref": ref, "value": v, "url": {"parsed": true, "scheme": scheme, "host": host, "port": "", "loopback": loopback, "userinfo": false, "password": false, "query": [], "fragment": false}}

ca(urls) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": concat("\n", [u.value | some u in urls]), "urls": urls}}},
}

eca(urls) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaGlblOauth": {"_ref": 0, "callbackUrl": {"_ref": 1, "value": concat("\n", [u.value | some u in urls]), "urls": urls}},
}

test_ca_http_fires if {
	r := cal202.deny with input as ca([
		url(3, "https://app.example.com/cb", "https", "app.example.com", false),
		url(4, "http://app.example.com/cb", "http", "app.example.com", false),
		url(5, "http://localhost:1717/OauthRedirect", "http", "localhost", true),
	])
	count(r) == 1
	some f in r
	f.node._ref == 4
	f.key == "http://app.example.com/cb"
}

test_ca_https_and_custom_schemes_pass if {
	r := cal202.deny with input as ca([
		url(3, "https://app.example.com/cb", "https", "app.example.com", false),
		url(4, "myapp://cb", "myapp", "cb", false),
		url(5, "http://127.0.0.1:8080/cb", "http", "127.0.0.1", true),
	])
	count(r) == 0
}

test_message_hides_credentials if {
	u := object.union(url(3, "http://bob:hunter2@app.example.com/cb?token=s3cr3t", "http", "app.example.com", false), {"url": {"userinfo": true, "password": true, "query": ["token"]}})
	r := cal202.deny with input as ca([u])
	count(r) == 1
	some f in r
	not contains(f.msg, "hunter2")
	not contains(f.msg, "s3cr3t")
	not contains(f.key, "hunter2")
	not contains(f.key, "s3cr3t")
}

test_eca_http_fires if {
	r := cal202.deny with input as eca([
		url(2, "http://sync.acme.example/cb", "http", "sync.acme.example", false),
		url(3, "http://[::1]:8080/cb", "http", "::1", true),
	])
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_eca_https_passes if {
	r := cal202.deny with input as eca([url(2, "https://sync.acme.example/cb", "https", "sync.acme.example", false)])
	count(r) == 0
}
