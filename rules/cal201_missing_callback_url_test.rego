package calint.rules.cal201_test

import data.calint.rules.cal201
import data.calint.test as t

url(ref, v) := {"_ref": ref, "value": v, "url": {"parsed": true, "scheme": "https", "host": "app.example.com", "port": "", "loopback": false, "userinfo": false, "password": false, "query": [], "fragment": false}}

test_ca_missing_fires_on_oauth_config if {
	r := cal201.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [{"_ref": 2, "value": "Api"}]}}}
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_ca_blank_fires_on_element if {
	r := cal201.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": "", "urls": []}}}}
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_present_passes if {
	r := cal201.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {"_ref": 2, "value": "https://app.example.com/cb", "urls": [url(3, "https://app.example.com/cb")]}}}}
	count(r) == 0
}

test_ca_without_oauth_config_passes if {
	r := cal201.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "label": {"_ref": 1, "value": "SAML only"}}}
	count(r) == 0
}

test_eca_missing_fires_on_global_settings if {
	r := cal201.deny with input as {"app": t.eca_app, "eca": {"_ref": 0}, "ecaGlblOauth": {"_ref": 5, "consumerKey": {"_ref": 6, "value": "3MVG9"}}}
	count(r) == 1
	some f in r
	f.node._ref == 5
}

test_eca_blank_fires if {
	r := cal201.deny with input as {"app": t.eca_app, "ecaGlblOauth": {"_ref": 5, "callbackUrl": {"_ref": 6, "value": "", "urls": []}}}
	count(r) == 1
	some f in r
	f.node._ref == 6
}

test_eca_present_passes if {
	r := cal201.deny with input as {"app": t.eca_app, "ecaGlblOauth": {"_ref": 5, "callbackUrl": {"_ref": 6, "value": "https://app.example.com/cb", "urls": [url(7, "https://app.example.com/cb")]}}}
	count(r) == 0
}

test_eca_without_global_settings_passes if {
	r := cal201.deny with input as {"app": t.eca_app, "eca": {"_ref": 0}, "ecaOauth": {"_ref": 1}}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "scopes": [{"_ref": 2, "value": "Api"}]}}}
	t.equals(cal201.deny, {{
		"msg": "oauthConfig has no callbackUrl, which Salesforce requires for OAuth, so the deploy fails; add the HTTPS redirect URL of the integration",
		"node": app.connectedApp.oauthConfig,
	}}) with input as app
}
