# METADATA
# title: Private key material
# description: |-
#   An element holds private key material: a PEM private key block (`-----BEGIN ... PRIVATE
#   KEY-----`) anywhere in the app's metadata, or the push notification credentials of an
#   External Client App (`.ecaPush` Firebase service account, Apple signing key, certificate
#   or its password). Certificates in metadata are public; private keys and push credentials
#   let anyone who reads the repository sign tokens or send notifications as the app.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntapppushsettings.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (certificate holds a public certificate only)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL303
#   name: PrivateKeyMaterial
#   severity: critical
#   remediation: |-
#     Remove the key from the metadata and from the repository history, and replace the key
#     pair (or push credential). Keep only the public certificate in metadata; after the first
#     deploy refer to push credentials through pushConfigLink.
#   example: |-
#     <certificate>MIIDjjCCAnYCCQDfZjQ9kXPE5DANBgkqhkiG9w0BAQsFADCB...</certificate>
#     <pushConfigLink>00D000000000001:1Dh000000000001</pushConfigLink>
package calint.rules.cal303

import data.calint.lib

# push credentials of an ECA (.ecaPush), reported as such rather than as PEM blocks.
push_secrets contains {"where": "ecaPush/androidPushConfig/serviceAccount", "what": "a Firebase service-account private key", "node": n} if {
	n := input.ecaPush.androidPushConfig.serviceAccount
}

push_secrets contains {"where": "ecaPush/applePushConfig/signingKey", "what": "an APNs signing private key", "node": n} if {
	n := input.ecaPush.applePushConfig.signingKey
}

push_secrets contains {"where": "ecaPush/applePushConfig/password", "what": "the password of the APNs certificate", "node": n} if {
	n := input.ecaPush.applePushConfig.password
}

push_secrets contains {"where": "ecaPush/applePushConfig/certificate", "what": "an APNs TLS certificate with its private key (.p12)", "node": n} if {
	n := input.ecaPush.applePushConfig.certificate
}

push_refs contains s.node._ref if {
	some s in push_secrets
}

deny contains {"msg": msg, "node": s.node} if {
	some s in push_secrets
	v := s.node.value
	is_string(v)
	trim_space(v) != ""
	msg := sprintf("%s holds %s (%d characters); push credentials must not be in source", [s.where, s.what, count(v)])
}

# calint.find_strings(input, "PRIVATE KEY") is walk(input) restricted, in Go, to the strings
# that could hold a key: a walk in Rego would visit every key, _ref and URL fact of the input.
deny contains {"msg": msg, "node": v} if {
	some found in calint.find_strings(input, "PRIVATE KEY")
	value_path := found[0]
	value_path[count(value_path) - 1] == "value"
	path := array.slice(value_path, 0, count(value_path) - 1)
	not lib.walk_skip_path(path)
	v := object.get(input, path, null)
	is_object(v)
	marker := lib.pem_private_key_marker(v.value)
	not push_refs[v._ref]
	msg := sprintf("%s holds a PEM private key block (%s); private keys must not be in source", [lib.walk_path_name(path), trim(marker, "-")])
}
