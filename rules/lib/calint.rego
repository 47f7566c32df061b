# METADATA
# title: calint helper library
# description: Helpers shared by the built-in rules and available to custom rules.
package calint.lib

# default values of every option; .calint.yaml overrides them (data.calint.options).
default_options := {
	"allowed-scopes": [],
	"callback-hosts": [],
	"certificate-expiry-warning-days": 30,
	"max-refresh-token-lifetime-days": 90,
	"max-refresh-token-idle-days": 30,
	"max-session-timeout-minutes": 120,
	"max-trusted-ip-addresses": 256,
	"privileged-grants": ["System Administrator", "Admin", "*system admin*", "*sys admin*", "*systemadmin*", "*sysadmin*", "administrateur syst*me*", "administrador del sistema*", "administrador do sistema*", "amministratore del sistema*", "systeembeheerder*", "システム管理者*"],
}

# option returns the value of an option for the current app: the app's override in
# data.calint.apps[NAME], else data.calint.options, else the default.
# (One function with else, so a call stops at the first value found.)
option(name) := v if {
	v := data.calint.apps[input.app.name][name]
} else := v if {
	v := data.calint.options[name]
} else := default_options[name]

# redact describes a secret by its length only, e.g. "(hidden, 40 characters)": a message
# names the element that holds a secret, never any part of its value.
redact(s) := sprintf("(hidden, %d characters)", [count(s)])

is_ca if input.app.type == "ConnectedApp"

is_eca if input.app.type == "ExternalClientApplication"

# scopes: every OAuth scope element of the app, as {"value": name, "node": element}.
# CA: each oauthConfig/scopes element; ECA: each item of ecaOauth/commaSeparatedOauthScopes
# (all items point at that element).
scopes contains {"value": s.value, "node": s} if {
	some s in input.connectedApp.oauthConfig.scopes
}

scopes contains {"value": item, "node": input.ecaOauth.commaSeparatedOauthScopes} if {
	some item in input.ecaOauth.commaSeparatedOauthScopes.items
}

scope_names contains s.value if some s in scopes

# --- Added for the callback URL rules (CAL2xx) ---------------------------------------------

# callback_urls: every URL line of the app's callbackUrl (CA oauthConfig/callbackUrl, ECA
# .ecaGlblOauth callbackUrl), as the urllist entries {"_ref", "value", "url"}.
callback_urls contains u if {
	some u in input.connectedApp.oauthConfig.callbackUrl.urls
}

callback_urls contains u if {
	some u in input.ecaGlblOauth.callbackUrl.urls
}

# safe_url: a URL fit for messages and finding keys: the userinfo (up to the authority's last
# "@", so a password holding "@" goes whole), the query and the fragment are replaced by "…",
# so a credential carried in a URL is never printed.
safe_url(s) := regex.replace(
	regex.replace(
		regex.replace(s, `#[\s\S]*$`, "#…"),
		`^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@`, "${1}…@",
	),
	`\?[^#]*`, "?…",
)
