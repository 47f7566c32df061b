# METADATA
# title: Privileged profile or permission set granted
# description: |-
#   The app is granted to a profile or permission set that matches the `privileged-grants`
#   option. Tokens issued to such users can read and change everything in the org, so a
#   compromised app or client becomes an org-wide breach; an integration should run as a
#   dedicated, least-privileged user.
#
#   `privileged-grants` entries are case-insensitive glob patterns (`*` matches any text).
#   The default matches the System Administrator profile and the administrator clones real
#   orgs use (`BizApps Sys Admin`, `Google System Admin`, `System Administrator (Custom)`,
#   `Systemadministrator`, `Administrateur système`): `System Administrator`, `Admin` (the
#   profile's API name), `*system admin*`, `*sys admin*`, `*systemadmin*`, `*sysadmin*`, and
#   the profile's name in French, Spanish, Portuguese, Italian, Dutch and Japanese. Setting the
#   option replaces the whole list.
#
#   External Client Apps: `commaSeparatedProfile` holds profile names, but the Metadata API
#   documents `commaSeparatedPermissionSet` as permission set IDs. An item that is a Salesforce
#   ID (`0PS...`, 15 or 18 characters) says nothing about its permissions, so it matches only
#   an entry equal to it (list the IDs of privileged permission sets in the option).
#
#   Severity: medium. A privileged grant widens what a compromised token can do; Salesforce's
#   security controls name "high-privilege integration users" as what raises every OAuth risk.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies (commaSeparatedPermissionSet holds permission set IDs)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.shr_oauth_flow_enablement_disable_client_credentials_flow.htm
#     description: Review External Client Apps control (higher risk with administrative permissions)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL404
#   name: PrivilegedProfileGranted
#   severity: medium
#   remediation: |-
#     Grant the app to a dedicated permission set that holds only the access its users need,
#     and remove the privileged profile or permission set from the grants.
#   example: |-
#     <permissionSetName>Acme_Sync_Users</permissionSetName>
package calint.rules.cal404

import data.calint.lib

patterns contains lower(trim_space(p)) if {
	some p in lib.option("privileged-grants")
}

# salesforce_id: a 15 or 18 character record ID (a permission set ID starts with 0PS).
salesforce_id(v) if regex.match(`^0[A-Za-z0-9]{14}([A-Za-z0-9]{3})?$`, v)

# privileged(v): a grant name matches a privileged-grants pattern; an ID only an equal entry.
privileged(v) if {
	not salesforce_id(trim_space(v))
	some p in patterns
	glob.match(p, null, lower(trim_space(v)))
}

privileged(v) if {
	salesforce_id(trim_space(v))
	lower(trim_space(v)) in patterns
}

# grants: every granted profile / permission set as {where, kind, value, node}.
grants contains {"where": "profileName", "kind": "profile", "value": g.value, "node": g} if {
	some g in input.connectedApp.profileName
}

grants contains {"where": "permissionSetName", "kind": "permission set", "value": g.value, "node": g} if {
	some g in input.connectedApp.permissionSetName
}

grants contains {"where": concat("/", [file, name]), "kind": kind, "value": item, "node": elem} if {
	lib.is_eca
	some file in ["ecaOauthPlcy", "ecaSamlPlcy"]
	some name, kind in {"commaSeparatedProfile": "profile", "commaSeparatedPermissionSet": "permission set"}
	elem := input[file][name]
	some item in object.get(elem, "items", [])
}

deny contains {"msg": msg, "node": g.node, "key": sprintf("%s:%s", [g.kind, g.value])} if {
	some g in grants
	is_string(g.value)
	privileged(g.value)
	msg := sprintf("%s grants the app to the privileged %s %q (it matches privileged-grants); grant it to a least-privileged permission set instead", [g.where, g.kind, g.value])
}
