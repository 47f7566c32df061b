# METADATA
# title: Duplicate element
# description: |-
#   An element or block that the metadata type defines once appears several times (two
#   `oauthConfig` blocks, two `ipRelaxation` values, two `consumerSecret`s), or an External
#   Client App has two child files of the same kind (two `.ecaOauthPlcy` files naming one app,
#   or a zip with two entries of the same name). The Metadata API defines these fields as single
#   values, so Salesforce deploys one of the occurrences (or rejects the file) while a reviewer
#   may read the other: a harmless-looking first block can hide a `Full` scope, a `BYPASS` or a
#   self-authorized app in the second. calint checks every occurrence with every rule; this rule
#   reports the duplicate itself. Which occurrence Salesforce keeps is not documented: the rule
#   assumes either may win.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig, oauthPolicy and their fields are single values)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientapplication.htm
#     description: ExternalClientApplication (one settings file of each kind per app)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/file_based_zip_file.htm
#     description: Deploying and retrieving metadata with a zip file (one file per component)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL606
#   name: DuplicateElement
#   severity: high
#   remediation: |-
#     Keep one occurrence with the settings you mean and delete the others (or the extra file
#     or zip entry). Review every occurrence: the one you delete may be the one Salesforce
#     deployed.
#   example: |-
#     <oauthConfig>
#         <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
#         <scopes>Api</scopes>
#     </oauthConfig>
#     <!-- one oauthConfig only -->
package calint.rules.cal606

deny contains {"msg": message(d), "node": d} if {
	some d in input.duplicates
}

message(d) := sprintf("%s for app %s: Salesforce keeps one of them and a reviewer may read another; calint checks every one", [d.what, input.app.name]) if {
	d.what != ""
} else := sprintf("%s is written more than once (occurrence %d): the type defines it once, so Salesforce keeps one and a reviewer may read another; calint checks every occurrence", [where(d), d.occurrence])

# where names the element, with its path when it is not directly under the root.
where(d) := d.name if d.path == d.name

else := sprintf("%s (%s)", [d.name, d.path])
