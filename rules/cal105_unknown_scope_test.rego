package calint.rules.cal105_test

import data.calint.rules.cal105

ca(values) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [{"_ref": i + 2, "value": v} | some i, v in values]}},
}

eca(values) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"ecaOauth": {"_ref": 0, "commaSeparatedOauthScopes": {"_ref": 1, "value": concat(", ", values), "items": values}},
}

test_ca_known_scopes_pass if {
	r := cal105.deny with input as ca(["Basic", "Api", "Web", "Full", "RefreshToken", "OpenID", "SFAP", "PwdlessLogin", "CDP"])
	count(r) == 0
}

test_ca_unknown_scopes_fire if {
	r := cal105.deny with input as ca(["Api", "ChatbotApi", "ID", "refresh_token"])
	count(r) == 3
	{f.key | some f in r} == {"ChatbotApi", "ID", "refresh_token"}
	some f in r
	f.key == "ID"
	f.node._ref == 4
}

test_ca_suggestions if {
	r := cal105.deny with input as ca(["refresh_token", "api", "SfapApi", "SFApiPlatform", "chatter_api", "ID"])
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
	r := cal105.deny with input as ca(["SFApiPlatform", "DataCloudUserClaims"])
	count(r) == 2
}

test_ca_mcp_scrt_pass if {
	# retrieved connected apps list MCP and SCRT after PwdlessLogin
	r := cal105.deny with input as ca(["MCP", "SCRT"])
	count(r) == 0
}

test_eca_known_scopes_pass if {
	r := cal105.deny with input as eca(["Api", "RefreshToken", "SFApiPlatform", "MCP", "SCRT", "OfflineAccess"])
	count(r) == 0
}

test_eca_unknown_scopes_fire if {
	r := cal105.deny with input as eca(["Api", "SFAP", "full"])
	count(r) == 2
	every f in r {
		f.node._ref == 1
	}
	msgs := {f.key: f.msg | some f in r}
	contains(msgs.SFAP, `did you mean "SFApiPlatform"`)
	contains(msgs.full, `did you mean "Full"`)
}
