package calint.rules.cal103_test

import data.calint.rules.cal103
import data.calint.test as t

# the apps can receive refresh tokens (RefreshToken scope), unless a test removes the scope
ca_policy(policy) := ca_policy_scopes(policy, ["Api", "RefreshToken"])

ca_policy_scopes(policy, scopes) := t.ca({
	"oauthConfig": {"_ref": 5, "scopes": [t.leaf(i + 6, v) | some i, v in scopes]},
	"oauthPolicy": {"_ref": 1, "refreshTokenPolicy": t.leaf(2, policy)},
})

eca_policy(type, period, unit) := eca_policy_scopes(type, period, unit, ["Api", "RefreshToken"])

eca_policy_scopes(type, period, unit, scopes) := t.eca({
	"ecaOauth": {"_ref": 20, "commaSeparatedOauthScopes": t.csv(21, scopes)},
	"ecaOauthPlcy": {
		"_ref": 10,
		"refreshTokenPolicyType": t.leaf(11, type),
		"refreshTokenValidityPeriod": t.leaf(12, period),
		"refreshTokenValidityUnit": t.leaf(13, unit),
	},
})

# Salesforce: full "does not return a refresh token"; without RefreshToken/OfflineAccess the
# policy governs no token (real corpus: Full-only apps with specific_lifetime policies).
test_no_refresh_scope_passes if {
	count(cal103.deny) == 0 with input as ca_policy_scopes("specific_lifetime:365:DAYS", ["Full", "Api"])
	count(cal103.deny) == 0 with input as ca_policy_scopes("specific_lifetime:365:DAYS", [])
	count(cal103.deny) == 0 with input as eca_policy_scopes("SpecificLifetime", 365, "Days", ["Full"])
	count(cal103.deny) == 1 with input as ca_policy_scopes("specific_lifetime:365:DAYS", ["OfflineAccess"])
}

test_eca_without_oauth_settings_passes if {
	count(cal103.deny) == 0 with input as t.eca({"ecaOauthPlcy": {
		"_ref": 10,
		"refreshTokenPolicyType": t.leaf(11, "SpecificLifetime"),
		"refreshTokenValidityPeriod": t.leaf(12, 365),
		"refreshTokenValidityUnit": t.leaf(13, "Days"),
	}})
}

# messages say the duration once, with days only where the unit is not days
test_messages_read_well if {
	msgs := {f.msg |
		some inp in [
			ca_policy("specific_lifetime:365:DAYS"),
			ca_policy("specific_lifetime:4:MONTHS"),
			ca_policy("specific_inactivity:2161:HOURS"),
			eca_policy("SpecificLifetime", 365, "Days"),
		]
		some f in cal103.deny with input as inp
	}
	t.equals(msgs, {
		"refresh token policy specific_lifetime:365:DAYS: a refresh token stays valid for 365 days, more than the maximum of 90 days (max-refresh-token-lifetime-days)",
		"refresh token policy specific_lifetime:4:MONTHS: a refresh token stays valid for 4 months (120 days), more than the maximum of 90 days (max-refresh-token-lifetime-days)",
		"refresh token policy specific_inactivity:2161:HOURS: an unused refresh token stays valid for 2161 hours (90.04 days), more than the maximum of 30 days (max-refresh-token-idle-days)",
		"refresh token policy SpecificLifetime: a refresh token stays valid for 365 days, more than the maximum of 90 days (max-refresh-token-lifetime-days)",
	})
}

test_ca_long_lifetime_fires if {
	r := cal103.deny with input as ca_policy("specific_lifetime:365:DAYS")
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "365 days")
	contains(f.msg, "90 days")
}

test_ca_months_count_as_30_days if {
	count(cal103.deny) == 0 with input as ca_policy("specific_lifetime:3:MONTHS")
	count(cal103.deny) == 1 with input as ca_policy("specific_lifetime:4:MONTHS")
	count(cal103.deny) == 1 with input as ca_policy("specific_inactivity:2:MONTHS")
}

test_ca_hours if {
	count(cal103.deny) == 0 with input as ca_policy("specific_lifetime:2160:HOURS")
	r := cal103.deny with input as ca_policy("specific_lifetime:2161:HOURS")
	count(r) == 1
	some f in r
	contains(f.msg, "90.04 days")
}

test_ca_idle_over_30_days_fires if {
	r := cal103.deny with input as ca_policy("specific_inactivity:31:DAYS")
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "an unused refresh token")
}

test_ca_within_limits_passes if {
	every v in ["specific_lifetime:90:DAYS", "specific_inactivity:30:DAYS", "infinite", "zero", "specific_lifetime:x:DAYS"] {
		count(cal103.deny) == 0 with input as ca_policy(v)
	}
}

test_ca_absent_policy_passes if {
	r := cal103.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0}}
	count(r) == 0
}

test_ca_option_override if {
	count(cal103.deny) == 0 with input as ca_policy("specific_lifetime:365:DAYS")
		with data.calint.options as {"max-refresh-token-lifetime-days": 400}
	count(cal103.deny) == 1 with input as ca_policy("specific_inactivity:10:DAYS")
		with data.calint.options as {"max-refresh-token-idle-days": 7}
}

test_ca_per_app_override if {
	count(cal103.deny) == 0 with input as ca_policy("specific_lifetime:365:DAYS")
		with data.calint.apps as {"A": {"max-refresh-token-lifetime-days": 365}}
	count(cal103.deny) == 1 with input as ca_policy("specific_lifetime:365:DAYS")
		with data.calint.apps as {"Other": {"max-refresh-token-lifetime-days": 365}}
}

test_eca_long_lifetime_fires if {
	r := cal103.deny with input as eca_policy("SpecificLifetime", 365, "Days")
	count(r) == 1
	some f in r
	f.node._ref == 12
}

test_eca_long_inactivity_fires if {
	r := cal103.deny with input as eca_policy("SpecificInactivity", 2, "Months")
	count(r) == 1
	some f in r
	f.node._ref == 12
	contains(f.msg, "60 days")
}

test_eca_within_limits_passes if {
	count(cal103.deny) == 0 with input as eca_policy("SpecificLifetime", 90, "Days")
	count(cal103.deny) == 0 with input as eca_policy("SpecificInactivity", 720, "Hours")
	count(cal103.deny) == 0 with input as eca_policy("Infinite", 365, "Days")
	count(cal103.deny) == 0 with input as eca_policy("SpecificLifetime", "lots", "Days")
}

test_eca_option_override if {
	count(cal103.deny) == 0 with input as eca_policy("SpecificInactivity", 60, "Days")
		with data.calint.options as {"max-refresh-token-idle-days": 60}
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_policy("specific_lifetime:365:DAYS")
	t.equals(cal103.deny, {{
		"msg": "refresh token policy specific_lifetime:365:DAYS: a refresh token stays valid for 365 days, more than the maximum of 90 days (max-refresh-token-lifetime-days)",
		"node": app.connectedApp.oauthPolicy.refreshTokenPolicy,
	}}) with input as app
}
