# Input builders shared by the rule tests (imported as data.calint.test). The file ends in
# _test.rego, so the engine loads it with the tests only: it is never part of a scan.
#
# Every input holds one app: Connected App "A" or External Client App "E". Elements are
# objects with a "_ref" (the engine maps it to a file position; tests compare it) and, for
# leaf elements, a "value". A builder fills in the _ref of the element it creates unless
# the caller's object sets one.
package calint.test

# ca_app: the app header of a Connected App input.
ca_app := {"name": "A", "type": "ConnectedApp", "files": []}

# eca_app: the app header of an External Client App input.
eca_app := {"name": "E", "type": "ExternalClientApplication", "files": []}

# ca(root): Connected App A whose connectedApp element (_ref 0) has root's children.
ca(root) := {"app": ca_app, "connectedApp": object.union({"_ref": 0}, root)}

# ca_oauth(oc): Connected App A whose oauthConfig element (_ref 1) has oc's children.
ca_oauth(oc) := ca({"oauthConfig": object.union({"_ref": 1}, oc)})

# eca(parts): External Client App E made of parts, the root elements of its files by input
# key (eca, ecaOauth, ecaGlblOauth, ecaOauthPlcy, ecaSamlPlcy, ...).
eca(parts) := object.union({"app": eca_app}, parts)

# eca_glbl(g): External Client App E with only the global OAuth settings g (ecaGlblOauth).
eca_glbl(g) := eca({"ecaGlblOauth": g})

# leaf(ref, v): an element with text content v.
leaf(ref, v) := {"_ref": ref, "value": v}

# csv(ref, items): a comma-separated list element (commaSeparatedOauthScopes, ...).
csv(ref, items) := {"_ref": ref, "value": concat(", ", items), "items": items}

# url(ref, v, scheme, host, loopback): one parsed line of a URL list element, without
# credentials, query or fragment.
url(ref, v, scheme, host, loopback) := {"_ref": ref, "value": v, "url": {
	"parsed": true, "scheme": scheme, "host": host, "port": "", "loopback": loopback,
	"userinfo": false, "password": false, "query": [], "fragment": false,
}}

# unparsed_url(ref, v): a line of a URL list element that is not a URL.
unparsed_url(ref, v) := {"_ref": ref, "value": v, "url": {
	"parsed": false, "scheme": "", "host": "", "port": "", "loopback": false,
	"userinfo": false, "password": false, "query": [], "fragment": false,
}}

# callback_url(ref, urls): a callbackUrl element whose lines are urls.
callback_url(ref, urls) := {"_ref": ref, "value": concat("\n", [u.value | some u in urls]), "urls": urls}

# ca_callbacks(urls): Connected App A whose oauthConfig/callbackUrl (_ref 2) lists urls.
ca_callbacks(urls) := ca_oauth({"callbackUrl": callback_url(2, urls)})

# eca_callbacks(urls): External Client App E whose ecaGlblOauth (_ref 0) callbackUrl (_ref 1)
# lists urls.
eca_callbacks(urls) := eca_glbl({"_ref": 0, "callbackUrl": callback_url(1, urls)})

# equals(got, want): got == want, printing both when they differ (the test output shows
# them). Use it to compare a rule's whole deny set with a literal: the arguments are
# untyped here, while a direct == is refused by the type checker whenever the literal's
# type differs in detail from the schema's (an empty array, a missing optional field).
equals(got, want) if got == want

equals(got, want) := false if {
	got != want
	print("got: ", got)
	print("want:", want)
}
