package calint.rules.cal602_test

import data.calint.rules.cal602
import data.calint.test as t

test_ca_unknown_elements_fire if {
	r := cal602.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0},
		"unknownElements": [
			{"_ref": 3, "name": "isConsumerKeyOptional", "path": "ConnectedApp/oauthConfig/isConsumerKeyOptional"},
			{"_ref": 7, "name": "lable", "path": "ConnectedApp/lable"},
		],
		"invalidValues": [],
	}
	count(r) == 2
	{f.node._ref | some f in r} == {3, 7}
	some f in r
	f.node._ref == 3
	contains(f.msg, "isConsumerKeyOptional")
	contains(f.msg, "at ConnectedApp/oauthConfig/isConsumerKeyOptional")
}

test_eca_unknown_element_fires if {
	r := cal602.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 0},
		"unknownElements": [{"_ref": 4, "name": "isPkceRequried", "path": "ExtlClntAppGlobalOauthSettings/isPkceRequried"}],
		"invalidValues": [],
	}
	count(r) == 1
	some f in r
	f.node._ref == 4
}

test_none_passes if {
	r := cal602.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0},
		"unknownElements": [],
		"invalidValues": [],
	}
	count(r) == 0
}

test_root_level_element_message_omits_path if {
	r := cal602.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0},
		"unknownElements": [{"_ref": 2, "name": "lable", "path": "lable"}],
		"invalidValues": [],
	}
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "unknown element lable:")
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 0},
		"unknownElements": [{"_ref": 4, "name": "isPkceRequried", "path": "ExtlClntAppGlobalOauthSettings/isPkceRequried"}],
		"invalidValues": [],
	}
	t.equals(cal602.deny, {{
		"msg": "unknown element isPkceRequried at ExtlClntAppGlobalOauthSettings/isPkceRequried: its metadata type does not define it; likely a typo, and the deploy fails",
		"node": app.unknownElements[0],
	}}) with input as app
}
