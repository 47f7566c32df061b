package calint.rules.cal516_test

import data.calint.rules.cal516

import data.calint.test

cert(alg, weak, kt, key_bits) := {"parsed": true, "placeholder": false, "error": "", "signatureAlgorithm": alg, "weakSignature": weak, "keyType": kt, "keyBits": key_bits, "notAfter": "2099-12-31", "daysLeft": 26700, "subject": "jwt.example.com"}

ca(c) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1, "certificate": {"_ref": 2, "value": "MIIC", "cert": c}}},
}

test_whole_violation if {
	r := cal516.deny with input as ca(cert("SHA1-RSA", true, "RSA", 2048))
	test.equals(r, {{
		"msg": "oauthConfig/certificate certificate \"jwt.example.com\" is signed with SHA1-RSA; replace it with a SHA-256 certificate and a key of at least 2048 bits (RSA) or 256 bits (EC)",
		"node": {"_ref": 2, "value": "MIIC", "cert": cert("SHA1-RSA", true, "RSA", 2048)},
		"key": "oauthConfig/certificate",
	}})
}

test_small_keys if {
	r := cal516.deny with input as ca(cert("SHA256-RSA", false, "RSA", 1024))
	some f in r
	contains(f.msg, "1024-bit RSA key")
	r2 := cal516.deny with input as ca(cert("ECDSA-SHA256", false, "EC", 224))
	some f2 in r2
	contains(f2.msg, "224-bit EC key")
}

test_strong_passes if {
	count(cal516.deny) == 0 with input as ca(cert("SHA256-RSA", false, "RSA", 2048))
	count(cal516.deny) == 0 with input as ca(cert("ECDSA-SHA256", false, "EC", 256))
}

test_unparsed_passes if {
	count(cal516.deny) == 0 with input as ca({"parsed": false, "placeholder": true, "error": "a placeholder", "signatureAlgorithm": "", "weakSignature": false, "keyType": "", "keyBits": 0, "notAfter": "", "daysLeft": 0, "subject": ""})
}

test_eca_saml if {
	r := cal516.deny with input as {
		"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
		"ecaSamlPlcy": {"_ref": 0, "certificate": {"_ref": 1, "value": "MIIC", "cert": cert("MD5-RSA", true, "RSA", 2048)}},
	}
	some f in r
	f.node._ref == 1
}
