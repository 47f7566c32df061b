package calint.rules.cal206_test

import data.calint.rules.cal206
import data.calint.test as t

xs(n) := concat("", ["x" | some _ in numbers.range(1, n)])

# n URLs of 100 characters each, so the text with line breaks is 101*n - 1 characters
long_urls(n) := [t.url(i + 3, sprintf("https://app.example.com/%s", [xs(76)]), "https", "app.example.com", false) | some i in numbers.range(1, n)]

test_ca_too_long_fires if {
	r := cal206.deny with input as t.ca_callbacks(long_urls(20))
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "2019 characters")
}

test_ca_at_limit_passes if {
	r := cal206.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": xs(2000), "urls": []}}},
	}
	count(r) == 0
}

test_ca_short_passes if {
	count(cal206.deny) == 0 with input as t.ca_callbacks(long_urls(19))
}

test_eca_too_long_fires if {
	r := cal206.deny with input as t.eca_callbacks(long_urls(25))
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_short_passes if {
	count(cal206.deny) == 0 with input as t.eca_callbacks(long_urls(2))
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca_callbacks(long_urls(20))
	t.equals(cal206.deny, {{
		"msg": "oauthConfig/callbackUrl is 2019 characters long (20 URLs); Salesforce accepts at most 2000",
		"node": app.connectedApp.oauthConfig.callbackUrl,
	}}) with input as app
}
