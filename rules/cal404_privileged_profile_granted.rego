# METADATA
# title: Privileged profile or permission set granted
# description: |-
#   The app is granted to a profile or permission set listed in the `privileged-grants`
#   option (default `System Administrator`). Tokens issued to such users can read and change
#   everything in the org, so a compromised app or client becomes an org-wide breach; an
#   integration should run as a dedicated, least-privileged user.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthconfigurablepolicies.htm
#     description: ExtlClntAppOauthConfigurablePolicies
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

privileged contains lower(trim_space(p)) if {
	some p in lib.option("privileged-grants")
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
	lower(trim_space(g.value)) in privileged
	msg := sprintf("%s grants the app to the privileged %s %q (privileged-grants); grant it to a least-privileged permission set instead", [g.where, g.kind, g.value])
}
