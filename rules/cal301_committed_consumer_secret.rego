# METADATA
# title: Committed consumer secret
# description: |-
#   The app's OAuth consumer secret (client_secret) is written in the metadata. A retrieve
#   never returns this value for a Connected App, so someone typed it in, and everybody who
#   can read the repository (and its history) can now act as the app. For an External Client
#   App the secret sits in the global OAuth settings, which Salesforce says must not be added
#   to source control.
#
#   An obvious placeholder (`{SECRET}`, `${...}`, `<...>`, `changeme`, all `x` or `*`), as
#   starter kits keep in `scripts/templates` for a setup script to fill in, is info: it
#   exposes nothing, and the message says so. Only the element and the value's length are
#   shown, never the value.
#
#   Severity: critical, as Salesforce's security controls rate a client secret exposed in a
#   repository ("An attacker discovers a hard-coded Client Secret in a public GitHub
#   repository", CVSS 9.0-10.0).
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.shr_api_enable_oauth_settings_disable_client_credentials_flow.htm
#     description: Review Connected Apps control, Disable Client Credentials Flow (hard-coded client secret in a repository, Critical)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL301
#   name: CommittedConsumerSecret
#   severity: critical
#   remediation: |-
#     Delete the consumerSecret element, rotate the secret in Setup (the committed one stays
#     in the repository history), and hand the new secret to clients through a secret store.
#   example: |-
#     <oauthConfig>
#         <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
#         <consumerKey>3MVG9_EXAMPLE_CONSUMER_KEY</consumerKey>
#         <!-- no consumerSecret -->
#     </oauthConfig>
package calint.rules.cal301

import data.calint.lib

secrets contains {"where": "oauthConfig/consumerSecret", "node": s} if {
	s := input.connectedApp.oauthConfig.consumerSecret
}

secrets contains {"where": "ecaGlblOauth/consumerSecret", "node": s} if {
	s := input.ecaGlblOauth.consumerSecret
}

deny contains {"msg": msg, "node": s.node} if {
	some s in secrets
	v := s.node.value
	is_string(v)
	v != ""
	not lib.secret_placeholder(v)
	msg := sprintf("%s holds a committed consumer secret %s; remove it and rotate the secret", [s.where, lib.redact(v)])
}

deny contains {"msg": msg, "node": s.node, "severity": "info"} if {
	some s in secrets
	v := s.node.value
	is_string(v)
	v != ""
	lib.secret_placeholder(v)
	msg := sprintf("%s holds a template placeholder (%d characters), not a secret: it exposes nothing; keep the real secret out of the file when the template is filled in", [s.where, count(v)])
}
