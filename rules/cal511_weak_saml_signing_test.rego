package calint.rules.cal511_test

import data.calint.rules.cal511
import data.calint.test as t

ca_saml(algo) := t.ca({"samlConfig": {"_ref": 1, "samlSigningAlgoType": t.leaf(2, algo)}})

eca_saml(algo) := t.eca({"ecaSamlPlcy": {"_ref": 0, "signingAlgorithmType": t.leaf(1, algo)}})

test_ca_sha1_fires if {
	r := cal511.deny with input as ca_saml("SHA1")
	count(r) == 1
	some f in r
	f.node._ref == 2
}

test_ca_sha256_passes if {
	r := cal511.deny with input as ca_saml("SHA256")
	count(r) == 0
}

test_ca_absent_passes if {
	r := cal511.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "samlConfig": {"_ref": 1}}}
	count(r) == 0
}

test_eca_sha1_fires if {
	r := cal511.deny with input as eca_saml("SHA1")
	count(r) == 1
	some f in r
	f.node._ref == 1
}

test_eca_sha256_passes if {
	r := cal511.deny with input as eca_saml("SHA256")
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := ca_saml("SHA1")
	t.equals(cal511.deny, {{
		"msg": "SAML assertions are signed with SHA1; use SHA256",
		"node": app.connectedApp.samlConfig.samlSigningAlgoType,
	}}) with input as app
}
