package calint.rules.cal601_test

import data.calint.rules.cal601
import data.calint.test as t

test_ca_fires_on_root if {
	r := cal601.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "label": {"_ref": 1, "value": "A"}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 0
}

test_eca_passes if {
	r := cal601.deny with input as {
		"app": t.eca_app,
		"eca": {"_ref": 0, "label": {"_ref": 1, "value": "E"}},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "label": {"_ref": 1, "value": "A"}},
	}
	t.equals(cal601.deny, {{
		"msg": "connected apps are legacy: new ones cannot be created since Spring '26; migrate to an External Client App",
		"node": app.connectedApp,
	}}) with input as app
}
