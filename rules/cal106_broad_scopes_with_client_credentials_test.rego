package calint.rules.cal106_test

import data.calint.rules.cal106

ca(enabled, scopes) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {
		"_ref": 1,
		"isClientCredentialEnabled": {"_ref": 2, "value": enabled},
		"scopes": [{"_ref": i + 10, "value": v} | some i, v in scopes],
	}},
}

eca_scopes(values) := {"_ref": 1, "commaSeparatedOauthScopes": {"_ref": 2, "value": concat(", ", values), "items": values}}

eca_app := {"name": "E", "type": "ExternalClientApplication", "files": []}

test_ca_broad_scopes_fire if {
	r := cal106.deny with input as ca(true, ["Api", "Full", "Web", "RefreshToken"])
	count(r) == 3
	{f.node._ref | some f in r} == {11, 12, 13}
	{f.key | some f in r} == {"Full", "Web", "RefreshToken"}
}

test_ca_api_only_passes if {
	r := cal106.deny with input as ca(true, ["Api", "OpenID"])
	count(r) == 0
}

test_ca_flow_disabled_passes if {
	count(cal106.deny) == 0 with input as ca(false, ["Full", "RefreshToken"])
	count(cal106.deny) == 0 with input as ca("yes", ["Full"])
}

test_ca_flow_absent_passes if {
	r := cal106.deny with input as {
		"app": {"name": "A", "type": "ConnectedApp", "files": []},
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [{"_ref": 2, "value": "Full"}]}},
	}
	count(r) == 0
}

test_eca_global_flag_fires if {
	r := cal106.deny with input as {
		"app": eca_app,
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
		"app": eca_app,
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
		"app": eca_app,
		"ecaOauth": eca_scopes(["Full", "RefreshToken"]),
		"ecaGlblOauth": {"_ref": 20, "isClientCredentialsFlowEnabled": {"_ref": 21, "value": false}},
	}
	count(r) == 0
}

test_eca_api_only_passes if {
	r := cal106.deny with input as {
		"app": eca_app,
		"ecaOauth": eca_scopes(["Api"]),
		"ecaOauthPlcy": {"_ref": 30, "isClientCredentialsFlowEnabled": {"_ref": 31, "value": true}},
	}
	count(r) == 0
}
