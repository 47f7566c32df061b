package calint.rules.cal204_test

import data.calint.rules.cal204
import data.calint.test as t

with_fragment(u) := object.union(u, {"url": {"fragment": true}})

test_ca_malformed_fire if {
	r := cal204.deny with input as t.ca_callbacks([
		t.url(3, "https://app.example.com/cb", "https", "app.example.com", false),
		t.url(4, "localhost:8080", "localhost", "", false),
		t.url(5, "www.example.com/cb", "", "", false),
		t.url(6, "https:///cb", "https", "", false),
		t.url(7, "https://*.example.com/cb", "https", "*.example.com", false),
		t.url(8, "https://example.com/a b", "https", "example.com", false),
		with_fragment(t.url(9, "https://example.com/cb#top", "https", "example.com", false)),
		t.unparsed_url(10, "127.0.0.1:8080"),
		t.unparsed_url(11, "https://%zz"),
	])
	count(r) == 8
	{f.node._ref | some f in r} == {4, 5, 6, 7, 8, 9, 10, 11}
	every f in r {
		not f.severity
	}
	msgs := {f.node._ref: f.msg | some f in r}
	contains(msgs[4], "no scheme")
	contains(msgs[5], "no scheme")
	contains(msgs[6], "no host")
	contains(msgs[7], "wildcard")
	contains(msgs[8], "whitespace")
	contains(msgs[9], "fragment")
	contains(msgs[10], "no scheme (host:port")
	contains(msgs[11], "does not parse")
}

# values Salesforce accepted in retrieved files (real corpus: oob, a bare https://): the
# message says what is wrong, not that the deploy fails
test_values_salesforce_accepted if {
	r := cal204.deny with input as t.ca_callbacks([
		t.url(3, "oob", "", "", false),
		t.url(4, "https://", "https", "", false),
	])
	t.equals({f.msg | some f in r}, {
		"callback URL oob is not a usable redirect URL: it has no scheme; no OAuth redirect can match it, so correct or remove it",
		"callback URL https:// is not a usable redirect URL: it has no host; no OAuth redirect can match it, so correct or remove it",
	})
}

# a template placeholder (scripts/templates of the Slack starter kits) is info
test_template_placeholder_is_info if {
	r := cal204.deny with input as t.ca_callbacks([
		t.unparsed_url(3, "https://{HEROKUINSTANCE}.herokuapp.com/oauthcallback"),
		t.unparsed_url(4, "https://${APP_HOST}/cb"),
		t.unparsed_url(5, "https://<your-host>/cb"),
	])
	count(r) == 3
	every f in r {
		f.severity == "info"
		contains(f.msg, "is a template with a placeholder")
	}
}

test_ca_valid_and_custom_schemes_pass if {
	r := cal204.deny with input as t.ca_callbacks([
		t.url(3, "https://app.example.com/cb?x=1", "https", "app.example.com", false),
		t.url(4, "myapp://cb", "myapp", "cb", false),
		t.url(5, "resttest:CallBack", "resttest", "", false),
		t.url(6, "http://localhost:1717/OauthRedirect", "http", "localhost", true),
		t.url(7, "com.example.app:/oauth2redirect", "com.example.app", "", false),
	])
	count(r) == 0
}

test_several_problems_one_finding if {
	r := cal204.deny with input as t.ca_callbacks([with_fragment(t.url(3, "https://*.example.com/cb#x", "https", "*.example.com", false))])
	count(r) == 1
	some f in r
	contains(f.msg, "wildcard")
	contains(f.msg, "fragment")
}

test_eca_malformed_fires if {
	r := cal204.deny with input as t.eca_callbacks([
		t.url(2, "https://sync.acme.example/cb", "https", "sync.acme.example", false),
		t.url(3, "localhost:3000/callback", "localhost", "", false),
	])
	count(r) == 1
	some f in r
	f.node._ref == 3
}

test_eca_valid_passes if {
	r := cal204.deny with input as t.eca_callbacks([t.url(2, "https://sync.acme.example/cb", "https", "sync.acme.example", false)])
	count(r) == 0
}

# the whole violation, as the engine receives it
# a fragment may carry a token (#access_token=...): never printed
test_fragment_hidden if {
	r := cal204.deny with input as t.ca_callbacks([with_fragment(t.url(3, "https://app.example.com/cb#access_token=T0k3nValue", "https", "app.example.com", false))])
	some f in r
	not contains(f.msg, "T0k3n")
	not contains(f.msg, "access_token")
	not contains(f.key, "T0k3n")
}

test_whole_violation if {
	app := t.ca_callbacks([with_fragment(t.url(3, "https://*.example.com/cb#x", "https", "*.example.com", false))])
	t.equals(cal204.deny, {{
		"key": "https://*.example.com/cb#…",
		"msg": "callback URL https://*.example.com/cb#… is not a usable redirect URL: it contains a * wildcard; it has a #fragment; no OAuth redirect can match it, so correct or remove it",
		"node": app.connectedApp.oauthConfig.callbackUrl.urls[0],
	}}) with input as app
}
