package calint.rules.cal302_test

import data.calint.rules.cal302

test_eca_glbl_fires if {
	r := cal302.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"eca": {"_ref": 0},
		"ecaGlblOauth": {"_ref": 5, "callbackUrl": {"_ref": 6, "value": "https://x.example.com/cb", "urls": []}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 5
}

test_eca_glbl_without_header_fires if {
	r := cal302.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"ecaGlblOauth": {"_ref": 0},
	}
	count(r) == 1
}

test_eca_without_glbl_passes if {
	r := cal302.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"eca": {"_ref": 0},
		"ecaOauth": {"_ref": 1},
	}
	count(r) == 0
}

test_ca_passes if {
	r := cal302.deny with input as {
		"app": {"name": "A", "type": "ConnectedApp", "files": []},
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1}},
	}
	count(r) == 0
}
