package calint.rules.cal501_test

import data.calint.rules.cal501

ca(oc) := {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0, "oauthConfig": oc}}

eca(g) := {"app": {"name": "E", "type": "ExternalClientApplication", "files": []}, "ecaGlblOauth": g}

test_ca_absent_fires_on_oauth_config if {
	r := cal501.deny with input as ca({"_ref": 1, "callbackUrl": {"_ref": 2, "value": "https://a.example.com/cb"}})
	count(r) == 1
	some f in r
	f.node._ref == 1
	not f.severity
}

test_ca_false_fires if {
	r := cal501.deny with input as ca({"_ref": 1, "isPkceRequired": {"_ref": 2, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_false_with_optional_secret_is_high if {
	r := cal501.deny with input as ca({
		"_ref": 1,
		"isConsumerSecretOptional": {"_ref": 2, "value": true},
		"isPkceRequired": {"_ref": 3, "value": false},
	})
	count(r) == 1
	some f in r
	f.node._ref == 3
	f.severity == "high"
}

test_ca_absent_with_optional_secret_is_high if {
	r := cal501.deny with input as ca({"_ref": 1, "isConsumerSecretOptional": {"_ref": 2, "value": true}})
	count(r) == 1
	some f in r
	f.node._ref == 1
	f.severity == "high"
}

test_ca_true_passes if {
	r := cal501.deny with input as ca({"_ref": 1, "isPkceRequired": {"_ref": 2, "value": true}})
	count(r) == 0
}

test_ca_without_oauth_passes if {
	r := cal501.deny with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
	count(r) == 0
}

test_eca_false_fires if {
	r := cal501.deny with input as eca({"_ref": 0, "isPkceRequired": {"_ref": 1, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 1
	not f.severity
}

test_eca_false_with_optional_secret_is_high if {
	r := cal501.deny with input as eca({
		"_ref": 0,
		"isConsumerSecretOptional": {"_ref": 1, "value": true},
		"isPkceRequired": {"_ref": 2, "value": false},
	})
	count(r) == 1
	some f in r
	f.node._ref == 2
	f.severity == "high"
}

test_eca_absent_passes_default_true if {
	r := cal501.deny with input as eca({"_ref": 0, "isConsumerSecretOptional": {"_ref": 1, "value": true}})
	count(r) == 0
}

test_eca_true_passes if {
	r := cal501.deny with input as eca({"_ref": 0, "isPkceRequired": {"_ref": 1, "value": true}})
	count(r) == 0
}
