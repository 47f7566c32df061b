# METADATA
# title: Expired or expiring certificate
# description: |-
#   A certificate in the metadata (Connected App `oauthConfig/certificate` or
#   `samlConfig/certificate`, External Client App `.ecaGlblOauth` or `.ecaSamlPlcy`
#   `certificate`) expired before the scan date, or expires within
#   `certificate-expiry-warning-days` (default 30) of it. An expired certificate breaks the JWT
#   bearer flow or SAML for the app, and the usual emergency fix (turning the check off or
#   reusing an old key) is the insecure one; a certificate that stays in the metadata long
#   after it expired also shows the app is not maintained. The message gives the date
#   (notAfter, UTC).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig/certificate, samlConfig/certificate)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_jwt_flow.htm
#     description: OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration
# schemas:
#   - input: schema.input
# custom:
#   id: CAL517
#   name: ExpiredCertificate
#   severity: low
#   remediation: |-
#     Issue a new certificate (and key pair), install the key where the client signs, and
#     replace the certificate in the app (base64 of the DER, without the PEM lines); remove it
#     if the app no longer uses the JWT bearer flow or SAML.
#   example: |-
#     <oauthConfig>
#         <certificate>MIIC...base64 of the renewed certificate...</certificate>
#         <consumerKey>3MVG9_EXAMPLE</consumerKey>
#     </oauthConfig>
package calint.rules.cal517

import data.calint.lib

deny contains {"msg": msg, "node": c.node, "key": c.where} if {
	some c in lib.certificates
	c.cert.daysLeft < 0
	msg := sprintf("%s certificate %q expired on %s; renew it or remove it", [c.where, c.cert.subject, c.cert.notAfter])
}

deny contains {"msg": msg, "node": c.node, "key": c.where} if {
	some c in lib.certificates
	c.cert.daysLeft >= 0
	c.cert.daysLeft < lib.option("certificate-expiry-warning-days")
	msg := sprintf("%s certificate %q expires on %s, in %d days (certificate-expiry-warning-days); renew it", [c.where, c.cert.subject, c.cert.notAfter, c.cert.daysLeft])
}
