# METADATA
# title: Weak certificate
# description: |-
#   A certificate in the metadata is signed with SHA-1 or MD5, or has an RSA (or DSA) key under
#   2048 bits or an elliptic-curve key under 256 bits: the Connected App
#   `oauthConfig/certificate` (the JWT bearer flow's signing certificate, base64 DER without PEM
#   lines) or `samlConfig/certificate`, the External Client App `.ecaGlblOauth` or
#   `.ecaSamlPlcy` `certificate`. The certificate's key verifies the app's JWT assertions or
#   SAML requests, so a key that can be factored or a signature that can be forged lets someone
#   else act as the app. calint parses it with Go's `crypto/x509`; NIST deprecated SHA-1
#   signatures and keys under 112-bit strength (RSA 2048) years ago.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (oauthConfig/certificate, samlConfig/certificate)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_jwt_flow.htm
#     description: OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration (the certificate verifies the JWT)
#   - ref: https://csrc.nist.gov/pubs/sp/800/131/a/r2/final
#     description: NIST SP 800-131A Rev. 2 (SHA-1 signatures and RSA keys under 2048 bits disallowed)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL516
#   name: WeakCertificate
#   severity: medium
#   remediation: |-
#     Create a new key pair (RSA 2048 bits or more, or EC P-256) and a certificate signed with
#     SHA-256, install the private key where the client signs, and replace the certificate
#     (base64 of the DER, without the PEM lines).
#   example: |-
#     <oauthConfig>
#         <certificate>MIIC...base64 of a SHA-256, RSA 2048 certificate...</certificate>
#         <consumerKey>3MVG9_EXAMPLE</consumerKey>
#     </oauthConfig>
package calint.rules.cal516

import data.calint.lib

weakness(c) := sprintf("is signed with %s", [c.signatureAlgorithm]) if c.weakSignature

weakness(c) := sprintf("has a %d-bit %s key", [c.keyBits, c.keyType]) if {
	not c.weakSignature
	c.keyType in {"RSA", "DSA"}
	c.keyBits < 2048
}

weakness(c) := sprintf("has a %d-bit EC key", [c.keyBits]) if {
	not c.weakSignature
	c.keyType == "EC"
	c.keyBits < 256
}

deny contains {"msg": msg, "node": c.node, "key": c.where} if {
	some c in lib.certificates
	w := weakness(c.cert)
	msg := sprintf("%s certificate %q %s; replace it with a SHA-256 certificate and a key of at least 2048 bits (RSA) or 256 bits (EC)", [c.where, c.cert.subject, w])
}
