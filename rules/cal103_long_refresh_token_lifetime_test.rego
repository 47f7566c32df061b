package calint.rules.cal103_test

import data.calint.rules.cal103

ca(policy) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthPolicy": {"_ref": 1, "refreshTokenPolicy": {"_ref": 2, "value": policy}}},
}

eca(type, period, unit) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaOauthPlcy": {
		"_ref": 10,
		"refreshTokenPolicyType": {"_ref": 11, "value": type},
		"refreshTokenValidityPeriod": {"_ref": 12, "value": period},
		"refreshTokenValidityUnit": {"_ref": 13, "value": unit},
	},
}

test_ca_long_lifetime_fires if {
	r := cal103.deny with input as ca("specific_lifetime:365:DAYS")
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "365 days")
	contains(f.msg, "90 days")
}

test_ca_months_count_as_30_days if {
	count(cal103.deny) == 0 with input as ca("specific_lifetime:3:MONTHS")
	count(cal103.deny) == 1 with input as ca("specific_lifetime:4:MONTHS")
	count(cal103.deny) == 1 with input as ca("specific_inactivity:2:MONTHS")
}

test_ca_hours if {
	count(cal103.deny) == 0 with input as ca("specific_lifetime:2160:HOURS")
	r := cal103.deny with input as ca("specific_lifetime:2161:HOURS")
	count(r) == 1
	some f in r
	contains(f.msg, "90.04 days")
}

test_ca_idle_over_30_days_fires if {
	r := cal103.deny with input as ca("specific_inactivity:31:DAYS")
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "idle time")
}

test_ca_within_limits_passes if {
	every v in ["specific_lifetime:90:DAYS", "specific_inactivity:30:DAYS", "infinite", "zero", "specific_lifetime:x:DAYS"] {
		count(cal103.deny) == 0 with input as ca(v)
	}
}

test_ca_absent_policy_passes if {
	r := cal103.deny with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
	count(r) == 0
}

test_ca_option_override if {
	count(cal103.deny) == 0 with input as ca("specific_lifetime:365:DAYS")
		with data.calint.options as {"max-refresh-token-lifetime-days": 400}
	count(cal103.deny) == 1 with input as ca("specific_inactivity:10:DAYS")
		with data.calint.options as {"max-refresh-token-idle-days": 7}
}

test_ca_per_app_override if {
	count(cal103.deny) == 0 with input as ca("specific_lifetime:365:DAYS")
		with data.calint.apps as {"A": {"max-refresh-token-lifetime-days": 365}}
	count(cal103.deny) == 1 with input as ca("specific_lifetime:365:DAYS")
		with data.calint.apps as {"Other": {"max-refresh-token-lifetime-days": 365}}
}

test_eca_long_lifetime_fires if {
	r := cal103.deny with input as eca("SpecificLifetime", 365, "Days")
	count(r) == 1
	some f in r
	f.node._ref == 12
}

test_eca_long_inactivity_fires if {
	r := cal103.deny with input as eca("SpecificInactivity", 2, "Months")
	count(r) == 1
	some f in r
	f.node._ref == 12
	contains(f.msg, "60 days")
}

test_eca_within_limits_passes if {
	count(cal103.deny) == 0 with input as eca("SpecificLifetime", 90, "Days")
	count(cal103.deny) == 0 with input as eca("SpecificInactivity", 720, "Hours")
	count(cal103.deny) == 0 with input as eca("Infinite", 365, "Days")
	count(cal103.deny) == 0 with input as eca("SpecificLifetime", "lots", "Days")
}

test_eca_option_override if {
	count(cal103.deny) == 0 with input as eca("SpecificInactivity", 60, "Days")
		with data.calint.options as {"max-refresh-token-idle-days": 60}
}
