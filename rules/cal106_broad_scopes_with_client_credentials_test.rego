package calint.rules.cal106_test

import data.calint.rules.cal106
import data.calint.test as t

ca_client_credentials(enabled, scopes) := t.ca_oauth({
	"isClientCredentialEnabled": t.leaf(2, enabled),
	"scopes": [t.leaf(i + 10, v) | some i, v in scopes],
})

eca_scopes(values) := {"_ref": 1, "commaSeparatedOauthScopes": {"_ref": 2, "value": concat(", ", values), "items": values}}

# RefreshToken is not reported: the client credentials flow never issues refresh tokens
test_ca_broad_scopes_fire if {
	r := cal106.deny with input as ca_client_credentials(true, ["Api", "Full", "Web", "RefreshToken"])
	count(r) == 2
	{f.node._ref | some f in r} == {11, 12}
	{f.key | some f in r} == {"Full", "Web"}
}

test_ca_refresh_token_only_passes if {
	count(cal106.deny) == 0 with input as ca_client_credentials(true, ["Api", "RefreshToken", "OfflineAccess"])
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

eca_cc(scopes, glbl, plcy) := object.union(
	{"app": t.eca_app, "ecaOauth": eca_scopes(scopes)},
	object.union(
		{k: v | glbl != null; k := "ecaGlblOauth"; v := {"_ref": 20, "isClientCredentialsFlowEnabled": t.leaf(21, glbl)}},
		{k: v | plcy != null; k := "ecaOauthPlcy"; v := {"_ref": 30, "isClientCredentialsFlowEnabled": t.leaf(31, plcy)}},
	),
)

# Salesforce Help: an External Client App needs the flow on in both the global OAuth settings
# and the OAuth policies; the real corpus has apps with the settings on and the policy off.
test_eca_both_files_enable_fires_once_per_element if {
	r := cal106.deny with input as eca_cc(["Api", "Web", "Full", "OfflineAccess"], true, true)
	count(r) == 1
	some f in r
	f.node._ref == 2
	f.key == "Full,Web"
	not f.severity
	startswith(f.msg, "OAuth scopes Full and Web are granted while the client credentials flow is on (.ecaGlblOauth isClientCredentialsFlowEnabled and .ecaOauthPlcy isClientCredentialsFlowEnabled)")
}

test_eca_one_file_disables_passes if {
	count(cal106.deny) == 0 with input as eca_cc(["Full"], true, false)
	count(cal106.deny) == 0 with input as eca_cc(["Full"], false, true)
	count(cal106.deny) == 0 with input as eca_cc(["Full"], false, false)
}

# the other file is not in the scan (the global settings belong out of source control)
test_eca_one_file_missing_is_medium if {
	every inp in [eca_cc(["Full"], true, null), eca_cc(["Full"], null, true)] {
		r := cal106.deny with input as inp
		count(r) == 1
		some f in r
		f.severity == "medium"
		contains(f.msg, "could not be checked")
	}
	count(cal106.deny) == 0 with input as eca_cc(["Full"], false, null)
}

test_eca_api_only_passes if {
	count(cal106.deny) == 0 with input as eca_cc(["Api", "RefreshToken"], true, true)
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_client_credentials(true, ["Full"])
	t.equals(cal106.deny, {{
		"key": "Full",
		"msg": "OAuth scope Full is granted while the client credentials flow is on (oauthConfig/isClientCredentialEnabled): anyone with the consumer key and secret gets this access without a user; limit the app to Api",
		"node": app.connectedApp.oauthConfig.scopes[0],
	}}) with input as app
}
