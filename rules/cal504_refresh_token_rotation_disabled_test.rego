package calint.rules.cal504_test

import data.calint.rules.cal504
import data.calint.test as t

refresh_scopes := {"_ref": 10, "value": "Api, RefreshToken", "items": ["Api", "RefreshToken"]}

test_ca_absent_fires_on_oauth_config if {
	r := cal504.deny with input as t.ca_oauth({"_ref": 1, "scopes": [{"_ref": 2, "value": "RefreshToken"}]})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

# refreshTokenPolicy zero expires every refresh token at once (real corpus shape)
test_ca_zero_policy_passes if {
	inp := t.ca({
		"oauthConfig": {"_ref": 1, "scopes": [{"_ref": 2, "value": "RefreshToken"}]},
		"oauthPolicy": {"_ref": 3, "refreshTokenPolicy": t.leaf(4, "zero")},
	})
	count(cal504.deny) == 0 with input as inp
	count(cal504.deny) == 1 with input as object.union(inp, {"connectedApp": {"oauthPolicy": {"refreshTokenPolicy": t.leaf(4, "infinite")}}})
}

test_ca_false_fires if {
	r := cal504.deny with input as t.ca_oauth({
		"_ref": 1,
		"isRefreshTokenRotationEnabled": {"_ref": 2, "value": false},
		"scopes": [{"_ref": 3, "value": "OfflineAccess"}],
	})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_true_passes if {
	r := cal504.deny with input as t.ca_oauth({
		"_ref": 1,
		"isRefreshTokenRotationEnabled": {"_ref": 2, "value": true},
		"scopes": [{"_ref": 3, "value": "RefreshToken"}],
	})
	count(r) == 0
}

test_ca_without_refresh_scope_passes if {
	r := cal504.deny with input as t.ca_oauth({"_ref": 1, "scopes": [{"_ref": 2, "value": "Api"}]})
	count(r) == 0
}

test_eca_absent_fires_on_glbl_root if {
	r := cal504.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": refresh_scopes},
		"ecaGlblOauth": {"_ref": 1},
	}
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_false_fires if {
	r := cal504.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": refresh_scopes},
		"ecaGlblOauth": {"_ref": 1, "isRefreshTokenRotationEnabled": {"_ref": 2, "value": false}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_eca_true_passes if {
	r := cal504.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": refresh_scopes},
		"ecaGlblOauth": {"_ref": 1, "isRefreshTokenRotationEnabled": {"_ref": 2, "value": true}},
	}
	count(r) == 0
}

test_eca_without_glbl_file_not_checked if {
	r := cal504.deny with input as {"app": t.eca_app, "ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": refresh_scopes}}
	count(r) == 0
}

test_eca_without_refresh_scope_passes if {
	r := cal504.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": {"_ref": 3, "value": "Api", "items": ["Api"]}},
		"ecaGlblOauth": {"_ref": 1},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca_oauth({"_ref": 1, "scopes": [{"_ref": 2, "value": "RefreshToken"}]})
	t.equals(cal504.deny, {{
		"msg": "refresh tokens are granted but isRefreshTokenRotationEnabled is not true: a stolen refresh token keeps working unnoticed",
		"node": app.connectedApp.oauthConfig,
	}}) with input as app
}
