# METADATA
# title: Missing required element
# description: |-
#   A required element is missing or empty: a connected app without `label` or `contactEmail`,
#   or an External Client App child file without `externalClientApplication`. The Metadata API
#   rejects the file on deploy, and a child file without its app reference belongs to no app.
#
#   Not reported on what Salesforce itself writes: the stub of a packaged connected app
#   (only `developerName`, `label` and `version`, as an org returns an app installed from a
#   package) and an element retrieved as an explicit null (`<contactEmail xsi:nil="true"/>`).
#
#   Severity: low: a deploy error, no exposure.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientapplication.htm
#     description: ExternalClientApplication
# schemas:
#   - input: schema.input
# custom:
#   id: CAL605
#   name: MissingRequiredElement
#   severity: low
#   remediation: |-
#     Add the element: `label` and `contactEmail` in a connected app; in an External Client App
#     child file, `externalClientApplication` with the API name of its `.eca`.
#   example: |-
#     <contactEmail>admin@example.com</contactEmail>
#     <label>My App</label>
package calint.rules.cal605

import data.calint.lib

ca_required := ["contactEmail", "label"]

# blank: the leaf exists but holds no text.
blank(leaf) if trim_space(leaf.value) == ""

# packaged_stub: the connected app file of an installed package, as Salesforce writes it
# (developerName ns__Name and a version; no OAuth settings to deploy).
packaged_stub if input.connectedApp.developerName

deny contains {
	"msg": sprintf("the connected app has no %s, which Salesforce requires", [name]),
	"node": input.connectedApp,
	"key": name,
} if {
	lib.is_ca
	not packaged_stub
	some name in ca_required
	not input.connectedApp[name]
}

deny contains {
	"msg": sprintf("%s is empty, but Salesforce requires it in a connected app", [name]),
	"node": input.connectedApp[name],
	"key": name,
} if {
	lib.is_ca
	not packaged_stub
	some name in ca_required
	blank(input.connectedApp[name])
	not input.connectedApp[name].nil
}

deny contains {
	"msg": sprintf("this %s file has no externalClientApplication, so it belongs to no External Client App", [child.suffix]),
	"node": child.root,
	"key": "externalClientApplication",
} if {
	lib.is_eca
	some child in lib.eca_children
	not child.root.externalClientApplication
}

deny contains {
	"msg": sprintf("externalClientApplication is empty in this %s file, so it belongs to no External Client App", [child.suffix]),
	"node": child.root.externalClientApplication,
	"key": "externalClientApplication",
} if {
	lib.is_eca
	some child in lib.eca_children
	blank(child.root.externalClientApplication)
}
