package calint.rules.cal604_test

import data.calint.rules.cal604
import data.calint.test as t

ghost_app := object.union(t.eca_app, {"name": "Ghost"})

test_children_without_header_fire_per_child if {
	r := cal604.deny with input as {
		"app": ghost_app,
		"ecaOauth": {"_ref": 0, "externalClientApplication": {"_ref": 1, "value": "Ghost"}},
		"ecaOauthPlcy": {"_ref": 10, "externalClientApplication": {"_ref": 11, "value": "Ghost"}},
	}
	count(r) == 2
	{f.node._ref | some f in r} == {1, 11}
}

test_with_header_passes if {
	r := cal604.deny with input as {
		"app": ghost_app,
		"eca": {"_ref": 20, "label": {"_ref": 21, "value": "Ghost"}},
		"ecaOauth": {"_ref": 0, "externalClientApplication": {"_ref": 1, "value": "Ghost"}},
	}
	count(r) == 0
}

test_ca_passes if {
	r := cal604.deny with input as {
		"app": t.ca_app,
		"connectedApp": {"_ref": 0},
	}
	count(r) == 0
}

test_blank_reference_is_left_to_cal605 if {
	r := cal604.deny with input as {
		"app": {"name": "x.ecaOauth-meta.xml", "type": "ExternalClientApplication", "files": []},
		"ecaOauth": {"_ref": 0, "externalClientApplication": {"_ref": 1, "value": ""}},
	}
	count(r) == 0
}

# a namespaced reference with no header is an installed package's app (real corpus:
# Linear__Linear): info, never medium; a reference with more than one "__" is no namespace
test_installed_package_app_is_info if {
	app := t.eca({"ecaOauthPlcy": {"_ref": 0, "externalClientApplication": t.leaf(1, "Linear__Linear")}})
	t.equals(cal604.deny, {{
		"msg": "externalClientApplication names \"Linear__Linear\", an app of the installed package with namespace Linear (no header in the project, as expected for an installed app)",
		"node": app.ecaOauthPlcy.externalClientApplication,
		"severity": "info",
	}}) with input as app
	r := cal604.deny with input as t.eca({"ecaOauthPlcy": {"_ref": 0, "externalClientApplication": t.leaf(1, "a__b__c")}})
	{object.get(f, "severity", "medium") | some f in r} == {"medium"}
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := t.eca({"app": ghost_app, "ecaOauth": {"_ref": 0, "externalClientApplication": t.leaf(1, "Ghost")}})
	t.equals(cal604.deny, {{
		"msg": "externalClientApplication names \"Ghost\", but no .eca header of that app is in the scan",
		"node": app.ecaOauth.externalClientApplication,
	}}) with input as app
}
