# METADATA
# title: SAML signing with SHA-1
# description: |-
#   SAML assertions are signed with SHA-1 (CA `samlConfig/samlSigningAlgoType`, ECA
#   `.ecaSamlPlcy` `signingAlgorithmType`). SHA-1 collisions are practical, so a service
#   provider that trusts SHA-1 signatures can be fed forged assertions; many providers reject
#   them already.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappsamlconfigurablepolicies.htm
#     description: ExtlClntAppSamlConfigurablePolicies
# schemas:
#   - input: schema.input
# custom:
#   id: CAL511
#   name: WeakSamlSigning
#   severity: medium
#   remediation: |-
#     Sign with SHA-256: `samlSigningAlgoType` (connected app `samlConfig`) or
#     `signingAlgorithmType` (`.ecaSamlPlcy`) set to `SHA256`, after checking that the service
#     provider accepts it.
#   example: |-
#     <samlSigningAlgoType>SHA256</samlSigningAlgoType>
package calint.rules.cal511

msg := "SAML assertions are signed with SHA1; use SHA256"

deny contains {"msg": msg, "node": input.connectedApp.samlConfig.samlSigningAlgoType} if {
	input.connectedApp.samlConfig.samlSigningAlgoType.value == "SHA1"
}

deny contains {"msg": msg, "node": input.ecaSamlPlcy.signingAlgorithmType} if {
	input.ecaSamlPlcy.signingAlgorithmType.value == "SHA1"
}
