# METADATA
# title: Named or external credential secret in source
# description: |-
#   A NamedCredential (`*.namedCredential-meta.xml`, Metadata API `*.namedCredential`) holds a
#   `password`, `oauthToken`, `oauthRefreshToken` or `awsAccessSecret` (legacy named
#   credentials), or an ExternalCredential parameter carries a secret value: an `AuthHeader`
#   parameter with a literal value (not a formula that reads `$Credential`), or an
#   `AuthParameter` / `AuthProviderUrlQueryParameter` whose name says it is a secret (password,
#   secret, token, API key). These are the credentials Salesforce uses for callouts; anyone who
#   reads the repository can call the external system as your org. Salesforce stores them
#   encrypted in the org and a retrieve does not return them, so a value in the file was typed
#   in. (The parameter-name test is calint's assumption: the reference says only that
#   authentication parameters have a name and a value.) The message gives the element and the
#   value's length, never any of its characters.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
#     description: NamedCredential (password, oauthToken, oauthRefreshToken, awsAccessSecret)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
#     description: ExternalCredential (ExternalCredentialParameter parameterType, parameterValue)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.nc_create_edit_custom_auth_ext_cred.htm
#     description: Create or Edit a Custom Authentication External Credential ($Credential formulas)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL306
#   name: NamedCredentialSecret
#   severity: critical
#   remediation: |-
#     Remove the value from the file, rotate the credential at the external system, and enter
#     the new one in Setup (Named Credentials, the external credential's principal). In a
#     custom header, read it through a formula such as `{!$Credential.My_Cred.ApiKey}`.
#   example: |-
#     <externalCredentialParameters>
#         <parameterName>Authorization</parameterName>
#         <parameterType>AuthHeader</parameterType>
#         <parameterValue>{!'Bearer ' &amp; $Credential.My_Cred.ApiKey}</parameterValue>
#     </externalCredentialParameters>
package calint.rules.cal306

import data.calint.lib

named_fields := ["password", "oauthToken", "oauthRefreshToken", "awsAccessSecret"]

# secret_param_name: an authentication parameter name that says it holds a secret
secret_param_name := `(?i)(secret|password|passwd|pwd|token|api[-_]?key|private[-_]?key|credential)`

secrets contains {"where": f, "node": n} if {
	some f in named_fields
	n := input.namedCredential[f]
}

secrets contains {"where": sprintf("externalCredentialParameters %s (%s)", [p.parameterName.value, p.parameterType.value]), "node": p.parameterValue} if {
	some p in input.externalCredential.externalCredentialParameters
	p.parameterType.value == "AuthHeader"
	not contains(p.parameterValue.value, "$Credential")
}

secrets contains {"where": sprintf("externalCredentialParameters %s (%s)", [p.parameterName.value, p.parameterType.value]), "node": p.parameterValue} if {
	some p in input.externalCredential.externalCredentialParameters
	p.parameterType.value in {"AuthParameter", "AuthProviderUrlQueryParameter"}
	regex.match(secret_param_name, p.parameterName.value)
}

deny contains {"msg": msg, "node": s.node} if {
	some s in secrets
	v := trim_space(s.node.value)
	v != ""
	not lib.secret_placeholder(v)
	msg := sprintf("%s %s holds a committed secret in %s %s; remove it, rotate the credential and set it in Setup", [input.app.type, input.app.name, s.where, lib.redact(v)])
}

deny contains {"msg": msg, "node": s.node, "severity": "info"} if {
	some s in secrets
	v := trim_space(s.node.value)
	v != ""
	lib.secret_placeholder(v)
	msg := sprintf("%s %s %s is a placeholder %s, not a secret", [input.app.type, input.app.name, s.where, lib.redact(v)])
}
