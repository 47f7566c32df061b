package calint.rules.cal301_test

import data.calint.rules.cal301
import data.calint.test as t

secret := "8F3A1C9E2B7D4F60A1B2C3D4E5F60718293A4B5C6D7E8F90"

eca_with_glbl(glbl) := t.eca({"eca": {"_ref": 0}, "ecaGlblOauth": object.union({"_ref": 10}, glbl)})

test_ca_secret_fires_redacted if {
	r := cal301.deny with input as t.ca_oauth({"consumerSecret": {"_ref": 2, "value": secret}})
	count(r) == 1
	some f in r
	f.node._ref == 2
	not f.severity
	not contains(f.msg, secret)
	not contains(f.msg, substring(secret, 0, 4))
	contains(f.msg, sprintf("(hidden, %d characters)", [count(secret)]))
}

test_ca_without_secret_passes if {
	r := cal301.deny with input as t.ca_oauth({"consumerKey": {"_ref": 2, "value": "3MVG9_KEY"}})
	count(r) == 0
}

test_ca_empty_secret_passes if {
	r := cal301.deny with input as t.ca_oauth({"consumerSecret": {"_ref": 2, "value": ""}})
	count(r) == 0
}

# a template placeholder exposes nothing (real corpus: {SECRET} in scripts/templates of the
# Slack starter kits and ready-to-fly): info, and the message never shows the value
test_all_placeholders_are_info if {
	every p in ["${SF_CONSUMER_SECRET}", "{SECRET}", "{{secret}}", "<your secret>", "changeme", "xxxxxxxx", "********", "CHANGE_ME"] {
		r := cal301.deny with input as t.ca_oauth({"consumerSecret": {"_ref": 2, "value": p}})
		count(r) == 1
		some f in r
		f.severity == "info"
		f.node._ref == 2
		f.msg == sprintf("oauthConfig/consumerSecret holds a template placeholder (%d characters), not a secret: it exposes nothing; keep the real secret out of the file when the template is filled in", [count(p)])
		not contains(f.msg, p)
	}
}

test_secret_like_placeholder_prefix_is_critical if {
	r := cal301.deny with input as t.ca_oauth({"consumerSecret": {"_ref": 2, "value": "xxxx1234abcd"}})
	some f in r
	not f.severity
}

test_eca_secret_fires if {
	r := cal301.deny with input as eca_with_glbl({"consumerSecret": {"_ref": 11, "value": secret}})
	count(r) == 1
	some f in r
	f.node._ref == 11
	not contains(f.msg, secret)
}

test_eca_without_secret_passes if {
	r := cal301.deny with input as eca_with_glbl({"consumerKey": {"_ref": 11, "value": "3MVG9_KEY"}})
	count(r) == 0
}

test_short_secret_fully_hidden if {
	r := cal301.deny with input as eca_with_glbl({"consumerSecret": {"_ref": 11, "value": "s3cr3t!"}})
	some f in r
	not contains(f.msg, "s3c")
	contains(f.msg, "7 characters")
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.ca_oauth({"consumerSecret": {"_ref": 2, "value": secret}})
	t.equals(cal301.deny, {{
		"msg": "oauthConfig/consumerSecret holds a committed consumer secret (hidden, 48 characters); remove it and rotate the secret",
		"node": app.connectedApp.oauthConfig.consumerSecret,
	}}) with input as app
}
