package calint.rules.cal406_test

import data.calint.rules.cal406

ca(v) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthPolicy": {"_ref": 1, "ipRelaxation": {"_ref": 2, "value": v}}},
}

eca(v) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaOauthPlcy": {"_ref": 0, "ipRelaxationPolicyType": {"_ref": 1, "value": v}},
}

test_ca_relaxed_values_fire if {
	every v in ["BYPASS_2FACTOR", "ENFORCE_RELAXREFRESH"] {
		r := cal406.deny with input as ca(v)
		count(r) == 1
		some f in r
		f.node._ref == 2
		contains(f.msg, v)
	}
}

test_ca_other_values_pass if {
	every v in ["ENFORCE", "BYPASS", "Bypass_2factor"] {
		count(cal406.deny) == 0 with input as ca(v)
	}
}

test_eca_relaxed_values_fire if {
	every v in ["Bypass_2factor", "Enforce_RelaxRefresh"] {
		r := cal406.deny with input as eca(v)
		count(r) == 1
		some f in r
		f.node._ref == 1
	}
}

test_eca_other_values_pass if {
	every v in ["Enforce", "Bypass", "BYPASS_2FACTOR"] {
		count(cal406.deny) == 0 with input as eca(v)
	}
}
