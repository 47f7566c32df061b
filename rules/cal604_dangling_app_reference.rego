# METADATA
# title: Dangling external client app reference
# description: |-
#   An External Client App child file names, in `externalClientApplication`, an app whose
#   header (`.eca` file) is not in the scan. The deploy fails with
#   INVALID_CROSS_REFERENCE_KEY unless the app already exists in the target org, and a typo in
#   the name leaves the settings attached to no app at all.
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

deny contains {
	"msg": sprintf("externalClientApplication names %q, but no .eca header of that app is in the scan", [ref.value]),
	"node": ref,
} if {
	lib.is_eca
	not input.eca
	some child in lib.eca_children
	ref := child.root.externalClientApplication
	trim_space(ref.value) != "" # a blank reference is CAL605's
}
