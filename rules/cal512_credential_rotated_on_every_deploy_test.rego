package calint.rules.cal512_test

import data.calint.rules.cal512
import data.calint.test as t

test_both_flags_fire_twice if {
	r := cal512.deny with input as t.eca_glbl({
		"_ref": 0,
		"shouldRotateConsumerKey": {"_ref": 1, "value": true},
		"shouldRotateConsumerSecret": {"_ref": 2, "value": true},
	})
	count(r) == 2
	{f.node._ref | some f in r} == {1, 2}
	{f.key | some f in r} == {"shouldRotateConsumerKey", "shouldRotateConsumerSecret"}
}

test_secret_flag_fires if {
	r := cal512.deny with input as t.eca_glbl({
		"_ref": 0,
		"shouldRotateConsumerKey": {"_ref": 1, "value": false},
		"shouldRotateConsumerSecret": {"_ref": 2, "value": true},
	})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_false_passes if {
	r := cal512.deny with input as t.eca_glbl({
		"_ref": 0,
		"shouldRotateConsumerKey": {"_ref": 1, "value": false},
		"shouldRotateConsumerSecret": {"_ref": 2, "value": false},
	})
	count(r) == 0
}

test_absent_passes if {
	r := cal512.deny with input as t.eca_glbl({"_ref": 0})
	count(r) == 0
}

test_ca_never_fires if {
	r := cal512.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0}}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.eca_glbl({
		"_ref": 0,
		"shouldRotateConsumerKey": {"_ref": 1, "value": false},
		"shouldRotateConsumerSecret": {"_ref": 2, "value": true},
	})
	t.equals(cal512.deny, {{
		"key": "shouldRotateConsumerSecret",
		"msg": "shouldRotateConsumerSecret is true: every deploy of this file generates a new consumer secret and breaks the clients that use the old one",
		"node": app.ecaGlblOauth.shouldRotateConsumerSecret,
	}}) with input as app
}
