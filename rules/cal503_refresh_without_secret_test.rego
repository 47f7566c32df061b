package calint.rules.cal503_test

import data.calint.rules.cal503

ca(oc) := {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0, "oauthConfig": oc}}

eca(g) := {"app": {"name": "E", "type": "ExternalClientApplication", "files": []}, "ecaGlblOauth": g}

test_ca_fires if {
	r := cal503.deny with input as ca({"_ref": 1, "isSecretRequiredForRefreshToken": {"_ref": 2, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_passes if {
	r := cal503.deny with input as ca({"_ref": 1, "isSecretRequiredForRefreshToken": {"_ref": 2, "value": true}})
	count(r) == 0
}

test_ca_absent_passes if {
	r := cal503.deny with input as ca({"_ref": 1})
	count(r) == 0
}

test_ca_invalid_value_passes if {
	r := cal503.deny with input as ca({"_ref": 1, "isSecretRequiredForRefreshToken": {"_ref": 2, "value": "yes"}})
	count(r) == 0
}

test_eca_fires if {
	r := cal503.deny with input as eca({"_ref": 0, "isSecretRequiredForRefreshToken": {"_ref": 1, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_passes if {
	r := cal503.deny with input as eca({"_ref": 0, "isSecretRequiredForRefreshToken": {"_ref": 1, "value": true}})
	count(r) == 0
}

test_eca_absent_passes if {
	r := cal503.deny with input as eca({"_ref": 0})
	count(r) == 0
}
