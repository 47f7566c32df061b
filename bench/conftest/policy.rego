# An 8-rule conftest policy equivalent, as far as conftest's XML -> JSON mapping allows, to
# calint's CAL101, CAL102, CAL201, CAL202, CAL301, CAL401, CAL405 and CAL501 on Connected
# App files. It exists only for scripts/bench: conftest turns every element into a string
# (or an array of strings when repeated), so booleans are compared as strings and callback
# URLs are split by hand.
package main

app := input.ConnectedApp

oauth := app.oauthConfig

# as_array: conftest gives a single element as a value and a repeated one as an array.
as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

scopes contains s if {
	some s in as_array(oauth.scopes)
}

text(x) := trim_space(x) if is_string(x)

text(x) := "" if not is_string(x)

# CAL101 full access scope
deny contains "CAL101: OAuth scope Full grants access to all of the user's data" if {
	"Full" in scopes
}

# CAL102 perpetual offline access
refresh_scopes contains s if {
	some s in scopes
	s in {"RefreshToken", "OfflineAccess"}
}

deny contains "CAL102: refresh tokens never expire" if {
	count(refresh_scopes) > 0
	text(app.oauthPolicy.refreshTokenPolicy) in {"infinite", ""}
}

deny contains "CAL102: refresh tokens never expire (no refreshTokenPolicy)" if {
	count(refresh_scopes) > 0
	is_object(app.oauthPolicy)
	not "refreshTokenPolicy" in object.keys(app.oauthPolicy)
}

deny contains "CAL102: refresh tokens never expire (no oauthPolicy)" if {
	count(refresh_scopes) > 0
	not app.oauthPolicy
}

# CAL201 missing callback URL
deny contains "CAL201: oauthConfig has no callbackUrl" if {
	is_object(oauth)
	not "callbackUrl" in object.keys(oauth)
}

deny contains "CAL201: oauthConfig callbackUrl is empty" if {
	is_object(oauth)
	"callbackUrl" in object.keys(oauth)
	text(oauth.callbackUrl) == ""
}

# CAL202 insecure callback URL
callback_urls contains u if {
	some line in split(text(oauth.callbackUrl), "\n")
	u := trim_space(line)
	u != ""
}

deny contains msg if {
	some u in callback_urls
	parts := regex.find_all_string_submatch_n(`^(?i)http://([^/?#:@]*@)?(\[[^\]]*\]|[^/?#:]*)`, u, 1)
	host := lower(parts[0][2])
	host != ""
	not host in {"localhost", "127.0.0.1", "[::1]"}
	not startswith(host, "127.")
	msg := sprintf("CAL202: callback URL %s uses plain http", [u])
}

# CAL301 committed consumer secret
deny contains "CAL301: oauthConfig/consumerSecret holds a committed consumer secret" if {
	text(oauth.consumerSecret) != ""
}

# CAL401 self-authorized users
deny contains "CAL401: oauthConfig/isAdminApproved is false" if {
	text(oauth.isAdminApproved) == "false"
}

deny contains "CAL401: oauthConfig has no isAdminApproved" if {
	is_object(oauth)
	not "isAdminApproved" in object.keys(oauth)
}

# CAL405 IP restrictions bypassed
deny contains "CAL405: oauthPolicy/ipRelaxation is BYPASS" if {
	text(app.oauthPolicy.ipRelaxation) == "BYPASS"
}

# CAL501 PKCE not required
deny contains "CAL501: oauthConfig has no isPkceRequired" if {
	is_object(oauth)
	not "isPkceRequired" in object.keys(oauth)
}

deny contains "CAL501: isPkceRequired is false" if {
	text(oauth.isPkceRequired) == "false"
}
