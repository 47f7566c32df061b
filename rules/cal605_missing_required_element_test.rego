package calint.rules.cal605_test

import data.calint.rules.cal605
import data.calint.test as t

test_ca_missing_both_fires_twice_on_root if {
	r := cal605.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "oauthConfig": {"_ref": 1}}}
	count(r) == 2
	{f.node._ref | some f in r} == {0}
	{f.key | some f in r} == {"label", "contactEmail"}
}

test_ca_missing_label_fires if {
	r := cal605.deny with input as {"app": t.ca_app, "connectedApp": {"_ref": 0, "contactEmail": {"_ref": 1, "value": "a@example.com"}}}
	count(r) == 1
	some f in r
	f.node._ref == 0
	f.key == "label"
}

test_ca_empty_label_fires_on_element if {
	r := cal605.deny with input as {"app": t.ca_app, "connectedApp": {
		"_ref": 0,
		"contactEmail": {"_ref": 1, "value": "a@example.com"},
		"label": {"_ref": 2, "value": ""},
	}}
	count(r) == 1
	some f in r
	f.node._ref == 2
	f.key == "label"
}

test_ca_complete_passes if {
	r := cal605.deny with input as {"app": t.ca_app, "connectedApp": {
		"_ref": 0,
		"contactEmail": {"_ref": 1, "value": "a@example.com"},
		"label": {"_ref": 2, "value": "A"},
	}}
	count(r) == 0
}

test_eca_child_without_reference_fires_on_child_root if {
	r := cal605.deny with input as {
		"app": t.eca_app,
		"ecaOauth": {"_ref": 0, "label": {"_ref": 1, "value": "E_oauth"}},
		"ecaPlcy": {"_ref": 10, "externalClientApplication": {"_ref": 11, "value": "E"}},
	}
	count(r) == 1
	some f in r
	f.node._ref == 0
	f.key == "externalClientApplication"
}

test_eca_children_with_reference_pass if {
	r := cal605.deny with input as {
		"app": t.eca_app,
		"eca": {"_ref": 20},
		"ecaOauth": {"_ref": 0, "externalClientApplication": {"_ref": 1, "value": "E"}},
	}
	count(r) == 0
}

# the whole violation, as the engine receives it
# what Salesforce itself writes: the stub of a packaged app (real corpus: HelloSend, with
# developerName HelloSend__HelloSend and a version) and an explicit null
# (<contactEmail xsi:nil="true"/>, real corpus: Zimmer_Zsi_iPad)
test_salesforce_written_files_pass if {
	count(cal605.deny) == 0 with input as t.ca({
		"developerName": t.leaf(1, "HelloSend__HelloSend"),
		"label": t.leaf(2, "HelloSend"), "version": t.leaf(3, "2"),
	})
	count(cal605.deny) == 0 with input as t.ca({
		"contactEmail": {"_ref": 1, "value": "", "nil": true},
		"label": t.leaf(2, "Zimmer Zsi iPad"),
	})
	count(cal605.deny) == 1 with input as t.ca({"contactEmail": t.leaf(1, ""), "label": t.leaf(2, "Zimmer Zsi iPad")})
}

test_whole_violation if {
	app := {"app": t.ca_app, "connectedApp": {"_ref": 0, "contactEmail": {"_ref": 1, "value": "a@example.com"}}}
	t.equals(cal605.deny, {{
		"key": "label",
		"msg": "the connected app has no label, which Salesforce requires",
		"node": app.connectedApp,
	}}) with input as app
}
