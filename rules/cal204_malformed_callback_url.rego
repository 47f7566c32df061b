# METADATA
# title: Malformed callback URL
# description: |-
#   A callback URL that no OAuth request can use as its `redirect_uri`: it does not parse, has
#   no scheme (`oob`, a bare `localhost:8080`), has no host although its scheme is `http` or
#   `https` (a bare `https://`), contains a `*` wildcard or whitespace, or has a `#fragment`
#   (OAuth 2.0 forbids fragments in redirect URIs). Custom schemes such as `myapp://cb` or
#   `resttest:CallBack` are valid. Salesforce accepted such values in files retrieved from real
#   orgs, so the message does not promise a deploy failure: it says what is wrong. A broken
#   callback makes that OAuth redirect fail, and a wildcard suggests someone expected a pattern
#   match that Salesforce does not do (callback URLs are compared as written).
#
#   A template placeholder (`https://{HEROKUINSTANCE}.herokuapp.com/oauthcallback`, `${HOST}`,
#   `<your-host>`), as starter kits keep in `scripts/templates`, is info: it is filled in before
#   deploy and exposes nothing.
#
#   Severity: low. None of these values sends a code anywhere an attacker controls (that is
#   CAL202 and CAL208); they are correctness problems a reviewer would still ask to fix.
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
#   severity: low
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

# host_port: a bare host:port, with or without a path (localhost:8080/cb)
host_port(v) if regex.match(`^[A-Za-z0-9.-]+:[0-9]+(/.*)?$`, v)

problems[u._ref] contains "it does not parse as a URL" if {
	some u in suspect
	u.url.parsed == false
	not host_port(u.value)
}

problems[u._ref] contains "it has no scheme (host:port without http:// or https://)" if {
	some u in suspect
	host_port(u.value)
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

# placeholder: a template value with a placeholder to fill in ({HOST}, ${HOST}, <host>).
placeholder(v) if regex.match(`\{[^{}]*\}|<[^<>]*>`, v)

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value)} if {
	some u in suspect
	not placeholder(u.value)
	found := problems[u._ref]
	msg := sprintf("callback URL %s is not a usable redirect URL: %s; no OAuth redirect can match it, so correct or remove it", [lib.safe_url(u.value), concat("; ", sort(found))])
}

deny contains {"msg": msg, "node": u, "key": lib.safe_url(u.value), "severity": "info"} if {
	some u in lib.callback_urls
	placeholder(u.value)
	msg := sprintf("callback URL %s is a template with a placeholder: fill it in before deploying (a placeholder exposes nothing)", [lib.safe_url(u.value)])
}
