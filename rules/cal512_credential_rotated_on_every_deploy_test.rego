package calint.rules.cal512_test

import data.calint.rules.cal512

eca(g) := {"app": {"name": "E", "type": "ExternalClientApplication", "files": []}, "ecaGlblOauth": g}

test_both_flags_fire_twice if {
	r := cal512.deny with input as eca({
		"_ref": 0,
		"shouldRotateConsumerKey": {"_ref": 1, "value": true},
		"shouldRotateConsumerSecret": {"_ref": 2, "value": true},
	})
	count(r) == 2
	{f.node._ref | some f in r} == {1, 2}
	{f.key | some f in r} == {"shouldRotateConsumerKey", "shouldRotateConsumerSecret"}
}

test_secret_flag_fires if {
	r := cal512.deny with input as eca({
		"_ref": 0,
		"shouldRotateConsumerKey": {"_ref": 1, "value": false},
		"shouldRotateConsumerSecret": {"_ref": 2, "value": true},
	})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_false_passes if {
	r := cal512.deny with input as eca({
		"_ref": 0,
		"shouldRotateConsumerKey": {"_ref": 1, "value": false},
		"shouldRotateConsumerSecret": {"_ref": 2, "value": false},
	})
	count(r) == 0
}

test_absent_passes if {
	r := cal512.deny with input as eca({"_ref": 0})
	count(r) == 0
}

test_ca_never_fires if {
	r := cal512.deny with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
	count(r) == 0
}
