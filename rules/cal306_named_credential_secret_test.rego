package calint.rules.cal306_test

import data.calint.rules.cal306

import data.calint.test

nc(fields) := {
	"app": {"name": "Billing", "type": "NamedCredential", "files": []},
	"namedCredential": object.union({"_ref": 0, "endpoint": {"_ref": 1, "value": "https://billing.example.net"}}, fields),
}

ec(params) := {
	"app": {"name": "Partner", "type": "ExternalCredential", "files": []},
	"externalCredential": {"_ref": 0, "externalCredentialParameters": params},
}

param(ref, name, type, value) := {
	"_ref": ref,
	"parameterName": {"_ref": ref + 1, "value": name},
	"parameterType": {"_ref": ref + 2, "value": type},
	"parameterValue": {"_ref": ref + 3, "value": value},
}

test_password_fires_without_showing_it if {
	r := cal306.deny with input as nc({"password": {"_ref": 5, "value": "hunter2hunter2"}})
	test.equals(r, {{
		"msg": "NamedCredential Billing holds a committed secret in password (hidden, 14 characters); remove it, rotate the credential and set it in Setup",
		"node": {"_ref": 5, "value": "hunter2hunter2"},
	}})
}

test_every_legacy_secret_field_fires if {
	r := cal306.deny with input as nc({
		"oauthToken": {"_ref": 5, "value": "00Dxx!AQ4AQ.token"},
		"oauthRefreshToken": {"_ref": 6, "value": "5Aep861refresh"},
		"awsAccessSecret": {"_ref": 7, "value": "wJalrXUtnFEMI/K7MDENG"},
		"username": {"_ref": 8, "value": "integration@example.com"},
	})
	{f.node._ref | some f in r} == {5, 6, 7}
}

test_empty_and_placeholder if {
	count(cal306.deny) == 0 with input as nc({"password": {"_ref": 5, "value": ""}})
	r := cal306.deny with input as nc({"password": {"_ref": 5, "value": "{PASSWORD}"}})
	some f in r
	f.severity == "info"
}

test_external_credential_literal_header_fires if {
	r := cal306.deny with input as ec([
		param(10, "Authorization", "AuthHeader", "Bearer abcdef123456"),
		param(20, "X-Api-Key", "AuthHeader", "{!$Credential.Partner.ApiKey}"),
		param(30, "ApiKey", "AuthParameter", "k-1234567890"),
		param(40, "AwsRegion", "AuthParameter", "us-east-1"),
		param(50, "Principal", "NamedPrincipal", ""),
	])
	{f.node._ref | some f in r} == {13, 33}
	every f in r {
		not contains(f.msg, "abcdef")
		not contains(f.msg, "k-1234")
	}
}

# test_whole_violation: a literal AuthHeader value of an External Credential is reported on
# its parameterValue element, named by parameter name and type, its value hidden.
test_whole_violation if {
	r := cal306.deny with input as ec([param(10, "Authorization", "AuthHeader", "Bearer abcdef123456")])
	test.equals(r, {{
		"msg": "ExternalCredential Partner holds a committed secret in externalCredentialParameters Authorization (AuthHeader) (hidden, 19 characters); remove it, rotate the credential and set it in Setup",
		"node": {"_ref": 13, "value": "Bearer abcdef123456"},
	}})
}
