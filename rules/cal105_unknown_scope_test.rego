package calint.rules.cal105_test

import data.calint.rules.cal105
import data.calint.test as t

ca_scopes(values) := t.ca_oauth({"scopes": [t.leaf(i + 2, v) | some i, v in values]})

eca_scopes(values) := t.eca({"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": t.csv(1, values)}})

test_ca_known_scopes_pass if {
	r := cal105.deny with input as ca_scopes(["Basic", "Api", "Web", "Full", "RefreshToken", "OpenID", "SFAP", "PwdlessLogin", "CDP"])
	count(r) == 0
}

test_ca_unknown_scopes_fire if {
	r := cal105.deny with input as ca_scopes(["Api", "ChatbotApi", "ID", "refresh_token"])
	count(r) == 3
	{f.key | some f in r} == {"ChatbotApi", "ID", "refresh_token"}
	some f in r
	f.key == "ID"
	f.node._ref == 4
}

test_ca_suggestions if {
	r := cal105.deny with input as ca_scopes(["refresh_token", "api", "SfapApi", "SFApiPlatform", "chatter_api", "ID"])
	msgs := {f.key: f.msg | some f in r}
	contains(msgs.refresh_token, `did you mean "RefreshToken"`)
	contains(msgs.api, `did you mean "Api"`)
	contains(msgs.SfapApi, `did you mean "SFAP"`)
	contains(msgs.SFApiPlatform, `did you mean "SFAP"`)
	contains(msgs.chatter_api, `did you mean "Chatter"`)
	not contains(msgs.ID, "did you mean")
	count(r) == 6
}

test_ca_eca_only_scopes_fire if {
	r := cal105.deny with input as ca_scopes(["SFApiPlatform", "DataCloudUserClaims"])
	count(r) == 2
}

test_ca_mcp_scrt_pass if {
	# retrieved connected apps list MCP and SCRT after PwdlessLogin
	r := cal105.deny with input as ca_scopes(["MCP", "SCRT"])
	count(r) == 0
}

test_eca_known_scopes_pass if {
	r := cal105.deny with input as eca_scopes(["Api", "RefreshToken", "SFApiPlatform", "MCP", "SCRT", "OfflineAccess"])
	count(r) == 0
}

test_eca_unknown_scopes_fire if {
	r := cal105.deny with input as eca_scopes(["Api", "SFAP", "full"])
	count(r) == 2
	every f in r {
		f.node._ref == 1
	}
	msgs := {f.key: f.msg | some f in r}
	contains(msgs.SFAP, `did you mean "SFApiPlatform"`)
	contains(msgs.full, `did you mean "Full"`)
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_scopes(["Api", "refresh_token"])
	t.equals(cal105.deny, {{
		"key": "refresh_token",
		"msg": "OAuth scope \"refresh_token\" is not a known ConnectedApp scope value; did you mean \"RefreshToken\"?",
		"node": app.connectedApp.oauthConfig.scopes[1],
	}}) with input as app
}
