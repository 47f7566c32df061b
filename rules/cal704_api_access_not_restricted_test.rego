package calint.rules.cal704_test

import data.calint.rules.cal704

import data.calint.test

settings(fields) := {
	"app": {"name": "ConnectedApp", "type": "ConnectedAppSettings", "files": []},
	"connectedAppSettings": object.union({"_ref": 0}, fields),
}

test_whole_violation if {
	r := cal704.deny with input as settings({"enableAdminApprovedAppsOnly": {"_ref": 1, "value": false}})
	test.equals(r, {{
		"msg": "connected app settings do not set enableAdminApprovedAppsOnly to true (false): any connected app, including one a user authorizes alone, can call the API",
		"node": {"_ref": 1, "value": false},
	}})
}

test_absent_fires_on_root if {
	r := cal704.deny with input as settings({})
	some f in r
	f.node == {"_ref": 0}
}

test_true_passes if {
	count(cal704.deny) == 0 with input as settings({"enableAdminApprovedAppsOnly": {"_ref": 1, "value": true}})
}

test_other_types_pass if {
	count(cal704.deny) == 0 with input as {"app": {"name": "A", "type": "ConnectedApp", "files": []}, "connectedApp": {"_ref": 0}}
}
