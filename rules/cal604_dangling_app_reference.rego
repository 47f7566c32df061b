# METADATA
# title: Dangling external client app reference
# description: |-
#   An External Client App child file names, in `externalClientApplication`, an app whose
#   header (`.eca` file) is not in the scan. The deploy fails with
#   INVALID_CROSS_REFERENCE_KEY unless the app already exists in the target org, and a typo in
#   the name leaves the settings attached to no app at all.
#
#   Namespaces: a packaged app's child files name their parent `ns__App` while its header is
#   `App.eca-meta.xml` (`distributionState` `Packaged`); calint joins them into one app, so no
#   finding. A developer name cannot contain `__`, so a reference `ns__App` with no header in
#   the project names an app of an installed package, whose header lives in the package: info,
#   not medium (the policies of an installed app are what an org retrieves and deploys).
#
#   Severity: medium for a plain name (the deploy fails, or the settings go to the wrong app);
#   info for an installed package's app.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientapplication.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#     description: ExtlClntAppOauthSettings
# schemas:
#   - input: schema.input
# custom:
#   id: CAL604
#   name: DanglingAppReference
#   severity: medium
#   remediation: |-
#     Make `externalClientApplication` match the API name (file name without suffix) of an
#     `.eca` file, or add the app's header file to the project.
#   example: |-
#     <externalClientApplication>Acme_Sync</externalClientApplication>
package calint.rules.cal604

import data.calint.lib

# namespaced: a reference ns__App, which always carries a namespace (a developer name cannot
# contain "__").
namespaced(v) := parts if {
	parts := split(trim_space(v), "__")
	count(parts) == 2
	parts[0] != ""
	parts[1] != ""
}

references contains child.root.externalClientApplication if {
	lib.is_eca
	not input.eca
	some child in lib.eca_children
	trim_space(child.root.externalClientApplication.value) != "" # a blank reference is CAL605's
}

deny contains {
	"msg": sprintf("externalClientApplication names %q, but no .eca header of that app is in the scan", [ref.value]),
	"node": ref,
} if {
	some ref in references
	not namespaced(ref.value)
}

deny contains {
	"msg": sprintf("externalClientApplication names %q, an app of the installed package with namespace %s (no header in the project, as expected for an installed app)", [ref.value, parts[0]]),
	"node": ref,
	"severity": "info",
} if {
	some ref in references
	parts := namespaced(ref.value)
}
