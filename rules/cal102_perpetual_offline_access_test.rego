package calint.rules.cal102_test

import data.calint.rules.cal102
import data.calint.test as t

ca_scopes(scopes, extra) := t.ca(object.union({"oauthConfig": {"_ref": 1, "scopes": scopes}}, extra))

refresh := [{"_ref": 2, "value": "Api"}, {"_ref": 3, "value": "RefreshToken"}]

eca_scopes(scope_text, items, plcy) := t.eca(object.union(
	{"ecaOauth": {"_ref": 10, "commaSeparatedOauthScopes": {"_ref": 11, "value": scope_text, "items": items}}},
	plcy,
))

test_ca_infinite_fires if {
	r := cal102.deny with input as ca_scopes(refresh, {"oauthPolicy": {"_ref": 4, "refreshTokenPolicy": {"_ref": 5, "value": "infinite"}}})
	count(r) == 1
	some f in r
	f.node._ref == 5
	contains(f.msg, "RefreshToken")
	not f.severity
}

test_ca_both_refresh_scopes_one_finding if {
	r := cal102.deny with input as ca_scopes(
		[{"_ref": 2, "value": "OfflineAccess"}, {"_ref": 3, "value": "RefreshToken"}],
		{"oauthPolicy": {"_ref": 4, "refreshTokenPolicy": {"_ref": 5, "value": "infinite"}}},
	)
	count(r) == 1
	some f in r
	contains(f.msg, "OfflineAccess and RefreshToken")
}

test_ca_offline_access_alone_fires if {
	r := cal102.deny with input as ca_scopes([{"_ref": 2, "value": "OfflineAccess"}], {})
	count(r) == 1
}

test_ca_absent_oauth_policy_points_at_root if {
	r := cal102.deny with input as ca_scopes(refresh, {})
	count(r) == 1
	some f in r
	f.node._ref == 0
	contains(f.msg, "default infinite")
}

test_ca_absent_refresh_token_policy_points_at_oauth_policy if {
	r := cal102.deny with input as ca_scopes(refresh, {"oauthPolicy": {"_ref": 4, "ipRelaxation": {"_ref": 6, "value": "ENFORCE"}}})
	count(r) == 1
	some f in r
	f.node._ref == 4
}

test_ca_empty_refresh_token_policy_fires if {
	r := cal102.deny with input as ca_scopes(refresh, {"oauthPolicy": {"_ref": 4, "refreshTokenPolicy": {"_ref": 5, "value": ""}}})
	count(r) == 1
	some f in r
	f.node._ref == 5
}

test_ca_expiring_policies_pass if {
	every v in ["zero", "specific_lifetime:90:DAYS", "specific_inactivity:30:DAYS"] {
		count(cal102.deny) == 0 with input as ca_scopes(refresh, {"oauthPolicy": {"_ref": 4, "refreshTokenPolicy": {"_ref": 5, "value": v}}})
	}
}

test_ca_infinite_without_refresh_scope_passes if {
	r := cal102.deny with input as ca_scopes(
		[{"_ref": 2, "value": "Api"}, {"_ref": 3, "value": "Full"}],
		{"oauthPolicy": {"_ref": 4, "refreshTokenPolicy": {"_ref": 5, "value": "infinite"}}},
	)
	count(r) == 0
}

test_ca_without_oauth_config_passes if {
	r := cal102.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "label": {"_ref": 1, "value": "X"}}}
	count(r) == 0
}

test_eca_infinite_fires if {
	r := cal102.deny with input as eca_scopes("Api, RefreshToken", ["Api", "RefreshToken"], {"ecaOauthPlcy": {
		"_ref": 20,
		"refreshTokenPolicyType": {"_ref": 21, "value": "Infinite"},
	}})
	count(r) == 1
	some f in r
	f.node._ref == 21
	not f.severity
}

test_eca_specific_policy_passes if {
	r := cal102.deny with input as eca_scopes("Api, RefreshToken", ["Api", "RefreshToken"], {"ecaOauthPlcy": {
		"_ref": 20,
		"refreshTokenPolicyType": {"_ref": 21, "value": "SpecificLifetime"},
		"refreshTokenValidityPeriod": {"_ref": 22, "value": 30},
		"refreshTokenValidityUnit": {"_ref": 23, "value": "Days"},
	}})
	count(r) == 0
}

test_eca_policy_without_type_passes if {
	r := cal102.deny with input as eca_scopes("RefreshToken", ["RefreshToken"], {"ecaOauthPlcy": {"_ref": 20}})
	count(r) == 0
}

test_eca_without_policy_file_is_medium if {
	r := cal102.deny with input as eca_scopes("Api, RefreshToken", ["Api", "RefreshToken"], {})
	count(r) == 1
	some f in r
	f.node._ref == 10
	f.severity == "medium"
	contains(f.msg, "could not be checked")
}

test_eca_infinite_without_refresh_scope_passes if {
	r := cal102.deny with input as eca_scopes("Api", ["Api"], {"ecaOauthPlcy": {
		"_ref": 20,
		"refreshTokenPolicyType": {"_ref": 21, "value": "Infinite"},
	}})
	count(r) == 0
}

test_eca_without_scopes_or_policy_passes if {
	r := cal102.deny with input as {"app": t.eca_app, "eca": {"_ref": 0}}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_scopes(refresh, {"oauthPolicy": {"_ref": 4, "refreshTokenPolicy": {"_ref": 5, "value": "infinite"}}})
	t.equals(cal102.deny, {{
		"msg": "the app grants RefreshToken and oauthPolicy/refreshTokenPolicy is infinite: refresh tokens never expire; set specific_lifetime or specific_inactivity",
		"node": app.connectedApp.oauthPolicy.refreshTokenPolicy,
	}}) with input as app
}

# the whole violation with its own severity, as the engine receives it
test_whole_violation_with_severity if {
	app := eca_scopes("Api, RefreshToken", ["Api", "RefreshToken"], {})
	t.equals(cal102.deny, {{
		"msg": "the app grants RefreshToken but no .ecaOauthPlcy is in the scan, so the refresh token policy (and its default) could not be checked; commit the OAuth policies with a SpecificLifetime or SpecificInactivity refreshTokenPolicyType",
		"node": app.ecaOauth,
		"severity": "medium",
	}}) with input as app
}
