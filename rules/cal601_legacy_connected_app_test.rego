package calint.rules.cal601_test

import data.calint.rules.cal601

test_ca_fires_on_root if {
	r := cal601.deny with input as {
		"app": {"name": "A", "type": "ConnectedApp", "files": []},
		"connectedApp": {"_ref": 0, "label": {"_ref": 1, "value": "A"}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 0
}

test_eca_passes if {
	r := cal601.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"eca": {"_ref": 0, "label": {"_ref": 1, "value": "E"}},
	}
	count(r) == 0
}
