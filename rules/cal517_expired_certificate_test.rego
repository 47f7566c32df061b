package calint.rules.cal517_test

import data.calint.rules.cal517

import data.calint.test

cert(na, days) := {"parsed": true, "placeholder": false, "error": "", "signatureAlgorithm": "SHA256-RSA", "weakSignature": false, "keyType": "RSA", "keyBits": 2048, "notAfter": na, "daysLeft": days, "subject": "jwt.example.com"}

ca(c) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "samlConfig": {"_ref": 1, "certificate": {"_ref": 2, "value": "MIIC", "cert": c}}},
}

test_whole_violation if {
	r := cal517.deny with input as ca(cert("2020-01-01", -400))
	test.equals(r, {{
		"msg": "samlConfig/certificate certificate \"jwt.example.com\" expired on 2020-01-01; renew it or remove it",
		"node": {"_ref": 2, "value": "MIIC", "cert": cert("2020-01-01", -400)},
		"key": "samlConfig/certificate",
	}})
}

test_expiring_within_warning if {
	r := cal517.deny with input as ca(cert("2027-01-01", 10))
	some f in r
	contains(f.msg, "expires on 2027-01-01, in 10 days")
	count(cal517.deny) == 0 with input as ca(cert("2027-01-01", 10)) with data.calint.options as {"certificate-expiry-warning-days": 0}
}

test_last_day_warns if {
	count(cal517.deny) == 1 with input as ca(cert("2027-01-01", 0))
}

test_valid_passes if {
	count(cal517.deny) == 0 with input as ca(cert("2099-12-31", 26700))
}
