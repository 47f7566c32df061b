package calint.rules.cal514_test

import data.calint.rules.cal514

import data.calint.test

ca(saml) := {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0, "samlConfig": saml}}

test_whole_violation if {
	r := cal514.deny with input as ca({"_ref": 1, "acsUrl": {"_ref": 2, "value": "https://sp.example.com/acs"}})
	test.equals(r, {{
		"msg": "samlConfig has no service provider certificate, so Salesforce accepts unsigned SAML requests; add the SP signing certificate",
		"node": {"_ref": 1, "acsUrl": {"_ref": 2, "value": "https://sp.example.com/acs"}},
	}})
}

test_empty_certificate_fires if {
	count(cal514.deny) == 1 with input as ca({"_ref": 1, "certificate": {"_ref": 2, "value": " "}})
}

test_certificate_passes if {
	count(cal514.deny) == 0 with input as ca({"_ref": 1, "certificate": {"_ref": 2, "value": "MIIC"}})
}

test_no_saml_passes if {
	count(cal514.deny) == 0 with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
}

test_eca if {
	r := cal514.deny with input as {"app": {"name": "E", "type": "ExternalClientApplication", "files": []}, "ecaSamlPlcy": {"_ref": 5}}
	some f in r
	f.node._ref == 5
}
