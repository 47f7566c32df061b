package calint.rules.cal302_test

import data.calint.rules.cal302
import data.calint.test as t

test_eca_glbl_fires if {
	r := cal302.deny with input as {
		"app": t.eca_app,
		"eca": {"_ref": 0},
		"ecaGlblOauth": {"_ref": 5, "callbackUrl": {"_ref": 6, "value": "https://x.example.com/cb", "urls": []}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 5
}

test_eca_glbl_without_header_fires if {
	r := cal302.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 0},
	}
	count(r) == 1
}

test_eca_without_glbl_passes if {
	r := cal302.deny with input as {
		"app": t.eca_app,
		"eca": {"_ref": 0},
		"ecaOauth": {"_ref": 1},
	}
	count(r) == 0
}

test_ca_passes if {
	r := cal302.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1}},
	}
	count(r) == 0
}

# high when the file holds a consumer key or secret (all but one real file hold a key), low
# when it holds settings only
glbl(extra) := {"app": t.eca_app, "eca": {"_ref": 0}, "ecaGlblOauth": object.union({"_ref": 5}, extra)}

test_severity_by_credentials if {
	r1 := cal302.deny with input as glbl({"consumerKey": t.leaf(6, "3MVG9pRzvMkjMb6kNgpzoRwdC0mYwhMPymXgYuGqmPOXx")})
	{object.get(f, "severity", "high") | some f in r1} == {"high"}
	r2 := cal302.deny with input as glbl({"consumerSecret": t.leaf(6, "8F3A1C9E2B7D4F60A1B2C3D4E5F60718")})
	{object.get(f, "severity", "high") | some f in r2} == {"high"}
	r3 := cal302.deny with input as glbl({"consumerSecret": t.leaf(6, "{SECRET}"), "consumerKey": t.leaf(7, " ")})
	{object.get(f, "severity", "high") | some f in r3} == {"low"}
	r4 := cal302.deny with input as glbl({"isPkceRequired": t.leaf(6, true)})
	{object.get(f, "severity", "high") | some f in r4} == {"low"}
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {
		"app": t.eca_app,
		"eca": {"_ref": 0},
		"ecaGlblOauth": {"_ref": 5, "consumerKey": t.leaf(7, "3MVG9pRzvMkjMb6kNgpzoRwdC0mYwhMPymXgYuGqmPOXx")},
	}
	t.equals(cal302.deny, {{
		"msg": "the global OAuth settings (.ecaGlblOauth) of E are in source control and hold its consumerKey; Salesforce says this file must not be added to source control",
		"node": app.ecaGlblOauth,
	}}) with input as app
}
