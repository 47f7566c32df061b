package calint.rules.cal606_test

import data.calint.rules.cal606
import data.calint.test as t

dup_config := {"_ref": 9, "name": "oauthConfig", "path": "oauthConfig[1]", "file": "A.connectedApp-meta.xml", "occurrence": 2, "what": ""}

dup_leaf := {"_ref": 12, "name": "ipRelaxation", "path": "oauthPolicy/ipRelaxation[1]", "file": "A.connectedApp-meta.xml", "occurrence": 2, "what": ""}

dup_file := {"_ref": 30, "name": "ExtlClntAppOauthConfigurablePolicies", "path": "ExtlClntAppOauthConfigurablePolicies", "file": "b/E.ecaOauthPlcy-meta.xml", "occurrence": 2, "what": "another .ecaOauthPlcy file"}

test_every_duplicate_fires if {
	r := cal606.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0}, "duplicates": [dup_config, dup_leaf]}
	count(r) == 2
	{f.node._ref | some f in r} == {9, 12}
}

test_element_message if {
	r := cal606.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0}, "duplicates": [dup_leaf]}
	some f in r
	contains(f.msg, "ipRelaxation (oauthPolicy/ipRelaxation[1]) is written more than once (occurrence 2)")
}

test_file_message if {
	r := cal606.deny with input as {"app": t.eca_app, "eca": {"_ref": 0}, "duplicates": [dup_file]}
	some f in r
	f.node._ref == 30
	f.msg == "another .ecaOauthPlcy file for app E: Salesforce keeps one of them and a reviewer may read another; calint checks every one"
}

test_none_passes if {
	r := cal606.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0}, "duplicates": []}
	count(r) == 0
}

# the whole violation, as the engine receives it
test_whole_violation if {
	app := {"app": t.ca_app, "connectedApp": {"_ref": 0}, "duplicates": [dup_config]}
	t.equals(cal606.deny, {{
		"msg": "oauthConfig (oauthConfig[1]) is written more than once (occurrence 2): the type defines it once, so Salesforce keeps one and a reviewer may read another; calint checks every occurrence",
		"node": dup_config,
	}}) with input as app
}
