# Helpers for the OAuth flow hardening (5xx) and metadata hygiene (6xx) rules.
package calint.lib

# eca_child_suffixes: the input keys of the ECA child files (everything but the `.eca` header).
eca_child_suffixes := [
	"ecaOauth", "ecaGlblOauth", "ecaOauthPlcy", "ecaPlcy", "ecaSamlPlcy", "ecaMobile",
	"ecaMobilePlcy", "ecaNotifications", "ecaPush", "ecaPushPlcy", "ecaCanvas", "ecaOauthSecurity",
]

# eca_children: the root element of every ECA child file of the app, as {"suffix", "root"}.
eca_children contains {"suffix": k, "root": input[k]} if {
	some k in eca_child_suffixes
	input[k]
}

# is_true(parent, name): parent's leaf `name` exists and its value is the boolean true.
# Pass a defined parent when negating: `not is_true(x.y, n)` with x.y undefined is undefined,
# so the negation fails instead of succeeding.
is_true(parent, name) if parent[name].value == true

# is_false(parent, name): parent's leaf `name` exists and its value is the boolean false.
is_false(parent, name) if parent[name].value == false

# child_or_parent(parent, name): the child element `name` when present, else the parent
# (a finding about a missing element points at its parent).
child_or_parent(parent, name) := parent[name]

child_or_parent(parent, name) := parent if not parent[name]

# client_credentials_flags: the leaves that switch the OAuth client credentials flow on
# (CA oauthConfig/isClientCredentialEnabled; ECA isClientCredentialsFlowEnabled in
# .ecaGlblOauth and in .ecaOauthPlcy), those that are true.
client_credentials_flags contains input.connectedApp.oauthConfig.isClientCredentialEnabled if {
	is_true(input.connectedApp.oauthConfig, "isClientCredentialEnabled")
}

client_credentials_flags contains input.ecaGlblOauth.isClientCredentialsFlowEnabled if {
	is_true(input.ecaGlblOauth, "isClientCredentialsFlowEnabled")
}

client_credentials_flags contains input.ecaOauthPlcy.isClientCredentialsFlowEnabled if {
	is_true(input.ecaOauthPlcy, "isClientCredentialsFlowEnabled")
}

# client_credentials_state: whether the client credentials flow is on. "on": a connected app
# enables it, or an External Client App enables it in both its global OAuth settings and
# its OAuth policies (Salesforce Help: the flow must be enabled in the app's settings and in
# its policies, where the run-as user is set). "unverified": an External Client App enables
# it in one of the two files and the other is not in the scan (the global settings should
# not be in source control), so whether it is on could not be checked. Undefined: off (an
# ECA whose two files disagree, as in a retrieve where the policy turned it off, is off).
client_credentials_state := "on" if {
	is_true(input.connectedApp.oauthConfig, "isClientCredentialEnabled")
}

client_credentials_state := "on" if {
	is_true(input.ecaGlblOauth, "isClientCredentialsFlowEnabled")
	is_true(input.ecaOauthPlcy, "isClientCredentialsFlowEnabled")
}

client_credentials_state := "unverified" if {
	is_true(input.ecaGlblOauth, "isClientCredentialsFlowEnabled")
	not input.ecaOauthPlcy
}

client_credentials_state := "unverified" if {
	is_true(input.ecaOauthPlcy, "isClientCredentialsFlowEnabled")
	not input.ecaGlblOauth
}

# client_credentials_enabled: the client credentials flow is on (see client_credentials_state).
client_credentials_enabled if client_credentials_state == "on"

# token_exchange_flags: the leaves that enable the OAuth token exchange flow
# (CA oauthConfig/isTokenExchangeEnabled or oauthPolicy/isTokenExchangeFlowEnabled;
# ECA .ecaGlblOauth isTokenExchangeEnabled or .ecaOauthPlcy isTokenExchangeFlowEnabled).
token_exchange_flags contains input.connectedApp.oauthConfig.isTokenExchangeEnabled if {
	is_true(input.connectedApp.oauthConfig, "isTokenExchangeEnabled")
}

token_exchange_flags contains input.connectedApp.oauthPolicy.isTokenExchangeFlowEnabled if {
	is_true(input.connectedApp.oauthPolicy, "isTokenExchangeFlowEnabled")
}

token_exchange_flags contains input.ecaGlblOauth.isTokenExchangeEnabled if {
	is_true(input.ecaGlblOauth, "isTokenExchangeEnabled")
}

token_exchange_flags contains input.ecaOauthPlcy.isTokenExchangeFlowEnabled if {
	is_true(input.ecaOauthPlcy, "isTokenExchangeFlowEnabled")
}

token_exchange_enabled if count(token_exchange_flags) > 0

# refresh_scopes: the scopes that grant a refresh token (offline access).
refresh_scopes := {"RefreshToken", "OfflineAccess"}

# refresh_scope_granted: the app requests a refresh token scope.
refresh_scope_granted if {
	some s in scope_names
	s in refresh_scopes
}
