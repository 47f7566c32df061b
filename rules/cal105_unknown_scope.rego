# METADATA
# title: Unknown OAuth scope
# description: |-
#   A scope that is not a value of the metadata scope enum: the ConnectedApp
#   `ConnectedAppOauthAccessScope` enum, or the scope names of External Client App
#   `commaSeparatedOauthScopes`. Typical mistakes are OAuth protocol strings (`api`,
#   `refresh_token`, `full`) instead of the metadata names (`Api`, `RefreshToken`, `Full`),
#   invented names (`ChatbotApi`, `SfapApi`, `ID`), and the name of the other app type (a
#   Connected App uses `SFAP`, an External Client App `SFApiPlatform`). Such a file usually fails
#   to deploy, or the app does not get the access the integration expects.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: documentation
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#     description: ExtlClntAppOauthSettings (commaSeparatedOauthScopes)
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm
#     description: OAuth tokens and scopes
# schemas:
#   - input: schema.input
# custom:
#   id: CAL105
#   name: UnknownScope
#   severity: low
#   remediation: |-
#     Use the metadata enum name of the scope (e.g. `RefreshToken`, not `refresh_token`), or remove
#     the scope. Retrieve the app from an org to see the names Salesforce writes.
#   example: |-
#     <scopes>RefreshToken</scopes>
package calint.rules.cal105

import data.calint.lib

# ConnectedAppOauthAccessScope, in WSDL order, plus MCP and SCRT, which retrieved files list
# after PwdlessLogin in the enum's declaration order.
ca_scopes := {
	"Basic", "Api", "Web", "Full", "Chatter", "CustomApplications", "RefreshToken",
	"OpenID", "Profile", "Email", "Address", "Phone", "OfflineAccess", "CustomPermissions",
	"Wave", "Eclair", "Pardot", "Lightning", "Content", "CDPIngest", "CDPProfile", "CDPQuery",
	"Chatbot", "CDPSegment", "CDPIdentityResolution", "CDPCalculatedInsight", "ForgotPassword",
	"UserRegistration", "SFAP", "Interaction", "CDP", "EinsteinGPT", "PwdlessLogin", "MCP",
	"SCRT",
}

# ExtlClntAppOauthSettings scope names as documented, plus CDP and DataCloudUserClaims, which a
# Salesforce deploy error lists among the valid values.
eca_scopes := {
	"Basic", "Api", "Web", "Full", "Chatter", "CustomApplications", "RefreshToken",
	"OpenID", "Profile", "Email", "Address", "Phone", "OfflineAccess", "CustomPermissions",
	"Wave", "Eclair", "Pardot", "Lightning", "Content", "CDPIngest", "CDPProfile", "CDPQuery",
	"Chatbot", "CDPSegment", "CDPIdentityResolution", "CDPCalculatedInsight", "SFApiPlatform",
	"Interaction", "EinsteinGPT", "PwdlessLogin", "ForgotPassword", "UserRegistration", "MCP",
	"SCRT", "CDP", "DataCloudUserClaims",
}

known := ca_scopes if lib.is_ca

known := eca_scopes if lib.is_eca

# the other app type's name for the SFAP scope
aliases := {"sfapiplatform": "SFAP"} if lib.is_ca

aliases := {"sfap": "SFApiPlatform"} if lib.is_eca

# normalized: lower case without "_", "-" and spaces ("refresh_token" -> "refreshtoken")
normalized(s) := lower(regex.replace(s, `[-_\s]`, ""))

canonical(n) := k if {
	some k in known
	lower(k) == n
}

canonical(n) := aliases[n]

# suggestion: the known scope an unknown one most likely means, if any.
suggestion(s) := k if {
	k := canonical(normalized(s))
} else := k if {
	k := canonical(trim_suffix(normalized(s), "api"))
}

deny contains {"msg": msg, "node": s.node, "key": s.value} if {
	some s in lib.scopes
	not s.value in known
	msg := sprintf("OAuth scope %q is not a known %s scope value; did you mean %q?", [s.value, input.app.type, suggestion(s.value)])
}

deny contains {"msg": msg, "node": s.node, "key": s.value} if {
	some s in lib.scopes
	not s.value in known
	not suggestion(s.value)
	msg := sprintf("OAuth scope %q is not a known %s scope value; the deploy may fail or the app may lack the access it expects", [s.value, input.app.type])
}
