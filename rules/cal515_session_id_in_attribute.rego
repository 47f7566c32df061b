# METADATA
# title: Session ID sent in a custom attribute
# description: |-
#   A custom attribute formula sends the user's Salesforce session ID to the connected
#   service: it contains `$Api.Session_ID` or `GETSESSIONID()` (Connected App
#   `attributes/formula`; External Client App `customAttributes/formula` in `.ecaOauth`,
#   `.ecaOauthPlcy` or `.ecaSamlPlcy`). Attributes travel in the SAML assertion, the ID token
#   or the user-info response, so the service provider (and anything that logs those) gets a
#   session ID that works against Salesforce as the user, bypassing the OAuth scopes the app was
#   granted. Salesforce Code Analyzer rates session ID exposure as high.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (ConnectedAppAttribute formula)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappoauthsettings.htm
#     description: ExtlClntAppOauthSettings (customAttributes formula)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.usefulformulafields.meta/usefulformulafields/formula_using_global_variables.htm
#     description: Formula global variables ($Api.Session_ID)
# schemas:
#   - input: schema.input
# custom:
#   id: CAL515
#   name: SessionIdInAttribute
#   severity: high
#   remediation: |-
#     Remove the attribute. If the service must call Salesforce, give it its own OAuth
#     authorization (JWT bearer or the web server flow) with the scopes it needs.
#   example: |-
#     <attributes>
#         <formula>$User.Email</formula>
#         <key>email</key>
#     </attributes>
package calint.rules.cal515

session_id := `(?i)(\$api\.session_id|getsessionid\s*\()`

formulas contains {"where": "attributes", "attr": a} if some a in input.connectedApp.attributes

formulas contains {"where": "ecaOauth customAttributes", "attr": a} if some a in input.ecaOauth.customAttributes

formulas contains {"where": "ecaOauthPlcy customAttributes", "attr": a} if some a in input.ecaOauthPlcy.customAttributes

formulas contains {"where": "ecaSamlPlcy customAttributes", "attr": a} if some a in input.ecaSamlPlcy.customAttributes

deny contains {"msg": msg, "node": f.attr.formula, "key": key} if {
	some f in formulas
	regex.match(session_id, f.attr.formula.value)
	key := object.get(f.attr, ["key", "value"], "")
	msg := sprintf("%s attribute %q sends the user's session ID to the service (%s); remove it", [f.where, key, f.attr.formula.value])
}
