package calint.rules.cal511_test

import data.calint.rules.cal511

ca(algo) := {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0, "samlConfig": {
	"_ref": 1,
	"samlSigningAlgoType": {"_ref": 2, "value": algo},
}}}

eca(algo) := {"app": {"name": "E", "type": "ExternalClientApplication", "files": []}, "ecaSamlPlcy": {
	"_ref": 0,
	"signingAlgorithmType": {"_ref": 1, "value": algo},
}}

test_ca_sha1_fires if {
	r := cal511.deny with input as ca("SHA1")
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_sha256_passes if {
	r := cal511.deny with input as ca("SHA256")
	count(r) == 0
}

test_ca_absent_passes if {
	r := cal511.deny with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0, "samlConfig": {"_ref": 1}}}
	count(r) == 0
}

test_eca_sha1_fires if {
	r := cal511.deny with input as eca("SHA1")
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_sha256_passes if {
	r := cal511.deny with input as eca("SHA256")
	count(r) == 0
}
