# METADATA
# title: Credential in URL
# description: |-
#   A URL in the app's metadata carries a credential: a password in its userinfo
#   (`https://user:pass@host/`) or a query parameter that holds a secret, token, password,
#   signature or API key. Such URLs end up in browser history, proxy and server logs,
#   Referer headers and the repository, so the credential is as good as published.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://owasp.org/www-community/vulnerabilities/Information_exposure_through_query_strings_in_url
#     description: OWASP, information exposure through query strings in URL
# schemas:
#   - input: schema.input
# custom:
#   id: CAL304
#   name: CredentialInUrl
#   severity: high
#   remediation: |-
#     Remove the credential from the URL, rotate it, and pass credentials in headers or the
#     request body of the integration instead.
#   example: |-
#     <callbackUrl>https://app.example.com/oauth/callback</callbackUrl>
package calint.rules.cal304

import data.calint.lib

# query parameter names (lower-case) that carry credentials.
credential_params := {
	"client_secret", "clientsecret", "secret",
	"password", "passwd", "pwd", "pass",
	"token", "access_token", "accesstoken", "refresh_token", "refreshtoken", "id_token",
	"auth_token", "authtoken", "oauth_token", "bearer_token", "api_token", "security_token", "session_token",
	"sig", "signature",
	"apikey", "api_key", "api-key", "x-api-key",
	"sid", "session_id", "sessionid",
	"private_key", "privatekey",
}

credential_param(name) if name in credential_params

credential_param(name) if regex.match(`^.+[-_](secret|password|passwd|apikey|api_key|api-key)$`, name)

# calint.walk_objects(input, "url") is walk(input) restricted to the objects with URL facts:
# a walk would visit every key, _ref and value of the document.
# Only a URL with a password or a query can carry a credential.
urls contains {"path": path, "node": v} if {
	some found in calint.walk_objects(input, "url")
	v := found[1]
	may_carry_credential(v.url)
	path := found[0]
	not path[0] in {"app", "unknownElements", "invalidValues"}
}

may_carry_credential(url) if url.password == true

may_carry_credential(url) if count(url.query) > 0

where(path) := sprintf("%s (URL %d)", [lib.walk_path_name(path), path[count(path) - 1] + 1]) if {
	path[count(path) - 2] == "urls"
} else := lib.walk_path_name(path)

deny contains {"msg": msg, "node": u.node, "key": "userinfo"} if {
	some u in urls
	u.node.url.password == true
	msg := sprintf("%s carries a password in its userinfo (user:password@); remove it and rotate the password", [where(u.path)])
}

deny contains {"msg": msg, "node": u.node, "key": name} if {
	some u in urls
	some name in u.node.url.query
	credential_param(name)
	msg := sprintf("%s passes a credential in query parameter %q; remove it and rotate the credential", [where(u.path), name])
}
