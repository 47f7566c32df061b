package calint.rules.cal705_test

import data.calint.rules.cal705

import data.calint.test

settings(fields) := {
	"app": {"name": "ExternalClientApp", "type": "ExternalClientAppSettings", "files": []},
	"externalClientAppSettings": object.union({"_ref": 0}, fields),
}

test_whole_violation if {
	r := cal705.deny with input as settings({"enableClientSecretInRestApiAccess": {"_ref": 1, "value": true}})
	test.equals(r, {{
		"msg": "external client app settings set enableClientSecretInRestApiAccess to true: OAuth consumer secrets can be read through the credentials REST API",
		"node": {"_ref": 1, "value": true},
		"key": "enableClientSecretInRestApiAccess",
	}})
}

test_both if {
	r := cal705.deny with input as settings({
		"enableClientSecretInRestApiAccess": {"_ref": 1, "value": true},
		"enableConsumerSecretApiAccess": {"_ref": 2, "value": true},
	})
	{f.node._ref | some f in r} == {1, 2}
}

test_false_or_absent_passes if {
	count(cal705.deny) == 0 with input as settings({})
	count(cal705.deny) == 0 with input as settings({"enableConsumerSecretApiAccess": {"_ref": 2, "value": false}})
}
