package calint.rules.cal404_test

import data.calint.rules.cal404
import data.calint.test as t

ca_input := t.ca({
	"permissionSetName": [t.leaf(3, "Modify_All_Data")],
	"profileName": [t.leaf(1, "System Administrator"), t.leaf(2, "Sales User")],
})

eca_input := t.eca({
	"ecaOauthPlcy": {
		"_ref": 0,
		"commaSeparatedPermissionSet": {"_ref": 1, "value": "Sync_Users, Modify_All_Data", "items": ["Sync_Users", "Modify_All_Data"]},
		"commaSeparatedProfile": {"_ref": 2, "value": "system administrator", "items": ["system administrator"]},
	},
	"ecaSamlPlcy": {
		"_ref": 3,
		"commaSeparatedProfile": {"_ref": 4, "value": "System Administrator,Sales User", "items": ["System Administrator", "Sales User"]},
	},
})

test_ca_default_option_fires if {
	r := cal404.deny with input as ca_input
	count(r) == 1
	some f in r
	f.node._ref == 1
	f.key == "profile:System Administrator"
}

test_ca_option_override if {
	r := cal404.deny with input as ca_input with data.calint.options as {"privileged-grants": ["Modify_All_Data"]}
	count(r) == 1
	some f in r
	f.node._ref == 3
}

test_ca_app_override if {
	r := cal404.deny with input as ca_input
		with data.calint.options as {"privileged-grants": ["Modify_All_Data"]}
		with data.calint.apps as {"A": {"privileged-grants": ["Sales User", "System Administrator"]}}
	count(r) == 2
	{f.node._ref | some f in r} == {1, 2}
}

test_ca_empty_option_passes if {
	r := cal404.deny with input as ca_input with data.calint.options as {"privileged-grants": []}
	count(r) == 0
}

test_ca_unprivileged_passes if {
	r := cal404.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0, "permissionSetName": [{"_ref": 3, "value": "Sync_Users"}]},
	}
	count(r) == 0
}

test_eca_default_fires_case_insensitive if {
	r := cal404.deny with input as eca_input
	count(r) == 2
	{f.node._ref | some f in r} == {2, 4}
}

test_eca_option_fires_on_csv_item if {
	r := cal404.deny with input as eca_input with data.calint.options as {"privileged-grants": ["Modify_All_Data"]}
	count(r) == 1
	some f in r
	f.node._ref == 1
	f.key == "permission set:Modify_All_Data"
}

test_eca_without_grants_passes if {
	r := cal404.deny with input as {
		"app": t.eca_app,
		"ecaOauthPlcy": {"_ref": 0, "permittedUsersPolicyType": {"_ref": 1, "value": "AllSelfAuthorized"}},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
# the default matches administrator clones of real orgs (BizApps Sys Admin, Google System
# Admin, Administrateur système, ...), not other admins of an application
test_default_matches_admin_clones if {
	names := [
		"BizApps Sys Admin", "Google System Admin", "System Administrator (Custom)", "Systemadministrator",
		"Administrateur système", "System Admin - Limited Data", "Sys Admin Integration User", "Admin",
		"Power BI Admin", "Service Administrator", "Salesforce Slack App Admin", "Sales User", "Admin w/o Deployment",
	]
	app := t.ca({"profileName": [t.leaf(i + 1, n) | some i, n in names]})
	r := cal404.deny with input as app
	{f.node.value | some f in r} == {
		"BizApps Sys Admin", "Google System Admin", "System Administrator (Custom)", "Systemadministrator",
		"Administrateur système", "System Admin - Limited Data", "Sys Admin Integration User", "Admin",
	}
}

# patterns are case-insensitive globs; setting the option replaces the default list
test_option_globs if {
	app := t.ca({"permissionSetName": [t.leaf(1, "Ops_Admin_Full"), t.leaf(2, "Ops_Reader")], "profileName": [t.leaf(3, "System Administrator")]})
	r := cal404.deny with input as app with data.calint.options as {"privileged-grants": ["ops_admin*"]}
	{f.node._ref | some f in r} == {1}
}

# ECA commaSeparatedPermissionSet holds permission set IDs (Metadata API reference): an ID
# matches only an equal entry, never a name pattern
test_eca_permission_set_ids if {
	app := t.eca({"ecaOauthPlcy": {"_ref": 0, "commaSeparatedPermissionSet": t.csv(1, ["0PS5g000000AbCdEFG", "0PS5g000000XyZaBCD"])}})
	count(cal404.deny) == 0 with input as app
	r := cal404.deny with input as app with data.calint.options as {"privileged-grants": ["*", "0PS5g000000AbCdEFG"]}
	count(r) == 1
	some f in r
	f.key == "permission set:0PS5g000000AbCdEFG"
}

test_whole_violation if {
	app := ca_input
	t.equals(cal404.deny, {{
		"key": "profile:System Administrator",
		"msg": "profileName grants the app to the privileged profile \"System Administrator\" (it matches privileged-grants); grant it to a least-privileged permission set instead",
		"node": app.connectedApp.profileName[0],
	}}) with input as app
}
