# METADATA
# title: OpenID Connect auth provider without PKCE
# description: |-
#   An AuthProvider (`*.authprovider-meta.xml`) of type `OpenIdConnect` does not set
#   `isPkceEnabled` to `true`. With PKCE, Salesforce sends a code challenge with each login at
#   the external identity provider, so an authorization code intercepted on its way back to
#   Salesforce cannot be redeemed. The organisation requires it for every OpenID Connect
#   provider whose identity provider supports it; list the exceptions under
#   `options.custom.pkce-exempt-providers` in `.calint.yaml`.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_authproviders.htm
#     description: AuthProvider (providerType, isPkceEnabled)
#   - ref: https://github.com/calint/calint/blob/main/docs/custom-rules.md
#     description: writing custom rules
# schemas:
#   - input: schema.input
# custom:
#   id: ACME104
#   name: AuthProviderWithoutPkce
#   severity: medium
#   remediation: |-
#     Turn on "Use Proof Key for Code Exchange (PKCE) Extension" for the auth provider
#     (`<isPkceEnabled>true</isPkceEnabled>`), or list it in `pkce-exempt-providers` when its
#     identity provider does not support PKCE.
#   example: |-
#     <AuthProvider xmlns="http://soap.sforce.com/2006/04/metadata">
#         <friendlyName>Okta</friendlyName>
#         <isPkceEnabled>true</isPkceEnabled>
#         <providerType>OpenIdConnect</providerType>
#     </AuthProvider>
package acme.rules.auth_provider_pkce

import data.calint.lib

exempt := {p | some p in lib.custom_option("pkce-exempt-providers", [])}

deny contains {"msg": msg, "node": node} if {
	ap := input.authprovider
	ap.providerType.value == "OpenIdConnect"
	not ap.isPkceEnabled.value == true
	not input.app.name in exempt
	node := object.get(ap, "isPkceEnabled", ap)
	msg := sprintf("OpenID Connect auth provider %s does not use PKCE (isPkceEnabled is not true)", [input.app.name])
}
