package calint.lib_test

import data.calint.lib

app := {"app": {"name": "A", "type": "ConnectedApp", "files": []}}

test_custom_option_fallback if {
	lib.custom_option("domains", ["x"]) == ["x"] with input as app
	lib.custom_option("domains", ["x"]) == ["x"] with input as app with data.calint.options as {}
}

test_custom_option_global if {
	lib.custom_option("domains", []) == ["a.com"] with input as app
		with data.calint.options as {"custom": {"domains": ["a.com"]}}
}

test_custom_option_app_override if {
	lib.custom_option("domains", []) == ["b.com"] with input as app
		with data.calint.options as {"custom": {"domains": ["a.com"]}}
		with data.calint.apps as {"A": {"custom": {"domains": ["b.com"]}}}
	lib.custom_option("domains", []) == ["a.com"] with input as app
		with data.calint.options as {"custom": {"domains": ["a.com"]}}
		with data.calint.apps as {"B": {"custom": {"domains": ["b.com"]}}}
}

test_custom_option_false_is_kept if {
	lib.custom_option("strict", true) == false with input as app
		with data.calint.options as {"custom": {"strict": true}}
		with data.calint.apps as {"A": {"custom": {"strict": false}}}
}
