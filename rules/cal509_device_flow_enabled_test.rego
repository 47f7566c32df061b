package calint.rules.cal509_test

import data.calint.rules.cal509
import data.calint.test as t

test_eca_device_flow_fires if {
	r := cal509.deny with input as t.eca_glbl({"_ref": 0, "isDeviceFlowEnabled": {"_ref": 1, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_device_flow_false_passes if {
	r := cal509.deny with input as t.eca_glbl({"_ref": 0, "isDeviceFlowEnabled": {"_ref": 1, "value": false}})
	count(r) == 0
}

test_eca_device_flow_absent_passes if {
	r := cal509.deny with input as t.eca_glbl({"_ref": 0})
	count(r) == 0
}

test_ca_never_fires if {
	r := cal509.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1}},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.eca_glbl({"_ref": 0, "isDeviceFlowEnabled": {"_ref": 1, "value": true}})
	t.equals(cal509.deny, {{
		"msg": "isDeviceFlowEnabled is true: the device flow lets an attacker phish users into authorizing the app with a short code",
		"node": app.ecaGlblOauth.isDeviceFlowEnabled,
	}}) with input as app
}
