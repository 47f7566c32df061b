package calint.rules.cal304_test

import data.calint.rules.cal304
import data.calint.test as t

fact(scheme, host, password, query) := {
	"parsed": true, "scheme": scheme, "host": host, "port": "", "loopback": false,
	"userinfo": password, "password": password, "query": query, "fragment": false,
}

test_ca_callback_line_with_secret_param_fires if {
	r := cal304.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "callbackUrl": {
			"_ref": 2,
			"value": "https://a.example.com/cb\nhttps://b.example.com/cb?client_secret=Zk93Jd8s0aQ1",
			"urls": [
				{"_ref": 3, "value": "https://a.example.com/cb", "url": fact("https", "a.example.com", false, [])},
				{"_ref": 4, "value": "https://b.example.com/cb?client_secret=Zk93Jd8s0aQ1", "url": fact("https", "b.example.com", false, ["client_secret"])},
			],
		}}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 4
	f.key == "client_secret"
	contains(f.msg, "callbackUrl (URL 2)")
	not contains(f.msg, "Zk93")
}

test_ca_start_url_with_password_fires if {
	r := cal304.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "startUrl": {"_ref": 1, "value": "https://svc:Pa55w0rd!@portal.example.com/?sig=abc&x=1", "url": fact("https", "portal.example.com", true, ["sig", "x"])}},
	}
	count(r) == 2
	{f.key | some f in r} == {"userinfo", "sig"}
	every f in r {
		f.node._ref == 1
		not contains(f.msg, "Pa55")
		not contains(f.msg, "svc:")
		contains(f.msg, "connectedApp/startUrl")
	}
}

test_ca_clean_urls_pass if {
	r := cal304.deny with input as {
		"app": t.ca_app,
		"connectedApp": {
			"_ref": 0,
			"infoUrl": {"_ref": 1, "value": "https://acme.example/info?lang=en&callback=sf", "url": fact("https", "acme.example", false, ["lang", "callback"])},
			"oauthConfig": {"_ref": 2, "callbackUrl": {"_ref": 3, "value": "https://a.example.com/cb", "urls": [{"_ref": 4, "value": "https://a.example.com/cb", "url": fact("https", "a.example.com", false, [])}]}},
		},
	}
	count(r) == 0
}

test_userinfo_without_password_passes if {
	r := cal304.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "startUrl": {"_ref": 1, "value": "https://svc@portal.example.com/", "url": object.union(fact("https", "portal.example.com", false, []), {"userinfo": true})}},
	}
	count(r) == 0
}

test_param_name_variants if {
	every name in ["apikey", "api_key", "access_token", "refresh_token", "pwd", "password", "token", "sig", "stripe_secret"] {
		r := cal304.deny with input as {
			"app": t.ca_app,
			"connectedApp": {"_ref": 0, "logoUrl": {"_ref": 1, "value": "x", "url": fact("https", "h.example", false, [name])}},
		}
		count(r) == 1
	}
}

test_harmless_params_pass if {
	every name in ["state", "code", "page_token_hint", "tokenize", "signup", "lang"] {
		r := cal304.deny with input as {
			"app": t.ca_app,
			"connectedApp": {"_ref": 0, "logoUrl": {"_ref": 1, "value": "x", "url": fact("https", "h.example", false, [name])}},
		}
		count(r) == 0
	}
}

test_eca_glbl_callback_with_token_fires if {
	r := cal304.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 0, "callbackUrl": {"_ref": 1, "value": "https://e.example.com/cb?access_token=eyJhbGciOi", "urls": [{"_ref": 2, "value": "https://e.example.com/cb?access_token=eyJhbGciOi", "url": fact("https", "e.example.com", false, ["access_token"])}]}},
		"ecaPlcy": {"_ref": 3, "startUrl": {"_ref": 4, "value": "https://e.example.com/home", "url": fact("https", "e.example.com", false, [])}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "ecaGlblOauth/callbackUrl (URL 1)")
	not contains(f.msg, "eyJh")
}

test_eca_clean_passes if {
	r := cal304.deny with input as {
		"app": t.eca_app,
		"ecaSamlPlcy": {"_ref": 0, "acsUrl": {"_ref": 1, "value": "https://sp.example.com/acs", "url": fact("https", "sp.example.com", false, [])}},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca_oauth({"callbackUrl": t.callback_url(2, [{
		"_ref": 3,
		"value": "https://b.example.com/cb?client_secret=Zk93Jd8s0aQ1",
		"url": fact("https", "b.example.com", false, ["client_secret"]),
	}])})
	t.equals(cal304.deny, {{
		"key": "client_secret",
		"msg": "connectedApp/oauthConfig/callbackUrl (URL 1) passes a credential in query parameter \"client_secret\"; remove it and rotate the credential",
		"node": app.connectedApp.oauthConfig.callbackUrl.urls[0],
	}}) with input as app
}
