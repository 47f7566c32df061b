package calint.rules.cal303_test

import data.calint.rules.cal303
import data.calint.test as t

pem_body := "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj"

pem := concat("\n", ["-----BEGIN PRIVATE KEY-----", pem_body, "-----END PRIVATE KEY-----"])

rsa_pem := concat("\n", ["-----BEGIN RSA PRIVATE KEY-----", pem_body, "-----END RSA PRIVATE KEY-----"])

cert_pem := concat("\n", ["-----BEGIN CERTIFICATE-----", pem_body, "-----END CERTIFICATE-----"])

ca_oauth(oauth) := object.union(t.ca_oauth(oauth), {"unknownElements": [], "invalidValues": []})

test_ca_pem_in_certificate_fires if {
	r := cal303.deny with input as ca_oauth({"certificate": {"_ref": 2, "value": concat("\n", [cert_pem, rsa_pem])}})
	count(r) == 1
	some f in r
	f.node._ref == 2
	contains(f.msg, "connectedApp/oauthConfig/certificate")
	contains(f.msg, "BEGIN RSA PRIVATE KEY")
	not contains(f.msg, substring(pem_body, 0, 4))
}

test_ca_public_certificate_passes if {
	r := cal303.deny with input as ca_oauth({"certificate": {"_ref": 2, "value": cert_pem}})
	count(r) == 0
}

test_ca_bare_base64_certificate_passes if {
	r := cal303.deny with input as ca_oauth({"certificate": {"_ref": 2, "value": pem_body}})
	count(r) == 0
}

test_pem_in_repeated_element_fires if {
	r := cal303.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "attributes": [
			{"_ref": 1, "formula": {"_ref": 2, "value": "$User.Email"}, "key": {"_ref": 3, "value": "email"}},
			{"_ref": 4, "formula": {"_ref": 5, "value": pem}, "key": {"_ref": 6, "value": "k"}},
		]},
	}
	count(r) == 1
	some f in r
	f.node._ref == 5
	contains(f.msg, "connectedApp/attributes/formula")
}

test_pem_not_reported_twice_for_url_lines if {
	r := cal303.deny with input as ca_oauth({"callbackUrl": {
		"_ref": 2, "value": pem,
		"urls": [{"_ref": 3, "value": "-----BEGIN PRIVATE KEY-----", "url": {"parsed": false}}],
	}})
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_pem_in_invalid_values_not_duplicated if {
	inp := object.union(ca_oauth({"isAdminApproved": {"_ref": 2, "value": pem}}), {"invalidValues": [{"_ref": 2, "name": "isAdminApproved", "path": "x", "value": pem, "expected": "boolean"}]})
	r := cal303.deny with input as inp
	count(r) == 1
}

test_eca_pem_in_glbl_certificate_fires if {
	r := cal303.deny with input as {
		"app": t.eca_app,
		"ecaGlblOauth": {"_ref": 0, "certificate": {"_ref": 1, "value": pem}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 1
	contains(f.msg, "ecaGlblOauth/certificate")
}

test_eca_push_secrets_fire if {
	r := cal303.deny with input as {
		"app": t.eca_app,
		"ecaPush": {"_ref": 0, "applePushConfig": {
			"_ref": 1,
			"certificate": {"_ref": 2, "value": "MIIKfAIBAzCCCj"},
			"environment": {"_ref": 3, "value": "Production"},
			"password": {"_ref": 4, "value": "hunter2hunter2"},
			"signingKey": {"_ref": 5, "value": pem},
		}},
	}
	count(r) == 3
	{f.node._ref | some f in r} == {2, 4, 5}
	every f in r {
		not contains(f.msg, "hunter")
		not contains(f.msg, "MIIK")
	}
}

test_eca_android_service_account_fires if {
	r := cal303.deny with input as {
		"app": t.eca_app,
		"ecaPush": {"_ref": 0, "androidPushConfig": {
			"_ref": 1,
			"fcmProject": {"_ref": 2, "value": "acme-push"},
			"serviceAccount": {"_ref": 3, "value": "ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIK"},
		}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 3
	not contains(f.msg, "ewog")
}

test_eca_push_link_passes if {
	r := cal303.deny with input as {
		"app": t.eca_app,
		"ecaPush": {"_ref": 0, "pushConfigLink": {"_ref": 1, "value": "00D000000000001:1Dh000000000001"}, "pushServiceType": {"_ref": 2, "value": "Apple"}},
	}
	count(r) == 0
}

test_eca_empty_push_secret_passes if {
	r := cal303.deny with input as {
		"app": t.eca_app,
		"ecaPush": {"_ref": 0, "applePushConfig": {"_ref": 1, "password": {"_ref": 2, "value": ""}}},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_oauth({"certificate": {"_ref": 2, "value": rsa_pem}})
	t.equals(cal303.deny, {{
		"msg": "connectedApp/oauthConfig/certificate holds a PEM private key block (BEGIN RSA PRIVATE KEY); private keys must not be in source",
		"node": app.connectedApp.oauthConfig.certificate,
	}}) with input as app
}
