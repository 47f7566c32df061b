# METADATA
# title: SAML requests not required to be signed
# description: |-
#   The app is a SAML service provider (Connected App `samlConfig`, External Client App
#   `.ecaSamlPlcy`) without the service provider's `certificate`. Salesforce, as the identity
#   provider, uses that certificate to verify the signature of SAML requests from the service
#   provider; without it, Salesforce accepts all SAML requests, whether or not they're signed,
#   so anyone can start a login to the service provider in the user's name and steer where the
#   assertion goes within the configured endpoints.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappsamlconfigurablepolicies.htm
#     description: ExtlClntAppSamlConfigurablePolicies (certificate; without it Salesforce accepts all SAML requests, signed or not)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (ConnectedAppSamlConfig certificate)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL514
#   name: UnsignedSamlRequests
#   severity: medium
#   remediation: |-
#     Add the service provider's signing certificate (base64 DER, as exported) so Salesforce
#     rejects unsigned or wrongly signed SAML requests, and have the service provider sign them.
#   example: |-
#     <samlConfig>
#         <acsUrl>https://sp.example.com/saml/acs</acsUrl>
#         <certificate>MIIC...base64 of the SP signing certificate...</certificate>
#         <entityUrl>https://sp.example.com</entityUrl>
#         <samlSubjectType>Username</samlSubjectType>
#     </samlConfig>
package calint.rules.cal514

saml_configs contains {"where": "samlConfig", "node": input.connectedApp.samlConfig}

saml_configs contains {"where": ".ecaSamlPlcy", "node": input.ecaSamlPlcy}

deny contains {"msg": msg, "node": s.node} if {
	some s in saml_configs
	not has_certificate(s.node)
	msg := sprintf("%s has no service provider certificate, so Salesforce accepts unsigned SAML requests; add the SP signing certificate", [s.where])
}

has_certificate(n) if trim_space(n.certificate.value) != ""
