package calint.rules.cal406_test

import data.calint.rules.cal406
import data.calint.test as t

ca_relaxation(v) := t.ca({"oauthPolicy": {"_ref": 1, "ipRelaxation": t.leaf(2, v)}})

eca_relaxation(v) := t.eca({"ecaOauthPlcy": {"_ref": 0, "ipRelaxationPolicyType": t.leaf(1, v)}})

test_ca_relaxed_values_fire if {
	every v in ["BYPASS_2FACTOR", "ENFORCE_RELAXREFRESH"] {
		r := cal406.deny with input as ca_relaxation(v)
		count(r) == 1
		some f in r
		f.node._ref == 2
		contains(f.msg, v)
	}
}

test_ca_other_values_pass if {
	every v in ["ENFORCE", "BYPASS", "Bypass_2factor"] {
		count(cal406.deny) == 0 with input as ca_relaxation(v)
	}
}

test_eca_relaxed_values_fire if {
	every v in ["Bypass_2factor", "Enforce_RelaxRefresh"] {
		r := cal406.deny with input as eca_relaxation(v)
		count(r) == 1
		some f in r
		f.node._ref == 1
	}
}

test_eca_other_values_pass if {
	every v in ["Enforce", "Bypass", "BYPASS_2FACTOR"] {
		count(cal406.deny) == 0 with input as eca_relaxation(v)
	}
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := eca_relaxation("Enforce_RelaxRefresh")
	t.equals(cal406.deny, {{
		"msg": "ecaOauthPlcy/ipRelaxationPolicyType is Enforce_RelaxRefresh: IP restrictions are not enforced for refresh tokens; use Enforce",
		"node": app.ecaOauthPlcy.ipRelaxationPolicyType,
	}}) with input as app
}
