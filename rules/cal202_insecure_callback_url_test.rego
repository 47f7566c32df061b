package calint.rules.cal202_test

import data.calint.rules.cal202
import data.calint.test as t

test_ca_http_fires if {
	r := cal202.deny with input as t.ca_callbacks([
		t.url(3, "https://app.example.com/cb", "https", "app.example.com", false),
		t.url(4, "http://app.example.com/cb", "http", "app.example.com", false),
		t.url(5, "http://localhost:1717/OauthRedirect", "http", "localhost", true),
	])
	count(r) == 1
	some f in r
	f.node._ref == 4
	f.key == "http://app.example.com/cb"
}

test_ca_https_and_custom_schemes_pass if {
	r := cal202.deny with input as t.ca_callbacks([
		t.url(3, "https://app.example.com/cb", "https", "app.example.com", false),
		t.url(4, "myapp://cb", "myapp", "cb", false),
		t.url(5, "http://127.0.0.1:8080/cb", "http", "127.0.0.1", true),
	])
	count(r) == 0
}

test_message_hides_credentials if {
	u := object.union(t.url(3, "http://bob:hunter2@app.example.com/cb?token=s3cr3t", "http", "app.example.com", false), {"url": {"userinfo": true, "password": true, "query": ["token"]}})
	r := cal202.deny with input as t.ca_callbacks([u])
	count(r) == 1
	some f in r
	not contains(f.msg, "hunter2")
	not contains(f.msg, "s3cr3t")
	not contains(f.key, "hunter2")
	not contains(f.key, "s3cr3t")
}

# a password that itself holds "@" is hidden whole, and so is a fragment token
test_message_hides_at_password_and_fragment if {
	u := object.union(t.url(3, "http://bob:hun@ter2@app.example.com/cb#access_token=T0k3nValue", "http", "app.example.com", false), {"url": {"userinfo": true, "password": true, "fragment": true}})
	r := cal202.deny with input as t.ca_callbacks([u])
	count(r) == 1
	some f in r
	not contains(f.msg, "ter2")
	not contains(f.msg, "T0k3n")
	not contains(f.key, "ter2")
	not contains(f.key, "T0k3n")
}

test_eca_http_fires if {
	r := cal202.deny with input as t.eca_callbacks([
		t.url(2, "http://sync.acme.example/cb", "http", "sync.acme.example", false),
		t.url(3, "http://[::1]:8080/cb", "http", "::1", true),
	])
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_eca_https_passes if {
	r := cal202.deny with input as t.eca_callbacks([t.url(2, "https://sync.acme.example/cb", "https", "sync.acme.example", false)])
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca_callbacks([
		t.url(3, "https://app.example.com/cb", "https", "app.example.com", false),
		t.url(4, "http://app.example.com/cb", "http", "app.example.com", false),
		t.url(5, "http://localhost:1717/OauthRedirect", "http", "localhost", true),
	])
	t.equals(cal202.deny, {{
		"key": "http://app.example.com/cb",
		"msg": "callback URL http://app.example.com/cb uses plain http to app.example.com; the authorization code or token can be read on the network; use https",
		"node": app.connectedApp.oauthConfig.callbackUrl.urls[1],
	}}) with input as app
}
