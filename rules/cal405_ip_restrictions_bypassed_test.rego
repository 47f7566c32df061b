package calint.rules.cal405_test

import data.calint.rules.cal405

ca(v) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthPolicy": {"_ref": 1, "ipRelaxation": {"_ref": 2, "value": v}}},
}

eca(v) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaOauthPlcy": {"_ref": 0, "ipRelaxationPolicyType": {"_ref": 1, "value": v}},
}

test_ca_bypass_fires if {
	r := cal405.deny with input as ca("BYPASS")
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_other_values_pass if {
	every v in ["ENFORCE", "BYPASS_2FACTOR", "ENFORCE_RELAXREFRESH", "Bypass"] {
		count(cal405.deny) == 0 with input as ca(v)
	}
}

test_ca_absent_passes if {
	r := cal405.deny with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
	count(r) == 0
}

test_eca_bypass_fires if {
	r := cal405.deny with input as eca("Bypass")
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_other_values_pass if {
	every v in ["Enforce", "Bypass_2factor", "Enforce_RelaxRefresh", "BYPASS"] {
		count(cal405.deny) == 0 with input as eca(v)
	}
}
