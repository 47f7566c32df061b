# METADATA
# title: AuthProvider consumer secret in source
# description: |-
#   An AuthProvider (`*.authprovider-meta.xml`, Metadata API `*.authprovider`) holds its
#   `consumerSecret`: the client secret of the app registered at the external identity
#   provider (Google, Microsoft, an OpenID Connect provider). Since Winter '23 Salesforce
#   takes this value as plain text in the metadata, so whoever reads the repository (and its
#   history) can act as your Salesforce org towards that provider. A retrieve writes
#   `Placeholder_Value` instead of the secret; that and other placeholders are reported as
#   info only. The message gives the secret's length, never any of its characters.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_authproviders.htm
#     description: AuthProvider (consumerSecret, "enter the consumerSecret value as plaintext")
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_authprovider.htm
#     description: AuthProvider object (ConsumerSecret)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL305
#   name: AuthProviderSecret
#   severity: critical
#   remediation: |-
#     Remove the consumerSecret from the file (or leave the retrieve's `Placeholder_Value`),
#     rotate the secret at the identity provider, and set the new one in Setup (Auth. Providers)
#     or inject it at deploy time from a secret store.
#   example: |-
#     <AuthProvider xmlns="http://soap.sforce.com/2006/04/metadata">
#         <consumerKey>0oa1example</consumerKey>
#         <consumerSecret>Placeholder_Value</consumerSecret>
#         <friendlyName>Okta</friendlyName>
#         <providerType>OpenIdConnect</providerType>
#     </AuthProvider>
package calint.rules.cal305

import data.calint.lib

deny contains {"msg": msg, "node": s} if {
	s := input.authprovider.consumerSecret
	v := trim_space(s.value)
	v != ""
	not lib.secret_placeholder(v)
	msg := sprintf("AuthProvider %s holds a committed consumerSecret %s; remove it, rotate it at the identity provider and set it in Setup", [input.app.name, lib.redact(v)])
}

deny contains {"msg": msg, "node": s, "severity": "info"} if {
	s := input.authprovider.consumerSecret
	v := trim_space(s.value)
	v != ""
	lib.secret_placeholder(v)
	msg := sprintf("AuthProvider %s consumerSecret is a placeholder %s, not a secret", [input.app.name, lib.redact(v)])
}
