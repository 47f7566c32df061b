package calint.rules.cal205_test

import data.calint.rules.cal205
import data.calint.test as t

urls := [
	t.url(3, "https://app.example.com/cb", "https", "app.example.com", false),
	t.url(4, "https://a.b.example.com/cb", "https", "a.b.example.com", false),
	t.url(5, "https://example.com/cb", "https", "example.com", false),
	t.url(6, "https://evil.example.org/cb", "https", "evil.example.org", false),
	t.url(7, "https://oauth.pstmn.io/v1/callback", "https", "oauth.pstmn.io", false),
	t.url(8, "http://localhost:1717/OauthRedirect", "http", "localhost", true),
	t.url(9, "myapp://cb", "myapp", "cb", false),
	t.url(10, "https://notexample.com/cb", "https", "notexample.com", false),
]

test_off_without_option if {
	count(cal205.deny) == 0 with input as t.ca_callbacks(urls)
}

test_ca_glob if {
	r := cal205.deny with input as t.ca_callbacks(urls) with data.calint.options as {"callback-hosts": ["*.example.com", "OAuth.Pstmn.io"]}
	{f.node._ref | some f in r} == {5, 6, 8, 10}
	count(r) == 4
}

test_bare_host_exact if {
	r := cal205.deny with input as t.ca_callbacks(urls) with data.calint.options as {"callback-hosts": ["example.com", "localhost", "app-*.example.com"]}
	{f.node._ref | some f in r} == {3, 4, 6, 7, 10}
}

test_label_glob if {
	r := cal205.deny with input as t.ca_callbacks([t.url(3, "https://app-eu.example.com/cb", "https", "app-eu.example.com", false)])
		with data.calint.options as {"callback-hosts": ["app-*.example.com"]}
	count(r) == 0
}

test_per_app_override if {
	r := cal205.deny with input as t.ca_callbacks(urls)
		with data.calint.options as {"callback-hosts": ["*.example.com"]}
		with data.calint.apps as {"A": {"callback-hosts": ["*.example.com", "example.com", "*.example.org", "oauth.pstmn.io", "localhost", "notexample.com"]}}
	count(r) == 0
}

test_eca if {
	r := cal205.deny with input as t.eca_callbacks([
		t.url(2, "https://sync.acme.example/cb", "https", "sync.acme.example", false),
		t.url(3, "https://other.example.net/cb", "https", "other.example.net", false),
	])
		with data.calint.options as {"callback-hosts": ["*.acme.example"]}
	count(r) == 1
	some f in r
	f.node._ref == 3
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.eca_callbacks([
		t.url(2, "https://sync.acme.example/cb", "https", "sync.acme.example", false),
		t.url(3, "https://other.example.net/cb", "https", "other.example.net", false),
	])
	t.equals(cal205.deny, {{
		"key": "https://other.example.net/cb",
		"msg": "callback host other.example.net (in https://other.example.net/cb) matches none of callback-hosts (*.acme.example)",
		"node": app.ecaGlblOauth.callbackUrl.urls[1],
	}}) with input as app with data.calint.options as {"callback-hosts": ["*.acme.example"]}
}
