package acme.rules.contact_email_domain_test

import data.acme.rules.contact_email_domain as rule

ca(address) := {
	"app": {"name": "A", "type": "ConnectedApp", "files": []},
	"connectedApp": {"_ref": 0, "contactEmail": {"_ref": 1, "value": address}},
}

eca(address) := {
	"app": {"name": "E", "type": "ExternalClientApplication", "files": []},
	"eca": {"_ref": 0, "contactEmail": {"_ref": 1, "value": address}},
}

options := {"custom": {"contact-email-domains": ["acme.example"]}}

test_off_without_option if {
	count(rule.deny) == 0 with input as ca("someone@gmail.example")
}

test_org_addresses_pass if {
	count(rule.deny) == 0 with input as ca("team@ACME.example") with data.calint.options as options
	count(rule.deny) == 0 with input as eca("team@eu.acme.example") with data.calint.options as options
}

test_other_domains_fire if {
	r := rule.deny with input as eca("someone@acme.example.vendor.test") with data.calint.options as options
	[f.msg | some f in r] == ["contact email domain acme.example.vendor.test is not one of acme.example"]
	[f.node._ref | some f in r] == [1]
}
