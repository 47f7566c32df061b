package calint.rules.cal405_test

import data.calint.rules.cal405
import data.calint.test as t

ca_relaxation(v) := t.ca({"oauthPolicy": {"_ref": 1, "ipRelaxation": t.leaf(2, v)}})

eca_relaxation(v) := t.eca({"ecaOauthPlcy": {"_ref": 0, "ipRelaxationPolicyType": t.leaf(1, v)}})

test_ca_bypass_fires if {
	r := cal405.deny with input as ca_relaxation("BYPASS")
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_other_values_pass if {
	every v in ["ENFORCE", "BYPASS_2FACTOR", "ENFORCE_RELAXREFRESH", "Bypass"] {
		count(cal405.deny) == 0 with input as ca_relaxation(v)
	}
}

test_ca_absent_passes if {
	r := cal405.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0}}
	count(r) == 0
}

test_eca_bypass_fires if {
	r := cal405.deny with input as eca_relaxation("Bypass")
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_other_values_pass if {
	every v in ["Enforce", "Bypass_2factor", "Enforce_RelaxRefresh", "BYPASS"] {
		count(cal405.deny) == 0 with input as eca_relaxation(v)
	}
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_relaxation("BYPASS")
	t.equals(cal405.deny, {{
		"msg": "oauthPolicy/ipRelaxation is BYPASS: the app's tokens ignore IP restrictions; use ENFORCE",
		"node": app.connectedApp.oauthPolicy.ipRelaxation,
	}}) with input as app
}
