package calint.rules.cal509_test

import data.calint.rules.cal509

eca(g) := {"app": {"name": "E", "type": "ExternalClientApplication", "files": []}, "ecaGlblOauth": g}

test_eca_device_flow_fires if {
	r := cal509.deny with input as eca({"_ref": 0, "isDeviceFlowEnabled": {"_ref": 1, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_device_flow_false_passes if {
	r := cal509.deny with input as eca({"_ref": 0, "isDeviceFlowEnabled": {"_ref": 1, "value": false}})
	count(r) == 0
}

test_eca_device_flow_absent_passes if {
	r := cal509.deny with input as eca({"_ref": 0})
	count(r) == 0
}

test_ca_never_fires if {
	r := cal509.deny with input as {
		"app": {"name": "A", "type": "ConnectedApp", "files": []},
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1}},
	}
	count(r) == 0
}
