# METADATA
# title: Malformed callback URL
# description: |-
#   A callback URL that Salesforce will not match against the `redirect_uri` of an OAuth
#   request, or rejects on deploy: it does not parse, has no scheme, has no host although its
#   scheme is `http` or `https` (e.g. a bare `localhost:8080`), contains a `*` wildcard or
#   whitespace, or has a `#fragment` (OAuth 2.0 forbids fragments in redirect URIs). Custom
#   schemes such as `myapp://cb` or `resttest:CallBack` are valid. A broken callback makes the
#   OAuth flow fail, and a wildcard suggests someone expected a pattern match that Salesforce
#   does not do.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_defining_remote_access_applications.htm
#     description: documentation
#   - ref: https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2
#     description: RFC 6749, redirection endpoint (absolute URI, no fragment)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL204
#   name: MalformedCallbackUrl
#   severity: medium
#   remediation: |-
#     Write each callback as a complete absolute URL on its own line, with scheme and host
#     (`https://app.example.com/oauth/callback`), without wildcards, spaces or `#fragment`.
#   example: |-
#     <callbackUrl>https://app.example.com/oauth/callback
#     http://localhost:1717/OauthRedirect</callbackUrl>
package calint.rules.cal204

import data.calint.lib

# problems[_ref] holds every reason why the callback URL line with that _ref is malformed.
# suspect: the callback URLs that may have a problem below. Each problem rules out
# looks_clean, so a well-formed URL costs one check instead of one per problem.
suspect contains u if {
	some u in lib.callback_urls
	not looks_clean(u)
}

looks_clean(u) if {
	u.url.parsed == true
	u.url.scheme in {"http", "https"}
	u.url.host != ""
	u.url.fragment == false
	not contains(u.value, "*")
	not regex.match(`\s`, u.value)
}

problems[u._ref] contains "it does not parse as a URL" if {
	some u in suspect
	u.url.parsed == false
}

problems[u._ref] contains "it has no scheme (host:port without http:// or https://)" if {
	some u in suspect
	u.url.parsed == true
	regex.match(`^[A-Za-z0-9.-]+:[0-9]+(/.*)?$`, u.value)
}

problems[u._ref] contains "it has no scheme" if {
	some u in suspect
	u.url.parsed == true
	u.url.scheme == ""
}

problems[u._ref] contains "it has no host" if {
	some u in suspect
	u.url.parsed == true
	u.url.scheme in {"http", "https"}
	u.url.host == ""
}

problems[u._ref] contains "it contains a * wildcard" if {
	some u in suspect
	contains(u.value, "*")
}

problems[u._ref] contains "it contains whitespace" if {
	some u in suspect
	regex.match(`\s`, u.value)
}

problems[u._ref] contains "it has a #fragment" if {
	some u in suspect
	u.url.parsed == true
	u.url.fragment == true
}

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value)} if {
	some u in suspect
	found := problems[u._ref]
	msg := sprintf("callback URL %s is malformed: %s", [lib.safe_url(u.value), concat("; ", sort(found))])
}
