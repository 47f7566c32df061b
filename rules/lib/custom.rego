# Helpers for custom rules (docs/custom-rules.md).
package calint.lib

# custom_option returns the custom rule option `name` for the current app: the app's
# `apps: {NAME: {custom: {name: ...}}}` in .calint.yaml, else `options: {custom: {name: ...}}`,
# else fallback. A value set to false or null is returned as set.
custom_option(name, fallback) := v if {
	v := data.calint.apps[input.app.name].custom[name]
} else := v if {
	v := data.calint.options.custom[name]
} else := fallback
