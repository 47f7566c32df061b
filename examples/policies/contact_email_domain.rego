# METADATA
# title: Contact email outside the organisation
# description: |-
#   The app's contact email is not an address of the organisation (`contact-email-domains`
#   under `options.custom` in `.calint.yaml`). Salesforce and users reach the app's owner
#   through it, for instance when a certificate or secret must be rotated; a personal or
#   vendor address leaves the app without an owner when that person leaves. The rule is off
#   until the list is set.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp (contactEmail)
#   - ref: https://github.com/calint/calint/blob/main/docs/custom-rules.md
#     description: writing custom rules
# schemas:
#   - input: schema.input
# custom:
#   id: ACME103
#   name: ContactEmailOutsideOrg
#   severity: low
#   remediation: Use a team address of the organisation, such as integrations@acme.example.
#   example: |-
#     <contactEmail>integrations@acme.example</contactEmail>
package acme.rules.contact_email_domain

import data.calint.lib

domains := {lower(d) | some d in lib.custom_option("contact-email-domains", [])}

# the contactEmail element of a Connected App or of an External Client App's header
email := input.connectedApp.contactEmail

email := input.eca.contactEmail

domain_of(address) := lower(parts[count(parts) - 1]) if parts := split(address, "@")

approved(domain) if domain in domains

approved(domain) if {
	some d in domains
	endswith(domain, concat("", [".", d]))
}

deny contains {"msg": msg, "node": email} if {
	count(domains) > 0
	not approved(domain_of(email.value))
	msg := sprintf("contact email domain %s is not one of %s", [domain_of(email.value), concat(", ", sort(domains))])
}
