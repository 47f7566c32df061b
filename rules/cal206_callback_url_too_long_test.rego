package calint.rules.cal206_test

import data.calint.rules.cal206

url(ref, v, scheme, host, loopback) := {"_ref": ref, "value": v, "url": {"parsed": true, "scheme": scheme, "host": host, "port": "", "loopback": loopback, "userinfo": false, "password": false, "query": [], "fragment": false}}

ca(urls) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": concat("\n", [u.value | some u in urls]), "urls": urls}}},
}

eca(urls) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaGlblOauth": {"_ref": 0, "callbackUrl": {"_ref": 1, "value": concat("\n", [u.value | some u in urls]), "urls": urls}},
}

xs(n) := concat("", ["x" | some _ in numbers.range(1, n)])

# n URLs of 100 characters each, so the text with line breaks is 101*n - 1 characters
long_urls(n) := [url(i + 3, sprintf("https://app.example.com/%s", [xs(76)]), "https", "app.example.com", false) | some i in numbers.range(1, n)]

test_ca_too_long_fires if {
	r := cal206.deny with input as ca(long_urls(20))
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "2019 characters")
}

test_ca_at_limit_passes if {
	r := cal206.deny with input as {
		"app": {"name": "A", "type": "ConnectedApp", "files": []},
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": xs(2000), "urls": []}}},
	}
	count(r) == 0
}

test_ca_short_passes if {
	count(cal206.deny) == 0 with input as ca(long_urls(19))
}

test_eca_too_long_fires if {
	r := cal206.deny with input as eca(long_urls(25))
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_short_passes if {
	count(cal206.deny) == 0 with input as eca(long_urls(2))
}
