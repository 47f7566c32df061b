package calint.rules.cal203_test

import data.calint.rules.cal203
import data.calint.test as t

test_ca_loopback_http_fires if {
	r := cal203.deny with input as t.ca_callbacks([
		t.url(3, "https://app.example.com/cb", "https", "app.example.com", false),
		t.url(4, "http://localhost:1717/OauthRedirect", "http", "localhost", true),
		t.url(5, "http://127.0.0.1/cb", "http", "127.0.0.1", true),
	])
	count(r) == 2
	{f.node._ref | some f in r} == {4, 5}
	{f.node._ref: object.get(f, "severity", "low") | some f in r} == {4: "info", 5: "low"}
}

# the Salesforce CLI's own login redirect is info (49 of 80 real findings, on CLI/CI apps);
# another port or path on localhost stays low
test_sf_cli_redirect_is_info if {
	r := cal203.deny with input as t.ca_callbacks([
		t.url(3, "http://localhost:1717/OauthRedirect", "http", "localhost", true),
		t.url(4, "http://localhost:1718/OauthRedirect", "http", "localhost", true),
		t.url(5, "http://localhost:1717/callback", "http", "localhost", true),
	])
	{f.node._ref: object.get(f, "severity", "low") | some f in r} == {3: "info", 4: "low", 5: "low"}
	some f in r
	f.node._ref == 3
	f.msg == "callback URL http://localhost:1717/OauthRedirect is the Salesforce CLI's own login redirect (plain http to the local machine): expected on an app the CLI or a CI job logs in with; remove it from an app that serves users"
}

test_ca_other_urls_pass if {
	r := cal203.deny with input as t.ca_callbacks([
		t.url(3, "https://localhost/cb", "https", "localhost", true),
		t.url(4, "http://app.example.com/cb", "http", "app.example.com", false),
	])
	count(r) == 0
}

test_eca_loopback_http_fires if {
	r := cal203.deny with input as t.eca_callbacks([t.url(2, "http://[::1]:8080/cb", "http", "::1", true)])
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_eca_https_passes if {
	r := cal203.deny with input as t.eca_callbacks([t.url(2, "https://sync.acme.example/cb", "https", "sync.acme.example", false)])
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.eca_callbacks([t.url(2, "http://[::1]:8080/cb", "http", "::1", true)])
	t.equals(cal203.deny, {{
		"key": "http://[::1]:8080/cb",
		"msg": "callback URL http://[::1]:8080/cb uses plain http to the local machine: fine for a command-line tool, not for a production app",
		"node": app.ecaGlblOauth.callbackUrl.urls[0],
	}}) with input as app
}
