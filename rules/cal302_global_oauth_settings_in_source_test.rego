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

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {
		"app": t.eca_app,
		"eca": {"_ref": 0},
		"ecaGlblOauth": {"_ref": 5, "callbackUrl": {"_ref": 6, "value": "https://x.example.com/cb", "urls": []}},
	}
	t.equals(cal302.deny, {{
		"msg": "global OAuth settings (ExtlClntAppGlobalOauthSettings) of E are in source; Salesforce says they must not be added to source control",
		"node": app.ecaGlblOauth,
	}}) with input as app
}
