package calint.rules.cal503_test

import data.calint.rules.cal503
import data.calint.test as t

refresh := [{"_ref": 9, "value": "RefreshToken"}]

# ca_refresh(oc): a connected app that can receive refresh tokens
ca_refresh(oc) := t.ca_oauth(object.union({"scopes": refresh}, oc))

# eca_refresh(g): an External Client App that can receive refresh tokens
eca_refresh(g) := t.eca({"ecaGlblOauth": g, "ecaOauth": {"_ref": 20, "commaSeparatedOauthScopes": t.csv(21, ["Api", "RefreshToken"])}})

# Salesforce: full "does not return a refresh token" (90 of 210 real findings were on apps
# without a refresh scope)
test_no_refresh_scope_passes if {
	count(cal503.deny) == 0 with input as t.ca_oauth({"isSecretRequiredForRefreshToken": t.leaf(2, false), "scopes": [t.leaf(3, "Full"), t.leaf(4, "Api")]})
	count(cal503.deny) == 0 with input as t.eca_glbl({"_ref": 0, "isSecretRequiredForRefreshToken": t.leaf(1, false)})
	count(cal503.deny) == 1 with input as t.ca_oauth({"isSecretRequiredForRefreshToken": t.leaf(2, false), "scopes": [t.leaf(3, "OfflineAccess")]})
}

# refreshTokenPolicy zero expires every refresh token at once (real corpus: jaumejuanos Postman)
test_zero_policy_passes if {
	inp := ca_refresh({"isSecretRequiredForRefreshToken": t.leaf(2, false)})
	count(cal503.deny) == 0 with input as object.union(inp, {"connectedApp": {"oauthPolicy": {"_ref": 30, "refreshTokenPolicy": t.leaf(31, "zero")}}})
	count(cal503.deny) == 1 with input as object.union(inp, {"connectedApp": {"oauthPolicy": {"_ref": 30, "refreshTokenPolicy": t.leaf(31, "infinite")}}})
}

# Salesforce's control: low risk when refresh token rotation is on
test_rotation_on_is_low if {
	r := cal503.deny with input as ca_refresh({"isSecretRequiredForRefreshToken": t.leaf(2, false), "isRefreshTokenRotationEnabled": t.leaf(3, true)})
	count(r) == 1
	some f in r
	f.severity == "low"
	endswith(f.msg, "refresh token rotation is on, so a stolen token works once")
}

test_ca_fires if {
	r := cal503.deny with input as ca_refresh({"_ref": 1, "isSecretRequiredForRefreshToken": {"_ref": 2, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_passes if {
	r := cal503.deny with input as ca_refresh({"_ref": 1, "isSecretRequiredForRefreshToken": {"_ref": 2, "value": true}})
	count(r) == 0
}

test_ca_absent_passes if {
	r := cal503.deny with input as t.ca_oauth({"_ref": 1})
	count(r) == 0
}

test_ca_invalid_value_passes if {
	r := cal503.deny with input as ca_refresh({"_ref": 1, "isSecretRequiredForRefreshToken": {"_ref": 2, "value": "yes"}})
	count(r) == 0
}

test_eca_fires if {
	r := cal503.deny with input as eca_refresh({"_ref": 0, "isSecretRequiredForRefreshToken": {"_ref": 1, "value": false}})
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_passes if {
	r := cal503.deny with input as t.eca_glbl({"_ref": 0, "isSecretRequiredForRefreshToken": {"_ref": 1, "value": true}})
	count(r) == 0
}

test_eca_absent_passes if {
	r := cal503.deny with input as t.eca_glbl({"_ref": 0})
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_refresh({"_ref": 1, "isSecretRequiredForRefreshToken": {"_ref": 2, "value": false}})
	t.equals(cal503.deny, {{
		"msg": "isSecretRequiredForRefreshToken is false and the app can receive refresh tokens (RefreshToken scope): a leaked refresh token is usable without the consumer secret",
		"node": app.connectedApp.oauthConfig.isSecretRequiredForRefreshToken,
	}}) with input as app
}
