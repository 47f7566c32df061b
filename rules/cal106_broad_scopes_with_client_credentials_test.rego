package calint.rules.cal106_test

import data.calint.rules.cal106
import data.calint.test as t

ca_client_credentials(enabled, scopes) := t.ca_oauth({
	"isClientCredentialEnabled": t.leaf(2, enabled),
	"scopes": [t.leaf(i + 10, v) | some i, v in scopes],
})

eca_scopes(values) := {"_ref": 1, "commaSeparatedOauthScopes": {"_ref": 2, "value": concat(", ", values), "items": values}}

test_ca_broad_scopes_fire if {
	r := cal106.deny with input as ca_client_credentials(true, ["Api", "Full", "Web", "RefreshToken"])
	count(r) == 3
	{f.node._ref | some f in r} == {11, 12, 13}
	{f.key | some f in r} == {"Full", "Web", "RefreshToken"}
}

test_ca_api_only_passes if {
	r := cal106.deny with input as ca_client_credentials(true, ["Api", "OpenID"])
	count(r) == 0
}

test_ca_flow_disabled_passes if {
	count(cal106.deny) == 0 with input as ca_client_credentials(false, ["Full", "RefreshToken"])
	count(cal106.deny) == 0 with input as ca_client_credentials("yes", ["Full"])
}

test_ca_flow_absent_passes if {
	r := cal106.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [{"_ref": 2, "value": "Full"}]}},
	}
	count(r) == 0
}

test_eca_global_flag_fires if {
	r := cal106.deny with input as {
		"app": t.eca_app,
		"ecaOauth": eca_scopes(["Api", "Web", "OfflineAccess"]),
		"ecaGlblOauth": {"_ref": 20, "isClientCredentialsFlowEnabled": {"_ref": 21, "value": true}},
	}
	count(r) == 2
	{f.key | some f in r} == {"Web", "OfflineAccess"}
	every f in r {
		f.node._ref == 2
	}
}

test_eca_policy_flag_fires if {
	r := cal106.deny with input as {
		"app": t.eca_app,
		"ecaOauth": eca_scopes(["Full"]),
		"ecaGlblOauth": {"_ref": 20, "isClientCredentialsFlowEnabled": {"_ref": 21, "value": false}},
		"ecaOauthPlcy": {"_ref": 30, "isClientCredentialsFlowEnabled": {"_ref": 31, "value": true}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, ".ecaOauthPlcy")
}

test_eca_flow_disabled_passes if {
	r := cal106.deny with input as {
		"app": t.eca_app,
		"ecaOauth": eca_scopes(["Full", "RefreshToken"]),
		"ecaGlblOauth": {"_ref": 20, "isClientCredentialsFlowEnabled": {"_ref": 21, "value": false}},
	}
	count(r) == 0
}

test_eca_api_only_passes if {
	r := cal106.deny with input as {
		"app": t.eca_app,
		"ecaOauth": eca_scopes(["Api"]),
		"ecaOauthPlcy": {"_ref": 30, "isClientCredentialsFlowEnabled": {"_ref": 31, "value": true}},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {
		"app": t.eca_app,
		"ecaOauth": eca_scopes(["Full"]),
		"ecaGlblOauth": {"_ref": 20, "isClientCredentialsFlowEnabled": {"_ref": 21, "value": false}},
		"ecaOauthPlcy": {"_ref": 30, "isClientCredentialsFlowEnabled": {"_ref": 31, "value": true}},
	}
	t.equals(cal106.deny, {{
		"key": "Full",
		"msg": "OAuth scope Full is granted while the client credentials flow is enabled (.ecaOauthPlcy isClientCredentialsFlowEnabled): anyone with the consumer secret gets this access without a user; limit the app to Api",
		"node": app.ecaOauth.commaSeparatedOauthScopes,
	}}) with input as app
}
